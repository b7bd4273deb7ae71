// Tests of journey assembly: fates, nft joins, skb reuse, ordering, grace, bulk == live.
#include "assembler.h"
#include "packet.h"

#include "unit/journey_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

using namespace nt;
using namespace nt::testing;

namespace {

// Every completed journey: events time-sorted, layer times non-negative and summing up.
void checkInvariants(const Assembler &a) {
    // The per-probe counts are the completed journeys' events, probe by probe.
    std::vector<uint64_t> byProbe;
    for (JourneyId id = 0; id < a.journeyCount(); ++id) {
        for (const Event &e : a.events(id)) {
            byProbe.resize(std::max<size_t>(byProbe.size(), size_t{e.probe} + 1));
            ++byProbe[e.probe];
        }
    }
    EXPECT_EQ(byProbe, std::vector<uint64_t>(a.eventsByProbe().begin(), a.eventsByProbe().end()));
    for (JourneyId id = 0; id < a.journeyCount(); ++id) {
        ASSERT_TRUE(a.completed(id));
        const Journey j = a.journey(id);
        const auto ev = a.events(id);
        ASSERT_FALSE(ev.empty());
        EXPECT_TRUE(std::is_sorted(ev.begin(), ev.end(), [](const Event &x, const Event &y) {
            return x.ts_ns < y.ts_ns;
        }));
        EXPECT_EQ(j.firstTs, ev.front().ts_ns);
        EXPECT_EQ(j.lastTs, ev.back().ts_ns);
        const uint64_t sum = std::accumulate(j.layerNs.begin(), j.layerNs.end(), uint64_t{0});
        EXPECT_EQ(sum, j.lastTs - j.firstTs) << "journey " << id;
        for (uint64_t t : j.layerNs) {
            EXPECT_LT(t, uint64_t{1} << 62) << "negative time wrapped around";
        }
        const auto items = a.timeline(id);
        for (size_t i = 1; i < items.size(); ++i) {
            EXPECT_LE(items[i - 1].tsNs, items[i].tsNs);
        }
    }
}

std::vector<uint16_t> probes(const Assembler &a, JourneyId id) {
    std::vector<uint16_t> out;
    for (const Event &e : a.events(id)) {
        out.push_back(e.probe);
    }
    return out;
}

size_t layer(Layer l) {
    return static_cast<size_t>(l);
}

TEST(Assembler, RxIcmpDelivered) {
    Stream s;
    s.hdr(header(kSkbA, 0, icmpEcho(1)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_FIB_TABLE_LOOKUP, kSkbA, 3, 2, kNsA, 0, 0, NT_EVF_CONTEXT})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 10});
    Assembler a = s.live();
    ASSERT_EQ(a.journeyCount(), 1u);
    const Journey j = a.journey(0);
    EXPECT_EQ(j.fate, Fate::Delivered);
    EXPECT_EQ(j.header, 0u);
    EXPECT_EQ(j.skb, kSkbA);
    EXPECT_EQ(j.eventCount, 3u);
    EXPECT_EQ(j.durationNs(), 10'000u);
    EXPECT_EQ(j.layerNs[layer(Layer::Device)], 3'000u);
    EXPECT_EQ(j.layerNs[layer(Layer::Routing)], 7'000u);
    checkInvariants(a);
}

TEST(Assembler, UnfreedPacketLastSeenEnteringTcpIsDelivered) {
    // A pure ACK: TCP takes it (tcp_probe) and frees it with __kfree_skb, which no tracepoint
    // reports; its address is then reused. A packet last seen in the device layer stays in flight.
    Stream s;
    s.ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_FIB_TABLE_LOOKUP, kSkbA, 3, 2, kNsA, 0, 0, NT_EVF_CONTEXT})
        .ev({NT_PROBE_TCP_PROBE, kSkbA, 6, 2, kNsA})
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 50, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 60})
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbB, 70, 2, kNsA, 0, 0, NT_EVF_FIRST});
    Assembler a = s.live();
    ASSERT_EQ(a.journeyCount(), 3u);
    EXPECT_EQ(a.journey(0).fate, Fate::Delivered);
    EXPECT_EQ(a.journey(0).eventCount, 3u);
    EXPECT_EQ(a.journey(1).fate, Fate::Consumed);
    EXPECT_EQ(a.journey(2).fate, Fate::InFlight);
    checkInvariants(a);
}

