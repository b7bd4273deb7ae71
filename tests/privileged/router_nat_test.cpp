// End to end on a router: nft-tracer-cli records a namespace that forwards between a client and
// a server with a DNAT port forward, masquerade and IPv6 forwarding. Each forwarded packet must
// be one FORWARDED journey holding every nft rule evaluation of it, before and after NAT. And a
// loopback ping, over a raw socket and over an ICMP datagram socket, is DELIVERED.
#include "assembler.h"
#include "packet.h"
#include "report.h"
#include "sockets.h"
#include "subprocess.h"
#include "testnet.h"
#include "tracefile.h"

#include <netinet/in.h>

#include <filesystem>
#include <functional>
#include <gtest/gtest.h>
#include <set>

namespace {

using nt::test::sh;

// Client C — router R — server S, names and subnets unique to this process.
class RouterNet {
public:
    RouterNet() {
        const std::string id = std::to_string(getpid() % 100000);
        c = "nt-rc-" + id;
        r = "nt-rr-" + id;
        s = "nt-rs-" + id;
        const std::string n = std::to_string(getpid() % 200 + 20);
        net1 = "10.97." + n;
        net2 = "10.96." + n;
        v6a = "fd97:" + n + "::";
        v6b = "fd96:" + n + "::";
        const std::string cmds[] = {
            "ip netns add " + c,
            "ip netns add " + r,
            "ip netns add " + s,
            "ip -n " + c + " link set lo up",
            "ip -n " + r + " link set lo up",
            "ip -n " + s + " link set lo up",
            "ip -n " + c + " link add c0 type veth peer name r0 netns " + r,
            "ip -n " + s + " link add s0 type veth peer name r1 netns " + r,
            "ip -n " + c + " addr add " + net1 + ".1/24 dev c0",
            "ip -n " + c + " addr add " + v6a + "1/64 dev c0 nodad",
            "ip -n " + r + " addr add " + net1 + ".254/24 dev r0",
            "ip -n " + r + " addr add " + v6a + "fe/64 dev r0 nodad",
            "ip -n " + r + " addr add " + net2 + ".254/24 dev r1",
            "ip -n " + r + " addr add " + v6b + "fe/64 dev r1 nodad",
            "ip -n " + s + " addr add " + net2 + ".2/24 dev s0",
            "ip -n " + s + " addr add " + v6b + "2/64 dev s0 nodad",
            "ip -n " + c + " link set c0 up",
            "ip -n " + s + " link set s0 up",
            "ip -n " + r + " link set r0 up",
            "ip -n " + r + " link set r1 up",
            "ip -n " + c + " route add default via " + net1 + ".254",
            "ip -n " + c + " -6 route add default via " + v6a + "fe",
            "ip -n " + s + " -6 route add default via " + v6b + "fe",
            "ip netns exec " + r + " sysctl -qw net.ipv4.ip_forward=1",
            "ip netns exec " + r + " sysctl -qw net.ipv6.conf.all.forwarding=1",
        };
        for (const std::string &cmd : cmds) {
            std::string out;
            if (sh(cmd, &out) != 0) {
                error = cmd + ": " + out;
                return;
            }
        }
        ok = true;
    }
    ~RouterNet() {
        sh("ip netns del " + c);
        sh("ip netns del " + r);
        sh("ip netns del " + s);
    }
    RouterNet(const RouterNet &) = delete;
    RouterNet &operator=(const RouterNet &) = delete;

    std::string in(const std::string &ns, const std::string &cmd) const {
        return "ip netns exec " + ns + " " + cmd;
    }

