// Journey assembly on a real recording of a router (tests/data/recorded/router-nat.nftrace, made
// by make-router-fixture.sh): DNAT port forwards, masquerade, un-NAT of replies and plain IPv6
// forwarding, recorded in the router's namespace with everything traced.
#include "assembler.h"
#include "packet.h"
#include "report.h"
#include "trace_stream.h"
#include "tracefile.h"

#include <QJsonArray>

#include <gtest/gtest.h>
#include <netinet/in.h>

#include <functional>
#include <set>

namespace {

using namespace nt;

const std::string kFile = std::string(NT_TEST_DATA_DIR) + "/recorded/router-nat.nftrace";

constexpr uint16_t kForwardPort = 8080, kServerPort = 80, kUdpPort = 5000, kV6Port = 81;

class RouterTrace : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        trace = std::make_unique<Trace>(readTrace(kFile));
        bulk = std::make_unique<Assembler>(Assembler::assemble(*trace));
        report = std::make_unique<Report>(*trace, *bulk);
    }
    static void TearDownTestSuite() {
        report.reset();
        bulk.reset();
        trace.reset();
    }

    // Journeys whose first header satisfies `pred`, in time order.
    static std::vector<JourneyId> find(const std::function<bool(const PacketFields &)> &pred) {
        std::vector<JourneyId> out;
        for (JourneyId id = 0; id < bulk->journeyCount(); ++id) {
            if (auto f = report->fields(id); f && pred(*f)) {
                out.push_back(id);
            }
        }
        std::sort(out.begin(), out.end(), [](JourneyId a, JourneyId b) {
            return bulk->record(a).firstTs < bulk->record(b).firstTs;
        });
        return out;
    }
    // (table, chain) of every nft record of a journey, hidden ones included.
    static std::vector<std::string> chains(JourneyId id) {
        std::vector<std::string> out;
        for (uint32_t ord : bulk->nftOf(id, true)) {
            const NftStep &s = bulk->nftStep(ord);
            out.push_back(bulk->name(s.table) + " " + bulk->name(s.chain));
        }
        return out;
    }

    static std::unique_ptr<Trace> trace;
    static std::unique_ptr<Assembler> bulk;
    static std::unique_ptr<Report> report;
};
std::unique_ptr<Trace> RouterTrace::trace;
std::unique_ptr<Assembler> RouterTrace::bulk;
std::unique_ptr<Report> RouterTrace::report;

bool tcpTo(const PacketFields &f, uint16_t dport, uint8_t flags) {
    return f.l4proto == IPPROTO_TCP && f.dport == dport && (f.tcpFlags & 0x12) == flags;
}

