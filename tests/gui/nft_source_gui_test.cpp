// Where each rule evaluation was read, in the desktop app: read in the kernel next to the skb
// (exact) or from a netlink trace message (joined by fingerprint), in the journey detail and
// the swimlane; a base chain's verdict (nft_do_chain's return) beside the rule that gave it;
// functions the kernel lacks in the status bar.
#include "assembler.h"
#include "gui_style.h"
#include "journey_detail.h"
#include "language.h"
#include "main_window.h"
#include "sample_trace_fixture.h"
#include "swimlane_view.h"
#include "trace_document.h"
#include "unit/journey_fixtures.h"

#include <QHelpEvent>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolTip>
#include <QTreeWidget>

#include <algorithm>

namespace {

using namespace nt;
using nt::testing::Nft;
using nt::testing::Stream;

// A SYN whose rule evaluations were read in the kernel (with its base chain's verdict), and an
// echo request whose evaluation came over netlink.
Trace mixedTrace() {
    using namespace nt::testing;
    Stream s;
    s.hdr(header(kSkbA, 0, tcpSyn()))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_FIB_TABLE_LOOKUP, kSkbA, 2, 2, kNsA, 0, 0, NT_EVF_CONTEXT})
        .rec({0, 4, "input", NftTraceType::Rule, verdict::Drop, 4, {}, "", 0, 2, 0, "fw", kSkbA})
        .rec({0, 5, "input", NftTraceType::Chain, verdict::Drop, 0, {}, "", 0, 2, 0, "fw", kSkbA})
        .ev({NT_PROBE_KFREE_SKB, kSkbA, 9, 2, kNsA, kNetfilterDrop, 0, 0, kNfHookSlow});
    s.hdr(header(kSkbB, 1000, icmpEcho(1)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbB, 1000, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_CONSUME_SKB, kSkbB, 1010})
        .rec({8, 1040, "input", NftTraceType::Rule, verdict::Accept, 3, icmpEcho(1)});
    Trace t = s.trace();
    t.meta.backend = "kprobe+tracepoints+nftrace-bpf";
    t.meta.startMonoNs = kT0;
    return t;
}

class NftSource : public nt::testing::DocumentTest {
protected:
    void SetUp() override { load(mixedTrace(), 2); }
    // The rows of the detail's "nftables rules evaluated" section.
    static std::vector<QTreeWidgetItem *> ruleRows(const JourneyDetail &detail) {
        std::vector<QTreeWidgetItem *> rows;
        QTreeWidget *tree = detail.tree();
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            QTreeWidgetItem *section = tree->topLevelItem(i);
            if (section->text(0) == JourneyDetail::tr("nftables rules evaluated")) {
                for (int c = 0; c < section->childCount(); ++c) {
                    rows.push_back(section->child(c));
                }
            }
        }
        return rows;
    }
};

TEST_F(NftSource, TheRuleStaysTheVerdictBesideItsChainsVerdict) {
    const JourneyId dropped = journeyWithFate(Fate::DroppedByRule);
    ASSERT_NE(dropped, kNoJourney);
    const Journey j = doc.assembler()->journey(dropped);
    EXPECT_EQ(j.ruleHandle, 4u);
    EXPECT_EQ(j.verdict, verdict::Drop);
    EXPECT_FALSE(j.verdictByPolicy);
    ASSERT_EQ(j.nft.size(), 2u);
    EXPECT_EQ(doc.assembler()->nftStep(j.nft[1]).type, static_cast<uint8_t>(NftTraceType::Chain));
}

