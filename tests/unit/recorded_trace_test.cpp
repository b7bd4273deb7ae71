// Journey assembly on a real recording (tests/data/recorded, made by make-fixture.sh): the
// kernel's actual event order, clones, address reuse and nft messages, not a synthetic stream.
#include "assembler.h"
#include "packet.h"
#include "trace_stream.h"
#include "tracefile.h"

#include <gtest/gtest.h>
#include <netinet/in.h>

#include <functional>

namespace {

using namespace nt;

const std::string kFile = std::string(NT_TEST_DATA_DIR) + "/recorded/two-namespaces.nftrace";

class RecordedTrace : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        trace = std::make_unique<Trace>(readTrace(kFile));
        bulk = std::make_unique<Assembler>(Assembler::assemble(*trace));
    }
    static void TearDownTestSuite() {
        bulk.reset();
        trace.reset();
    }

    // Journeys whose captured header satisfies `pred`, in time order.
    static std::vector<Journey> find(const std::function<bool(const PacketFields &)> &pred) {
        std::vector<Journey> out;
        for (JourneyId id = 0; id < bulk->journeyCount(); ++id) {
            Journey j = bulk->journey(id);
            PacketFields f;
            if (j.header < trace->packets.size() &&
                parsePacket(trace->packets[j.header].data, trace->packets[j.header].protocol, f) &&
                pred(f)) {
                out.push_back(std::move(j));
            }
        }
        std::sort(out.begin(), out.end(),
                  [](const Journey &a, const Journey &b) { return a.firstTs < b.firstTs; });
        return out;
    }

    static std::unique_ptr<Trace> trace;
    static std::unique_ptr<Assembler> bulk;
};
std::unique_ptr<Trace> RecordedTrace::trace;
std::unique_ptr<Assembler> RecordedTrace::bulk;

bool syn(const PacketFields &f, uint16_t port) {
    return f.l4proto == IPPROTO_TCP && f.dport == port && (f.tcpFlags & 0x12) == 0x02;
}

TEST_F(RecordedTrace, MetadataSaysWhatWasRecorded) {
    EXPECT_EQ(trace->meta.backend, "tracepoints+nftrace");
    EXPECT_EQ(trace->meta.filter, "host 10.99.1.1 or host fd99:1::1");
    EXPECT_EQ(trace->meta.netns, "nt-fix-b");
    EXPECT_GT(trace->meta.stopWallNs, trace->meta.startWallNs);
    EXPECT_EQ(trace->meta.loss.ringbufFull, 0u);
    EXPECT_FALSE(trace->rulesetJson.empty());
    EXPECT_GE(trace->dropReasons.size(), 3u);
    EXPECT_EQ(trace->dropReasons[2], "NOT_SPECIFIED");
}

TEST_F(RecordedTrace, DroppedSynEndsAtTheDropRule) {
    const auto js = find([](const PacketFields &f) { return syn(f, 8082); });
    ASSERT_FALSE(js.empty());
    const Journey &j = js.front();
    EXPECT_EQ(j.fate, Fate::DroppedByRule);
    EXPECT_EQ(j.verdict, verdict::Drop);
    EXPECT_EQ(j.ruleHandle, 3u);
    EXPECT_EQ(j.table, "fw");
    EXPECT_EQ(j.chain, "input");
    ASSERT_LT(j.dropReason, trace->dropReasons.size());
    EXPECT_EQ(trace->dropReasons[j.dropReason], "NETFILTER_DROP");
    EXPECT_GT(j.layerNs[static_cast<size_t>(Layer::Netfilter)], 0u);
}

TEST_F(RecordedTrace, AcceptedAndOpenPortSynsAreDelivered) {
    for (uint16_t port : {8080, 8081}) {
        const auto js =
            find([port](const PacketFields &f) { return f.family == 4 && syn(f, port); });
        ASSERT_FALSE(js.empty()) << port;
        EXPECT_EQ(js.front().fate, Fate::Delivered) << port;
        EXPECT_EQ(js.front().verdict, verdict::Accept) << port;
    }
    const auto accepted = find([](const PacketFields &f) { return syn(f, 8081); });
    EXPECT_EQ(accepted.front().ruleHandle, 2u);
    const auto v6 = find([](const PacketFields &f) { return f.family == 6 && syn(f, 8080); });
    ASSERT_FALSE(v6.empty());
    EXPECT_EQ(v6.front().fate, Fate::Delivered);
}

TEST_F(RecordedTrace, PingRequestsDeliveredAndRepliesTransmitted) {
    const auto requests =
        find([](const PacketFields &f) { return f.l4proto == IPPROTO_ICMP && f.icmpType == 8; });
    const auto replies =
        find([](const PacketFields &f) { return f.l4proto == IPPROTO_ICMP && f.icmpType == 0; });
    ASSERT_EQ(requests.size(), 2u);
    ASSERT_EQ(replies.size(), 2u);
    for (const Journey &j : requests) {
        EXPECT_EQ(j.fate, Fate::Delivered);
    }
    for (const Journey &j : replies) {
        EXPECT_EQ(j.fate, Fate::Transmitted); // it leaves the traced namespace through veth
    }
}

