// Input checks of the nftables side that need no root: trace table script, ruleset stripping, netns
// names.
#include "error.h"
#include "netns.h"
#include "nft_trace_table.h"
#include "ruleset.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <unistd.h>

namespace {

using nt::NftTraceTable;

size_t count(const std::string &s, const std::string &what) {
    size_t n = 0;
    for (size_t at = 0; (at = s.find(what, at)) != std::string::npos; at += what.size()) {
        ++n;
    }
    return n;
}

TEST(NftTraceTableScript, MatchAllNeedsOnlyTheFirstHooks) {
    // The nftrace flag stays on the skb: prerouting and output see every packet first.
    const std::string s = NftTraceTable::buildScript("nft_tracer_1", {""});
    EXPECT_EQ(s.find("create table inet nft_tracer_1 { flags owner; }\n"), 0u);
    for (const char *hook : {"prerouting", "output"}) {
        const std::string h(hook);
        EXPECT_NE(s.find("add chain inet nft_tracer_1 " + h + " { type filter hook " + h +
                         " priority -2147483648; policy accept; }\n"),
                  std::string::npos)
            << s;
        EXPECT_NE(s.find("add rule inet nft_tracer_1 " + h + " meta nftrace set 1 accept\n"),
                  std::string::npos);
    }
    EXPECT_EQ(count(s, "add chain"), 2u) << s;
    EXPECT_EQ(count(s, "\n"), 1u + 2u + 2u);
}

TEST(NftTraceTableScript, AFilterAlsoWatchesTheHooksAfterNat) {
    // A filter may match a packet only after DNAT or SNAT rewrote it.
    const std::string s =
        NftTraceTable::buildScript("nft_tracer_1", {"ip daddr 10.0.0.1", "tcp dport { 22, 80 }"});
    for (const char *hook : {"prerouting", "input", "forward", "output", "postrouting"}) {
        const std::string h(hook);
        EXPECT_NE(s.find("add chain inet nft_tracer_1 " + h + " { type filter hook " + h +
                         " priority -2147483648; policy accept; }\n"),
                  std::string::npos)
            << s;
        EXPECT_NE(s.find("add rule inet nft_tracer_1 " + h +
                         " ip daddr 10.0.0.1 meta nftrace set 1 accept\n"),
                  std::string::npos);
        EXPECT_NE(s.find("add rule inet nft_tracer_1 " + h +
                         " tcp dport { 22, 80 } meta nftrace set 1 accept\n"),
                  std::string::npos);
    }
    EXPECT_EQ(count(s, "\n"), 1u + 5u + 10u);
}

TEST(NftTraceTableScript, BridgeFamilyTracesFramesAtItsFirstHooks) {
    const std::string s =
        NftTraceTable::buildBridgeScript("nft_tracer_1", {"meta nfproto ipv4 ip saddr 10.0.0.1",
                                                          "meta nfproto != ipv6 tcp dport 22"});
    EXPECT_EQ(s.find("create table bridge nft_tracer_1 { flags owner; }\n"), 0u) << s;
    for (const char *hook : {"prerouting", "output"}) {
        const std::string h(hook);
        EXPECT_NE(s.find("add chain bridge nft_tracer_1 " + h + " { type filter hook " + h +
                         " priority -2147483648; policy accept; }\n"),
                  std::string::npos)
            << s;
        // `meta nfproto` exists only in the inet family.
        EXPECT_NE(s.find("add rule bridge nft_tracer_1 " + h +
                         " meta protocol ip ip saddr 10.0.0.1 meta nftrace set 1 accept\n"),
                  std::string::npos)
            << s;
        EXPECT_NE(s.find("add rule bridge nft_tracer_1 " + h +
                         " meta protocol != ip6 tcp dport 22 meta nftrace set 1 accept\n"),
                  std::string::npos)
            << s;
    }
    EXPECT_EQ(s.find("nfproto"), std::string::npos);
    EXPECT_EQ(count(s, "\n"), 1u + 2u + 4u);
}

TEST(NftTraceTableScript, NetdevChainsBindEveryDevice) {
    const std::string s =
        NftTraceTable::buildNetdevScript("nft_tracer_1", {""}, {"lo", "veth-a", "eth0.5"}, true);
    EXPECT_EQ(s.find("create table netdev nft_tracer_1 { flags owner; }\n"), 0u) << s;
    for (const char *hook : {"ingress", "egress"}) {
        const std::string h(hook);
        EXPECT_NE(s.find("add chain netdev nft_tracer_1 " + h + " { type filter hook " + h +
                         " devices = { \"lo\", \"veth-a\", \"eth0.5\" } priority -2147483648; "
                         "policy accept; }\n"),
                  std::string::npos)
            << s;
        EXPECT_NE(s.find("add rule netdev nft_tracer_1 " + h + " meta nftrace set 1 accept\n"),
                  std::string::npos);
    }
    const std::string noEgress =
        NftTraceTable::buildNetdevScript("nft_tracer_1", {"meta nfproto ipv6"}, {"lo"}, false);
    EXPECT_EQ(noEgress.find("egress"), std::string::npos) << noEgress;
    EXPECT_NE(noEgress.find("add rule netdev nft_tracer_1 ingress meta protocol ip6 meta nftrace "
                            "set 1 accept\n"),
              std::string::npos)
        << noEgress;
}

TEST(NftTraceTableScript, NetdevRejectsDevicesThatCouldAddCommands) {
    for (const std::string &bad : std::vector<std::string>{
             "", "a\"b", "a b", "x;y", "a}", "a#", "a/b", "a:1", std::string(16, 'a'), "."}) {
        EXPECT_THROW(NftTraceTable::buildNetdevScript("nft_tracer_1", {""}, {"lo", bad}, true),
                     nt::Error)
            << bad;
    }
    EXPECT_THROW(NftTraceTable::buildNetdevScript("nft_tracer_1", {""}, {}, true), nt::Error);
    EXPECT_THROW(NftTraceTable::buildNetdevScript(
                     "nft_tracer_1", {""},
                     std::vector<std::string>(NftTraceTable::kMaxDevices + 1, "lo"), true),
                 nt::Error);
    EXPECT_THROW(NftTraceTable::buildNetdevScript("nft_tracer_1", {"tcp dport 22; flush ruleset"},
                                                  {"lo"}, true),
                 nt::Error);
    EXPECT_THROW(NftTraceTable::buildBridgeScript("x;y", {""}), nt::Error);
}

TEST(NftTraceTableScript, LinkLayerExpressionsLeaveOtherTextAlone) {
    EXPECT_EQ(NftTraceTable::linkLayerExpression("meta nfproto ipv4 meta nfproto != ipv6"),
              "meta protocol ip meta protocol != ip6");
    EXPECT_EQ(NftTraceTable::linkLayerExpression("iifname \"meta nfproto\" tcp dport 22"),
              "iifname \"meta nfproto\" tcp dport 22");
    EXPECT_EQ(NftTraceTable::linkLayerExpression(""), "");
}

TEST(NftTraceTableScript, RejectsWhatCouldAddCommands) {
    for (const std::string &bad : std::vector<std::string>{
             "ip saddr 1.2.3.4; flush ruleset", "tcp dport 22\nflush ruleset",
             "tcp dport 22 # comment", "} chain x {", "tcp dport { 22", "tcp dport 22 }",
             std::string("a\0b", 3), std::string(5000, 'a')}) {
        EXPECT_THROW(NftTraceTable::buildScript("nft_tracer_1", {bad}), nt::Error) << bad;
    }
    EXPECT_THROW(NftTraceTable::buildScript("nft_tracer_1", {}), nt::Error);
    EXPECT_THROW(NftTraceTable::buildScript("nft_tracer_1", std::vector<std::string>(65, "")),
                 nt::Error);
    for (const std::string &badName :
         std::vector<std::string>{"", "a b", "x;y", "1abc", "t{", std::string(256, 'a')}) {
        EXPECT_THROW(NftTraceTable::buildScript(badName, {""}), nt::Error) << badName;
    }
    EXPECT_NO_THROW(NftTraceTable::buildScript("nft_tracer_12-3", {"meta mark 0x2a"}));
}

TEST(NftTraceTableScript, DefaultNamesAreDistinctWithinAProcess) {
    const std::string a = NftTraceTable::defaultName();
    const std::string b = NftTraceTable::defaultName();
    EXPECT_NE(a, b);
    EXPECT_EQ(a.rfind("nft_tracer_" + std::to_string(getpid()), 0), 0u);
    EXPECT_EQ(b.rfind("nft_tracer_" + std::to_string(getpid()), 0), 0u);
}

TEST(RulesetStrip, RemovesOnlyTracerTablesAndTheirObjects) {
    const std::string in = R"({"nftables": [{"metainfo": {"version": "1.0.6"}},
      {"table": {"family": "inet", "name": "fw", "handle": 1}},
      {"chain": {"family": "inet", "table": "fw", "name": "in", "handle": 1}},
      {"rule": {"family": "inet", "table": "fw", "chain": "in", "handle": 3, "expr": []}},
      {"table": {"family": "inet", "name": "nft_tracer_42", "handle": 2}},
      {"chain": {"family": "inet", "table": "nft_tracer_42", "name": "input", "handle": 1}},
      {"rule": {"family": "inet", "table": "nft_tracer_42", "chain": "input", "handle": 2}},
      {"set": {"family": "inet", "table": "nft_tracer_42", "name": "s", "handle": 3}},
      {"table": {"family": "bridge", "name": "nft_tracer_42", "handle": 4}},
      {"chain": {"family": "bridge", "table": "nft_tracer_42", "name": "prerouting"}},
      {"table": {"family": "netdev", "name": "nft_tracer_42", "handle": 5}},
      {"chain": {"family": "netdev", "table": "nft_tracer_42", "name": "ingress"}},
      {"table": {"family": "ip", "name": "nft_tracer_7", "handle": 3}}]})";
    const std::string out = nt::stripTracerTables(in);
    EXPECT_EQ(out.find("nft_tracer_42"), std::string::npos) << out;
    EXPECT_NE(out.find("\"fw\""), std::string::npos);
    EXPECT_NE(out.find("metainfo"), std::string::npos);
    // Only inet, bridge and netdev tables are ours; an ip-family table with that name belongs to
    // someone else.
    EXPECT_NE(out.find("nft_tracer_7"), std::string::npos);
    EXPECT_THROW(nt::stripTracerTables("not json"), nt::Error);
    EXPECT_THROW(nt::stripTracerTables(R"({"other": []})"), nt::Error);
}

