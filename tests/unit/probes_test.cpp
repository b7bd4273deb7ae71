// The probe catalogue: one entry per probe id, the ids trace files hold keep their meaning, and
// layers come from one place for live recordings and files read back.
#include "probes.h"
#include "tracefile.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace nt;

// What the ids meant when trace files were first written: never to change.
const std::vector<std::pair<uint16_t, std::string>> kFileIds = {
    {1, "netif_receive_skb"},
    {2, "netif_rx"},
    {3, "napi_gro_receive_entry"},
    {4, "napi_gro_receive_exit"},
    {5, "net_dev_queue"},
    {6, "net_dev_start_xmit"},
    {7, "net_dev_xmit"},
    {8, "qdisc_enqueue"},
    {9, "qdisc_dequeue"},
    {10, "kfree_skb"},
    {11, "consume_skb"},
    {12, "skb_copy_datagram_iovec"},
    {13, "tcp_probe"},
    {14, "tcp_retransmit_skb"},
    {15, "tcp_send_reset"},
    {16, "tcp_bad_csum"},
    {17, "udp_fail_queue_rcv_skb"},
    {18, "fib_table_lookup"},
    {19, "fib6_table_lookup"},
    {20, "sock_rcvqueue_full"},
};

TEST(ProbeCatalogue, FileIdsKeepTheirTracepoints) {
    ASSERT_EQ(tracepoints().size(), kFileIds.size());
    for (const auto &[id, name] : kFileIds) {
        const char *n = tracepointName(id);
        ASSERT_NE(n, nullptr) << "id " << id;
        EXPECT_EQ(n, name) << "id " << id;
        const TracepointInfo *byName = findTracepoint(name);
        ASSERT_NE(byName, nullptr) << name;
        EXPECT_EQ(byName->probe, id);
    }
    EXPECT_EQ(NT_PROBE_CONSUME_SKB, 11);
    EXPECT_EQ(NT_PROBE_SOCK_RCVQUEUE_FULL, 20);
    EXPECT_EQ(tracepointName(0), nullptr);
    EXPECT_EQ(tracepointName(NT_PROBE_TRACEPOINT_COUNT), nullptr);
    EXPECT_EQ(tracepointName(NT_PROBE_FUNCTION_BASE), nullptr);
}

TEST(ProbeCatalogue, EveryIdHasExactlyOneEntryAndNamesAreUnique) {
    const std::vector<KernelFunction> functions = {
        {"ip_rcv", "", 1, false, Layer::IPv4, 0},
        {"nft_do_chain", "nf_tables", 1, true, Layer::Netfilter, 0},
        {"tcp_v4_rcv", "", 1, false, Layer::TCP, 0},
    };
    const ProbeCatalogue c(functions, "__nft_trace_packet");
    std::set<uint16_t> ids;
    std::set<std::string> names;
    for (const ProbeEntry &e : c.entries()) {
        EXPECT_TRUE(ids.insert(e.id).second) << "id " << e.id << " twice";
        EXPECT_TRUE(names.insert(e.name).second) << e.name << " twice";
        const ProbeEntry *found = c.find(e.id);
        ASSERT_NE(found, nullptr) << e.id;
        EXPECT_EQ(found, &e);
    }
    EXPECT_EQ(c.entries().size(), tracepoints().size() + functions.size() + 1);
    EXPECT_EQ(c.tracepointEntries().size(), tracepoints().size());
    EXPECT_EQ(c.find(0), nullptr);
    EXPECT_EQ(c.find(NT_PROBE_TRACEPOINT_COUNT), nullptr);
    EXPECT_EQ(c.find(static_cast<uint16_t>(NT_PROBE_FUNCTION_BASE + 4)), nullptr);
}