    std::string c, r, s, net1, net2, v6a, v6b, error;
    bool ok = false;
};

constexpr int kForwardPort = 8080, kServerPort = 80, kUdpPort = 5000, kV6Port = 81;

class RouterNat : public ::testing::Test {
protected:
    void SetUp() override {
        NT_REQUIRE_ROOT();
        NT_REQUIRE_NETNS();
        NT_REQUIRE_NFTABLES();
        NT_REQUIRE_BPF();
        if (std::string out; sh("command -v nc", &out) != 0) { // the client side
            GTEST_SKIP() << "needs nc (Debian package netcat-openbsd)";
        }
        net = std::make_unique<RouterNet>();
        ASSERT_TRUE(net->ok) << net->error;
        const std::string ruleset =
            "table ip nat {"
            " chain prerouting { type nat hook prerouting priority dstnat; policy accept;"
            "  iifname \"r0\" tcp dport " +
            std::to_string(kForwardPort) + " dnat to " + net->net2 +
            ".2:" + std::to_string(kServerPort) + ";  iifname \"r0\" udp dport " +
            std::to_string(kUdpPort) + " dnat to " + net->net2 + ".2:" + std::to_string(kUdpPort) +
            "; };"
            " chain postrouting { type nat hook postrouting priority srcnat; policy accept;"
            "  oifname \"r1\" ip saddr " +
            net->net1 +
            ".0/24 masquerade; }; };"
            "table inet fw { chain forward { type filter hook forward priority filter; "
            "policy drop; ct state established,related accept; tcp dport { 80, 81 } accept; "
            "udp dport 5000 accept; icmpv6 type { echo-request, echo-reply } accept; }; }";
        std::string out;
        ASSERT_EQ(sh("printf '%s\\n' '" + ruleset + "' | " + net->in(net->r, "nft -f -"), &out), 0)
            << out;
        listeners = nt::test::listenIn(net->s, {kServerPort, kV6Port});
        const std::vector<int> udp = nt::test::listenIn(net->s, {kUdpPort}, SOCK_DGRAM);
        listeners.insert(listeners.end(), udp.begin(), udp.end());
        file = (std::filesystem::temp_directory_path() /
                ("nt-router-" + std::to_string(getpid()) + ".nftrace"))
                   .string();
    }
    void TearDown() override {
        for (int fd : listeners) {
            close(fd);
        }
        if (getenv("NT_KEEP_TRACE") == nullptr) {
            nt::TraceWriter::discard(file);
        } else {
            std::fprintf(stderr, "trace kept: %s\n", file.c_str());
        }
    }

    // Records namespace R while `traffic` runs; returns the trace.
    nt::Trace record(const std::function<void()> &traffic) {
        nt::test::Subprocess rec(
            {NT_CLI_PATH, "record", "--netns", net->r, "--duration", "60", "-o", file, "--quiet"});
        EXPECT_TRUE(rec.waitForStderr("Recording", 20000)) << rec.err();
        traffic();
        rec.signal(SIGINT);
        EXPECT_EQ(rec.wait(), 0) << rec.err();
        return nt::readTrace(file);
    }

