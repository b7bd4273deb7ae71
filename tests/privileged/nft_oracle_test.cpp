// nft's own trace (`nft -a monitor trace`) beside nft-tracer-cli record: every packet nft traced
// must have all its rule evaluations, in order, in exactly one of our journeys. Each scenario
// prints the share it measured.
#include "assembler.h"
#include "netns.h"
#include "nft_oracle.h"
#include "packet.h"
#include "privileged.h"
#include "subprocess.h"
#include "tracefile.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <iostream>
#include <thread>

namespace {

using nt::test::runCommand;

constexpr double kRequiredShare = 99.0;

std::string readFile(const std::string &path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs `cmd` in a shell; fails the test with its output when it fails.
void must(const std::string &cmd) {
    const nt::test::CommandResult r = runCommand(cmd);
    ASSERT_EQ(r.status, 0) << cmd << "\n" << r.output;
}

// A TCP listener in a namespace that accepts and closes connections until destroyed.
class Listener {
public:
    Listener(const std::string &ns, int family, uint16_t port) {
        const nt::NetnsHandle h = nt::NetnsHandle::byName(ns);
        {
            nt::NetnsGuard guard(&h);
            fd_ = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        }
        const int one = 1;
        setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_storage ss{};
        socklen_t len = 0;
        if (family == AF_INET6) {
            setsockopt(fd_, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
            auto *a = reinterpret_cast<sockaddr_in6 *>(&ss);
            a->sin6_family = AF_INET6;
            a->sin6_port = htons(port);
            len = sizeof *a;
        } else {
            auto *a = reinterpret_cast<sockaddr_in *>(&ss);
            a->sin_family = AF_INET;
            a->sin_port = htons(port);
            len = sizeof *a;
        }
        ok = bind(fd_, reinterpret_cast<sockaddr *>(&ss), len) == 0 && listen(fd_, 512) == 0;
        thread_ = std::thread([this] {
            while (!stop_) {
                pollfd p{fd_, POLLIN, 0};
                if (poll(&p, 1, 100) > 0) {
                    const int c = accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
                    if (c >= 0) {
                        close(c);
                    }
                }
            }
        });
    }
    ~Listener() {
        stop_ = true;
        thread_.join();
        close(fd_);
    }
    Listener(const Listener &) = delete;
    Listener &operator=(const Listener &) = delete;
    bool ok = false;

private:
    int fd_ = -1;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

// Opens `count` TCP connections from namespace `ns` to addr:port, one after the other, each
// closed once established (or refused, or after timeoutMs). Returns how many were established.
int connectMany(const std::string &ns, const std::string &addr, uint16_t port, int count,
                int timeoutMs = 1000) {
    const nt::NetnsHandle h = nt::NetnsHandle::byName(ns);
    nt::NetnsGuard guard(&h);
    sockaddr_storage ss{};
    socklen_t len = 0;
    int family = AF_INET;
    if (addr.find(':') != std::string::npos) {
        family = AF_INET6;
        auto *a = reinterpret_cast<sockaddr_in6 *>(&ss);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        inet_pton(AF_INET6, addr.c_str(), &a->sin6_addr);
        len = sizeof *a;
    } else {
        auto *a = reinterpret_cast<sockaddr_in *>(&ss);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        inet_pton(AF_INET, addr.c_str(), &a->sin_addr);
        len = sizeof *a;
    }
    int established = 0;
    for (int i = 0; i < count; ++i) {
        const int fd = socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (connect(fd, reinterpret_cast<sockaddr *>(&ss), len) != 0 && errno == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            if (poll(&p, 1, timeoutMs) > 0) {
                int err = 0;
                socklen_t el = sizeof err;
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el);
                established += err == 0 ? 1 : 0;
            }
        } else {
            ++established;
        }
        close(fd);
    }
    return established;
}

void sendUdp(const std::string &ns, const std::string &addr, uint16_t port, int count) {
    const nt::NetnsHandle h = nt::NetnsHandle::byName(ns);
    nt::NetnsGuard guard(&h);
    const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    inet_pton(AF_INET, addr.c_str(), &a.sin_addr);
    for (int i = 0; i < count; ++i) {
        const char payload[] = "oracle";
        sendto(fd, payload, sizeof payload, 0, reinterpret_cast<sockaddr *>(&a), sizeof a);
    }
    close(fd);
}

// What one recording produced, with nft's view of the same time.
struct Recording {
    nt::Trace trace;
    nt::Assembler assembler;
    nt::test::OracleOutput nft;
    std::vector<nt::test::OraclePacket> packets;
    nt::test::OracleResult result;
    std::string monitorErr;
};

// Client C, router R, server S: C (.1.2) -- (.1.1) R (.2.1) -- (.2.2) S, IPv4 and IPv6.
class Oracle : public ::testing::Test {
protected:
    void SetUp() override {
        NT_REQUIRE_ROOT();
        NT_REQUIRE_NETNS();
        NT_REQUIRE_NFTABLES();
        NT_REQUIRE_BPF();
        NT_REQUIRE(runCommand("stdbuf --version").status == 0
                       ? std::string()
                       : "needs stdbuf (coreutils) to read nft monitor's output line by line");
        const std::string id = std::to_string(getpid());
        c = "nto-c-" + id;
        r = "nto-r-" + id;
        s = "nto-s-" + id;
        file = (std::filesystem::temp_directory_path() / ("nt-oracle-" + id + ".nftrace")).string();
        monitorFile = file + ".monitor";
        for (const std::string &ns : {c, r, s}) {
            runCommand("ip netns del " + ns);
            must("ip netns add " + ns);
            must("ip -n " + ns + " link set lo up");
        }
        created = true;
    }
    void TearDown() override {
        if (created) {
            for (const std::string &ns : {c, r, s}) {
                runCommand("ip netns del " + ns);
            }
        }
        nt::TraceWriter::discard(file);
        std::filesystem::remove(monitorFile);
    }

    void routed() {
        must("ip -n " + r + " link add rc type veth peer name eth0 netns " + c);
        must("ip -n " + r + " link add rs type veth peer name eth0 netns " + s);
        for (const auto &[ns, dev, v4, v6] :
             std::vector<std::array<std::string, 4>>{{c, "eth0", "10.1.1.2/24", "fd01:1::2/64"},
                                                     {r, "rc", "10.1.1.1/24", "fd01:1::1/64"},
                                                     {r, "rs", "10.1.2.1/24", "fd01:2::1/64"},
                                                     {s, "eth0", "10.1.2.2/24", "fd01:2::2/64"}}) {
            must("ip -n " + ns + " addr add " + v4 + " dev " + dev);
            must("ip -n " + ns + " addr add " + v6 + " dev " + dev + " nodad");
            must("ip -n " + ns + " link set " + dev + " up");
        }
        must("ip -n " + c + " route add default via 10.1.1.1");
        must("ip -n " + c + " -6 route add default via fd01:1::1");
        must("ip -n " + s + " route add default via 10.1.2.1");
        must("ip -n " + s + " -6 route add default via fd01:2::1");
        must("ip netns exec " + r + " sysctl -qw net.ipv4.ip_forward=1");
        must("ip netns exec " + r + " sysctl -qw net.ipv6.conf.all.forwarding=1");
        // Neighbours resolved before the trace: ARP and ND are not what the scenarios test.
        must("ip netns exec " + c + " ping -c1 -w5 10.1.2.2");
        must("ip netns exec " + c + " ping -6 -c1 -w5 fd01:2::2");
    }

    // C and S on one bridge br0 in R (10.1.3.0/24); br0 itself has 10.1.3.1.
    void bridged(bool brNetfilter) {
        must("ip -n " + r + " link add br0 type bridge");
        must("ip -n " + r + " link add bc type veth peer name eth0 netns " + c);
        must("ip -n " + r + " link add bs type veth peer name eth0 netns " + s);
        for (const char *port : {"bc", "bs"}) {
            must("ip -n " + r + " link set " + std::string(port) + " master br0");
            must("ip -n " + r + " link set " + std::string(port) + " up");
        }
        must("ip -n " + r + " addr add 10.1.3.1/24 dev br0");
        must("ip -n " + r + " link set br0 up");
        must("ip -n " + c + " addr add 10.1.3.2/24 dev eth0");
        must("ip -n " + s + " addr add 10.1.3.3/24 dev eth0");
        must("ip -n " + c + " link set eth0 up");
        must("ip -n " + s + " link set eth0 up");
        const std::string v = brNetfilter ? "1" : "0";
        for (const char *key : {"iptables", "ip6tables", "arptables"}) {
            must("ip netns exec " + r + " sysctl -qw net.bridge.bridge-nf-call-" + key + "=" + v);
        }
        // The bridge learns both ports before the trace.
        must("ip netns exec " + c + " ping -c1 -w5 10.1.3.3");
    }

    void ruleset(const std::string &text) {
        const std::string path = file + ".nft";
        std::ofstream(path) << text;
        const nt::test::CommandResult res = runCommand("ip netns exec " + r + " nft -f " + path);
        std::filesystem::remove(path);
        ASSERT_EQ(res.status, 0) << text << "\n" << res.output;
    }

    // Records R with nft-tracer-cli while nft monitors its trace messages, runs `traffic`, and
    // compares. Prints the measured share.
    Recording record(const std::string &scenario, const std::function<void()> &traffic) {
        Recording run;
        // Both write to files: a full pipe would stall them and lose netlink messages.
        nt::test::Subprocess monitor(
            {"/bin/sh", "-c",
             "exec ip netns exec " + r + " stdbuf -oL nft -a monitor trace > " + monitorFile});
        nt::test::Subprocess rec({"/bin/sh", "-c",
                                  std::string("exec ") + NT_CLI_PATH + " record --netns " + r +
                                      " --duration 300 -o " + file + " > /dev/null"});
        if (!rec.waitForStderr("Recording", 30000)) {
            ADD_FAILURE() << "the recorder did not start: " << rec.err();
            return run;
        }
        const std::string chainsJson =
            runCommand("ip netns exec " + r + " nft -j list chains").output;
        const auto started = std::chrono::steady_clock::now();
        traffic();
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        // nft formats each message against its ruleset cache, slower than they come under a
        // burst: let it drain its socket (its output stops growing) before stopping it.
        std::uintmax_t size = 0;
        int quiet = 0;
        for (int i = 0; i < 600 && quiet < 5; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            std::error_code ec;
            const std::uintmax_t now = std::filesystem::file_size(monitorFile, ec);
            quiet = now == size ? quiet + 1 : 0;
            size = now;
        }
        // nft stops first: everything it printed was sent while our reader listened.
        monitor.signal(SIGTERM);
        monitor.wait();
        run.monitorErr = monitor.err();
        rec.signal(SIGINT);
        EXPECT_EQ(rec.wait(), 0) << rec.err();

        run.trace = nt::readTrace(file);
        run.assembler = nt::Assembler::assemble(run.trace);
        run.nft = nt::test::parseMonitorTrace(readFile(monitorFile));
        run.packets = nt::test::splitPackets(run.nft, nt::test::parseBaseChains(chainsJson));
        run.result = nt::test::compareWithOracle(run.nft, run.packets, run.trace, run.assembler);
        std::cout << run.result.summary(scenario) << "\n  traffic took " << seconds
                  << " s; nft printed " << run.nft.records.size() << " trace messages ("
                  << run.result.ownOnly << " packets passed only our own table), we recorded "
                  << run.trace.nft.size()
                  << "; our nft messages lost: " << run.trace.meta.loss.nftLost
                  << ", unjoined: " << run.assembler.counters().unjoinedNft << " (no packet "
                  << run.assembler.counters().unjoinedNoPacket << ", ring-buffer loss "
                  << run.assembler.counters().unjoinedLoss << ", no IP header "
                  << run.assembler.counters().unjoinedNoHeader << ", orphan "
                  << run.assembler.counters().unjoinedOrphan << ", duplicate "
                  << run.assembler.counters().unjoinedDuplicate << ")"
                  << ", ring buffer full: " << run.trace.meta.loss.ringbufFull << std::endl;
        if (!run.nft.other.empty()) {
            std::cout << "  nft printed " << run.nft.other.size()
                      << " other lines, the first: " << run.nft.other.front() << std::endl;
        }
        if (!run.monitorErr.empty()) {
            std::cout << "  nft monitor said: " << run.monitorErr.substr(0, 500) << std::endl;
        }
        if (std::getenv("NT_ORACLE_DUMP") != nullptr) {
            // Both sides' message identities, for a failure that needs a closer look.
            for (const nt::NftTraceRecord &n : run.trace.nft) {
                std::cout << "ours: " << nt::test::recordKey(n) << "\n";
            }
            for (const nt::test::OracleRecord &o : run.nft.records) {
                std::cout << "nft:  " << o.key() << "\n";
            }
        }
        RecordProperty("share_" + scenario, std::to_string(run.result.share()));
        return run;
    }

    static void expectShare(const Recording &run, const std::string &scenario,
                            double required = kRequiredShare) {
        EXPECT_GT(run.result.packets, 0u) << "nft traced no packet in " << scenario;
        EXPECT_GE(run.result.share(), required) << run.result.summary(scenario);
    }

    // nft saw at least `n` packets walk table/chain: the trace table flagged them at all.
    static void expectThrough(const Recording &run, const std::string &family,
                              const std::string &table, const std::string &chain, size_t n) {
        const size_t got = nt::test::packetsThrough(run.nft, run.packets, family, table, chain);
        EXPECT_GE(got, n) << "nft traced " << got << " packets through " << family << " " << table
                          << " " << chain << ", expected at least " << n
                          << " (were they flagged for tracing?)";
    }

    std::string c, r, s, file, monitorFile;
    bool created = false;
};

const char *kDnatRuleset = R"(table ip nat {
  chain prerouting { type nat hook prerouting priority dstnat; policy accept;
    iifname "rc" tcp dport 8080 dnat to 10.1.2.2:80; }
  chain postrouting { type nat hook postrouting priority srcnat; policy accept;
    oifname "rs" masquerade; }
}
table inet fw {
  chain forward { type filter hook forward priority 0; policy accept;
    ct state established,related counter accept
    tcp dport 80 counter accept
    ip protocol icmp accept; }
}
)";

TEST_F(Oracle, RouterWithDnatAndMasquerade) {
    ASSERT_NO_FATAL_FAILURE(routed());
    ASSERT_NO_FATAL_FAILURE(ruleset(kDnatRuleset));
    Listener web(s, AF_INET, 80);
    ASSERT_TRUE(web.ok);
    const Recording run = record("dnat_masquerade", [&] {
        EXPECT_EQ(connectMany(c, "10.1.1.1", 8080, 10), 10);
        must("ip netns exec " + c + " ping -c3 -i0.2 -W1 10.1.2.2");
    });
    expectShare(run, "dnat_masquerade");
    expectThrough(run, "ip", "nat", "prerouting", 10);
    expectThrough(run, "inet", "fw", "forward", 30);
}

TEST_F(Oracle, Ipv6Forwarding) {
    ASSERT_NO_FATAL_FAILURE(routed());
    ASSERT_NO_FATAL_FAILURE(ruleset(R"(table ip6 fw6 {
  chain forward { type filter hook forward priority 0; policy accept;
    icmpv6 type { echo-request, echo-reply } counter accept
    tcp dport 80 counter accept
    ct state established counter accept; }
}
)"));
    Listener web(s, AF_INET6, 80);
    ASSERT_TRUE(web.ok);
    const Recording run = record("ipv6_forward", [&] {
        must("ip netns exec " + c + " ping -6 -c3 -i0.2 -W1 fd01:2::2");
        EXPECT_EQ(connectMany(c, "fd01:2::2", 80, 5), 5);
    });
    expectShare(run, "ipv6_forward");
    expectThrough(run, "ip6", "fw6", "forward", 6 + 10);
}

TEST_F(Oracle, JumpGotoReturn) {
    ASSERT_NO_FATAL_FAILURE(routed());
    ASSERT_NO_FATAL_FAILURE(ruleset(R"(table inet fw {
  chain forward { type filter hook forward priority 0; policy accept;
    jump classify
    ip protocol icmp goto icmpchk
    tcp dport 80 jump web; }
  chain classify { ip saddr 10.1.1.0/24 counter return
    counter; }
  chain icmpchk { icmp type echo-request counter accept; }
  chain web { tcp flags syn jump synchk
    counter return; }
  chain synchk { counter return; }
}
)"));
    Listener web(s, AF_INET, 80);
    ASSERT_TRUE(web.ok);
    const Recording run = record("jump_goto_return", [&] {
        must("ip netns exec " + c + " ping -c3 -i0.2 -W1 10.1.2.2");
        EXPECT_EQ(connectMany(c, "10.1.2.2", 80, 5), 5);
    });
    expectShare(run, "jump_goto_return");
    expectThrough(run, "inet", "fw", "synchk", 5);
    expectThrough(run, "inet", "fw", "icmpchk", 3);
}

TEST_F(Oracle, SetsMapsAndVerdictMap) {
    ASSERT_NO_FATAL_FAILURE(routed());
    ASSERT_NO_FATAL_FAILURE(ruleset(R"(table inet fw {
  set clients { type ipv4_addr; elements = { 10.1.1.2 } }
  map marks { type inet_service : mark; elements = { 80 : 0x1, 81 : 0x2 } }
  map ports { type inet_service : verdict; elements = { 80 : jump web, 81 : drop } }
  chain forward { type filter hook forward priority 0; policy accept;
    ip saddr @clients meta mark set tcp dport map @marks
    tcp dport vmap @ports; }
  chain web { counter accept; }
}
)"));
    Listener web(s, AF_INET, 80);
    ASSERT_TRUE(web.ok);
    const Recording run = record("sets_maps_vmap", [&] {
        EXPECT_EQ(connectMany(c, "10.1.2.2", 80, 5), 5);
        EXPECT_EQ(connectMany(c, "10.1.2.2", 81, 2, 300), 0);
        must("ip netns exec " + c + " ping -c2 -i0.2 -W1 10.1.2.2");
    });
    expectShare(run, "sets_maps_vmap");
    expectThrough(run, "inet", "fw", "web", 5);
}

TEST_F(Oracle, Reject) {
    ASSERT_NO_FATAL_FAILURE(routed());
    ASSERT_NO_FATAL_FAILURE(ruleset(R"(table inet fw {
  chain forward { type filter hook forward priority 0; policy accept;
    tcp dport 81 counter reject with tcp reset
    udp dport 9 counter reject
    meta l4proto ipv6-icmp accept; }
  chain output { type filter hook output priority 0; policy accept;
    meta l4proto { tcp, icmp } counter; }
}
)"));
    const Recording run = record("reject", [&] {
        EXPECT_EQ(connectMany(c, "10.1.2.2", 81, 3), 0);
        EXPECT_EQ(connectMany(c, "fd01:2::2", 81, 2), 0);
        sendUdp(c, "10.1.2.2", 9, 3);
    });
    expectShare(run, "reject");
    expectThrough(run, "inet", "fw", "output", 3 + 3);
}

TEST_F(Oracle, PolicyDrop) {
    ASSERT_NO_FATAL_FAILURE(routed());
    ASSERT_NO_FATAL_FAILURE(ruleset(R"(table inet fw {
  chain forward { type filter hook forward priority 0; policy drop;
    ct state established,related accept
    tcp dport 80 ct state new accept
    meta l4proto ipv6-icmp accept; }
}
)"));
    Listener web(s, AF_INET, 80);
    ASSERT_TRUE(web.ok);
    const Recording run = record("policy_drop", [&] {
        EXPECT_EQ(connectMany(c, "10.1.2.2", 80, 5), 5);
        runCommand("ip netns exec " + c + " ping -c3 -i0.2 -W1 10.1.2.2");
        EXPECT_EQ(connectMany(c, "10.1.2.2", 82, 2, 300), 0);
    });
    expectShare(run, "policy_drop");
    expectThrough(run, "inet", "fw", "forward", 5 + 3 + 2);
}

class OracleBridge : public Oracle, public ::testing::WithParamInterface<bool> {};

TEST_P(OracleBridge, BridgeFamilyChains) {
    const bool brNetfilter = GetParam();
    const std::string scenario = brNetfilter ? "bridge_br_netfilter_on" : "bridge_br_netfilter_off";
    NT_REQUIRE(std::filesystem::exists("/proc/sys/net/bridge/bridge-nf-call-iptables") ||
                       !brNetfilter
                   ? std::string()
                   : "br_netfilter is not available in this kernel");
    ASSERT_NO_FATAL_FAILURE(bridged(brNetfilter));
    ASSERT_NO_FATAL_FAILURE(ruleset(R"(table bridge bf {
  chain forward { type filter hook forward priority 0; policy accept;
    ether type ip counter
    ether type arp counter; }
  chain input { type filter hook input priority 0; policy accept;
    ether type ip counter; }
}
table inet fw {
  chain input { type filter hook input priority 0; policy accept;
    ip protocol icmp counter; }
  chain forward { type filter hook forward priority 0; policy accept;
    ip protocol icmp counter; }
}
)"));
    Listener web(s, AF_INET, 80);
    ASSERT_TRUE(web.ok);
    const Recording run = record(scenario, [&] {
        must("ip netns exec " + c + " ping -c3 -i0.2 -W1 10.1.3.3");
        must("ip netns exec " + c + " ping -c2 -i0.2 -W1 10.1.3.1");
        EXPECT_EQ(connectMany(c, "10.1.3.3", 80, 3), 3);
    });
    expectShare(run, scenario);
    expectThrough(run, "bridge", "bf", "forward", 6 + 9);
    expectThrough(run, "bridge", "bf", "input", 2);
    expectThrough(run, "inet", "fw", "input", 2);
    if (brNetfilter) {
        // br_netfilter passes bridged IPv4 through the inet hooks too.
        expectThrough(run, "inet", "fw", "forward", 6);
    }
}

INSTANTIATE_TEST_SUITE_P(BrNetfilter, OracleBridge, ::testing::Values(false, true),
                         [](const auto &info) { return info.param ? "On" : "Off"; });

TEST_F(Oracle, NetdevIngressAndEgress) {
    ASSERT_NO_FATAL_FAILURE(routed());
    ASSERT_NO_FATAL_FAILURE(ruleset(R"(table netdev nd {
  chain ingress { type filter hook ingress device "rc" priority 0; policy accept;
    ip protocol icmp counter
    meta l4proto tcp counter; }
  chain egress { type filter hook egress device "rs" priority 0; policy accept;
    ip protocol icmp counter
    meta l4proto tcp counter; }
}
table inet fw {
  chain forward { type filter hook forward priority 0; policy accept;
    meta l4proto { tcp, icmp } counter; }
}
)"));
    Listener web(s, AF_INET, 80);
    ASSERT_TRUE(web.ok);
    const Recording run = record("netdev", [&] {
        must("ip netns exec " + c + " ping -c3 -i0.2 -W1 10.1.2.2");
        EXPECT_EQ(connectMany(c, "10.1.2.2", 80, 3), 3);
    });
    expectShare(run, "netdev");
    expectThrough(run, "netdev", "nd", "ingress", 3 + 6);
    expectThrough(run, "netdev", "nd", "egress", 3 + 6);
}

TEST_F(Oracle, BurstOf300ConnectionsThroughDnat) {
    ASSERT_NO_FATAL_FAILURE(routed());
    ASSERT_NO_FATAL_FAILURE(ruleset(kDnatRuleset));
    Listener web(s, AF_INET, 80);
    ASSERT_TRUE(web.ok);
    const Recording run = record("burst_300", [&] {
        const auto t0 = std::chrono::steady_clock::now();
        EXPECT_EQ(connectMany(c, "10.1.1.1", 8080, 300), 300);
        std::cout << "  300 connections in "
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()
                  << " s" << std::endl;
    });
    expectShare(run, "burst_300");
    expectThrough(run, "ip", "nat", "prerouting", 300);
}

// A sysctl set for the test's duration and restored afterwards.
class ScopedSysctl {
public:
    ScopedSysctl(std::string path, const std::string &value) : path_(std::move(path)) {
        old_ = readFile(path_);
        std::ofstream(path_) << value;
    }
    ~ScopedSysctl() { std::ofstream(path_) << old_; }
    ScopedSysctl(const ScopedSysctl &) = delete;
    ScopedSysctl &operator=(const ScopedSysctl &) = delete;

private:
    std::string path_, old_;
};

uint16_t icmpChecksum(const uint8_t *data, size_t len) {
    uint32_t sum = 0;
    for (size_t i = 0; i + 1 < len; i += 2) {
        sum += static_cast<uint32_t>(data[i] << 8 | data[i + 1]);
    }
    if (len % 2 != 0) {
        sum += static_cast<uint32_t>(data[len - 1] << 8);
    }
    while (sum >> 16 != 0) {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return htons(static_cast<uint16_t>(~sum));
}

// Sends one echo request to 127.0.0.1 on `fd` and waits for the reply with `id`. For a
// datagram socket the kernel sets the id (the socket's port) and the checksum.
bool pingLoopback(int fd, uint16_t id, bool raw) {
    uint8_t pkt[16] = {ICMP_ECHO, 0, 0, 0};
    pkt[4] = static_cast<uint8_t>(id >> 8);
    pkt[5] = static_cast<uint8_t>(id);
    pkt[7] = 1; // sequence
    std::memcpy(pkt + 8, "ntoracle", 8);
    const uint16_t sum = icmpChecksum(pkt, sizeof pkt);
    std::memcpy(pkt + 2, &sum, 2);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (sendto(fd, pkt, sizeof pkt, 0, reinterpret_cast<sockaddr *>(&to), sizeof to) < 0) {
        return false;
    }
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (std::chrono::steady_clock::now() < end) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 100) <= 0) {
            continue;
        }
        uint8_t buf[512];
        const ssize_t n = recv(fd, buf, sizeof buf, 0);
        const size_t off = raw && n > 0 ? static_cast<size_t>(buf[0] & 0xf) * 4 : 0;
        if (n >= static_cast<ssize_t>(off + 8) && buf[off] == ICMP_ECHOREPLY &&
            (raw ? (buf[off + 4] << 8 | buf[off + 5]) == id : true)) {
            return true;
        }
    }
    return false;
}