TEST(ProbeCatalogue, FunctionsFollowTheTracepointsInOrder) {
    const std::vector<KernelFunction> functions = {
        {"ip_rcv", "", 1, false, Layer::IPv4, 0},
        {"nft_do_chain", "nf_tables", 2, true, Layer::Netfilter, 0},
        {"veth_xmit", "veth", 1, false, Layer::Device, 2},
    };
    const ProbeCatalogue c(functions, "__nft_trace_packet");
    ASSERT_EQ(c.functionEntries().size(), 3u);
    for (size_t i = 0; i < functions.size(); ++i) {
        const ProbeEntry &e = c.functionEntries()[i];
        EXPECT_EQ(e.id, NT_PROBE_FUNCTION_BASE + i);
        EXPECT_EQ(e.name, functions[i].name);
        EXPECT_EQ(e.kind, ProbeKind::Function);
        EXPECT_EQ(e.layer, functions[i].layer);
        EXPECT_EQ(e.priority, functions[i].priority);
        EXPECT_EQ(e.argPos, functions[i].skbArg);
        EXPECT_EQ(e.pktinfo, functions[i].pktinfo);
        EXPECT_EQ(e.module, functions[i].module);
    }
    const ProbeEntry *nft = c.netfilter();
    ASSERT_NE(nft, nullptr);
    EXPECT_EQ(nft->id, NT_PROBE_FUNCTION_BASE + 3);
    EXPECT_EQ(nft->kind, ProbeKind::Netfilter);
    EXPECT_EQ(nft->layer, Layer::Netfilter);
    EXPECT_STREQ(probeKindName(nft->kind), "netfilter");

    const ProbeCatalogue tracepointsOnly;
    EXPECT_TRUE(tracepointsOnly.functionEntries().empty());
    EXPECT_EQ(tracepointsOnly.netfilter(), nullptr);
    EXPECT_EQ(tracepointsOnly.entries().size(), tracepoints().size());
}

TEST(ProbeCatalogue, LayerOfEachTracepoint) {
    const std::vector<std::pair<std::string, Layer>> expected = {
        {"netif_receive_skb", Layer::Device},
        {"netif_rx", Layer::Device},
        {"napi_gro_receive_entry", Layer::GRO},
        {"napi_gro_receive_exit", Layer::GRO},
        {"net_dev_queue", Layer::Xmit},
        {"net_dev_start_xmit", Layer::Xmit},
        {"net_dev_xmit", Layer::Xmit},
        {"qdisc_enqueue", Layer::Xmit},
        {"qdisc_dequeue", Layer::Xmit},
        {"kfree_skb", Layer::Drop},
        {"consume_skb", Layer::Device},
        {"skb_copy_datagram_iovec", Layer::Socket},
        {"tcp_probe", Layer::TCP},
        {"tcp_retransmit_skb", Layer::TCP},
        {"tcp_send_reset", Layer::TCP},
        {"tcp_bad_csum", Layer::TCP},
        {"udp_fail_queue_rcv_skb", Layer::UDP},
        {"fib_table_lookup", Layer::Routing},
        {"fib6_table_lookup", Layer::Routing},
        {"sock_rcvqueue_full", Layer::Socket},
    };
    ASSERT_EQ(expected.size(), tracepoints().size());
    const ProbeCatalogue c;
    for (const auto &[name, layer] : expected) {
        const TracepointInfo *t = findTracepoint(name);
        ASSERT_NE(t, nullptr) << name;
        EXPECT_EQ(t->layer, layer) << name;
        EXPECT_EQ(c.find(t->probe)->layer, layer) << name;
        EXPECT_EQ(probeLayer(t->probe, name), layer) << name;
        // A kernel function of a tracepoint's name lands in the same lane, as critical.
        EXPECT_EQ(classify(name).layer, layer) << name;
        EXPECT_EQ(classify(name).priority, kPriorityCritical) << name;
    }
}

TEST(ProbeCatalogue, FunctionLayersComeFromTheClassification) {
    EXPECT_EQ(probeLayer(NT_PROBE_FUNCTION_BASE, "ip_rcv"), Layer::IPv4);
    EXPECT_EQ(probeLayer(NT_PROBE_FUNCTION_BASE + 7, "nft_do_chain"), Layer::Netfilter);
    // An id past the tracepoints that a newer version might add: classified by its name.
    EXPECT_EQ(probeLayer(NT_PROBE_TRACEPOINT_COUNT + 3, "tcp_something"), Layer::TCP);
}

// Files written before the catalogue keep opening with the same probes: ids below the function
// base name the tracepoints they named then.
TEST(ProbeCatalogue, RecordedFixturesNameTheirProbesAsTheCatalogue) {
    for (const char *file : {"/recorded/two-namespaces.nftrace", "/recorded/router-nat.nftrace",
                             "/tracefile/v1.nftrace", "/tracefile/v2.nftrace"}) {
        const Trace t = readTrace(std::string(NT_TEST_DATA_DIR) + file);
        ASSERT_FALSE(t.probes.empty()) << file;
        size_t tracepointProbes = 0;
        for (const ProbeDesc &p : t.probes) {
            if (p.id < NT_PROBE_FUNCTION_BASE) {
                const char *name = tracepointName(p.id);
                ASSERT_NE(name, nullptr) << file << ": id " << p.id;
                EXPECT_EQ(p.name, name) << file << ": id " << p.id;
                ++tracepointProbes;
            }
        }
        EXPECT_GT(tracepointProbes, 0u) << file;
    }
}

} // namespace