    std::unique_ptr<RouterNet> net;
    std::vector<int> listeners;
    std::string file;
};

// Journeys whose first header satisfies `pred`, in time order.
std::vector<nt::JourneyId> find(const nt::Report &report, const nt::Assembler &a,
                                const std::function<bool(const nt::PacketFields &)> &pred) {
    std::vector<nt::JourneyId> out;
    for (nt::JourneyId id = 0; id < a.journeyCount(); ++id) {
        if (auto f = report.fields(id); f && pred(*f)) {
            out.push_back(id);
        }
    }
    return out;
}

// Every journey's one-line summary, for failure messages.
std::string summaries(const nt::Report &report, const nt::Assembler &a) {
    std::string out;
    for (nt::JourneyId id = 0; id < a.journeyCount(); ++id) {
        out += report.summary(id) + "\n";
    }
    return out;
}

std::set<std::string> chainsOf(const nt::Assembler &a, nt::JourneyId id) {
    std::set<std::string> out;
    for (uint32_t ord : a.nftOf(id)) {
        const nt::NftStep &s = a.nftStep(ord);
        out.insert(a.name(s.table) + " " + a.name(s.chain));
    }
    return out;
}

TEST_F(RouterNat, ForwardedPacketsAreOneJourneyWithEveryRuleBeforeAndAfterNat) {
    const nt::Trace trace = record([&] {
        sh(net->in(net->c, "nc -z -w 2 " + net->net1 + ".254 " + std::to_string(kForwardPort)));
        sh("echo hello | " +
           net->in(net->c, "nc -u -w 1 " + net->net1 + ".254 " + std::to_string(kUdpPort)));
        sh(net->in(net->c, "ping -6 -c 1 -W 2 " + net->v6b + "2"));
        sh(net->in(net->c, "nc -6 -z -w 2 " + net->v6b + "2 " + std::to_string(kV6Port)));
        usleep(300'000); // the replies' last events
    });
    const nt::Assembler a = nt::Assembler::assemble(trace);
    const nt::Report report(trace, a);

    const auto synToForward = [&](const nt::PacketFields &f) {
        return f.l4proto == IPPROTO_TCP && f.dport == kForwardPort && (f.tcpFlags & 0x12) == 0x02;
    };
    const auto syns = find(report, a, synToForward);
    ASSERT_EQ(syns.size(), 1u) << "the DNATed SYN in\n" << summaries(report, a);
    const nt::JourneyId syn = syns.front();
    EXPECT_EQ(a.journey(syn).fate, nt::Fate::Forwarded) << report.packetTrace(syn);
    const auto chains = chainsOf(a, syn);
    EXPECT_TRUE(chains.contains("nat prerouting")) << report.packetTrace(syn);
    EXPECT_TRUE(chains.contains("fw forward")) << report.packetTrace(syn);
    EXPECT_TRUE(chains.contains("nat postrouting")) << report.packetTrace(syn);
    EXPECT_EQ(report.natSteps(syn).size(), 3u) << report.natText(syn);
    // The masqueraded SYN is not a journey of its own.
    EXPECT_TRUE(find(report, a, [&](const nt::PacketFields &f) {
                    return f.l4proto == IPPROTO_TCP && f.dport == kServerPort &&
                           (f.tcpFlags & 0x12) == 0x02;
                }).empty());

    const auto synAcks = find(report, a, [&](const nt::PacketFields &f) {
        return f.l4proto == IPPROTO_TCP && f.sport == kServerPort && (f.tcpFlags & 0x12) == 0x12;
    });
    ASSERT_EQ(synAcks.size(), 1u) << "the un-NATed reply in\n" << summaries(report, a);
    EXPECT_EQ(a.journey(synAcks.front()).fate, nt::Fate::Forwarded)
        << report.packetTrace(synAcks.front());
    EXPECT_TRUE(chainsOf(a, synAcks.front()).contains("fw forward"));
    EXPECT_EQ(report.natSteps(synAcks.front()).size(), 3u) << report.natText(synAcks.front());

    const auto udp = find(report, a, [&](const nt::PacketFields &f) {
        return f.l4proto == IPPROTO_UDP && f.dport == kUdpPort;
    });
    ASSERT_EQ(udp.size(), 1u);
    EXPECT_EQ(a.journey(udp.front()).fate, nt::Fate::Forwarded);
    EXPECT_TRUE(chainsOf(a, udp.front()).contains("nat postrouting"));

    const auto v6 = find(report, a, [&](const nt::PacketFields &f) {
        return f.family == 6 &&
               ((f.l4proto == IPPROTO_TCP && (f.dport == kV6Port || f.sport == kV6Port)) ||
                (f.l4proto == IPPROTO_ICMPV6 && f.icmpType >= 128 && f.icmpType <= 129));
    });
    EXPECT_GE(v6.size(), 4u);
    for (nt::JourneyId id : v6) {
        EXPECT_EQ(a.journey(id).fate, nt::Fate::Forwarded) << report.packetTrace(id);
        EXPECT_TRUE(chainsOf(a, id).contains("fw forward")) << report.packetTrace(id);
    }

    // Every nft record of the test's flows joined a packet; what is left is counted by reason.
    for (uint32_t ord : a.unjoinedNft()) {
        const nt::NftTraceRecord &r = trace.nft[ord];
        nt::PacketFields f;
        if (!nt::parseNftHeaders(r.networkHeader, r.transportHeader,
                                 nt::nftRecordProtocol(r.nfproto, r.llHeader), f)) {
            continue;
        }
        const bool ours =
            (f.family == 4 && f.hasPorts) || (f.family == 6 && f.l4proto == IPPROTO_TCP);
        EXPECT_FALSE(ours) << "unjoined: " << nt::endpointsToString(f) << " " << r.table << " "
                           << r.chain;
    }
    const nt::AssemblerCounters &c = a.counters();
    EXPECT_EQ(c.unjoinedNft, c.unjoinedNoPacket + c.unjoinedLoss + c.unjoinedNoHeader +
                                 c.unjoinedOrphan + c.unjoinedDuplicate);
}

TEST_F(RouterNat, LoopbackPingIsDeliveredOverRawAndDatagramSockets) {
    const nt::Trace trace = record([&] {
        sh(net->in(net->r, "ping -c 1 -W 2 127.0.0.1")); // root: a raw socket
        sh(net->in(net->r, "sysctl -qw net.ipv4.ping_group_range='0 2147483647'"));
        sh(net->in(net->r, "ping -c 1 -W 2 127.0.0.1")); // now an ICMP datagram socket
        usleep(300'000);
    });
    const nt::Assembler a = nt::Assembler::assemble(trace);
    const nt::Report report(trace, a);
    const auto pings = find(report, a, [](const nt::PacketFields &f) {
        return f.family == 4 && f.l4proto == IPPROTO_ICMP && f.daddr[0] == 127 &&
               (f.icmpType == 0 || f.icmpType == 8);
    });
    int requests = 0, replies = 0;
    for (nt::JourneyId id : pings) {
        const auto f = report.fields(id);
        (f->icmpType == 8 ? requests : replies) += 1;
        EXPECT_EQ(a.journey(id).fate, nt::Fate::Delivered) << report.packetTrace(id);
    }
    EXPECT_GE(requests, 2);
    EXPECT_GE(replies, 2);
}

} // namespace
