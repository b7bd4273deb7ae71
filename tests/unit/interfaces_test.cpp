// Interface names by time: the lookup behind the `ifname` filter on recorded traces, how the
// trace file keeps them, and how files written before them still open.
#include "interfaces.h"
#include "tracefile.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace {

using nt::InterfaceName;
using nt::InterfaceNames;

TEST(InterfaceNames, NameAtATimeFollowsRenames) {
    const std::vector<InterfaceName> seen = {
        {100, 7, 2, "veth-b"}, {100, 7, 1, "lo"}, {500, 7, 2, "uplink"}};
    const InterfaceNames n(seen);
    EXPECT_EQ(n.name(7, 2, 100), "veth-b");
    EXPECT_EQ(n.name(7, 2, 499), "veth-b");
    EXPECT_EQ(n.name(7, 2, 500), "uplink");
    EXPECT_EQ(n.name(7, 2, 9999), "uplink");
    // Before the first listing (the recorder lists after its probes start): the first name.
    EXPECT_EQ(n.name(7, 2, 1), "veth-b");
    EXPECT_EQ(n.name(7, 1, 1), "lo");
    // Another namespace, an unknown index: no name, never a neighbour's.
    EXPECT_EQ(n.name(8, 2, 600), "");
    EXPECT_EQ(n.name(7, 3, 600), "");
    EXPECT_EQ(n.name(6, 2, 600), "");
    EXPECT_EQ(InterfaceNames().name(7, 2, 100), "");
}

TEST(InterfaceNames, TraceFileKeepsThemInOrder) {
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("nt-ifnames-" + std::to_string(getpid()) + ".nftrace"))
                                 .string();
    nt::TraceWriter::discard(path);
    const std::vector<InterfaceName> names = {
        {10, 4026531840u, 1, "lo"}, {10, 4026531840u, 2, "veth-b"}, {99, 4026531840u, 2, "wan0"}};
    {
        nt::TraceWriter w(path, nt::TraceMeta{});
        w.addInterfaces(std::span(names).first(2));
        w.commit();
        w.addInterfaces(std::span(names).subspan(2));
        w.finish(nt::TraceMeta{});
    }
    EXPECT_EQ(nt::readTrace(path).interfaces, names);
    nt::TraceWriter::discard(path);
}

TEST(InterfaceNames, FilesWrittenBeforeThemOpenWithNone) {
    // The recorded fixture predates interface names: no table, no error.
    const nt::Trace t =
        nt::readTrace(std::string(NT_TEST_DATA_DIR) + "/recorded/two-namespaces.nftrace");
    EXPECT_TRUE(t.interfaces.empty());
    EXPECT_FALSE(t.events.empty());
}

} // namespace
