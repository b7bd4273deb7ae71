// The recorder keeps the traced namespace's interface names: every interface at start, each
// one added or renamed while it records, so `ifname` can be evaluated on the trace anywhere.
#include "netns.h"
#include "subprocess.h"
#include "testnet.h"
#include "tracefile.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>

namespace {

using nt::test::sh;

TEST(InterfaceNames, RecordedAtStartAndWhenTheyChange) {
    NT_REQUIRE_ROOT();
    NT_REQUIRE_NETNS();
    NT_REQUIRE_NFTABLES();
    NT_REQUIRE_BPF();
    nt::test::TestNet net;
    ASSERT_TRUE(net.ok) << net.error;
    const std::string file = (std::filesystem::temp_directory_path() /
                              ("nt-ifnames-" + std::to_string(getpid()) + ".nftrace"))
                                 .string();
    nt::TraceWriter::discard(file);
    nt::test::Subprocess rec(
        {NT_CLI_PATH, "record", "--netns", net.b, "--duration", "30", "-o", file, "--quiet"});
    ASSERT_TRUE(rec.waitForStderr("Recording", 20000)) << rec.err();
    sh(net.inA("ping -c 2 -i 0.2 -W 1 " + net.addrB()));
    std::string out;
    ASSERT_EQ(sh("ip -n " + net.b + " link add nt-added type veth peer name nt-peer", &out), 0)
        << out;
    ASSERT_EQ(sh("ip -n " + net.b + " link set nt-added name nt-renamed", &out), 0) << out;
    sh(net.inA("ping -c 1 -W 1 " + net.addrB()));
    rec.signal(SIGINT);
    ASSERT_EQ(rec.wait(), 0) << rec.err();

    const nt::Trace t = nt::readTrace(file);
    nt::TraceWriter::discard(file);
    const uint32_t inode = nt::NetnsHandle::byName(net.b).inode();
    auto find = [&](const std::string &name) {
        return std::find_if(t.interfaces.begin(), t.interfaces.end(),
                            [&](const nt::InterfaceName &n) { return n.name == name; });
    };
    const auto lo = find("lo"), veth = find("veth-b"), added = find("nt-added"),
               renamed = find("nt-renamed");
    ASSERT_NE(lo, t.interfaces.end());
    ASSERT_NE(veth, t.interfaces.end());
    ASSERT_NE(added, t.interfaces.end());
    ASSERT_NE(renamed, t.interfaces.end());
    EXPECT_EQ(lo->ifindex, 1u);
    EXPECT_EQ(veth->netns, inode);
    EXPECT_EQ(renamed->ifindex, added->ifindex);
    EXPECT_GE(renamed->tsNs, added->tsNs);
    EXPECT_GT(added->tsNs, veth->tsNs);
    // Nothing from the other namespace: its veth-a is not listed.
    EXPECT_EQ(find("veth-a"), t.interfaces.end());
    // The packets that arrived on veth-b carry its index.
    const bool onVeth = std::any_of(t.events.begin(), t.events.end(), [&](const nt::Event &e) {
        return e.ifindex == veth->ifindex && e.netns == inode;
    });
    EXPECT_TRUE(onVeth);
}

} // namespace
