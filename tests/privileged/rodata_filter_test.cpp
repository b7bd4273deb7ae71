// The filter and the traced namespace are constants of the BPF programs, set before load: a flow
// the filter does not match leaves no record, even sent again and again (its later events leave
// at the remembered rejection), while a matching flow keeps its whole journey.
#include "bpf_tracer.h"
#include "filter.h"
#include "kernel_info.h"
#include "netns.h"
#include "packet.h"
#include "testnet.h"

#include <gtest/gtest.h>

#include <netinet/in.h>

#include <map>
#include <set>

namespace {

using nt::test::sh;

constexpr int kIgnoredPort = 9101, kTracedPort = 9102;

class RodataFilter : public ::testing::Test {
protected:
    void SetUp() override {
        NT_REQUIRE_ROOT();
        NT_REQUIRE_NETNS();
        NT_REQUIRE_BPF();
        net = std::make_unique<nt::test::TestNet>();
        ASSERT_TRUE(net->ok) << net->error;
    }

    void sendUdp(int port, int count) const {
        for (int i = 0; i < count; ++i) {
            sh(net->inA("bash -c 'echo x > /dev/udp/" + net->addrB() + "/" + std::to_string(port) +
                        "'"));
        }
    }

    // Reads until the ring buffer has been quiet for a few polls.
    static void drain(nt::BpfTracer &tracer, nt::RecordBatch &out) {
        for (int idle = 0, rounds = 0; idle < 3 && rounds < 100; ++rounds) {
            idle = tracer.poll(100, out) == 0 ? idle + 1 : 0;
        }
    }

    std::unique_ptr<nt::test::TestNet> net;
};

TEST_F(RodataFilter, ANonMatchingFlowRecordsNothingAMatchingOneItsJourney) {
    const nt::KernelBtf btf;
    nt::BpfTracerOptions options;
    options.filter = nt::Filter::parse("udp and dst port " + std::to_string(kTracedPort))
                         .toBpf([](const std::string &) { return std::nullopt; });
    ASSERT_EQ(options.filter.enabled, 1u);
    const uint32_t netnsB = nt::NetnsHandle::byName(net->b).inode();
    options.netns = netnsB;
    nt::BpfTracer tracer(btf, options);

    nt::RecordBatch batch;
    sendUdp(kIgnoredPort, 5);
    drain(tracer, batch);
    EXPECT_TRUE(batch.events.empty()) << batch.events.size() << " events of a filtered flow";
    EXPECT_TRUE(batch.packets.empty()) << batch.packets.size() << " packets of a filtered flow";
    const nt::LossCounters afterIgnored = tracer.counters();
    // Every datagram was turned down at least at its first probe in the traced namespace.
    EXPECT_GE(afterIgnored.filtered, 5u);

    sendUdp(kTracedPort, 2);
    drain(tracer, batch);
    std::set<uint64_t> matched;
    for (const nt::PacketHeader &h : batch.packets) {
        nt::PacketFields f;
        ASSERT_TRUE(nt::parsePacket(h.data, h.protocol, f));
        EXPECT_EQ(f.l4proto, IPPROTO_UDP);
        EXPECT_EQ(f.dport, kTracedPort);
        EXPECT_EQ(h.netns, netnsB);
        matched.insert(h.skb);
    }
    EXPECT_GE(matched.size(), 2u);
    // The journey of each datagram: in at the device, then freed (no listener: dropped).
    std::map<uint64_t, std::set<uint16_t>> probesBySkb;
    for (const nt::Event &e : batch.events) {
        EXPECT_TRUE(matched.count(e.skb))
            << "event of an skb the filter did not match, probe " << e.probe;
        EXPECT_EQ(e.netns, netnsB) << "probe " << e.probe;
        probesBySkb[e.skb].insert(e.probe);
    }
    for (uint64_t skb : matched) {
        const std::set<uint16_t> &probes = probesBySkb[skb];
        EXPECT_TRUE(probes.count(NT_PROBE_NETIF_RECEIVE_SKB) || probes.count(NT_PROBE_NETIF_RX))
            << "skb " << skb << " has no receive event";
        EXPECT_TRUE(probes.count(NT_PROBE_KFREE_SKB) || probes.count(NT_PROBE_CONSUME_SKB))
            << "skb " << skb << " has no free event";
    }
    EXPECT_EQ(tracer.counters().ringbufFull, 0u);
}

TEST_F(RodataFilter, AnotherNamespaceRecordsNothing) {
    const nt::KernelBtf btf;
    nt::BpfTracerOptions options;
    // Namespace A is traced; the datagrams B answers with nothing (UDP to a closed port gets an
    // ICMP error back from B). B's side stays out.
    const uint32_t netnsA = nt::NetnsHandle::byName(net->a).inode();
    options.netns = netnsA;
    nt::BpfTracer tracer(btf, options);
    nt::RecordBatch batch;
    sendUdp(kTracedPort, 2);
    drain(tracer, batch);
    ASSERT_FALSE(batch.events.empty()) << "nothing recorded in the traced namespace";
    for (const nt::Event &e : batch.events) {
        EXPECT_EQ(e.netns, netnsA) << "probe " << e.probe;
    }
    for (const nt::PacketHeader &h : batch.packets) {
        EXPECT_EQ(h.netns, netnsA);
    }
}

} // namespace
