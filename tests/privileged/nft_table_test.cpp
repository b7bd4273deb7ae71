// The nftables trace table, trace reader and ruleset snapshot against the real kernel, in a scratch
// netns.
//
// Set NT_NFT_FIXTURE_DIR=DIR to also write the raw trace messages of each traffic step to
// DIR/<step>.nlmsg (how tests/data/nft/ was made, see its README).
#include "privileged.h"

#include "error.h"
#include "netns.h"
#include "nft_trace_reader.h"
#include "nft_trace_table.h"
#include "ruleset.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <fstream>
#include <functional>
#include <future>
#include <linux/netfilter.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>

namespace {

using nt::NftTraceRecord;
using nt::NftTraceType;
namespace verdict = nt::verdict;

constexpr const char *kFirewall = R"(table inet fw {
  chain in {
    type filter hook input priority 0; policy accept;
    icmp type echo-request meta mark set 0x2a
    ip protocol icmp jump icmpchk
    tcp dport 9 drop
  }
  chain icmpchk {
    icmp type echo-request counter return
    icmp type echo-reply counter
  }
})";

const std::vector<std::string> kTraceFilter = {"ip protocol icmp", "meta l4proto ipv6-icmp",
                                               "tcp dport 9"};

class NftTableTest : public ::testing::Test {
protected:
    void SetUp() override {
        NT_REQUIRE_ROOT();
        NT_REQUIRE_NETNS();
        NT_REQUIRE_NFTABLES();
        netns_ = std::make_unique<nt::test::ScopedNetns>();
        ns_ = std::make_unique<nt::NetnsHandle>(nt::NetnsHandle::byName(netns_->name()));
    }

    bool tableListed(const std::string &table, bool inHost = false,
                     const std::string &family = "inet") const {
        const nt::test::CommandResult r =
            inHost ? nt::test::runCommand("nft list tables") : netns_->exec("nft list tables");
        EXPECT_EQ(r.status, 0) << r.output;
        return r.output.find("table " + family + " " + table + "\n") != std::string::npos;
    }
    bool anyFamilyListed(const std::string &table) const {
        return tableListed(table, false, "inet") || tableListed(table, false, "bridge") ||
               tableListed(table, false, "netdev");
    }

    // Waits until `done` holds for the records read so far, or until the time runs out.
    static void collect(nt::NftTraceReader &reader, std::vector<NftTraceRecord> &out,
                        const std::function<bool()> &done) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (!done() && std::chrono::steady_clock::now() < deadline) {
            pollfd p{reader.fd(), POLLIN, 0};
            poll(&p, 1, 100);
            reader.drain(out);
        }
    }

    std::unique_ptr<nt::test::ScopedNetns> netns_;
    std::unique_ptr<nt::NetnsHandle> ns_;
};

size_t occurrences(const std::string &s, const std::string &what) {
    size_t n = 0;
    for (size_t at = 0; (at = s.find(what, at)) != std::string::npos; at += what.size()) {
        ++n;
    }
    return n;
}