TEST(Assembler, UnfreedPacketAcceptedAtInputIsDelivered) {
    // A handshake's last ACK: accepted by the input hook, then taken by TCP outside
    // tcp_rcv_established (no tcp_probe) and freed untraced.
    Stream s;
    s.hdr(header(kSkbA, 0, tcpSyn()))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_FIB_TABLE_LOOKUP, kSkbA, 2, 2, kNsA, 0, 0, NT_EVF_CONTEXT})
        .rec({7, 40, "input", NftTraceType::Rule, verdict::Accept, 2, tcpSyn()});
    Assembler a = s.live();
    ASSERT_EQ(a.journeyCount(), 1u);
    EXPECT_EQ(a.journey(0).fate, Fate::Delivered);
    EXPECT_EQ(a.journey(0).ruleHandle, 2u);

    // Accepted at input but last seen queued for transmission: not known to be delivered.
    Stream t;
    t.hdr(header(kSkbA, 0, tcpSyn()))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_NET_DEV_QUEUE, kSkbA, 5, 3, kNsA})
        .rec({7, 40, "input", NftTraceType::Rule, verdict::Accept, 2, tcpSyn()});
    EXPECT_EQ(t.live().journey(0).fate, Fate::InFlight);

    // Accepted at prerouting only, never seen again: in flight.
    Stream u;
    u.hdr(header(kSkbA, 0, tcpSyn()))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .rec({7, 40, "prerouting", NftTraceType::Rule, verdict::Accept, 2, tcpSyn()});
    EXPECT_EQ(u.live().journey(0).fate, Fate::InFlight);
}

TEST(Assembler, RxConsumedWithoutIpEvidenceIsConsumed) {
    Stream s;
    s.hdr(header(kSkbA, 0, icmpEcho(1)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 4});
    Assembler a = s.live();
    EXPECT_EQ(a.journey(0).fate, Fate::Consumed);
}

TEST(Assembler, TcpSynDroppedByRule) {
    Assembler a = droppedSyn().live();
    ASSERT_EQ(a.journeyCount(), 1u);
    const Journey j = a.journey(0);
    EXPECT_EQ(j.fate, Fate::DroppedByRule);
    EXPECT_EQ(j.ruleHandle, 4u);
    EXPECT_EQ(j.chain, "tcp_in");
    EXPECT_EQ(j.table, "fw");
    EXPECT_EQ(j.family, "inet");
    EXPECT_FALSE(j.verdictByPolicy);
    EXPECT_EQ(j.verdict, verdict::Drop);
    EXPECT_EQ(j.dropReason, kNetfilterDrop);
    EXPECT_EQ(j.dropLocation, kNfHookSlow);
    EXPECT_EQ(j.nft, (std::vector<uint32_t>{0, 1}));
    EXPECT_EQ(a.nftStep(0).hook, NftHook::Input);
    EXPECT_EQ(a.nftStep(1).hook, NftHook::Input) << "a jumped-to chain inherits its walk's hook";
    // The walk sits between the routing lookup and the free: that gap is Netfilter time.
    EXPECT_EQ(j.layerNs[layer(Layer::Netfilter)], 7'000u);
    EXPECT_EQ(j.layerNs[layer(Layer::Routing)], 0u);
    EXPECT_EQ(j.layerNs[layer(Layer::Device)], 2'000u);
    const auto items = a.timeline(0);
    ASSERT_EQ(items.size(), 5u);
    EXPECT_TRUE(items[2].nft);
    EXPECT_TRUE(items[3].nft);
    EXPECT_EQ(a.counters().unjoinedNft, 0u);
    checkInvariants(a);
}

// Records read in BPF carry their skb: they join that skb's lifetime of their time, even when
// another packet has the same headers and the trace ids collide, and sit among its events by
// their time.
TEST(Assembler, NftRecordsReadInBpfJoinTheirSkbExactly) {
    Nft dropA{7, 4, "input", NftTraceType::Rule, verdict::Drop, 4};
    dropA.skb = kSkbA;
    Nft acceptB{7, 5, "input", NftTraceType::Rule, verdict::Accept, 3};
    acceptB.skb = kSkbB;
    Nft acceptReused{9, 25, "input", NftTraceType::Rule, verdict::Accept, 3};
    acceptReused.skb = kSkbA;
    Stream s;
    s.hdr(header(kSkbA, 0, tcpSyn()))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .hdr(header(kSkbB, 1, tcpSyn()))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbB, 1, 2, kNsA, 0, 1, NT_EVF_FIRST})
        .ev({NT_PROBE_FIB_TABLE_LOOKUP, kSkbA, 2, 2, kNsA, 0, 0, NT_EVF_CONTEXT})
        .rec(dropA)
        .rec(acceptB)
        .ev({NT_PROBE_KFREE_SKB, kSkbA, 9, 2, kNsA, kNetfilterDrop, 0, 0, kNfHookSlow})
        .ev({NT_PROBE_TCP_PROBE, kSkbB, 10, 2, kNsA, 0, 1})
        .ev({NT_PROBE_CONSUME_SKB, kSkbB, 12, 2, kNsA, 0, 1})
        // The address is reused by the next packet.
        .hdr(header(kSkbA, 20, tcpSyn(2000)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 20, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .rec(acceptReused)
        .ev({NT_PROBE_TCP_PROBE, kSkbA, 30, 2, kNsA, 0, 0})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 31, 2, kNsA, 0, 0});
    for (const bool bulk : {false, true}) {
        SCOPED_TRACE(bulk ? "bulk" : "live");
        const Trace t = s.trace();
        Assembler a = bulk ? Assembler::assemble(t) : s.live();
        ASSERT_EQ(a.journeyCount(), 3u);
        EXPECT_EQ(a.counters().unjoinedNft, 0u);
        std::map<uint64_t, std::vector<Journey>> bySkb;
        for (JourneyId id = 0; id < a.journeyCount(); ++id) {
            bySkb[a.journey(id).skb].push_back(a.journey(id));
        }
        ASSERT_EQ(bySkb[kSkbA].size(), 2u);
        ASSERT_EQ(bySkb[kSkbB].size(), 1u);
        const Journey &first =
            bySkb[kSkbA][0].firstTs < bySkb[kSkbA][1].firstTs ? bySkb[kSkbA][0] : bySkb[kSkbA][1];
        const Journey &second = &first == &bySkb[kSkbA][0] ? bySkb[kSkbA][1] : bySkb[kSkbA][0];
        EXPECT_EQ(first.fate, Fate::DroppedByRule);
        EXPECT_EQ(first.verdict, verdict::Drop);
        EXPECT_EQ(first.ruleHandle, 4u);
        EXPECT_EQ(bySkb[kSkbB][0].verdict, verdict::Accept);
        EXPECT_EQ(bySkb[kSkbB][0].ruleHandle, 3u);
        EXPECT_EQ(second.verdict, verdict::Accept);
        ASSERT_EQ(second.nft.size(), 1u);
        EXPECT_TRUE(a.nftStep(second.nft[0]).exact);
        EXPECT_EQ(a.nftStep(second.nft[0]).hook, NftHook::Input);
        // Placed by its time: after the receive (20), before TCP (30).
        const auto items = a.timeline(second.id);
        ASSERT_EQ(items.size(), 4u);
        EXPECT_FALSE(items[0].nft);
        EXPECT_TRUE(items[1].nft);
        checkInvariants(a);
    }
}

