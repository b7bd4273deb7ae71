// Swimlane diagram on the recorded sample: the dropped SYN's laid-out markers, hover and click,
// zoom, many journeys as polylines, absolute time.
#include "event.h"
#include "gui_style.h"
#include "sample_trace_fixture.h"
#include "swimlane_view.h"

#include <QHelpEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>

namespace {

using namespace nt;

class Swimlane : public nt::testing::SampleTrace {
protected:
    static JourneyId droppedSyn() {
        for (JourneyId id = 0; id < assembler->journeyCount(); ++id) {
            if (assembler->journey(id).fate == Fate::DroppedByRule) {
                return id;
            }
        }
        return kNoJourney;
    }
    void SetUp() override {
        view = std::make_unique<SwimlaneView>();
        view->resize(1200, 420);
        view->setTrace(trace.get(), assembler.get());
    }
    // The first item matching `pred`, or -1.
    int find(const std::function<bool(const SwimlaneItem &)> &pred) const {
        const auto &items = view->items();
        const auto it = std::find_if(items.begin(), items.end(), pred);
        return it == items.end() ? -1 : static_cast<int>(it - items.begin());
    }
    std::unique_ptr<SwimlaneView> view;
};

TEST_F(Swimlane, DroppedSynLaysOutItsHopsAcrossLanes) {
    const JourneyId id = droppedSyn();
    ASSERT_NE(id, kNoJourney);
    view->showJourneys({id});
    ASSERT_TRUE(view->detailed());
    const auto &items = view->items();
    ASSERT_FALSE(items.empty());

    const int rx =
        find([](const SwimlaneItem &i) { return i.label == QStringLiteral("netif_rx"); });
    const int rcv =
        find([](const SwimlaneItem &i) { return i.label == QStringLiteral("netif_receive_skb"); });
    ASSERT_GE(rx, 0);
    ASSERT_GE(rcv, 0);
    EXPECT_EQ(items[static_cast<size_t>(rx)].layer, Layer::Device);
    EXPECT_EQ(items[static_cast<size_t>(rx)].kind, SwimlaneItemKind::Tracepoint);
    EXPECT_EQ(items[static_cast<size_t>(rcv)].layer, Layer::Device);
    EXPECT_DOUBLE_EQ(items[static_cast<size_t>(rx)].timeUs, 0.0); // aligned at the start
    EXPECT_NEAR(items[static_cast<size_t>(rcv)].timeUs, 12.406, 0.001);

    const int rule =
        find([](const SwimlaneItem &i) { return i.kind == SwimlaneItemKind::NftRule; });
    ASSERT_GE(rule, 0);
    const SwimlaneItem &r = items[static_cast<size_t>(rule)];
    EXPECT_EQ(r.layer, Layer::Netfilter);
    EXPECT_EQ(r.ruleHandle, 3u);
    EXPECT_EQ(r.verdict, verdict::Drop);
    EXPECT_TRUE(r.label.contains(QStringLiteral("#3"))) << r.label.toStdString();
    EXPECT_TRUE(r.label.contains(QStringLiteral("DROP"))) << r.label.toStdString();
    EXPECT_EQ(view->itemColor(static_cast<size_t>(rule)),
              gui::verdictColor(verdict::Drop, view->palette()));
    // Only decisions are drawn: nft-tracer's own trace table never shows.
    EXPECT_EQ(std::count_if(items.begin(), items.end(),
                            [](const SwimlaneItem &i) {
                                return i.kind == SwimlaneItemKind::NftRule ||
                                       i.kind == SwimlaneItemKind::NftPolicy;
                            }),
              1);

    const int drop = find([](const SwimlaneItem &i) { return i.kind == SwimlaneItemKind::Drop; });
    ASSERT_GE(drop, 0);
    EXPECT_EQ(items[static_cast<size_t>(drop)].layer, Layer::Drop);
    EXPECT_EQ(items[static_cast<size_t>(drop)].label, QStringLiteral("NETFILTER_DROP"));
    EXPECT_NEAR(items[static_cast<size_t>(drop)].timeUs, 34.041, 0.001);

    // Each item points at its timeline entry.
    const auto timeline = assembler->timeline(id);
    for (const SwimlaneItem &i : items) {
        ASSERT_LT(static_cast<size_t>(i.timelineIndex), timeline.size());
        EXPECT_EQ(timeline[static_cast<size_t>(i.timelineIndex)].tsNs, i.tsNs);
    }
    // Lanes nobody visits are collapsed; the visited ones keep the crossing order.
    EXPECT_EQ(view->laneRow(Layer::Device), 0);
    EXPECT_LT(view->laneRow(Layer::Netfilter), view->laneRow(Layer::Drop));
    EXPECT_EQ(view->laneRow(Layer::Xmit), -1);
    view->setShowEmptyLanes(true);
    EXPECT_EQ(view->laneRow(Layer::Xmit), static_cast<int>(Layer::Xmit));
    view->setShowEmptyLanes(false);

    ASSERT_TRUE(view->grab().save(nt::testing::screenshotPath(QStringLiteral("swimlane.png"))));
}

TEST_F(Swimlane, ClickAndHoverOnAnItem) {
    const JourneyId id = droppedSyn();
    view->showJourneys({id});
    view->show();
    const int drop = find([](const SwimlaneItem &i) { return i.kind == SwimlaneItemKind::Drop; });
    ASSERT_GE(drop, 0);
    const QPoint pos = view->itemPosition(static_cast<size_t>(drop)).toPoint();
    ASSERT_TRUE(view->viewport()->rect().contains(pos));
    EXPECT_EQ(view->itemAt(pos), drop);
    EXPECT_EQ(view->itemAt(pos + QPoint(0, 30)), -1);

    QSignalSpy spy(view.get(), &SwimlaneView::eventActivated);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pos);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).value<JourneyId>(), id);
    const int index = spy.at(0).at(1).toInt();
    EXPECT_EQ(index, view->items()[static_cast<size_t>(drop)].timelineIndex);
    const TimelineItem ti = assembler->timeline(id)[static_cast<size_t>(index)];
    ASSERT_FALSE(ti.nft);
    EXPECT_EQ(assembler->events(id)[ti.index - assembler->record(id).eventBegin].probe,
              NT_PROBE_KFREE_SKB);
    EXPECT_EQ(view->selectedItem(), drop);

    // A click on empty space activates nothing; a drag pans instead of clicking.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pos + QPoint(0, 30));
    EXPECT_EQ(spy.count(), 1);

    QHelpEvent help(QEvent::ToolTip, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &help);
    EXPECT_TRUE(QToolTip::text().contains(QStringLiteral("NETFILTER_DROP")))
        << QToolTip::text().toStdString();
    EXPECT_TRUE(QToolTip::text().contains(QStringLiteral("kfree_skb")));

    // Keyboard: Ctrl+Left selects the previous marker in time and activates it.
    QTest::keyClick(view.get(), Qt::Key_Left, Qt::ControlModifier);
    ASSERT_EQ(spy.count(), 2);
    EXPECT_LT(view->items()[static_cast<size_t>(view->selectedItem())].timeUs,
              view->items()[static_cast<size_t>(drop)].timeUs);
}

