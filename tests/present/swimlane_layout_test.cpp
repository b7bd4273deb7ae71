// SwimlaneLayout without a widget: markers (kind, lane, label, time), tracks and their start
// times, stacking, the polyline mode beyond the detail limit, hidden nft records.
#include "swimlane_layout.h"

#include "report.h"
#include "unit/journey_fixtures.h"

#include <QCoreApplication>

#include <gtest/gtest.h>

#include <numeric>
#include <string>
#include <vector>

namespace {

using namespace nt;
using namespace nt::testing;

// A journey laid out: the assembler, the trace and the report it reads.
struct Laid {
    Trace trace;
    Assembler assembler;
    Report report;
    explicit Laid(const Stream &s)
        : trace(s.trace()), assembler(Assembler::assemble(trace)), report(trace, assembler) {}
    std::vector<JourneyId> all() const {
        std::vector<JourneyId> ids(assembler.journeyCount());
        std::iota(ids.begin(), ids.end(), 0);
        return ids;
    }
};

struct Marker {
    SwimlaneItemKind kind;
    Layer layer;
    const char *label;
    double timeUs;
    int stack;
};

struct Case {
    const char *name;
    Stream (*stream)();
    std::vector<Marker> markers;
};

// A SYN that jumps to tcp_in and is dropped there.
Stream synDropped() {
    return droppedSyn();
}

// An ICMP echo delivered; two events at the same time on one lane stack.
Stream echoDelivered() {
    Stream s;
    s.hdr(header(kSkbB, 100, icmpEcho(1)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbB, 100, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbB, 100, 2, kNsA, 0, 0, 0})
        .ev({NT_PROBE_CONSUME_SKB, kSkbB, 130});
    return s;
}

class SwimlaneLayoutCases : public ::testing::TestWithParam<Case> {};

TEST_P(SwimlaneLayoutCases, MarkersOfOneJourney) {
    const Case &c = GetParam();
    const Laid d(c.stream());
    ASSERT_EQ(d.assembler.journeyCount(), 1u);
    const std::vector<JourneyId> ids = d.all();
    const SwimlaneLayout l = SwimlaneLayout::build(d.assembler, &d.report, ids, true);
    EXPECT_TRUE(l.detailed);
    EXPECT_TRUE(l.singleJourney);
    ASSERT_EQ(l.tracks.size(), 1u);
    ASSERT_EQ(l.items.size(), c.markers.size());
    for (size_t i = 0; i < c.markers.size(); ++i) {
        const Marker &m = c.markers[i];
        const SwimlaneItem &it = l.items[i];
        SCOPED_TRACE(i);
        EXPECT_EQ(it.kind, m.kind);
        EXPECT_EQ(it.layer, m.layer);
        EXPECT_EQ(it.label.toStdString(), m.label);
        EXPECT_DOUBLE_EQ(it.timeUs, m.timeUs);
        EXPECT_EQ(it.stack, m.stack);
        EXPECT_EQ(it.journey, 0u);
        EXPECT_EQ(l.points[i].layer, m.layer);
        EXPECT_FLOAT_EQ(l.points[i].offsetUs, static_cast<float>(m.timeUs));
    }
    EXPECT_DOUBLE_EQ(l.tracks[0].durationUs, c.markers.back().timeUs);
    EXPECT_DOUBLE_EQ(l.endUs, c.markers.back().timeUs);
    EXPECT_EQ(l.tracks[0].itemCount, c.markers.size());
    EXPECT_EQ(l.tracks[0].pointCount, c.markers.size());
}

INSTANTIATE_TEST_SUITE_P(
    Journeys, SwimlaneLayoutCases,
    ::testing::Values(
        Case{"SynDroppedByRule",
             &synDropped,
             // The nft walk is placed at the hook it ran in (after the route lookup), its two
             // rules at one time on one lane: stacked.
             {{SwimlaneItemKind::Tracepoint, Layer::Device, "netif_receive_skb", 0, 0},
              {SwimlaneItemKind::Tracepoint, Layer::Routing, "fib_table_lookup", 2, 0},
              {SwimlaneItemKind::NftRule, Layer::Netfilter, "input #2 JUMP tcp_in", 2, 0},
              {SwimlaneItemKind::NftRule, Layer::Netfilter, "tcp_in #4 DROP", 2, 1},
              {SwimlaneItemKind::Drop, Layer::Drop, "NETFILTER_DROP", 9, 0}}},
        Case{"EchoConsumedWithStackedEvents",
             &echoDelivered,
             {{SwimlaneItemKind::Tracepoint, Layer::Device, "netif_receive_skb", 0, 0},
              {SwimlaneItemKind::Tracepoint, Layer::Device, "netif_receive_skb", 0, 1},
              // The free is drawn on the lane the packet was last seen in.
              {SwimlaneItemKind::Free, Layer::Device, "consume_skb", 30, 0}}}),
    [](const ::testing::TestParamInfo<Case> &info) { return std::string(info.param.name); });

// Two journeys, 100 µs apart: aligned, both start at 0; otherwise the later one starts later.
TEST(SwimlaneLayout, StartsAlignedOrOnOneClock) {
    Stream s = droppedSyn();
    for (const Record &r : echoDelivered().records) {
        s.records.push_back(r);
    }
    const Laid d(s);
    ASSERT_EQ(d.assembler.journeyCount(), 2u);
    const std::vector<JourneyId> ids = d.all();
    for (bool align : {true, false}) {
        SCOPED_TRACE(align);
        const SwimlaneLayout l = SwimlaneLayout::build(d.assembler, &d.report, ids, align);
        ASSERT_EQ(l.tracks.size(), 2u);
        EXPECT_FALSE(l.singleJourney);
        const SwimlaneTrack &syn = l.tracks[d.assembler.record(0).firstTs == us(0) ? 0 : 1];
        const SwimlaneTrack &echo = l.tracks[&syn == &l.tracks[0] ? 1 : 0];
        EXPECT_DOUBLE_EQ(syn.startUs, 0);
        EXPECT_DOUBLE_EQ(echo.startUs, align ? 0 : 100);
        EXPECT_DOUBLE_EQ(syn.durationUs, 9);
        EXPECT_DOUBLE_EQ(echo.durationUs, 30);
        EXPECT_DOUBLE_EQ(l.endUs, align ? 30 : 130);
        EXPECT_DOUBLE_EQ(l.maxDurationUs, 30);
        EXPECT_NE(syn.hue, echo.hue) << "each journey a colour of its own";
        // Items of a track are in its time order; byTime orders all of them.
        for (size_t i = 1; i < l.byTime.size(); ++i) {
            EXPECT_LE(l.items[l.byTime[i - 1]].timeUs, l.items[l.byTime[i]].timeUs);
        }
        EXPECT_EQ(l.byTime.size(), l.items.size());
        const auto used = l.usedLayers();
        EXPECT_TRUE(used[static_cast<size_t>(Layer::Device)]);
        EXPECT_TRUE(used[static_cast<size_t>(Layer::Netfilter)]);
        EXPECT_FALSE(used[static_cast<size_t>(Layer::Bridge)]);
    }
}

// Beyond the detail limit: polylines only (points, no markers), tracks sorted by start.
TEST(SwimlaneLayout, ManyJourneysArePolylinesSortedByStart) {
    Stream s;
    const size_t n = SwimlaneLayout::kDetailLimit + 6;
    for (size_t i = 0; i < n; ++i) {
        const uint64_t skb = kSkbA + i * 0x1000;
        const uint64_t t = 1000 * (n - i); // listed in reverse time order
        s.hdr(header(skb, t, icmpEcho(static_cast<uint16_t>(i))))
            .ev({NT_PROBE_NETIF_RECEIVE_SKB, skb, t, 2, kNsA, 0, 0, NT_EVF_FIRST})
            .ev({NT_PROBE_KFREE_SKB, skb, t + 5, 2, kNsA, kNoSocket});
    }
    const Laid d(s);
    ASSERT_EQ(d.assembler.journeyCount(), n);
    const SwimlaneLayout l = SwimlaneLayout::build(d.assembler, &d.report, d.all(), false);
    EXPECT_FALSE(l.detailed);
    EXPECT_TRUE(l.items.empty());
    EXPECT_TRUE(l.byTime.empty());
    ASSERT_EQ(l.tracks.size(), n);
    EXPECT_EQ(l.points.size(), 2 * n);
    for (size_t i = 0; i < n; ++i) {
        EXPECT_EQ(l.tracks[i].pointCount, 2u);
        EXPECT_EQ(l.tracks[i].fate, Fate::Dropped);
        EXPECT_DOUBLE_EQ(l.tracks[i].durationUs, 5);
        if (i > 0) {
            EXPECT_LT(l.tracks[i - 1].startUs, l.tracks[i].startUs);
        }
    }
    EXPECT_DOUBLE_EQ(l.tracks.front().startUs, 0);
    EXPECT_DOUBLE_EQ(l.endUs, 1000.0 * (n - 1) + 5);
}

// nft-tracer's own records (an end-of-chain CONTINUE here) are not drawn; an empty selection
// lays out nothing.
TEST(SwimlaneLayout, HiddenNftRecordsAndEmptySelections) {
    Stream s;
    s.hdr(header(kSkbA, 0, tcpSyn()))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_FIB_TABLE_LOOKUP, kSkbA, 2, 2, kNsA, 0, 0, NT_EVF_CONTEXT})
        .ev({NT_PROBE_KFREE_SKB, kSkbA, 9, 2, kNsA, kNetfilterDrop, 0, 0, kNfHookSlow})
        .rec({7, 40, "input", NftTraceType::Rule, verdict::Jump, 2, tcpSyn(), "tcp_in"})
        .rec({7, 41, "tcp_in", NftTraceType::Rule, verdict::Continue, 0})
        .rec({7, 42, "tcp_in", NftTraceType::Rule, verdict::Drop, 4});
    const Laid d(s);
    const SwimlaneLayout none = SwimlaneLayout::build(d.assembler, &d.report, {}, true);
    EXPECT_TRUE(none.tracks.empty());
    EXPECT_TRUE(none.points.empty());
    EXPECT_DOUBLE_EQ(none.endUs, 0);

    const std::vector<JourneyId> ids = d.all();
    ASSERT_EQ(ids.size(), 1u);
    size_t nftSteps = 0, hidden = 0;
    for (const TimelineItem &ti : d.assembler.timeline(0)) {
        nftSteps += ti.nft ? 1 : 0;
        hidden += ti.nft && d.assembler.nftStep(ti.index).hidden ? 1 : 0;
    }
    ASSERT_EQ(nftSteps, 3u);
    ASSERT_EQ(hidden, 1u) << "the end-of-chain record is nft-tracer's";
    const SwimlaneLayout l = SwimlaneLayout::build(d.assembler, nullptr, ids, true);
    std::vector<std::string> nftLabels;
    for (const SwimlaneItem &it : l.items) {
        if (it.layer == Layer::Netfilter) {
            nftLabels.push_back(it.label.toStdString());
        }
        if (it.kind == SwimlaneItemKind::Tracepoint || it.kind == SwimlaneItemKind::Drop) {
            EXPECT_TRUE(it.label.isEmpty()) << "without a report, events have no names";
        }
    }
    EXPECT_EQ(nftLabels, (std::vector<std::string>{"input #2 JUMP tcp_in", "tcp_in #4 DROP"}));
    EXPECT_EQ(l.points.size(), l.items.size());
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