TEST(Assembler, PolicyDropAndOtherReasons) {
    Stream s;
    s.hdr(header(kSkbA, 0, tcpSyn()))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_KFREE_SKB, kSkbA, 9, 2, kNsA, kNetfilterDrop, 0, 0, kNfHookSlow})
        .rec({7, 40, "input", NftTraceType::Policy, verdict::None, 0, tcpSyn()})
        // A second packet: dropped by the stack (no socket) although nft accepted it.
        .hdr(header(kSkbB, 100, tcpSyn(2000)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbB, 100, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_KFREE_SKB, kSkbB, 120, 2, kNsA, kNoSocket, 0, 0, kTcpV4Rcv})
        .rec({8, 150, "input", NftTraceType::Policy, verdict::None, 0, tcpSyn(2000), "", 1});
    Assembler a = s.live();
    ASSERT_EQ(a.journeyCount(), 2u);
    const Journey p = a.journey(0);
    EXPECT_EQ(p.fate, Fate::DroppedByRule);
    EXPECT_TRUE(p.verdictByPolicy);
    EXPECT_EQ(p.chain, "input");
    const Journey q = a.journey(1);
    EXPECT_EQ(q.fate, Fate::Dropped);
    EXPECT_EQ(q.dropReason, kNoSocket);
    EXPECT_EQ(q.verdict, verdict::Accept);
    checkInvariants(a);
}

Stream vethPing() {
    // ping in netns A over veth0 (if 5) to veth1 (if 6) in netns B. On veth, netif_rx on the
    // peer fires inside the transmit, before net_dev_xmit.
    Stream s;
    s.hdr(header(kSkbA, 0, icmpEcho(7)))
        .ev({NT_PROBE_NET_DEV_QUEUE, kSkbA, 0, 5, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_NET_DEV_START_XMIT, kSkbA, 2, 5, kNsA})
        .ev({NT_PROBE_NETIF_RX, kSkbA, 4, 6, kNsB})
        .ev({NT_PROBE_NET_DEV_XMIT, kSkbA, 5, 5, kNsA, 0})
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 20, 6, kNsB})
        .ev({NT_PROBE_FIB_TABLE_LOOKUP, kSkbA, 22, 6, kNsB, 0, 0, NT_EVF_CONTEXT})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 30, 6, kNsB});
    return s;
}