TEST(NetnsHandleErrors, SayWhatToDo) {
    try {
        nt::NetnsHandle::byName("nt-no-such-namespace");
        FAIL();
    } catch (const nt::Error &e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("/run/netns/nt-no-such-namespace"), std::string::npos) << m;
        EXPECT_NE(m.find("ip netns add nt-no-such-namespace"), std::string::npos) << m;
    }
    for (const std::string &bad :
         std::vector<std::string>{"", ".", "..", "../../proc/1/ns/net", "a/b"}) {
        EXPECT_THROW(nt::NetnsHandle::byName(bad), nt::Error) << bad;
    }
    EXPECT_THROW(nt::NetnsHandle::byPath("/etc/hostname"), nt::Error);
    EXPECT_THROW(nt::NetnsHandle::byPath("/proc/self/ns/uts"), nt::Error);
    EXPECT_THROW(nt::NetnsHandle::byPath(""), nt::Error);
}

TEST(NetnsHandleErrors, CurrentNamespaceNeedsNoPrivileges) {
    const nt::NetnsHandle here = nt::NetnsHandle::current();
    EXPECT_EQ(here.inode(), nt::currentNetnsInode());
    EXPECT_EQ(nt::NetnsHandle::byPath("/proc/self/ns/net").inode(), here.inode());
    nt::NetnsGuard noop(&here); // already there: no setns, works unprivileged
    nt::NetnsGuard none(nullptr);
    EXPECT_EQ(nt::currentNetnsInode(), here.inode());
    EXPECT_TRUE(nt::ifindexByName("lo").has_value());
    EXPECT_FALSE(nt::ifindexByName("").has_value());
    EXPECT_FALSE(nt::ifindexByName(std::string(40, 'x')).has_value());
}

} // namespace