TEST_F(Swimlane, ZoomChangesTheVisibleRange) {
    view->showJourneys({droppedSyn()});
    const auto [a0, a1] = view->visibleRangeUs();
    EXPECT_LT(a0, 0.0);
    EXPECT_GT(a1, 34.041); // fitted: the whole journey is visible
    view->zoomIn();
    const auto [b0, b1] = view->visibleRangeUs();
    EXPECT_NEAR((b1 - b0) * 1.5, a1 - a0, 1e-6);

    // Ctrl+wheel zooms around the cursor: the time under it stays put.
    const int drop = find([](const SwimlaneItem &i) { return i.kind == SwimlaneItemKind::Drop; });
    const QPointF at = view->itemPosition(static_cast<size_t>(drop));
    QWheelEvent wheel(at, view->viewport()->mapToGlobal(at), {}, QPoint(0, 240), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    const auto [c0, c1] = view->visibleRangeUs();
    EXPECT_LT(c1 - c0, b1 - b0);
    EXPECT_NEAR(view->itemPosition(static_cast<size_t>(drop)).x(), at.x(), 0.5);
    EXPECT_GT(view->horizontalScrollBar()->maximum(), 0);

    // Panning with the keyboard moves the range, fit restores it.
    QTest::keyClick(view.get(), Qt::Key_Right);
    EXPECT_GT(view->visibleRangeUs().first, c0);
    QTest::keyClick(view.get(), Qt::Key_0);
    EXPECT_NEAR(view->visibleRangeUs().first, a0, 1e-6);
    EXPECT_NEAR(view->visibleRangeUs().second, a1, 1e-6);
}

TEST_F(Swimlane, ManyJourneysAreDrawnAsPolylines) {
    std::vector<JourneyId> all(assembler->journeyCount());
    std::iota(all.begin(), all.end(), 0);
    ASSERT_GT(all.size(), SwimlaneView::kDetailLimit);
    view->showJourneys(all);
    EXPECT_FALSE(view->detailed());
    EXPECT_TRUE(view->items().empty());
    EXPECT_EQ(view->journeysShown(), all.size());
    EXPECT_GE(view->laneRow(Layer::Xmit), 0);
    view->setAlignStarts(false);
    // On absolute time the sample spans about a second of traffic.
    EXPECT_GT(view->visibleRangeUs().second, 100000.0);
    ASSERT_TRUE(
        view->grab().save(nt::testing::screenshotPath(QStringLiteral("swimlane-many.png"))));
}

TEST_F(Swimlane, AbsoluteTimeOffsetsLaterJourneys) {
    // Two journeys of the same SYN exchange: the later one starts later on absolute time.
    const JourneyId a = droppedSyn();
    JourneyId b = kNoJourney;
    for (JourneyId id = 0; id < assembler->journeyCount(); ++id) {
        if (id != a && assembler->record(id).firstTs > assembler->record(a).firstTs &&
            assembler->journey(id).fate == Fate::Delivered) {
            b = id;
            break;
        }
    }
    ASSERT_NE(b, kNoJourney);
    view->showJourneys({a, b});
    ASSERT_TRUE(view->detailed());
    auto firstOf = [this](JourneyId id) {
        for (const SwimlaneItem &i : view->items()) {
            if (i.journey == id) {
                return i.timeUs;
            }
        }
        return -1.0;
    };
    EXPECT_DOUBLE_EQ(firstOf(a), 0.0);
    EXPECT_DOUBLE_EQ(firstOf(b), 0.0);
    view->setAlignStarts(false);
    EXPECT_DOUBLE_EQ(firstOf(a), 0.0);
    EXPECT_NEAR(firstOf(b),
                static_cast<double>(assembler->record(b).firstTs - assembler->record(a).firstTs) /
                    1000.0,
                0.001);
    view->setTrace(nullptr, nullptr);
    EXPECT_EQ(view->journeysShown(), 0u);
    EXPECT_TRUE(view->items().empty());
}

} // namespace

NT_GUI_TEST_MAIN()