TEST_F(NftTableTest, TableLivesInTheNamespaceAndDiesWithTheObject) {
    ASSERT_EQ(netns_->exec("ip link add d0 type veth peer name d1").status, 0);
    // A netdev table of the namespace's own: there are netdev rules to trace.
    ASSERT_EQ(netns_->exec("nft add table netdev users").status, 0);
    std::string name;
    {
        nt::NftTraceTable table(ns_.get(), {"", "ip protocol icmp"});
        name = table.name();
        EXPECT_EQ(name.rfind(nt::NftTraceTable::kNamePrefix, 0), 0u);
        EXPECT_EQ(table.netns(), ns_->inode());
        EXPECT_NE(ns_->inode(), nt::currentNetnsInode());
        EXPECT_TRUE(tableListed(name));
        EXPECT_FALSE(tableListed(name, /*inHost=*/true));
        for (const QString &gap : table.notCovered()) {
            ADD_FAILURE() << "not covered on this kernel: " << gap.toStdString();
        }
        EXPECT_EQ(table.families(), (std::vector<std::string>{"inet", "bridge", "netdev"}));
        std::vector<std::string> devices = table.devices();
        std::sort(devices.begin(), devices.end());
        EXPECT_EQ(devices, (std::vector<std::string>{"d0", "d1", "lo"}));
        EXPECT_TRUE(table.netdevEgress()) << "the egress hook exists since Linux 5.16";

        const nt::test::CommandResult listing = netns_->exec("nft -y list table inet " + name);
        ASSERT_EQ(listing.status, 0) << listing.output;
        EXPECT_NE(listing.output.find("flags owner"), std::string::npos) << listing.output;
        // A filter with a match-all term: the flag set at the first hook stays on the skb.
        for (const char *hook : {"prerouting", "output"}) {
            EXPECT_NE(listing.output.find(std::string("type filter hook ") + hook +
                                          " priority -2147483648; policy accept;"),
                      std::string::npos)
                << hook << "\n"
                << listing.output;
        }
        for (const char *hook : {"input", "forward", "postrouting"}) {
            EXPECT_EQ(listing.output.find(std::string("hook ") + hook), std::string::npos)
                << listing.output;
        }
        // Two rules per chain: the match-all one and the icmp one.
        EXPECT_EQ(occurrences(listing.output, "meta nftrace set 1"), 4u) << listing.output;
        EXPECT_NE(listing.output.find("ip protocol icmp meta nftrace set 1"), std::string::npos);

        const nt::test::CommandResult bridge = netns_->exec("nft -y list table bridge " + name);
        ASSERT_EQ(bridge.status, 0) << bridge.output;
        EXPECT_NE(bridge.output.find("flags owner"), std::string::npos) << bridge.output;
        EXPECT_NE(bridge.output.find("type filter hook prerouting priority -2147483648"),
                  std::string::npos)
            << bridge.output;
        EXPECT_NE(bridge.output.find("type filter hook output priority -2147483648"),
                  std::string::npos)
            << bridge.output;
        EXPECT_EQ(occurrences(bridge.output, "meta nftrace set 1"), 4u) << bridge.output;

        const nt::test::CommandResult netdev = netns_->exec("nft -y list table netdev " + name);
        ASSERT_EQ(netdev.status, 0) << netdev.output;
        EXPECT_NE(netdev.output.find("flags owner"), std::string::npos) << netdev.output;
        for (const char *hook : {"ingress", "egress"}) {
            EXPECT_NE(netdev.output.find(std::string("type filter hook ") + hook),
                      std::string::npos)
                << netdev.output;
        }
        EXPECT_NE(netdev.output.find("devices = { d0, d1, lo }"), std::string::npos)
            << netdev.output;
        EXPECT_EQ(occurrences(netdev.output, "meta nftrace set 1"), 4u) << netdev.output;

        // The owner flag: nobody else, not even root's nft, may remove them while we live.
        for (const char *family : {"inet", "bridge", "netdev"}) {
            const nt::test::CommandResult del =
                netns_->exec(std::string("nft delete table ") + family + " " + name);
            EXPECT_NE(del.status, 0) << del.output;
            EXPECT_TRUE(tableListed(name, false, family)) << family;
        }
    }
    EXPECT_FALSE(anyFamilyListed(name));
}

// Without netdev rules there is nothing to trace at the netdev hooks: no chains there, which
// would cost a trace message per packet of every interface.
TEST_F(NftTableTest, NoNetdevChainsWithoutNetdevTables) {
    ASSERT_EQ(netns_->exec("ip link add d0 type veth peer name d1").status, 0);
    nt::NftTraceTable table(ns_.get(), {""});
    EXPECT_EQ(table.families(), (std::vector<std::string>{"inet", "bridge"}));
    EXPECT_TRUE(table.devices().empty());
    EXPECT_TRUE(table.notCovered().empty());
    EXPECT_FALSE(tableListed(table.name(), false, "netdev"));
    EXPECT_TRUE(tableListed(table.name(), false, "bridge"));
}