TEST(Assembler, VethCrossingTwoNetnsIsOneDeliveredJourney) {
    Assembler a = vethPing().live();
    ASSERT_EQ(a.journeyCount(), 1u);
    const Journey j = a.journey(0);
    EXPECT_EQ(j.fate, Fate::Delivered);
    EXPECT_EQ(j.eventCount, 7u);
    EXPECT_EQ(a.events(0).front().netns, kNsA);
    EXPECT_EQ(a.events(0).back().netns, kNsB);
    // queue→start→(peer netif_rx), and xmit→peer's netif_receive_skb (backlog wait).
    EXPECT_EQ(j.layerNs[layer(Layer::Xmit)], 2'000u + 2'000u + 15'000u);
    EXPECT_EQ(j.layerNs[layer(Layer::Device)], 1'000u + 2'000u);
    EXPECT_EQ(j.layerNs[layer(Layer::Routing)], 8'000u);
    checkInvariants(a);
}

TEST(Assembler, ForwardedAndTransmitted) {
    Stream s;
    s.hdr(header(kSkbA, 0, icmpEcho(1)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_FIB_TABLE_LOOKUP, kSkbA, 1, 2, kNsA, 0, 0, NT_EVF_CONTEXT})
        .ev({NT_PROBE_NET_DEV_QUEUE, kSkbA, 5, 3})
        .ev({NT_PROBE_NET_DEV_START_XMIT, kSkbA, 6, 3})
        .ev({NT_PROBE_NET_DEV_XMIT, kSkbA, 7, 3, kNsA, 0})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 50, 3})
        .rec({9, 60, "forward", NftTraceType::Rule, verdict::Accept, 11, icmpEcho(1), "", 0, 2, 3})
        // Locally generated, sent on if 3.
        .hdr(header(kSkbB, 100, icmpEcho(2)))
        .ev({NT_PROBE_NET_DEV_QUEUE, kSkbB, 100, 3, kNsA, 0, 1, NT_EVF_FIRST})
        .ev({NT_PROBE_NET_DEV_XMIT, kSkbB, 103, 3, kNsA, 0, 1})
        .ev({NT_PROBE_CONSUME_SKB, kSkbB, 140, 3, kNsA, 0, 1})
        .rec({10, 150, "postrouting", NftTraceType::Policy, verdict::None, 0, icmpEcho(2), "", 1, 0,
              3});
    Assembler a = s.live();
    ASSERT_EQ(a.journeyCount(), 2u);
    const Journey f = a.journey(0);
    EXPECT_EQ(f.fate, Fate::Forwarded);
    EXPECT_EQ(f.ruleHandle, 11u);
    EXPECT_EQ(a.nftStep(0).hook, NftHook::Forward);
    // The forward walk sits before net_dev_queue: the routing-to-queue gap is Netfilter.
    EXPECT_EQ(f.layerNs[layer(Layer::Netfilter)], 4'000u);
    const Journey t = a.journey(1);
    EXPECT_EQ(t.fate, Fate::Transmitted);
    EXPECT_EQ(t.verdict, verdict::Accept);
    EXPECT_TRUE(t.verdictByPolicy);
    EXPECT_EQ(a.nftStep(1).hook, NftHook::Postrouting);
    EXPECT_EQ(a.timeline(1).front().nft, true) << "output-side walk comes before net_dev_queue";
    checkInvariants(a);
}

TEST(Assembler, SkbAddressReuseStartsNewJourneys) {
    Stream s;
    s.hdr(header(kSkbA, 0, icmpEcho(1)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 5})
        .hdr(header(kSkbA, 10, icmpEcho(2)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 10, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_KFREE_SKB, kSkbA, 15, 2, kNsA, kNoSocket, 0, 0, kTcpV4Rcv})
        // Reused again, not flagged FIRST (the free was seen): still a new packet.
        .ev({NT_PROBE_NET_DEV_QUEUE, kSkbA, 30, 3})
        .ev({NT_PROBE_NET_DEV_XMIT, kSkbA, 31, 3})
        // FIRST while a journey is open: the old one lost its free.
        .hdr(header(kSkbA, 40, icmpEcho(3)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 40, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 45});
    Assembler a = s.live();
    ASSERT_EQ(a.journeyCount(), 4u);
    EXPECT_EQ(a.record(0).header, 0u);
    EXPECT_EQ(a.record(1).header, 1u);
    EXPECT_EQ(a.record(2).header, kNoIndex);
    EXPECT_EQ(a.record(3).header, 2u);
    EXPECT_EQ(a.journey(0).fate, Fate::Consumed);
    EXPECT_EQ(a.journey(1).fate, Fate::Dropped);
    // Its free was never seen, but it was last seen leaving through a device.
    EXPECT_EQ(a.journey(2).fate, Fate::Transmitted);
    EXPECT_EQ(probes(a, 2), (std::vector<uint16_t>{NT_PROBE_NET_DEV_QUEUE, NT_PROBE_NET_DEV_XMIT}));
    EXPECT_EQ(a.journey(3).eventCount, 2u);
    EXPECT_EQ(a.counters().unusedHeaders, 0u);
    checkInvariants(a);
}

TEST(Assembler, OlderLifetimeReadAfterANewerOneOfTheSameSkb) {
    // CPU 1's buffer (the address's second packet) is read before CPU 0's (its first packet).
    Stream s;
    s.hdr(header(kSkbA, 10, icmpEcho(2)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 10, 2, kNsA, 0, 1, NT_EVF_FIRST})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 15, 2, kNsA, 0, 1})
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_FIB_TABLE_LOOKUP, kSkbA, 2, 2, kNsA, 0, 0, NT_EVF_CONTEXT})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 5, 2, kNsA, 0, 0});
    Assembler a = s.live();
    ASSERT_EQ(a.journeyCount(), 2u);
    EXPECT_EQ(probes(a, 0),
              (std::vector<uint16_t>{NT_PROBE_NETIF_RECEIVE_SKB, NT_PROBE_CONSUME_SKB}));
    EXPECT_EQ(a.journey(0).firstTs, us(10));
    EXPECT_EQ(probes(a, 1),
              (std::vector<uint16_t>{NT_PROBE_NETIF_RECEIVE_SKB, NT_PROBE_FIB_TABLE_LOOKUP,
                                     NT_PROBE_CONSUME_SKB}));
    EXPECT_EQ(a.journey(1).firstTs, us(0));
    EXPECT_EQ(a.record(0).header, 0u);
    checkInvariants(a);
}

