// The fixture of the tests that trace through the helper: a private system bus with polkitd
// and the helper (DbusHarness), and two network namespaces joined by a veth pair (TestNet).
#pragma once

#include "dbus_harness.h"
#include "testnet.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace nt::test {

class HelperTraceTest : public ::testing::Test {
protected:
    void SetUp() override {
        NT_REQUIRE(missingDbusSetup());
        // The helper traces: BPF, namespaces and nf_tables must work here.
        NT_REQUIRE(missingBpf());
        NT_REQUIRE(missingNetns());
        NT_REQUIRE(missingNfTables());
        harness = std::make_unique<DbusHarness>();
        const std::string error = harness->start();
        ASSERT_EQ(error, "");
        net = std::make_unique<TestNet>();
        ASSERT_TRUE(net->ok) << net->error;
    }
    void TearDown() override {
        net.reset();
        harness.reset();
    }

    // nft-tracer's own trace table exists in namespace `ns`.
    static bool tracerTableIn(const std::string &ns) {
        std::string out;
        sh("ip netns exec " + ns + " nft list tables", &out);
        return out.find("nft_tracer_") != std::string::npos;
    }

    std::unique_ptr<DbusHarness> harness;
    std::unique_ptr<TestNet> net;
};

} // namespace nt::test