bool printable(const uint8_t *p, size_t n) {
    return std::all_of(p, p + n, [](uint8_t b) { return b >= 0x20 && b < 0x7f; });
}

// A journey that came from a local (AF_UNIX, netlink) socket rather than a network packet:
// no ethertype at all, or "addresses" that are text.
std::string localSocketSign(const nt::Trace &trace, const nt::Journey &j,
                            const std::vector<nt::Event> &events) {
    uint16_t protocol = 0;
    const nt::PacketHeader *h = nullptr;
    if (j.header != nt::kNoIndex && j.header < trace.packets.size()) {
        h = &trace.packets[j.header];
        protocol = h->protocol;
    }
    for (const nt::Event &e : events) {
        protocol = protocol != 0 ? protocol : e.protocol;
    }
    // 0x0001 (802.3) and 0x0004 (802.2) are what the kernel gives frames without an ethertype.
    if (protocol < 0x0600 && protocol != 0x0001 && protocol != 0x0004) {
        return "protocol " + std::to_string(protocol);
    }
    if (h != nullptr) {
        const std::string data(h->data.begin(), h->data.end());
        if (data.find("org.freedesktop") != std::string::npos ||
            data.find("/io/github") != std::string::npos) {
            return "header bytes hold a D-Bus message";
        }
        nt::PacketFields f;
        if (nt::parsePacket(h->data, h->protocol, f)) {
            const size_t n = f.family == 6 ? 16 : 4;
            if (printable(f.saddr.data(), n) && printable(f.daddr.data(), n)) {
                return "addresses are text: " + nt::endpointsToString(f);
            }
        }
    }
    return {};
}