TEST(Assembler, ALifetimeInTheMiddleOfAnAddressChainCompletesFirst) {
    // Three lifetimes of one address open at once, read out of order (CPU buffers): the
    // middle one is freed and completes first; the others still get their own events.
    const uint64_t grace = AssemblerOptions{}.graceNs;
    Stream before, after;
    before.ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 20, 2, kNsA, 0, 2, NT_EVF_FIRST})
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 10, 2, kNsA, 0, 1, NT_EVF_FIRST})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 12, 2, kNsA, 0, 1})
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        // Time moves past the middle one's grace (another packet).
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbB, 12 + grace / 1000 + 1, 2, kNsA, 0, 3,
             NT_EVF_FIRST});
    after.ev({NT_PROBE_FIB_TABLE_LOOKUP, kSkbA, 2, 2, kNsA, 0, 0, NT_EVF_CONTEXT})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 5, 2, kNsA, 0, 0})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 25, 2, kNsA, 0, 2});
    Assembler a({}, dropReasons());
    before.feed(a);
    EXPECT_EQ(a.takeCompleted(), std::vector<JourneyId>{1}) << "only the middle lifetime";
    after.feed(a);
    a.flush();
    ASSERT_EQ(a.journeyCount(), 4u);
    EXPECT_EQ(probes(a, 0),
              (std::vector<uint16_t>{NT_PROBE_NETIF_RECEIVE_SKB, NT_PROBE_CONSUME_SKB}));
    EXPECT_EQ(a.journey(0).firstTs, us(20));
    EXPECT_EQ(probes(a, 1),
              (std::vector<uint16_t>{NT_PROBE_NETIF_RECEIVE_SKB, NT_PROBE_CONSUME_SKB}));
    EXPECT_EQ(a.journey(1).firstTs, us(10));
    EXPECT_EQ(probes(a, 2),
              (std::vector<uint16_t>{NT_PROBE_NETIF_RECEIVE_SKB, NT_PROBE_FIB_TABLE_LOOKUP,
                                     NT_PROBE_CONSUME_SKB}));
    EXPECT_EQ(a.journey(2).firstTs, us(0));
    checkInvariants(a);
}

TEST(Assembler, InterleavedCpusSlightlyOutOfOrder) {
    // Two packets on two CPUs, read one per-CPU batch at a time: CPU 1's batch (with a
    // context event for A at 12 µs and the FIRST of B) arrives after CPU 0 already freed A.
    Stream s;
    s.hdr(header(kSkbA, 0, icmpEcho(1)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_NET_DEV_QUEUE, kSkbB, 8, 3, kNsA, 0, 0})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 20, 2, kNsA, 0, 0})
        .hdr(header(kSkbB, 5, icmpEcho(2)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbB, 5, 2, kNsA, 0, 1, NT_EVF_FIRST})
        .ev({NT_PROBE_FIB_TABLE_LOOKUP, kSkbA, 12, 2, kNsA, 0, 1, NT_EVF_CONTEXT})
        .ev({NT_PROBE_KFREE_SKB, kSkbB, 25, 2, kNsA, kNoSocket, 1, 0, kTcpV4Rcv});
    Assembler a = s.live();
    ASSERT_EQ(a.journeyCount(), 2u);
    const JourneyId ja = a.record(0).skb == kSkbA ? 0 : 1;
    const JourneyId jb = 1 - ja;
    EXPECT_EQ(probes(a, ja),
              (std::vector<uint16_t>{NT_PROBE_NETIF_RECEIVE_SKB, NT_PROBE_FIB_TABLE_LOOKUP,
                                     NT_PROBE_CONSUME_SKB}));
    EXPECT_EQ(a.journey(ja).fate, Fate::Delivered);
    EXPECT_EQ(probes(a, jb), (std::vector<uint16_t>{NT_PROBE_NETIF_RECEIVE_SKB,
                                                    NT_PROBE_NET_DEV_QUEUE, NT_PROBE_KFREE_SKB}));
    EXPECT_EQ(a.record(jb).header, 1u) << "the header arrived after an event of its skb";
    EXPECT_EQ(a.journey(jb).firstTs, us(5));
    checkInvariants(a);
}