TEST_F(NftTableTest, AFilterAddsTheHooksAfterNat) {
    nt::NftTraceTable table(ns_.get(), {"ip daddr 10.0.0.1"});
    const nt::test::CommandResult listing = netns_->exec("nft -y list table inet " + table.name());
    ASSERT_EQ(listing.status, 0) << listing.output;
    for (const char *hook : {"prerouting", "input", "forward", "output", "postrouting"}) {
        EXPECT_NE(listing.output.find(std::string("type filter hook ") + hook), std::string::npos)
            << hook << "\n"
            << listing.output;
    }
    // The bridge and netdev families take the IP-version test as an ethertype.
    const nt::test::CommandResult bridge = netns_->exec("nft -y list table bridge " + table.name());
    EXPECT_NE(bridge.output.find("ip daddr 10.0.0.1 meta nftrace set 1"), std::string::npos)
        << bridge.output;
}

TEST_F(NftTableTest, KernelRemovesTheTableWhenTheOwnerIsKilled) {
    ASSERT_EQ(netns_->exec("nft add table netdev users").status, 0); // our netdev table too
    int pipefd[2];
    ASSERT_EQ(pipe(pipefd), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        close(pipefd[0]);
        try {
            nt::NftTraceTable table(ns_.get(), {""});
            const std::string msg = table.name() + "\n";
            if (write(pipefd[1], msg.data(), msg.size()) != static_cast<ssize_t>(msg.size())) {
                _exit(3);
            }
            pause();
        } catch (...) {
            _exit(2);
        }
        _exit(0);
    }
    close(pipefd[1]);
    std::string name;
    char c = 0;
    while (read(pipefd[0], &c, 1) == 1 && c != '\n') {
        name += c;
    }
    close(pipefd[0]);
    ASSERT_FALSE(name.empty()) << "the child could not create the table";
    EXPECT_TRUE(tableListed(name));
    EXPECT_TRUE(tableListed(name, false, "bridge"));
    EXPECT_TRUE(tableListed(name, false, "netdev"));

    ASSERT_EQ(kill(child, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status));
    // The socket is released when the process's files close; allow the kernel a moment.
    bool gone = false;
    for (int i = 0; i < 20 && !gone; ++i) {
        gone = !anyFamilyListed(name);
        if (!gone) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
    EXPECT_TRUE(gone) << "table " << name << " survived its owner";
}

TEST_F(NftTableTest, LibnftablesDiagnosticsReachTheError) {
    try {
        nt::NftTraceTable table(ns_.get(), {"ip protocol nosuchprotocol"});
        FAIL() << "a bad expression was accepted";
    } catch (const nt::Error &e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("cannot create the nftables trace table"), std::string::npos) << msg;
        EXPECT_NE(msg.find("nosuchprotocol"), std::string::npos) << msg;
        EXPECT_EQ(msg.find("Error:"), msg.rfind("Error:")) << "one diagnostic expected: " << msg;
        EXPECT_NE(msg.find("trace table script:"), std::string::npos) << msg;
    }
    // A failed transaction leaves nothing behind.
    EXPECT_EQ(netns_->exec("nft list tables").output, "");

    nt::NftTraceTable first(ns_.get(), {""}, "nft_tracer_dup");
    try {
        nt::NftTraceTable second(ns_.get(), {""}, "nft_tracer_dup");
        FAIL() << "a second table with the same name was created";
    } catch (const nt::Error &e) {
        EXPECT_NE(std::string(e.what()).find("nft_tracer_dup"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(tableListed("nft_tracer_dup"));
}

TEST_F(NftTableTest, RulesetSnapshotHasHandlesAndLeavesOurTableOut) {
    ASSERT_EQ(netns_->exec(std::string("nft -f - <<'EOF'\n") + kFirewall + "\nEOF\n").status, 0);
    nt::NftTraceTable table(ns_.get(), {""});

    const std::string json = nt::readRulesetJson(ns_.get());
    EXPECT_EQ(json.find(table.name()), std::string::npos) << json;
    const QJsonArray items = QJsonDocument::fromJson(QByteArray::fromStdString(json))
                                 .object()[QStringLiteral("nftables")]
                                 .toArray();
    int fwRules = 0;
    for (const QJsonValue &v : items) {
        const QJsonObject rule = v.toObject()[QStringLiteral("rule")].toObject();
        if (rule[QStringLiteral("table")].toString() == QStringLiteral("fw")) {
            ++fwRules;
            EXPECT_GT(rule[QStringLiteral("handle")].toInt(), 0);
        }
    }
    EXPECT_EQ(fwRules, 5);

    const std::string all = nt::readRulesetJson(ns_.get(), /*includeTracerTables=*/true);
    EXPECT_NE(all.find(table.name()), std::string::npos);
    // The host namespace does not see the scratch namespace's firewall.
    EXPECT_EQ(nt::readRulesetJson(nullptr).find("\"icmpchk\""), std::string::npos);
}

// Handle of the first rule of inet fw CHAIN whose JSON contains `needle`.
uint64_t ruleHandle(const std::string &json, const QString &chain, const QString &needle) {
    const QJsonArray items = QJsonDocument::fromJson(QByteArray::fromStdString(json))
                                 .object()[QStringLiteral("nftables")]
                                 .toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject rule = v.toObject()[QStringLiteral("rule")].toObject();
        if (rule[QStringLiteral("table")].toString() == QStringLiteral("fw") &&
            rule[QStringLiteral("chain")].toString() == chain &&
            QString::fromUtf8(QJsonDocument(rule).toJson(QJsonDocument::Compact))
                .contains(needle)) {
            return static_cast<uint64_t>(rule[QStringLiteral("handle")].toInteger());
        }
    }
    return 0;
}

TEST_F(NftTableTest, ReaderReceivesVerdictsHeadersAndTraceIds) {
    ASSERT_EQ(netns_->exec(std::string("nft -f - <<'EOF'\n") + kFirewall + "\nEOF\n").status, 0);
    const std::string ruleset = nt::readRulesetJson(ns_.get());
    const uint64_t dropHandle =
        ruleHandle(ruleset, QStringLiteral("in"), QStringLiteral("\"drop\""));
    const uint64_t jumpHandle =
        ruleHandle(ruleset, QStringLiteral("in"), QStringLiteral("\"jump\""));
    ASSERT_NE(dropHandle, 0u) << ruleset;
    ASSERT_NE(jumpHandle, 0u) << ruleset;

    nt::NftTraceReader reader(ns_.get());
    EXPECT_EQ(reader.netns(), ns_->inode());
    EXPECT_GE(reader.receiveBufferBytes(), 1 << 20);
    nt::NftTraceTable table(ns_.get(), kTraceFilter);
    uint32_t loIndex = 0;
    {
        nt::NetnsGuard guard(ns_.get());
        loIndex = nt::ifindexByName("lo").value_or(0);
        EXPECT_FALSE(nt::ifindexByName("nt-no-such-dev").has_value());
    }
    ASSERT_NE(loIndex, 0u);

    std::string raw;
    reader.setRawSink([&raw](const nlmsghdr *nlh) {
        raw.append(reinterpret_cast<const char *>(nlh), NLMSG_ALIGN(nlh->nlmsg_len));
    });
    const char *fixtureDir = std::getenv("NT_NFT_FIXTURE_DIR");
    auto saveStep = [&](const char *step) {
        if (fixtureDir != nullptr) {
            std::ofstream(std::string(fixtureDir) + "/" + step + ".nlmsg", std::ios::binary) << raw;
        }
        raw.clear();
    };
    auto count = [](const std::vector<NftTraceRecord> &v, auto pred) {
        return std::count_if(v.begin(), v.end(), pred);
    };

    // IPv4 echo over lo: our chains, then fw's mark rule, jump, return and policy.
    std::vector<NftTraceRecord> v4;
    ASSERT_EQ(netns_->exec("ping -c 1 -W 1 127.0.0.1").status, 0);
    collect(reader, v4, [&] {
        return count(v4, [](const NftTraceRecord &r) {
                   return r.table == "fw" && r.type == NftTraceType::Policy;
               }) >= 2;
    });
    saveStep("icmp4");
    ASSERT_FALSE(v4.empty());

    const auto ours = [&](const NftTraceRecord &r, const char *chain) {
        return r.table == table.name() && r.chain == chain;
    };
    const auto outRule = std::find_if(v4.begin(), v4.end(), [&](const NftTraceRecord &r) {
        return ours(r, "output") && r.type == NftTraceType::Rule;
    });
    ASSERT_NE(outRule, v4.end());
    // Our rule accepts: the kernel reports our chain once, not with an end-of-chain and a
    // policy message as well.
    EXPECT_EQ(outRule->verdict, verdict::Accept);
    EXPECT_NE(outRule->ruleHandle, 0u);
    EXPECT_EQ(outRule->family, NFPROTO_INET);
    EXPECT_EQ(outRule->nfproto, static_cast<uint32_t>(NFPROTO_IPV4));
    EXPECT_EQ(outRule->oif, loIndex);
    EXPECT_EQ(outRule->netns, ns_->inode());
    EXPECT_GT(outRule->tsNs, 0u);
    ASSERT_GE(outRule->networkHeader.size(), 20u);
    EXPECT_EQ(outRule->networkHeader[0], 0x45);
    EXPECT_EQ(outRule->networkHeader[9], IPPROTO_ICMP);
    const uint8_t loopback[4] = {127, 0, 0, 1};
    EXPECT_TRUE(std::equal(loopback, loopback + 4, outRule->networkHeader.begin() + 12));
    EXPECT_TRUE(std::equal(loopback, loopback + 4, outRule->networkHeader.begin() + 16));
    ASSERT_FALSE(outRule->transportHeader.empty());
    EXPECT_EQ(outRule->transportHeader[0], 8); // echo request
    EXPECT_TRUE(outRule->llHeader.empty());    // no link layer header before xmit

    EXPECT_EQ(count(v4,
                    [&](const NftTraceRecord &r) {
                        return r.table == table.name() && r.type != NftTraceType::Rule;
                    }),
              0)
        << "our chains were reported past their rule";

    const auto preRule = std::find_if(v4.begin(), v4.end(), [&](const NftTraceRecord &r) {
        return ours(r, "prerouting") && r.type == NftTraceType::Rule;
    });
    ASSERT_NE(preRule, v4.end());
    EXPECT_EQ(preRule->iif, loIndex);
    EXPECT_EQ(preRule->iiftype, 772); // ARPHRD_LOOPBACK
    ASSERT_EQ(preRule->llHeader.size(), 14u);
    EXPECT_EQ(preRule->llHeader[12], 0x08);
    EXPECT_EQ(preRule->llHeader[13], 0x00);

    const auto markRule = std::find_if(v4.begin(), v4.end(), [&](const NftTraceRecord &r) {
        return r.table == "fw" && r.chain == "in" && r.mark == 0x2a && r.type == NftTraceType::Rule;
    });
    ASSERT_NE(markRule, v4.end());
    EXPECT_EQ(markRule->verdict, verdict::Continue);
    const auto jump = std::find_if(v4.begin(), v4.end(), [&](const NftTraceRecord &r) {
        return r.table == "fw" && r.verdict == verdict::Jump && r.id == markRule->id;
    });
    ASSERT_NE(jump, v4.end());
    EXPECT_EQ(jump->jumpTarget, "icmpchk");
    EXPECT_EQ(jump->ruleHandle, jumpHandle);
    // Same skb, same hook: the id our input chain saw is the one fw's input chain saw.
    EXPECT_EQ(count(v4,
                    [&](const NftTraceRecord &r) {
                        return ours(r, "input") && r.type == NftTraceType::Rule &&
                               r.ruleHandle != 0 && r.id == jump->id;
                    }),
              1);
    EXPECT_EQ(count(v4,
                    [&](const NftTraceRecord &r) {
                        return r.chain == "icmpchk" && r.verdict == verdict::Return &&
                               r.id == jump->id;
                    }),
              1);
    EXPECT_EQ(count(v4,
                    [&](const NftTraceRecord &r) {
                        return r.table == "fw" && r.chain == "in" &&
                               r.type == NftTraceType::Policy && r.id == jump->id &&
                               r.mark == 0x2a && r.policy == NF_ACCEPT;
                    }),
              1);

    // IPv6 echo over lo.
    std::vector<NftTraceRecord> v6;
    ASSERT_EQ(netns_->exec("ping -6 -c 1 -W 1 ::1").status, 0);
    collect(reader, v6, [&] {
        return count(v6, [](const NftTraceRecord &r) {
                   return r.table == "fw" && r.type == NftTraceType::Policy;
               }) >= 2;
    });
    saveStep("icmp6");
    const auto v6Rule = std::find_if(v6.begin(), v6.end(), [&](const NftTraceRecord &r) {
        return ours(r, "output") && r.type == NftTraceType::Rule;
    });
    ASSERT_NE(v6Rule, v6.end());
    EXPECT_EQ(v6Rule->nfproto, static_cast<uint32_t>(NFPROTO_IPV6));
    ASSERT_GE(v6Rule->networkHeader.size(), 40u);
    EXPECT_EQ(v6Rule->networkHeader[0] >> 4, 6);
    EXPECT_EQ(v6Rule->networkHeader[6], IPPROTO_ICMPV6);
    ASSERT_FALSE(v6Rule->transportHeader.empty());
    EXPECT_EQ(v6Rule->transportHeader[0], 128); // ICMPv6 echo request

    // A TCP SYN to port 9: dropped by fw's rule, and the record names that rule.
    std::vector<NftTraceRecord> tcp;
    {
        nt::NetnsGuard guard(ns_.get());
        const int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        ASSERT_GE(s, 0);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(9);
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connect(s, reinterpret_cast<const sockaddr *>(&to), sizeof to);
        collect(reader, tcp, [&] {
            return count(tcp, [](const NftTraceRecord &r) { return r.verdict == verdict::Drop; }) >
                   0;
        });
        close(s);
    }
    saveStep("tcp_drop");
    const auto drop = std::find_if(
        tcp.begin(), tcp.end(), [](const NftTraceRecord &r) { return r.verdict == verdict::Drop; });
    ASSERT_NE(drop, tcp.end());
    EXPECT_EQ(drop->table, "fw");
    EXPECT_EQ(drop->chain, "in");
    EXPECT_EQ(drop->type, NftTraceType::Rule);
    EXPECT_EQ(drop->ruleHandle, dropHandle);
    // The first record of each chain walk carries the headers: fw's own walk started with the drop.
    ASSERT_GE(drop->transportHeader.size(), 4u);
    EXPECT_EQ(drop->transportHeader[2], 0);
    EXPECT_EQ(drop->transportHeader[3], 9);

    EXPECT_EQ(reader.lost(), 0u);
    EXPECT_EQ(reader.malformed(), 0u);
}

TEST_F(NftTableTest, NetnsGuardEntersAndReturns) {
    const uint32_t host = nt::currentNetnsInode();
    {
        nt::NetnsGuard guard(ns_.get());
        EXPECT_EQ(nt::currentNetnsInode(), ns_->inode());
        nt::NetnsGuard nested(ns_.get()); // already there: a no-op
        EXPECT_EQ(nt::currentNetnsInode(), ns_->inode());
    }
    EXPECT_EQ(nt::currentNetnsInode(), host);
    try {
        nt::NetnsGuard guard(ns_.get());
        throw std::runtime_error("leaving by exception");
    } catch (const std::runtime_error &) {
    }
    EXPECT_EQ(nt::currentNetnsInode(), host);
    // A thread that already runs is not moved by this thread's guard.
    std::promise<void> entered;
    uint32_t other = 0;
    std::thread t([&other, f = entered.get_future()]() mutable {
        f.wait();
        other = nt::currentNetnsInode();
    });
    {
        nt::NetnsGuard guard(ns_.get());
        entered.set_value();
        t.join();
    }
    EXPECT_EQ(other, host);
}

} // namespace