TEST_F(NftSource, JourneyDetailMarksWhereEachEvaluationWasRead) {
    JourneyDetail detail;
    detail.setSource(doc.trace(), doc.assembler(), doc.report());

    detail.showJourney(journeyWithFate(Fate::DroppedByRule));
    auto rows = ruleRows(detail);
    ASSERT_EQ(rows.size(), 2u);
    for (QTreeWidgetItem *row : rows) {
        EXPECT_TRUE(row->data(1, JourneyDetail::NftExactRole).toBool());
        EXPECT_TRUE(row->text(1).endsWith(QStringLiteral("[kernel]")))
            << row->text(1).toStdString();
        EXPECT_EQ(row->toolTip(1), gui::nftSourceExplanation(true));
    }
    EXPECT_TRUE(rows[0]->text(2).contains(QStringLiteral("handle 4")))
        << rows[0]->text(2).toStdString();
    EXPECT_TRUE(rows[1]->text(2).startsWith(QStringLiteral("chain verdict")))
        << rows[1]->text(2).toStdString();
    EXPECT_TRUE(rows[1]->text(2).contains(QStringLiteral("DROP")));

    detail.showJourney(journeyWithFate(Fate::Delivered));
    rows = ruleRows(detail);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_FALSE(rows[0]->data(1, JourneyDetail::NftExactRole).toBool());
    EXPECT_TRUE(rows[0]->text(1).endsWith(QStringLiteral("[netlink]")))
        << rows[0]->text(1).toStdString();
    EXPECT_EQ(rows[0]->toolTip(1), gui::nftSourceExplanation(false));

    // In Vietnamese.
    Language language;
    ASSERT_TRUE(language.setLanguage(QStringLiteral("vi")));
    EXPECT_NE(gui::nftSourceName(true), QStringLiteral("kernel"));
    EXPECT_FALSE(gui::nftSourceExplanation(false).startsWith(QStringLiteral("Read from")))
        << gui::nftSourceExplanation(false).toStdString();
    language.setLanguage(QStringLiteral("en"));
}

TEST_F(NftSource, SwimlaneToolTipSaysWhereTheRuleWasRead) {
    SwimlaneView view;
    view.resize(1200, 420);
    view.setTrace(doc.trace(), doc.assembler());
    const JourneyId dropped = journeyWithFate(Fate::DroppedByRule);
    view.showJourneys({dropped});
    view.show();
    const auto &items = view.items();
    const auto rule = std::find_if(items.begin(), items.end(), [](const SwimlaneItem &i) {
        return i.kind == SwimlaneItemKind::NftRule;
    });
    ASSERT_NE(rule, items.end());
    const QPoint pos = view.itemPosition(static_cast<size_t>(rule - items.begin())).toPoint();
    ASSERT_EQ(view.itemAt(pos), rule - items.begin());
    QHelpEvent help(QEvent::ToolTip, pos, view.viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view.viewport(), &help);
    EXPECT_TRUE(QToolTip::text().contains(QStringLiteral("read from: kernel")))
        << QToolTip::text().toStdString();
    const auto chain = std::find_if(items.begin(), items.end(), [](const SwimlaneItem &i) {
        return i.label.contains(QStringLiteral("chain"));
    });
    ASSERT_NE(chain, items.end()) << "the chain's verdict has its marker";
    EXPECT_EQ(chain->verdict, verdict::Drop);
}

TEST(SkippedFunctions, StatusBarListsThem) {
    QTemporaryDir settingsDir;
    ASSERT_TRUE(settingsDir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QStandardPaths::setTestModeEnabled(true);
    Language language;
    MainWindow window(&language);
    window.setInteractive(false);
    window.showSkippedFunctions({QStringLiteral("nt_no_such_function"), QStringLiteral("foo")});
    const QString message = window.statusBar()->currentMessage();
    EXPECT_TRUE(message.contains(QStringLiteral("nt_no_such_function, foo")))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("skipped"))) << message.toStdString();

    ASSERT_TRUE(language.setLanguage(QStringLiteral("vi")));
    window.showSkippedFunctions({QStringLiteral("nt_no_such_function")});
    const QString vi = window.statusBar()->currentMessage();
    EXPECT_TRUE(vi.contains(QStringLiteral("nt_no_such_function"))) << vi.toStdString();
    EXPECT_FALSE(vi.contains(QStringLiteral("skipped"))) << "translated: " << vi.toStdString();
    language.setLanguage(QStringLiteral("en"));
}

} // namespace

NT_GUI_TEST_MAIN()
