// PacketListModel and FilterBar on the recorded sample: model consistency, key cells, sorting,
// the filter language and the rule filter; a 100k-journey run that prints its timings.
#include "filter_bar.h"
#include "journey.h"
#include "packet_list_model.h"
#include "report.h"
#include "sample_trace_fixture.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

#include <cstdio>
#include <functional>
#include <set>

namespace {

using namespace nt;

class PacketList : public nt::testing::SampleTrace {
protected:
    void SetUp() override {
        report = std::make_unique<Report>(*trace, *assembler);
        model = std::make_unique<PacketListModel>();
        tester = std::make_unique<QAbstractItemModelTester>(
            model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        model->setSource(trace.get(), assembler.get(), report.get());
        std::vector<JourneyId> ids(assembler->journeyCount());
        for (JourneyId id = 0; id < ids.size(); ++id) {
            ids[id] = id;
        }
        model->appendJourneys(ids);
    }
    int rowOfFate(Fate fate) const {
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->data(model->index(r, 0), PacketListModel::FateRole).toInt() ==
                static_cast<int>(fate)) {
                return r;
            }
        }
        return -1;
    }
    QString cell(int row, int column) const {
        return model->data(model->index(row, column)).toString();
    }
    std::unique_ptr<Report> report;
    std::unique_ptr<PacketListModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

TEST_F(PacketList, ShowsEveryJourneyOfTheSample) {
    EXPECT_EQ(model->rowCount(), 27);
    EXPECT_EQ(model->columnCount(), PacketListModel::ColumnCount);
    EXPECT_EQ(model->headerData(PacketListModel::FateColumn, Qt::Horizontal).toString(),
              QStringLiteral("Fate"));
    // The SYN to port 8082 that rule 3 dropped.
    const int r = rowOfFate(Fate::DroppedByRule);
    ASSERT_GE(r, 0);
    EXPECT_EQ(cell(r, PacketListModel::FateColumn), QStringLiteral("DROPPED BY RULE"));
    EXPECT_EQ(cell(r, PacketListModel::VerdictColumn), QStringLiteral("DROP (rule 3, input)"));
    EXPECT_EQ(cell(r, PacketListModel::DropReasonColumn), QStringLiteral("NETFILTER_DROP"));
    EXPECT_EQ(cell(r, PacketListModel::ProtocolColumn), QStringLiteral("TCP"));
    EXPECT_EQ(cell(r, PacketListModel::SourceColumn), QStringLiteral("10.99.1.1:46662"));
    EXPECT_EQ(cell(r, PacketListModel::DestinationColumn), QStringLiteral("10.99.1.2:8082"));
    EXPECT_TRUE(cell(r, PacketListModel::InfoColumn).contains(QStringLiteral("[SYN]")))
        << cell(r, PacketListModel::InfoColumn).toStdString();
    EXPECT_TRUE(cell(r, PacketListModel::LayersColumn).contains(QStringLiteral("Netfilter")));
    EXPECT_TRUE(cell(r, PacketListModel::LayersColumn).contains(QStringLiteral("Drop")));
    EXPECT_TRUE(model->data(model->index(r, PacketListModel::FateColumn), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("rule handle 3")));
    EXPECT_TRUE(model->data(model->index(r, 0), Qt::BackgroundRole).isValid());
    // A delivered ping: no verdict by rule, no drop reason, no highlight.
    const int d = rowOfFate(Fate::Delivered);
    ASSERT_GE(d, 0);
    EXPECT_EQ(cell(d, PacketListModel::DropReasonColumn), QString());
    EXPECT_FALSE(model->data(model->index(d, 0), Qt::BackgroundRole).isValid());
}

TEST_F(PacketList, SortsIdsByAnyColumnAndKeepsTheSelection) {
    const int r = rowOfFate(Fate::DroppedByRule);
    const QPersistentModelIndex kept(model->index(r, 0));
    const JourneyId dropped = model->journeyAt(r);

    model->sort(PacketListModel::LengthColumn, Qt::DescendingOrder);
    for (int i = 1; i < model->rowCount(); ++i) {
        EXPECT_GE(cell(i - 1, PacketListModel::LengthColumn).toInt(),
                  cell(i, PacketListModel::LengthColumn).toInt());
    }
    ASSERT_TRUE(kept.isValid());
    EXPECT_EQ(model->journeyAt(kept.row()), dropped);

    // Addresses compare by value: every IPv4 source before any IPv6 one.
    model->sort(PacketListModel::SourceColumn, Qt::AscendingOrder);
    bool seenV6 = false;
    for (int i = 0; i < model->rowCount(); ++i) {
        const QString src = cell(i, PacketListModel::SourceColumn);
        const bool v6 = src.startsWith(QLatin1Char('[')) || src.count(QLatin1Char(':')) > 1;
        EXPECT_FALSE(seenV6 && !v6) << "IPv4 after IPv6 at row " << i;
        seenV6 = seenV6 || v6;
    }
    EXPECT_TRUE(seenV6);
    EXPECT_EQ(model->journeyAt(kept.row()), dropped);

    model->sort(PacketListModel::FateColumn, Qt::DescendingOrder);
    EXPECT_EQ(model->data(model->index(0, 0), PacketListModel::FateRole).toInt(),
              static_cast<int>(Fate::DroppedByRule));

    // Back to journey number order.
    model->sort(-1);
    for (int i = 0; i < model->rowCount(); ++i) {
        EXPECT_EQ(model->journeyAt(i), static_cast<JourneyId>(i));
    }
}

TEST_F(PacketList, FilterLanguageReducesRows) {
    model->setFilter(Filter::parse("tcp port 8082"));
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(model->data(model->index(0, 0), PacketListModel::FateRole).toInt(),
              static_cast<int>(Fate::DroppedByRule));
    model->setFilter(Filter::parse("icmp"));
    EXPECT_EQ(model->rowCount(), 4);
    model->setFilter(Filter::parse("ip6"));
    EXPECT_EQ(model->rowCount(), 10);
    model->setFilter(Filter::parse("ip6 and tcp dst port 8080"));
    EXPECT_EQ(model->rowCount(), 4);
    model->setFilter(Filter::parse("ifindex 2 and not tcp"));
    EXPECT_EQ(model->rowCount(), 8);
    model->setFilter(Filter::parse("ifindex 7"));
    EXPECT_EQ(model->rowCount(), 0);
    model->setFilter(Filter());
    EXPECT_EQ(model->rowCount(), 27);
}

TEST_F(PacketList, IfnameMatchesTheNameTheDeviceHadThen) {
    // The sample was recorded before names were kept: `ifname` finds nothing, as the
    // model has no name for any device.
    model->setFilter(Filter::parse("ifname veth-b"));
    EXPECT_EQ(model->rowCount(), 0);

    // The same trace with the names its recorder would have seen: ifindex 2 in the traced
    // namespace is veth-b; halfway through the trace it is renamed.
    Trace named = *trace;
    uint32_t netns = 0;
    uint64_t first = UINT64_MAX, last = 0;
    for (const Event &e : named.events) {
        netns = e.ifindex == 2 ? e.netns : netns;
        first = std::min<uint64_t>(first, e.ts_ns);
        last = std::max<uint64_t>(last, e.ts_ns);
    }
    ASSERT_NE(netns, 0u);
    const uint64_t middle = first + (last - first) / 2;
    named.interfaces = {
        {first + 1, netns, 1, "lo"}, {first + 1, netns, 2, "veth-b"}, {middle, netns, 2, "uplink"}};
    PacketListModel m;
    m.setSource(&named, assembler.get(), report.get());
    std::vector<JourneyId> ids(assembler->journeyCount());
    for (JourneyId id = 0; id < ids.size(); ++id) {
        ids[id] = id;
    }
    m.appendJourneys(ids);
    auto rowsWith = [&](const char *text) {
        m.setFilter(Filter::parse(text));
        return m.rowCount();
    };
    const int onIf2 = rowsWith("ifindex 2");
    ASSERT_GT(onIf2, 1);
    const int before = rowsWith("ifname veth-b");
    const int after = rowsWith("ifname uplink");
    EXPECT_GT(before, 0);
    EXPECT_GT(after, 0);
    // Every packet on ifindex 2 had one of the two names, none both (none spans the rename).
    EXPECT_EQ(rowsWith("ifname veth-b or ifname uplink"), onIf2);
    EXPECT_LE(before + after, onIf2 + 1);
    EXPECT_EQ(rowsWith("ifname veth-a"), 0);
    EXPECT_EQ(rowsWith("not ifname veth-b and ifindex 2"), onIf2 - before);
}

TEST_F(PacketList, RuleFilterShowsThePacketsARuleJudged) {
    model->setRuleFilter(
        RuleFilter{QStringLiteral("inet"), QStringLiteral("fw"), QStringLiteral("input"), 3});
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(cell(0, PacketListModel::DestinationColumn), QStringLiteral("10.99.1.2:8082"));
    model->setRuleFilter(
        RuleFilter{QStringLiteral("inet"), QStringLiteral("fw"), QStringLiteral("input"), 2});
    EXPECT_EQ(model->rowCount(), 4);
    for (int r = 0; r < model->rowCount(); ++r) {
        EXPECT_TRUE(cell(r, PacketListModel::DestinationColumn).endsWith(QStringLiteral(":8081")));
    }
    // Both filters at once.
    model->setFilter(Filter::parse("tcp port 8082"));
    EXPECT_EQ(model->rowCount(), 0);
    model->setRuleFilter(std::nullopt);
    EXPECT_EQ(model->rowCount(), 1);
    model->setRuleFilter(
        RuleFilter{QStringLiteral("inet"), QStringLiteral("fw"), QStringLiteral("nosuchchain"), 0});
    EXPECT_EQ(model->rowCount(), 0);
}

TEST_F(PacketList, RowsArriveInBatches) {
    PacketListModel m;
    QAbstractItemModelTester t(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.setSource(trace.get(), assembler.get(), report.get());
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    m.sort(PacketListModel::DurationColumn, Qt::AscendingOrder);
    const std::vector<JourneyId> first = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    std::vector<JourneyId> rest;
    for (JourneyId id = 10; id < assembler->journeyCount(); ++id) {
        rest.push_back(id);
    }
    m.appendJourneys(first);
    m.appendJourneys(rest);
    EXPECT_EQ(inserted.count(), 2);
    EXPECT_EQ(m.rowCount(), 27);
    EXPECT_EQ(m.totalCount(), 27);
    // Sorted after each batch.
    for (int i = 1; i < m.rowCount(); ++i) {
        EXPECT_LE(assembler->journey(m.journeyAt(i - 1)).durationNs(),
                  assembler->journey(m.journeyAt(i)).durationNs());
    }
}

TEST_F(PacketList, JourneysCompletedOutOfOrderAreListedByNumber) {
    // Journeys complete in their own order (a long one late); unsorted, the list is by number,
    // like a capture, and the selection follows its journey when rows go in before it.
    PacketListModel m;
    QAbstractItemModelTester t(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.setSource(trace.get(), assembler.get(), report.get());
    m.appendJourneys(std::vector<JourneyId>{4, 2, 9});
    const QPersistentModelIndex nine = m.index(2, 0);
    m.appendJourneys(std::vector<JourneyId>{7, 0, 12});
    std::vector<JourneyId> expected = {0, 2, 4, 7, 9, 12};
    EXPECT_EQ(m.visibleJourneys(), expected);
    ASSERT_TRUE(nine.isValid());
    EXPECT_EQ(m.journeyAt(nine.row()), 9u);
    m.appendJourneys(std::vector<JourneyId>{13, 14});
    expected.insert(expected.end(), {13, 14});
    EXPECT_EQ(m.visibleJourneys(), expected);
}

TEST_F(PacketList, FilterBarAppliesValidFiltersAndShowsErrorsInline) {
    FilterBar bar;
    bar.show();
    QObject::connect(&bar, &FilterBar::filterChanged, model.get(), &PacketListModel::setFilter);
    bar.setText(QStringLiteral("tcp port 8082"));
    EXPECT_EQ(model->rowCount(), 1);
    EXPECT_TRUE(bar.errorText().isEmpty());

    QSignalSpy changed(&bar, &FilterBar::filterChanged);
    bar.setText(QStringLiteral("tcp port http"));
    EXPECT_EQ(changed.count(), 0);
    EXPECT_EQ(model->rowCount(), 1) << "a bad filter keeps the previous one";
    EXPECT_EQ(bar.errorColumn(), 10);
    EXPECT_TRUE(bar.errorText().startsWith(QStringLiteral("column 10:")))
        << bar.errorText().toStdString();
    auto *error = bar.findChild<QLabel *>(QStringLiteral("filterError"));
    ASSERT_NE(error, nullptr);
    EXPECT_TRUE(error->isVisible());
    EXPECT_EQ(bar.findChild<QLineEdit *>(QStringLiteral("filterEdit"))->cursorPosition(), 9);

    // Typing fixes it: the error goes as soon as the text parses, Enter applies.
    auto *edit = bar.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("icmp"));
    EXPECT_EQ(edit->text(), QStringLiteral("icmp"));
    EXPECT_FALSE(error->isVisible()) << error->text().toStdString();
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_EQ(model->rowCount(), 4);
    bar.setCounts(model->rowCount(), model->totalCount());
    EXPECT_EQ(bar.findChild<QLabel *>(QStringLiteral("filterCounts"))->text(),
              QStringLiteral("4 of 27 packets"));
}

// --- 100k synthetic journeys --------------------------------------------------------------------

std::vector<uint8_t> tcpPacket(uint32_t i) {
    const uint8_t a = static_cast<uint8_t>(i >> 8), b = static_cast<uint8_t>(i);
    std::vector<uint8_t> p = {0x45, 0, 0, 40, static_cast<uint8_t>(i >> 8), static_cast<uint8_t>(i),
                              0x40, 0, 64, 6, 0, 0, 10, 1, a, b, 10, 2, 0, 1,
                              // TCP: sport, dport 80 or 443, seq, ack, flags SYN
                              static_cast<uint8_t>(0x80 | (i >> 10 & 0x3f)), b, 0,
                              static_cast<uint8_t>(i % 2 ? 80 : 187), static_cast<uint8_t>(i >> 24),
                              static_cast<uint8_t>(i >> 16), a, b, 0, 0, 0, 0, 0x50, 0x02, 0xff,
                              0xff, 0, 0, 0, 0};
    if (i % 2 == 0) {
        p[22] = 0x01; // port 443 = 0x01bb
    }
    return p;
}

Trace syntheticTrace(uint32_t journeys) {
    Trace t;
    t.meta.backend = "tracepoints";
    t.meta.startMonoNs = 1'000'000'000;
    t.dropReasons = {"NOT_DROPPED_YET", "CONSUMED", "NOT_SPECIFIED", "NO_SOCKET"};
    const uint16_t path[] = {NT_PROBE_NETIF_RECEIVE_SKB, NT_PROBE_FIB_TABLE_LOOKUP,
                             NT_PROBE_CONSUME_SKB};
    t.events.reserve(static_cast<size_t>(journeys) * 3);
    t.packets.reserve(journeys);
    for (uint32_t i = 0; i < journeys; ++i) {
        const uint64_t ts = t.meta.startMonoNs + static_cast<uint64_t>(i) * 10'000;
        const uint64_t skb = 0xffff888100000000ull + static_cast<uint64_t>(i) * 0x100;
        PacketHeader h;
        h.skb = skb;
        h.tsNs = ts;
        h.netns = 4026531840u;
        h.len = 40 + (i % 1400);
        h.protocol = 0x0800;
        h.data = tcpPacket(i);
        t.packets.push_back(std::move(h));
        for (size_t k = 0; k < 3; ++k) {
            Event e{};
            e.type = NT_REC_EVENT;
            e.flags = k == 0 ? NT_EVF_FIRST : 0;
            e.probe = path[k];
            e.protocol = 0x0800;
            e.ts_ns = ts + k * (1000 + i % 3000);
            e.skb = skb;
            e.netns = 4026531840u;
            e.ifindex = 2 + i % 4;
            e.len = 40;
            if (k == 2 && i % 10 == 0) {
                e.probe = NT_PROBE_KFREE_SKB;
                e.aux = 3; // NO_SOCKET
            }
            t.events.push_back(e);
        }
    }
    return t;
}

TEST(PacketListScale, SmallSyntheticTraceIsAConsistentModel) {
    const Trace t = syntheticTrace(1000);
    const Assembler a = Assembler::assemble(t);
    const Report r(t, a);
    PacketListModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.setSource(&t, &a, &r);
    std::vector<JourneyId> ids(a.journeyCount());
    for (JourneyId id = 0; id < ids.size(); ++id) {
        ids[id] = id;
    }
    m.appendJourneys(std::span<const JourneyId>(ids).first(500));
    m.appendJourneys(std::span<const JourneyId>(ids).subspan(500));
    EXPECT_EQ(m.rowCount(), 1000);
    m.sort(PacketListModel::SourceColumn, Qt::DescendingOrder);
    m.setFilter(Filter::parse("tcp dst port 443"));
    EXPECT_EQ(m.rowCount(), 500);
    m.sort(PacketListModel::DropReasonColumn, Qt::DescendingOrder);
    EXPECT_EQ(m.data(m.index(0, PacketListModel::DropReasonColumn)).toString(),
              QStringLiteral("NO_SOCKET"));
}

// 100k journeys: filtering and sorting on the worker give exactly the rows the same work on
// this thread gives, also when journeys are listed meanwhile; the model stays consistent.
// (Timings: bench/gui_paint_bench, BM_PacketList*.)
TEST(PacketListScale, HundredThousandJourneysFilteredAndSortedOnTheWorker) {
    const Trace t = syntheticTrace(100'000);
    const Assembler a = Assembler::assemble(t);
    ASSERT_EQ(a.journeyCount(), 100'000u);
    const Report r(t, a);
    PacketListModel m, ref;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ref.setBackgroundRows(SIZE_MAX);
    m.setSource(&t, &a, &r);
    ref.setSource(&t, &a, &r);
    std::vector<JourneyId> ids(a.journeyCount());
    for (JourneyId id = 0; id < ids.size(); ++id) {
        ids[id] = id;
    }
    auto append = [&](PacketListModel &x, size_t from, size_t to) {
        for (size_t first = from; first < to; first += 4096) {
            x.appendJourneys(
                std::span<const JourneyId>(ids).subspan(first, std::min<size_t>(4096, to - first)));
        }
    };
    append(m, 0, 80'000);
    append(ref, 0, 80'000);
    QSignalSpy busy(&m, &PacketListModel::busyChanged);
    // Runs `op` on both, lists more journeys while the worker runs when asked, then waits.
    auto both = [&](const char *what, const std::function<void(PacketListModel &)> &op,
                    size_t appendTo = 0) {
        SCOPED_TRACE(what);
        busy.clear();
        op(m);
        EXPECT_TRUE(m.busy());
        const auto listed = static_cast<size_t>(m.totalCount());
        if (appendTo) {
            append(m, listed, appendTo); // while the worker runs
        }
        while (m.busy()) {
            ASSERT_TRUE(busy.wait(30000));
        }
        op(ref);
        EXPECT_FALSE(ref.busy());
        if (appendTo) {
            append(ref, listed, appendTo); // listed after the request: after equal older rows
        }
        EXPECT_EQ(m.visibleJourneys(), ref.visibleJourneys());
        EXPECT_EQ(m.rowCount(), ref.rowCount());
        ASSERT_GE(busy.count(), 2);
        EXPECT_TRUE(busy.first().at(0).toBool());
        EXPECT_FALSE(busy.last().at(0).toBool());
    };
    both(
        "sort by source",
        [](PacketListModel &x) { x.sort(PacketListModel::SourceColumn, Qt::DescendingOrder); },
        90'000);
    both("sort by total time",
         [](PacketListModel &x) { x.sort(PacketListModel::DurationColumn, Qt::AscendingOrder); });
    both(
        "sort by drop reason",
        [](PacketListModel &x) { x.sort(PacketListModel::DropReasonColumn, Qt::AscendingOrder); },
        100'000);
    both("filter", [](PacketListModel &x) {
        x.setFilter(Filter::parse("tcp dst port 443 and not net 10.1.0.0/24"));
    });
    EXPECT_GT(m.rowCount(), 0);
    EXPECT_LT(m.rowCount(), 100'000);
    both("rule filter", [](PacketListModel &x) {
        x.setRuleFilter(
            RuleFilter{QStringLiteral("inet"), QStringLiteral("fw"), QStringLiteral("input"), 3});
    });
    EXPECT_EQ(m.rowCount(), 0);
    both("filters cleared, number order", [](PacketListModel &x) {
        x.setRuleFilter(std::nullopt);
        x.setFilter(Filter());
        x.sort(-1);
    });
    EXPECT_EQ(m.visibleJourneys(), ids);

    // A newer request replaces a running one; only its rows are shown.
    busy.clear();
    m.sort(PacketListModel::SourceColumn, Qt::AscendingOrder);
    m.setFilter(Filter::parse("tcp dst port 443"));
    m.sort(PacketListModel::LengthColumn, Qt::DescendingOrder);
    while (m.busy()) {
        ASSERT_TRUE(busy.wait(30000));
    }
    ref.sort(PacketListModel::SourceColumn, Qt::AscendingOrder);
    ref.setFilter(Filter::parse("tcp dst port 443"));
    ref.sort(PacketListModel::LengthColumn, Qt::DescendingOrder);
    EXPECT_EQ(m.visibleJourneys(), ref.visibleJourneys());
    EXPECT_EQ(busy.count(), 2) << "one busy period for the three requests";
}

} // namespace

NT_GUI_TEST_MAIN()