bool contains(const std::vector<std::string> &v, const std::string &s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

TEST_F(RouterTrace, DnatedSynIsOneForwardedJourneyWithEveryRuleOnIt) {
    const auto syns = find([](const PacketFields &f) { return tcpTo(f, kForwardPort, 0x02); });
    ASSERT_EQ(syns.size(), 1u);
    const JourneyId id = syns.front();
    const Journey j = bulk->journey(id);
    EXPECT_EQ(j.fate, Fate::Forwarded) << report->fateText(id);
    EXPECT_TRUE(j.flags & JourneyNat);
    // The walks before DNAT, after it, and before masquerade: all on this packet.
    const auto c = chains(id);
    EXPECT_TRUE(contains(c, "nat prerouting"));
    EXPECT_TRUE(contains(c, "fw forward"));
    EXPECT_TRUE(contains(c, "nat postrouting"));
    std::set<uint32_t> ids;
    for (uint32_t ord : bulk->nftOf(id, true)) {
        ids.insert(bulk->nftStep(ord).traceId);
    }
    EXPECT_EQ(ids.size(), 1u) << "one packet, one trace id";
    // No second journey for the transmit side (the masqueraded header).
    EXPECT_TRUE(find([](const PacketFields &f) {
                    return f.l4proto == IPPROTO_TCP && f.dport == kServerPort &&
                           (f.tcpFlags & 0x12) == 0x02;
                }).empty());
}

TEST_F(RouterTrace, JourneyKeepsTheTupleBeforeAndAfterEachRewrite) {
    const JourneyId id =
        find([](const PacketFields &f) { return tcpTo(f, kForwardPort, 0x02); }).front();
    const std::vector<NatStep> steps = report->natSteps(id);
    ASSERT_EQ(steps.size(), 3u) << report->natText(id);
    EXPECT_EQ(steps[0].fields.dport, kForwardPort);
    EXPECT_EQ(addressToString(4, steps[0].fields.daddr), "10.98.1.254");
    EXPECT_EQ(steps[1].fields.dport, kServerPort);
    EXPECT_EQ(addressToString(4, steps[1].fields.daddr), "10.98.2.2");
    EXPECT_EQ(steps[1].rewrittenAt, NftHook::Prerouting);
    EXPECT_EQ(addressToString(4, steps[2].fields.saddr), "10.98.2.254");
    EXPECT_EQ(steps[2].rewrittenAt, NftHook::Postrouting);
    EXPECT_NE(report->natText(id).find("became 10.98.1.1:"), std::string::npos)
        << report->natText(id);
    const QJsonObject json = report->journeyJson(id);
    EXPECT_EQ(json[QStringLiteral("nat")].toArray().size(), 3);
}

TEST_F(RouterTrace, UnNatedReplyIsOneJourneyLinkedByConntrack) {
    const JourneyId syn =
        find([](const PacketFields &f) { return tcpTo(f, kForwardPort, 0x02); }).front();
    const auto synAcks = find([](const PacketFields &f) {
        return f.l4proto == IPPROTO_TCP && f.sport == kServerPort && (f.tcpFlags & 0x12) == 0x12;
    });
    ASSERT_EQ(synAcks.size(), 1u);
    const JourneyId reply = synAcks.front();
    EXPECT_EQ(bulk->journey(reply).fate, Fate::Forwarded);
    const auto steps = report->natSteps(reply);
    ASSERT_EQ(steps.size(), 3u) << report->natText(reply);
    EXPECT_EQ(steps.back().fields.sport, kForwardPort); // the client sees the port it called
    // Conntrack attributes (Linux >= 6.7): the same connection id in both directions.
    auto ct = [](JourneyId id) {
        for (uint32_t ord : bulk->nftOf(id, true)) {
            const NftStep &s = bulk->nftStep(ord);
            if (s.walkStart && s.ctId != 0) {
                return s;
            }
        }
        return NftStep{};
    };
    const NftStep a = ct(syn), b = ct(reply);
    ASSERT_NE(a.ctId, 0u) << "the recording's kernel sends NFTA_TRACE_CT_ID";
    EXPECT_EQ(a.ctId, b.ctId);
    EXPECT_EQ(a.ctDirection, 0);
    EXPECT_EQ(b.ctDirection, 1);
    EXPECT_EQ(ctStateName(a.ctState), "new");
    EXPECT_EQ(ctStateName(b.ctState), "established");
    EXPECT_NE(report->conntrackText(reply).find("reply direction"), std::string::npos);
}

TEST_F(RouterTrace, EveryPacketOfTheForwardedConnectionsIsForwarded) {
    const auto v4 = find([](const PacketFields &f) {
        return f.l4proto == IPPROTO_TCP && (f.dport == kForwardPort || f.sport == kServerPort);
    });
    const auto v6 = find([](const PacketFields &f) {
        return f.family == 6 && f.l4proto == IPPROTO_TCP &&
               (f.dport == kV6Port || f.sport == kV6Port);
    });
    const auto udp = find([](const PacketFields &f) { return f.dport == kUdpPort; });
    EXPECT_GE(v4.size(), 5u);
    EXPECT_GE(v6.size(), 5u);
    EXPECT_EQ(udp.size(), 1u);
    for (const auto *set : {&v4, &v6, &udp}) {
        for (JourneyId id : *set) {
            EXPECT_EQ(bulk->journey(id).fate, Fate::Forwarded) << report->summary(id);
            EXPECT_FALSE(bulk->nftOf(id).empty()) << report->summary(id);
        }
    }
}

TEST_F(RouterTrace, NftRecordsOfForwardedPacketsAllJoin) {
    // What stays unjoined are IPv6 multicast messages of the namespaces' setup (MLD, router
    // solicitations) from the first moments, while the BPF side was still attaching: none of
    // them belongs to the traffic.
    for (uint32_t ord : bulk->unjoinedNft()) {
        const NftTraceRecord &r = trace->nft[ord];
        if (r.networkHeader.empty()) {
            continue;
        }
        PacketFields f;
        ASSERT_TRUE(parseNftHeaders(r.networkHeader, r.transportHeader,
                                    nftRecordProtocol(r.nfproto, r.llHeader), f));
        EXPECT_EQ(f.family, 6);
        EXPECT_EQ(f.daddr[0], 0xff) << endpointsToString(f); // ff02::16, ff02::2
        EXPECT_LT(r.tsNs, trace->nft.front().tsNs + 200'000'000);
    }
    const AssemblerCounters &c = bulk->counters();
    EXPECT_EQ(c.unjoinedNft, c.unjoinedNoPacket + c.unjoinedLoss + c.unjoinedNoHeader +
                                 c.unjoinedOrphan + c.unjoinedDuplicate);
    EXPECT_EQ(c.traceIdCollisions, 0u);
    EXPECT_GE(c.natContinued, 7u);
}

TEST_F(RouterTrace, NonIpRecordsAreNotDecoded) {
    size_t nonIp = 0;
    for (JourneyId id = 0; id < bulk->journeyCount(); ++id) {
        const JourneyRecord &rec = bulk->record(id);
        if (rec.header >= trace->packets.size()) {
            continue;
        }
        const PacketHeader &h = trace->packets[rec.header];
        if (h.protocol == 0x0800 || h.protocol == 0x86dd) {
            continue;
        }
        ++nonIp; // netlink messages of this recording (protocol 0)
        EXPECT_FALSE(report->fields(id).has_value());
        EXPECT_EQ(report->summary(id).find("::"), std::string::npos) << report->summary(id);
        EXPECT_NE(report->summary(id).find("protocol 0 (not IP)"), std::string::npos)
            << report->summary(id);
    }
    EXPECT_GT(nonIp, 0u) << "the recording holds netlink skbs (traced before the BPF side "
                            "skipped them)";
}

TEST_F(RouterTrace, LiveAssemblyGivesTheSameJourneys) {
    Assembler live(trace->probes, trace->dropReasons);
    TimeMerge merge(std::span<const PacketHeader>(trace->packets),
                    std::span<const NftTraceRecord>(trace->nft));
    auto onPacket = [&](const PacketHeader &h) { live.add(h); };
    auto onNft = [&](const NftTraceRecord &r) { live.add(r); };
    // In slices, as a recorder hands them over.
    const std::span<const Event> all(trace->events);
    for (size_t i = 0; i < all.size(); i += 7) {
        merge.feed(
            all.subspan(i, std::min<size_t>(7, all.size() - i)), onPacket,
            [&](const Event &e) { live.add(e); }, onNft);
    }
    merge.finish(onPacket, onNft);
    live.flush();
    ASSERT_EQ(live.journeyCount(), bulk->journeyCount());
    for (JourneyId id = 0; id < bulk->journeyCount(); ++id) {
        EXPECT_EQ(live.record(id).fate, bulk->record(id).fate) << id;
        EXPECT_EQ(live.nftOf(id, true), bulk->nftOf(id, true)) << id;
    }
    EXPECT_EQ(live.counters().unjoinedNft, bulk->counters().unjoinedNft);
}

} // namespace