TEST(OracleHost, LiveTraceSkipsLocalSocketsAndDeliversLoopbackPing) {
    NT_REQUIRE_ROOT();
    NT_REQUIRE_NFTABLES();
    NT_REQUIRE_BPF();
    NT_REQUIRE(runCommand("dbus-daemon --version").status == 0
                   ? std::string()
                   : "needs dbus-daemon (Debian package dbus-daemon)");
    const std::string id = std::to_string(getpid());
    const std::string dir = std::filesystem::temp_directory_path().string();
    const std::string busA = "unix:path=" + dir + "/nt-oracle-session-" + id;
    const std::string busB = "unix:path=" + dir + "/nt-oracle-system-" + id;
    const std::string file = dir + "/nt-oracle-host-" + id + ".nftrace";
    // Two private buses, one with the session and one with the system bus's configuration
    // rules; neither is the machine's own.
    nt::test::Subprocess sessionBus(
        {"/usr/bin/dbus-daemon", "--session", "--nofork", "--nopidfile", "--address=" + busA});
    nt::test::Subprocess systemBus(
        {"/usr/bin/dbus-daemon", "--session", "--nofork", "--nopidfile", "--address=" + busB});
    for (int i = 0; i < 50 && !(std::filesystem::exists(busA.substr(10)) &&
                                std::filesystem::exists(busB.substr(10)));
         ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    const auto call = [](const std::string &bus) {
        return "dbus-send --bus=" + bus +
               " --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus "
               "org.freedesktop.DBus.ListNames > /dev/null; ";
    };
    ASSERT_EQ(runCommand(call(busA) + call(busB)).status, 0) << "the private buses do not answer";
    nt::test::Subprocess busy(
        {"/bin/sh", "-c",
         "while :; do " + call(busA) + call(busB) + "nft list ruleset > /dev/null; done"});
    nt::test::Subprocess rec({"/bin/sh", "-c",
                              std::string("exec ") + NT_CLI_PATH + " record --duration 300 -o " +
                                  file + " > /dev/null"});
    ASSERT_TRUE(rec.waitForStderr("Recording", 30000)) << rec.err();
    std::this_thread::sleep_for(std::chrono::seconds(1));

    uint16_t dgramId = 0;
    bool dgramOk = false, rawOk = false;
    const uint16_t rawId = static_cast<uint16_t>(0x4e00 | (getpid() & 0xff));
    {
        // ICMP datagram sockets need the caller's group in ping_group_range.
        ScopedSysctl range("/proc/sys/net/ipv4/ping_group_range", "0 0");
        const int dg = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_ICMP);
        EXPECT_GE(dg, 0) << "ICMP datagram socket: " << std::strerror(errno);
        if (dg >= 0) {
            sockaddr_in a{};
            a.sin_family = AF_INET;
            bind(dg, reinterpret_cast<sockaddr *>(&a), sizeof a);
            socklen_t len = sizeof a;
            getsockname(dg, reinterpret_cast<sockaddr *>(&a), &len);
            dgramId = ntohs(a.sin_port);
            dgramOk = pingLoopback(dg, dgramId, false);
            close(dg);
        }
    }
    const int rawFd = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMP);
    ASSERT_GE(rawFd, 0) << std::strerror(errno);
    rawOk = pingLoopback(rawFd, rawId, true);
    close(rawFd);
    EXPECT_TRUE(dgramOk) << "the datagram-socket ping got no reply";
    EXPECT_TRUE(rawOk) << "the raw-socket ping got no reply";

    std::this_thread::sleep_for(std::chrono::seconds(1));
    busy.signal(SIGKILL);
    busy.wait();
    rec.signal(SIGINT);
    ASSERT_EQ(rec.wait(), 0) << rec.err();

    const nt::Trace trace = nt::readTrace(file);
    nt::TraceWriter::discard(file);
    const nt::Assembler a = nt::Assembler::assemble(trace);
    const uint32_t hostNs = nt::currentNetnsInode();
    size_t hostJourneys = 0, local = 0;
    std::string examples;
    struct Ping {
        uint16_t id;
        uint8_t type;
        size_t found = 0, delivered = 0;
        std::string fates;
    };
    std::vector<Ping> pings = {{dgramId, ICMP_ECHO, 0, 0, {}},
                               {dgramId, ICMP_ECHOREPLY, 0, 0, {}},
                               {rawId, ICMP_ECHO, 0, 0, {}},
                               {rawId, ICMP_ECHOREPLY, 0, 0, {}}};
    for (nt::JourneyId jid = 0; jid < a.journeyCount(); ++jid) {
        const nt::Journey j = a.journey(jid);
        const std::vector<nt::Event> events = a.events(jid);
        if (std::none_of(events.begin(), events.end(),
                         [&](const nt::Event &e) { return e.netns == hostNs; })) {
            continue;
        }
        ++hostJourneys;
        if (const std::string sign = localSocketSign(trace, j, events); !sign.empty()) {
            if (++local <= 5) {
                examples += "\n  journey " + std::to_string(jid) + " [" + nt::fateLabel(j.fate) +
                            "]: " + sign + ";";
                for (size_t i = 0; i < events.size() && i < 6; ++i) {
                    const uint16_t p = events[i].probe;
                    const auto d = std::find_if(trace.probes.begin(), trace.probes.end(),
                                                [p](const nt::ProbeDesc &x) { return x.id == p; });
                    examples += " " + (d != trace.probes.end() ? d->name : std::to_string(p));
                }
            }
            continue;
        }
        if (j.header == nt::kNoIndex || j.header >= trace.packets.size()) {
            continue;
        }
        nt::PacketFields f;
        const nt::PacketHeader &h = trace.packets[j.header];
        if (!nt::parsePacket(h.data, h.protocol, f) || f.l4proto != IPPROTO_ICMP) {
            continue;
        }
        for (Ping &p : pings) {
            if (f.icmpId == p.id && f.icmpType == p.type) {
                ++p.found;
                p.delivered += j.fate == nt::Fate::Delivered ? 1 : 0;
                p.fates += std::string(p.fates.empty() ? "" : ", ") + nt::fateLabel(j.fate);
            }
        }
    }
    std::cout << "host trace: " << hostJourneys << " journeys in the host namespace, " << local
              << " from local sockets" << examples << std::endl;
    EXPECT_GT(hostJourneys, 0u);
    EXPECT_EQ(local, 0u) << "journeys from AF_UNIX or netlink sockets:" << examples;
    for (const Ping &p : pings) {
        const std::string what = std::string(p.id == rawId ? "raw" : "datagram") + " socket's " +
                                 (p.type == ICMP_ECHO ? "echo request" : "echo reply");
        EXPECT_GT(p.found, 0u) << "no journey for the " << what;
        EXPECT_GT(p.delivered, 0u) << "the " << what << " is not DELIVERED: " << p.fates;
        EXPECT_EQ(p.fates.find("DROPPED"), std::string::npos) << what << ": " << p.fates;
    }
}

} // namespace