TEST_F(RecordedTrace, EveryJourneyIsOrderedAndItsLayerTimesAddUp) {
    for (JourneyId id = 0; id < bulk->journeyCount(); ++id) {
        const Journey j = bulk->journey(id);
        uint64_t sum = 0;
        for (uint64_t ns : j.layerNs) {
            sum += ns;
        }
        EXPECT_EQ(sum, j.lastTs - j.firstTs) << "journey " << id;
        uint64_t prev = 0;
        for (const Event &e : bulk->events(id)) {
            EXPECT_GE(e.ts_ns, prev) << "journey " << id;
            prev = e.ts_ns;
        }
    }
}

// The same journeys, field by field that the assembly decides.
void expectSameJourneys(const Assembler &got, const Assembler &want) {
    ASSERT_EQ(got.journeyCount(), want.journeyCount());
    for (JourneyId id = 0; id < want.journeyCount(); ++id) {
        const Journey x = got.journey(id), y = want.journey(id);
        EXPECT_EQ(x.fate, y.fate) << id;
        EXPECT_EQ(x.skb, y.skb) << id;
        EXPECT_EQ(x.header, y.header) << id;
        EXPECT_EQ(x.firstTs, y.firstTs) << id;
        EXPECT_EQ(x.lastTs, y.lastTs) << id;
        EXPECT_EQ(x.nft, y.nft) << id;
        EXPECT_EQ(x.ruleHandle, y.ruleHandle) << id;
        EXPECT_EQ(x.layerNs, y.layerNs) << id;
    }
}

TEST_F(RecordedTrace, LiveAssemblyInFileOrderGivesTheSameJourneys) {
    // The recorder wrote records in arrival order per kind; replay them merged by time as a
    // live feed would deliver them, and compare with the bulk result.
    Assembler live(trace->probes, trace->dropReasons);
    size_t e = 0, p = 0, n = 0;
    while (e < trace->events.size() || p < trace->packets.size() || n < trace->nft.size()) {
        const uint64_t te = e < trace->events.size() ? trace->events[e].ts_ns : UINT64_MAX;
        const uint64_t tp = p < trace->packets.size() ? trace->packets[p].tsNs : UINT64_MAX;
        const uint64_t tn = n < trace->nft.size() ? trace->nft[n].tsNs : UINT64_MAX;
        if (tp <= te && tp <= tn) {
            live.add(trace->packets[p++]);
        } else if (te <= tn) {
            live.add(trace->events[e++]);
        } else {
            live.add(trace->nft[n++]);
        }
    }
    live.flush();
    expectSameJourneys(live, *bulk);
}

TEST_F(RecordedTrace, StreamedInChunksGivesTheSameJourneys) {
    // A viewer reads the file in chunks and consumes each in slices of any size: the journeys
    // must not depend on where the chunks or the slices end.
    for (const size_t chunkRecords : {size_t{1}, size_t{7}, size_t{1000}}) {
        SCOPED_TRACE(chunkRecords);
        TraceReader reader(kFile);
        Assembler a(trace->probes, trace->dropReasons);
        size_t chunks = 0, events = 0, packets = 0, nft = 0, slice = 1;
        streamTrace(
            reader,
            [&](TraceChunk &&c) {
                ++chunks;
                // A chunk is cut after the event batch that filled it: at most one batch over.
                EXPECT_LE(c.size(), chunkRecords + std::max<size_t>(chunkRecords / 4, 1) +
                                        trace->packets.size() + trace->nft.size());
                ChunkCursor cur;
                while (!cur.atEnd(c)) {
                    slice = slice % 5 + 1;
                    cur.visit(
                        c, slice,
                        [&](PacketHeader &&h) {
                            ++packets;
                            a.add(h);
                        },
                        [&](const Event &e) {
                            ++events;
                            a.add(e);
                        },
                        [&](NftTraceRecord &&r) {
                            ++nft;
                            a.add(r);
                        });
                }
            },
            {}, chunkRecords);
        a.flush();
        EXPECT_EQ(events, trace->events.size());
        EXPECT_EQ(packets, trace->packets.size());
        EXPECT_EQ(nft, trace->nft.size());
        EXPECT_GT(chunks, chunkRecords == 1000 ? 0u : 10u);
        expectSameJourneys(a, *bulk);
    }
}

TEST_F(RecordedTrace, StreamingStopsWhenProgressSaysSo) {
    TraceReader reader(kFile);
    uint64_t lastDone = 0, total = 0;
    size_t chunks = 0;
    EXPECT_THROW(streamTrace(
                     reader, [&](TraceChunk &&) { ++chunks; },
                     [&](uint64_t done, uint64_t all) {
                         lastDone = done;
                         total = all;
                         return chunks < 2;
                     },
                     16),
                 TraceFileCancelled);
    EXPECT_EQ(chunks, 2u);
    EXPECT_EQ(total, trace->events.size() + trace->packets.size() + trace->nft.size());
    EXPECT_LT(lastDone, total);
}

} // namespace
