// Faults in the record streams, built from the recorded router trace (router-nat.nftrace):
// duplicate and out-of-order nft records, BPF events lost to the ring buffer, trace-id
// collisions and an skb address reused while an older journey is open. Each gives a counted
// outcome; no nft record ever joins a packet it does not belong to.
#include "assembler.h"
#include "packet.h"
#include "tracefile.h"

#include <gtest/gtest.h>
#include <netinet/in.h>

#include <functional>
#include <map>

namespace {

using namespace nt;

const std::string kFile = std::string(NT_TEST_DATA_DIR) + "/recorded/router-nat.nftrace";

const Trace &recorded() {
    static const Trace t = readTrace(kFile);
    return t;
}

// A journey's identity across differently assembled traces: its skb and first event time.
using JourneyKey = std::pair<uint64_t, uint64_t>;

JourneyKey keyOf(const Assembler &a, JourneyId id) {
    return {a.record(id).skb, a.record(id).firstTs};
}

// Which journey each nft record (by its content) joined, or none.
struct Joins {
    std::map<uint32_t, JourneyKey> byOrdinal; // only joined records
};

Joins joins(const Assembler &a) {
    Joins j;
    for (JourneyId id = 0; id < a.journeyCount(); ++id) {
        for (uint32_t ord : a.nftOf(id, true)) {
            j.byOrdinal[ord] = keyOf(a, id);
        }
    }
    return j;
}

// The nft records of `t`, by ordinal, mapped to the ordinal they had in the recording (the
// copies made by a test map to their original).
std::vector<uint32_t> identity(const Trace &t) {
    std::vector<uint32_t> v(t.nft.size());
    for (uint32_t i = 0; i < v.size(); ++i) {
        v[i] = i;
    }
    return v;
}

// Every record of the faulty trace joined the journey its original joined in the recording,
// or none: a fault may cost joins, never make a wrong one.
void expectNoWrongJoin(const Assembler &faulty, const std::vector<uint32_t> &origin,
                       const Assembler &baseline) {
    const Joins base = joins(baseline);
    const Joins got = joins(faulty);
    for (const auto &[ord, journey] : got.byOrdinal) {
        auto b = base.byOrdinal.find(origin[ord]);
        ASSERT_NE(b, base.byOrdinal.end()) << "record " << ord << " joined, its original did not";
        EXPECT_EQ(journey, b->second) << "record " << ord << " joined another packet";
    }
}

uint64_t reasonsSum(const AssemblerCounters &c) {
    return c.unjoinedNoPacket + c.unjoinedLoss + c.unjoinedNoHeader + c.unjoinedOrphan +
           c.unjoinedDuplicate;
}

// The first nft record of table `table`, chain `chain` whose header bytes satisfy `pred`.
uint32_t recordOf(const Trace &t, const std::function<bool(const PacketFields &)> &pred,
                  const std::string &table, const std::string &chain) {
    for (uint32_t i = 0; i < t.nft.size(); ++i) {
        const NftTraceRecord &r = t.nft[i];
        PacketFields f;
        if (r.table == table && r.chain == chain &&
            parseNftHeaders(r.networkHeader, r.transportHeader,
                            nftRecordProtocol(r.nfproto, r.llHeader), f) &&
            pred(f)) {
            return i;
        }
    }
    return kNoIndex;
}

// A later record of the same walk as `r` (another rule of its chain): no header bytes.
NftTraceRecord laterRuleOf(const NftTraceRecord &r) {
    NftTraceRecord later = r;
    later.llHeader.clear();
    later.networkHeader.clear();
    later.transportHeader.clear();
    later.ruleHandle += 100;
    later.verdict = verdict::Continue;
    return later;
}

bool dnatSyn(const PacketFields &f) {
    return f.family == 4 && f.l4proto == IPPROTO_TCP && f.dport == 8080 &&
           (f.tcpFlags & 0x12) == 0x02;
}

bool udpForward(const PacketFields &f) {
    return f.family == 4 && f.l4proto == IPPROTO_UDP && f.dport == 5000;
}

class JoinFaults : public ::testing::Test {
protected:
    void SetUp() override {
        baseline = std::make_unique<Assembler>(Assembler::assemble(recorded()));
    }
    std::unique_ptr<Assembler> baseline;
};

TEST_F(JoinFaults, BaselineJoinsEveryWalkOfTheTraffic) {
    const AssemblerCounters &c = baseline->counters();
    EXPECT_EQ(c.unjoinedDuplicate, 0u);
    EXPECT_EQ(c.unjoinedOrphan, 0u);
    EXPECT_EQ(c.traceIdCollisions, 0u);
    EXPECT_EQ(c.unjoinedNft, reasonsSum(c));
}

TEST_F(JoinFaults, DuplicateRecordIsCountedNotJoinedTwice) {
    Trace t = recorded();
    std::vector<uint32_t> origin = identity(t);
    // The DNAT rule's record of the SYN delivered twice (a re-read buffer, a merged file).
    const uint32_t dup = recordOf(t, dnatSyn, "nat", "prerouting");
    ASSERT_NE(dup, kNoIndex);
    t.nft.insert(t.nft.begin() + dup + 1, t.nft[dup]);
    origin.insert(origin.begin() + dup + 1, dup);
    const Assembler a = Assembler::assemble(t);
    EXPECT_EQ(a.counters().unjoinedDuplicate, 1u);
    EXPECT_EQ(a.counters().unjoinedNft, baseline->counters().unjoinedNft + 1);
    EXPECT_EQ(a.counters().unjoinedNft, reasonsSum(a.counters()));
    expectNoWrongJoin(a, origin, *baseline);
}

TEST_F(JoinFaults, RecordBeforeItsWalkStartIsAnOrphan) {
    Trace t = recorded();
    std::vector<uint32_t> origin = identity(t);
    // A later rule record of the SYN's DNAT walk, arriving before the SYN's first walk start.
    const uint32_t nat = recordOf(t, dnatSyn, "nat", "prerouting");
    ASSERT_NE(nat, kNoIndex);
    uint32_t first = nat;
    while (first > 0 && t.nft[first - 1].id == t.nft[nat].id) {
        --first;
    }
    t.nft.insert(t.nft.begin() + first, laterRuleOf(t.nft[nat]));
    origin.insert(origin.begin() + first, nat);
    const Assembler a = Assembler::assemble(t);
    EXPECT_EQ(a.counters().unjoinedOrphan, 1u);
    EXPECT_EQ(a.counters().unjoinedNft, reasonsSum(a.counters()));
    expectNoWrongJoin(a, origin, *baseline);
}

TEST_F(JoinFaults, RecordAfterItsWalkEndedIsAnOrphan) {
    Trace t = recorded();
    std::vector<uint32_t> origin = identity(t);
    // The same, arriving after the SYN's walks ended with ACCEPT: its trace id is reused by a
    // later packet of the flow, and it must join neither.
    const uint32_t nat = recordOf(t, dnatSyn, "nat", "prerouting");
    const uint32_t post = recordOf(
        t,
        [](const PacketFields &f) { // after DNAT, before masquerade
            return f.l4proto == IPPROTO_TCP && f.dport == 80 && (f.tcpFlags & 0x12) == 0x02;
        },
        "nat", "postrouting");
    ASSERT_NE(nat, kNoIndex);
    ASSERT_NE(post, kNoIndex);
    t.nft.insert(t.nft.begin() + post + 1, laterRuleOf(t.nft[nat]));
    origin.insert(origin.begin() + post + 1, nat);
    const Assembler a = Assembler::assemble(t);
    EXPECT_EQ(a.counters().unjoinedOrphan, 1u);
    expectNoWrongJoin(a, origin, *baseline);
}

TEST_F(JoinFaults, LaterRecordInTheWalkJoinsItsPacket) {
    Trace t = recorded();
    std::vector<uint32_t> origin = identity(t);
    // The control: a later rule record right after its walk start (before the ACCEPT ended it
    // the walk would be open: put it after the tracer chain's CONTINUE) joins the SYN.
    const uint32_t pre =
        recordOf(t, dnatSyn, nt::kTracerTablePrefix + std::string("11950"), "prerouting");
    ASSERT_NE(pre, kNoIndex);
    t.nft.insert(t.nft.begin() + pre + 1, laterRuleOf(t.nft[pre]));
    origin.insert(origin.begin() + pre + 1, pre);
    const Assembler a = Assembler::assemble(t);
    EXPECT_EQ(a.counters().unjoinedNft, baseline->counters().unjoinedNft);
    expectNoWrongJoin(a, origin, *baseline);
}

TEST_F(JoinFaults, MissingBpfEventsLeaveTheWalksUnjoinedForThatReason) {
    for (const bool marked : {false, true}) {
        Trace t = recorded();
        // The UDP packet's events and headers lost in the ring buffer.
        const Assembler &b = *baseline;
        uint64_t skb = 0;
        for (JourneyId id = 0; id < b.journeyCount() && skb == 0; ++id) {
            const JourneyRecord &rec = b.record(id);
            PacketFields f;
            if (rec.header < t.packets.size() &&
                parsePacket(t.packets[rec.header].data, t.packets[rec.header].protocol, f) &&
                udpForward(f)) {
                skb = rec.skb;
            }
        }
        ASSERT_NE(skb, 0u);
        const uint64_t lostAt = [&]() -> uint64_t {
            for (const Event &e : t.events) {
                if (e.skb == skb) {
                    return e.ts_ns;
                }
            }
            return uint64_t{0};
        }();
        std::erase_if(t.events, [&](const Event &e) {
            return e.skb == skb && e.ts_ns + 1'000'000 > lostAt && e.ts_ns < lostAt + 1'000'000;
        });
        std::erase_if(t.packets, [&](const PacketHeader &h) {
            return h.skb == skb && h.tsNs + 1'000'000 > lostAt && h.tsNs < lostAt + 1'000'000;
        });
        if (marked) {
            t.lossMarks.push_back({lostAt + 50'000'000, 1}); // noticed on the next counter check
        }
        const Assembler a = Assembler::assemble(t);
        const uint32_t walk = recordOf(t, udpForward, "nat", "prerouting");
        ASSERT_NE(walk, kNoIndex);
        for (JourneyId id = 0; id < a.journeyCount(); ++id) {
            for (uint32_t ord : a.nftOf(id, true)) {
                EXPECT_NE(t.nft[ord].id, t.nft[walk].id) << "joined another packet";
            }
        }
        const AssemblerCounters &c = a.counters();
        const uint64_t extra = c.unjoinedNft - baseline->counters().unjoinedNft;
        EXPECT_GE(extra, 3u); // its prerouting, forward and postrouting walks
        EXPECT_EQ(marked ? c.unjoinedLoss
                         : c.unjoinedNoPacket - baseline->counters().unjoinedNoPacket,
                  extra);
        EXPECT_EQ(c.unjoinedNft, reasonsSum(c));
    }
}

TEST_F(JoinFaults, TraceIdCollisionIsCountedAndNeverJoinsTheOtherPacket) {
    Trace t = recorded();
    std::vector<uint32_t> origin = identity(t);
    // The UDP packet's first forward walk given the SYN's trace id and placed right after the
    // SYN's DNAT: by id and hook order it would continue the SYN; its header is another packet.
    const uint32_t synNat = recordOf(t, dnatSyn, "nat", "prerouting");
    const uint32_t udpFwd = recordOf(t, udpForward, "fw", "forward") - 1; // the tracer chain's
    ASSERT_NE(synNat, kNoIndex);
    ASSERT_EQ(t.nft[udpFwd].chain, "forward");
    NftTraceRecord moved = t.nft[udpFwd];
    moved.id = t.nft[synNat].id;
    t.nft.erase(t.nft.begin() + udpFwd);
    origin.erase(origin.begin() + udpFwd);
    t.nft.insert(t.nft.begin() + synNat + 1, moved);
    origin.insert(origin.begin() + synNat + 1, udpFwd);
    const Assembler a = Assembler::assemble(t);
    EXPECT_EQ(a.counters().traceIdCollisions, 1u);
    expectNoWrongJoin(a, origin, *baseline);
    EXPECT_EQ(a.counters().unjoinedNft, reasonsSum(a.counters()));
}

TEST_F(JoinFaults, ReusedSkbAddressWhileAnOlderJourneyIsOpenStartsANewJourney) {
    Trace t = recorded();
    const Assembler &b = *baseline;
    // Older: the UDP packet with its transmit events and free lost (open, last seen received).
    // Newer: a packet this router sent (first event net_dev_queue), given the same address.
    JourneyId older = kNoJourney, newer = kNoJourney;
    for (JourneyId id = 0; id < b.journeyCount(); ++id) {
        const JourneyRecord &rec = b.record(id);
        PacketFields f;
        if (rec.header >= t.packets.size() ||
            !parsePacket(t.packets[rec.header].data, t.packets[rec.header].protocol, f)) {
            continue;
        }
        if (older == kNoJourney && udpForward(f)) {
            older = id;
        } else if (older != kNoJourney && newer == kNoJourney && rec.fate == Fate::Transmitted &&
                   rec.firstTs > b.record(older).firstTs + 1'000'000) {
            newer = id;
        }
    }
    ASSERT_NE(older, kNoJourney);
    ASSERT_NE(newer, kNoJourney);
    const uint64_t oldSkb = b.record(older).skb, newSkb = b.record(newer).skb;
    const uint64_t oldFirst = b.record(older).firstTs, oldLast = b.record(older).lastTs;
    const uint64_t newFirst = b.record(newer).firstTs, newLast = b.record(newer).lastTs;
    std::erase_if(t.events, [&](const Event &e) {
        return e.skb == oldSkb && e.ts_ns >= oldFirst && e.ts_ns <= oldLast &&
               e.probe != NT_PROBE_NETIF_RX && e.probe != NT_PROBE_NETIF_RECEIVE_SKB;
    });
    std::erase_if(t.packets, [&](const PacketHeader &h) {
        return h.skb == oldSkb && h.tsNs > oldFirst && h.tsNs <= oldLast; // its later header
    });
    for (Event &e : t.events) {
        if (e.skb == newSkb && e.ts_ns >= newFirst && e.ts_ns <= newLast) {
            e.skb = oldSkb;
        }
    }
    for (PacketHeader &h : t.packets) {
        if (h.skb == newSkb && h.tsNs >= newFirst && h.tsNs <= newLast) {
            h.skb = oldSkb;
        }
    }
    const Assembler a = Assembler::assemble(t);
    std::vector<JourneyId> onAddress;
    for (JourneyId id = 0; id < a.journeyCount(); ++id) {
        if (a.record(id).skb == oldSkb && a.record(id).firstTs >= oldFirst &&
            a.record(id).firstTs <= newLast) {
            onAddress.push_back(id);
        }
    }
    ASSERT_EQ(onAddress.size(), 2u) << "the older lifetime and the newer packet";
    EXPECT_EQ(a.record(onAddress[1]).fate, Fate::Transmitted);
    EXPECT_FALSE(a.record(onAddress[0]).flags & JourneyNat) << "not taken for a NAT rewrite";
    EXPECT_EQ(a.counters().natContinued, baseline->counters().natContinued - 1);
    // The older packet keeps its own walks, the newer one gains none of them.
    for (uint32_t ord : a.nftOf(onAddress[1], true)) {
        for (uint32_t o2 : a.nftOf(onAddress[0], true)) {
            EXPECT_NE(t.nft[ord].id, t.nft[o2].id);
        }
    }
}

} // namespace