TEST(Assembler, CompletionWaitsForTheGraceAndLateNftStillJoins) {
    AssemblerOptions opt;
    opt.graceNs = 100'000'000; // 100 ms
    Assembler a({}, dropReasons(), opt);
    Stream s = droppedSyn();
    // Events first; the nft records come 50 ms after the free, while other traffic flows.
    for (size_t i = 0; i < 4; ++i) {
        std::visit([&a](const auto &x) { a.add(x); }, s.records[i]);
    }
    a.add(event({NT_PROBE_NETIF_RECEIVE_SKB, kSkbB, 40'000, 2, kNsA, 0, 1, NT_EVF_FIRST}));
    EXPECT_TRUE(a.takeCompleted().empty()) << "40 ms after the free is within the grace";
    NftTraceRecord r0 =
        nft({7, 50'000, "input", NftTraceType::Rule, verdict::Jump, 2, tcpSyn(), "tcp_in"});
    NftTraceRecord r1 = nft({7, 50'001, "tcp_in", NftTraceType::Rule, verdict::Drop, 4});
    a.add(r0);
    a.add(r1);
    EXPECT_TRUE(a.takeCompleted().empty());
    a.add(event({NT_PROBE_CONSUME_SKB, kSkbB, 120'000, 2, kNsA, 0, 1}));
    const std::vector<JourneyId> done = a.takeCompleted();
    ASSERT_EQ(done, std::vector<JourneyId>{0});
    EXPECT_EQ(a.journey(0).fate, Fate::DroppedByRule);
    EXPECT_EQ(a.journey(0).ruleHandle, 4u);
    EXPECT_EQ(a.counters().lateNft, 0u);
    EXPECT_TRUE(a.takeCompleted().empty()) << "each journey is delivered once";

    // After the grace: still joins (and the fate is revised), counted as late.
    Assembler b({}, dropReasons(), opt);
    for (size_t i = 0; i < 4; ++i) {
        std::visit([&b](const auto &x) { b.add(x); }, s.records[i]);
    }
    b.add(event({NT_PROBE_NETIF_RECEIVE_SKB, kSkbB, 300'000, 2, kNsA, 0, 1, NT_EVF_FIRST}));
    ASSERT_EQ(b.takeCompleted(), std::vector<JourneyId>{0});
    EXPECT_EQ(b.journey(0).fate, Fate::Dropped);
    r0.tsNs = us(300'001);
    r1.tsNs = us(300'002);
    b.add(r0);
    b.add(r1);
    EXPECT_EQ(b.journey(0).fate, Fate::DroppedByRule);
    EXPECT_EQ(b.counters().lateNft, 2u);
    EXPECT_TRUE(b.record(0).flags & JourneyLateNft);
    b.flush();
    EXPECT_EQ(b.takeCompleted(), std::vector<JourneyId>{1});
    EXPECT_EQ(b.journey(1).fate, Fate::InFlight);
}

TEST(Assembler, NftRecordBeforeItsEventsWaitsForTheJourney) {
    Stream s;
    s.rec({3, 1, "prerouting", NftTraceType::Policy, verdict::None, 0, icmpEcho(4), "", 1})
        .hdr(header(kSkbA, 0, icmpEcho(4)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .rec({3, 2, "input", NftTraceType::Policy, verdict::None, 0, icmpEcho(4), "", 1})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 3});
    Assembler a = s.live();
    ASSERT_EQ(a.journeyCount(), 1u);
    EXPECT_EQ(a.journey(0).nft, (std::vector<uint32_t>{0, 1}));
    EXPECT_EQ(a.journey(0).fate, Fate::Delivered);
    EXPECT_EQ(a.counters().unjoinedNft, 0u);
}

TEST(Assembler, UnjoinedNftRecordsAreCountedAndKept) {
    Stream s;
    s.hdr(header(kSkbA, 0, icmpEcho(1)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 5})
        // A packet the BPF side never saw (filtered out), and a stray follow-up record.
        .rec({20, 10, "input", NftTraceType::Rule, verdict::Accept, 3, tcpSyn(99)})
        .rec({21, 11, "input", NftTraceType::Policy, verdict::None, 0, {}, "", 1})
        // Matches by headers but three seconds after the journey ended: too late.
        .rec({22, 3'000'000, "input", NftTraceType::Rule, verdict::Accept, 3, icmpEcho(1)});
    Assembler a = s.live();
    EXPECT_EQ(a.counters().unjoinedNft, 3u);
    const auto un = a.unjoinedNft();
    EXPECT_EQ(std::vector<uint32_t>(un.begin(), un.end()), (std::vector<uint32_t>{1, 0, 2}));
    EXPECT_TRUE(a.journey(0).nft.empty());
    EXPECT_EQ(a.nftCount(), 3u);
}

// An ARP request through a bridge: no IP header, but the bridge chain's record carries the ARP
// message (padded to the Ethernet minimum) and joins the frame's journey by it. Another ARP
// message (the reply) does not join it.
TEST(Assembler, BridgeChainRecordsOfAnArpFrameJoinItsJourney) {
    const std::vector<uint8_t> request = {0,  1, 8, 0, 6, 4, 0, 1, 2, 0, 0,  0, 0, 1,
                                          10, 1, 3, 2, 0, 0, 0, 0, 0, 0, 10, 1, 3, 3};
    std::vector<uint8_t> reply = request;
    reply[7] = 2;
    PacketHeader h = header(kSkbA, 0, request);
    h.protocol = 0x0806;
    auto bridgeRecord = [](uint32_t id, uint64_t tsUs, const std::vector<uint8_t> &arp) {
        NftTraceRecord r = nft({id, tsUs, "forward", NftTraceType::Policy, verdict::None, 0});
        r.family = 7; // bridge
        r.nfproto = 7;
        r.table = "bf";
        r.iif = 2;
        r.oif = 3;
        r.llHeader = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0, 0, 1, 0x08, 0x06};
        r.networkHeader = arp;
        r.networkHeader.resize(40, 0); // the Ethernet padding after the message
        return r;
    };
    Stream s;
    s.hdr(h)
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .rec(bridgeRecord(5, 1, request))
        .rec(bridgeRecord(6, 2, reply))
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 4});
    Assembler a = s.live();
    ASSERT_EQ(a.journeyCount(), 1u);
    EXPECT_EQ(a.journey(0).nft, (std::vector<uint32_t>{0}));
    EXPECT_EQ(a.counters().unjoinedNft, 1u);
    EXPECT_EQ(arpFingerprint(request, 0x0800), 0u) << "only ETH_P_ARP is read as ARP";
    EXPECT_EQ(arpFingerprint(std::span(request).first(20), 0x0806), 0u) << "cut short";
}

TEST(Assembler, CloneDetectedBySameFingerprintAndOverlappingTime) {
    Stream s;
    s.hdr(header(kSkbA, 0, tcpSyn()))
        .ev({NT_PROBE_NET_DEV_QUEUE, kSkbA, 0, 3, kNsA, 0, 0, NT_EVF_FIRST})
        .hdr(header(kSkbB, 2, tcpSyn()))
        .ev({NT_PROBE_NET_DEV_QUEUE, kSkbB, 2, 4, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 10, 3})
        .ev({NT_PROBE_CONSUME_SKB, kSkbB, 12, 4});
    Assembler a = s.live();
    ASSERT_EQ(a.journeyCount(), 2u);
    EXPECT_EQ(a.journey(0).parent, kNoJourney);
    EXPECT_EQ(a.journey(1).parent, 0u);
    EXPECT_TRUE(a.journey(1).flags & JourneyCloned);
}

// Datagrams of an unconnected socket carry IP id 0: equal-length ones have one header. The
// next one enters from the device while the one before still waits in the socket's queue:
// another packet, not a clone.
TEST(Assembler, SameHeadersEnteringFromADeviceAreNoClone) {
    const std::vector<uint8_t> datagram =
        ipv4(17, {10, 0, 0, 1}, {10, 0, 0, 2}, 0, {0x9c, 0x40, 0x27, 0x0f, 0, 9, 0, 0, 'x'});
    // Two skbs with that header, the second first seen at `probe` while the first is alive.
    auto twoSkbs = [&](uint16_t probe) {
        Stream s;
        s.hdr(header(kSkbA, 0, datagram))
            .ev({probe, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
            .hdr(header(kSkbB, 5, datagram))
            .ev({probe, kSkbB, 5, 2, kNsA, 0, 0, NT_EVF_FIRST})
            .ev({NT_PROBE_CONSUME_SKB, kSkbA, 21, 0, kNsA})
            .ev({NT_PROBE_CONSUME_SKB, kSkbB, 23, 0, kNsA});
        return s.live();
    };
    const Assembler a = twoSkbs(NT_PROBE_NETIF_RX);
    ASSERT_EQ(a.journeyCount(), 2u);
    for (JourneyId id : {0u, 1u}) {
        EXPECT_EQ(a.journey(id).parent, kNoJourney) << id;
        EXPECT_FALSE(a.journey(id).flags & JourneyCloned) << id;
    }
    // First seen where a TCP transmit clone is (a device's queue), the second stays a clone.
    EXPECT_EQ(twoSkbs(NT_PROBE_NET_DEV_QUEUE).journey(1).parent, 0u);
}

TEST(Assembler, FunctionProbesGetTheirLayerFromTheProbeList) {
    Assembler a({{NT_PROBE_FUNCTION_BASE, "ip_rcv", "kprobe", true, ""},
                 {NT_PROBE_FUNCTION_BASE + 1, "tcp_v4_rcv", "kprobe", true, ""}},
                dropReasons());
    EXPECT_EQ(a.layerOf(NT_PROBE_FUNCTION_BASE), Layer::IPv4);
    EXPECT_EQ(a.layerOf(NT_PROBE_FUNCTION_BASE + 1), Layer::TCP);
    EXPECT_EQ(a.layerOf(NT_PROBE_FUNCTION_BASE + 2), Layer::Device);
    EXPECT_EQ(a.layerOf(NT_PROBE_KFREE_SKB), Layer::Drop);
}

// Everything above in one stream, as a recorder would read it live.
Stream mixed() {
    Stream s;
    auto append = [&s](const Stream &t, uint64_t shiftUs, uint64_t skbXor, uint32_t idAdd) {
        for (Record r : t.records) {
            if (auto *e = std::get_if<Event>(&r)) {
                e->ts_ns += shiftUs * 1000;
                e->skb ^= skbXor;
            } else if (auto *h = std::get_if<PacketHeader>(&r)) {
                h->tsNs += shiftUs * 1000;
                h->skb ^= skbXor;
            } else {
                auto &n = std::get<NftTraceRecord>(r);
                n.tsNs += shiftUs * 1000;
                n.id += idAdd;
            }
            s.records.push_back(std::move(r));
        }
    };
    Stream drop = droppedSyn();
    append(drop, 0, 0, 0);
    append(vethPing(), 1'000, 0x10, 0);
    Stream drop2 = droppedSyn();
    // Same headers a second later: a different packet in the trace's eyes (different skb).
    append(drop2, 2'000'000, 0x20, 100);
    s.rec({50, 2'000'500, "input", NftTraceType::Rule, verdict::Accept, 3, tcpSyn(77)});
    // An open journey at the end.
    s.hdr(header(kSkbB, 2'100'000, icmpEcho(9)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbB, 2'100'000, 2, kNsA, 0, 1, NT_EVF_FIRST});
    return s;
}

auto normalised(const Assembler &a) {
    using Row = std::tuple<uint64_t, uint64_t, std::vector<uint16_t>, std::vector<uint32_t>, Fate,
                           uint32_t, uint32_t, std::array<uint64_t, kLayerCount>, uint8_t>;
    std::vector<Row> rows;
    for (JourneyId id = 0; id < a.journeyCount(); ++id) {
        const Journey j = a.journey(id);
        rows.emplace_back(j.firstTs, j.skb, probes(a, id), j.nft, j.fate, j.header, j.verdictNft,
                          j.layerNs, j.flags);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

TEST(Assembler, BulkEqualsIncremental) {
    const Stream s = mixed();
    Assembler live = s.live();
    const Trace trace = s.trace();
    Assembler bulk = Assembler::assemble(trace);
    ASSERT_EQ(live.journeyCount(), 4u);
    EXPECT_EQ(normalised(live), normalised(bulk));
    EXPECT_EQ(live.counters().unjoinedNft, 1u);
    EXPECT_EQ(bulk.counters().unjoinedNft, 1u);
    EXPECT_EQ(live.counters().events, trace.events.size());
    checkInvariants(live);
    checkInvariants(bulk);
    size_t fates[kFateCount] = {};
    for (JourneyId id = 0; id < bulk.journeyCount(); ++id) {
        ++fates[static_cast<size_t>(bulk.record(id).fate)];
    }
    EXPECT_EQ(fates[static_cast<size_t>(Fate::DroppedByRule)], 2u);
    EXPECT_EQ(fates[static_cast<size_t>(Fate::Delivered)], 1u);
    EXPECT_EQ(fates[static_cast<size_t>(Fate::InFlight)], 1u);

    // Fed in a different but equally plausible order (all nft records last): same journeys.
    Stream late;
    for (const Record &r : s.records) {
        if (!std::holds_alternative<NftTraceRecord>(r)) {
            late.records.push_back(r);
        }
    }
    for (const Record &r : s.records) {
        if (std::holds_alternative<NftTraceRecord>(r)) {
            late.records.push_back(r);
        }
    }
    AssemblerOptions wide;
    wide.graceNs = 10'000'000'000; // the records come much later here: keep journeys open
    EXPECT_EQ(normalised(late.live(wide)), normalised(Assembler::assemble(trace, wide)));
}

TEST(Assembler, IdleJourneysAreClosed) {
    AssemblerOptions opt;
    opt.idleNs = 1'000'000; // 1 ms
    Assembler a({}, dropReasons(), opt);
    a.add(event({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST}));
    // The idle check runs every 65536 records; feed other packets' events until it has.
    for (uint64_t i = 0; i < 70'000; ++i) {
        a.add(event(
            {NT_PROBE_NETIF_RECEIVE_SKB, 0x1000 + i, 10'000 + i, 2, kNsA, 0, 1, NT_EVF_FIRST}));
        a.add(event({NT_PROBE_CONSUME_SKB, 0x1000 + i, 10'000 + i, 2, kNsA, 0, 1}));
    }
    EXPECT_TRUE(a.completed(0));
    EXPECT_TRUE(a.record(0).flags & JourneyIdleClosed);
    EXPECT_EQ(a.record(0).fate, Fate::InFlight);
    EXPECT_GE(a.counters().idleClosed, 1u);
}

} // namespace

TEST(Assembler, TracerTableRecordsJoinButNeverDecide) {
    // nft-tracer's own chain (policy accept) comes first at every hook, and the kernel sends an
    // end-of-chain record (handle 0, CONTINUE): both join the packet, neither decides or shows.
    const std::string own = std::string(kTracerTablePrefix) + "1";
    Stream s;
    s.hdr(header(kSkbA, 0, icmpEcho(1)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .rec({9,
              3,
              "input",
              NftTraceType::Policy,
              verdict::Accept,
              0,
              icmpEcho(1),
              {},
              1,
              2,
              0,
              own})
        .rec({9, 4, "input", NftTraceType::Rule, verdict::Continue, 0, icmpEcho(1)})
        .ev({NT_PROBE_CONSUME_SKB, kSkbA, 6, 2, kNsA});
    const Assembler live = s.live();
    const Assembler bulk = Assembler::assemble(s.trace());
    for (const Assembler *ap : {&live, &bulk}) {
        const Assembler &a = *ap;
        ASSERT_EQ(a.journeyCount(), 1u);
        const Journey j = a.journey(0);
        EXPECT_TRUE(j.nft.empty());
        EXPECT_EQ(j.verdictNft, kNoIndex);
        EXPECT_EQ(a.nftOf(0, true).size(), 2u);
        EXPECT_EQ(a.counters().unjoinedNft, 0u);
        checkInvariants(a);
    }
}
