// Function tracing on this machine's kernel: each backend is checked with a real program, a
// forced backend the kernel lacks is refused naming the kernel's reason, and `record` with a
// function selection falls back to the tracepoints when no function backend exists.
#include "backends.h"
#include "require.h"
#include "subprocess.h"

#include <gtest/gtest.h>

#include <unistd.h>

namespace {

using nt::test::Subprocess;

bool kprobePmu() {
    return access("/sys/bus/event_source/devices/kprobe/type", F_OK) == 0;
}

} // namespace

TEST(FunctionBackends, KprobeCheckNamesTheMissingKernelOption) {
    NT_REQUIRE_ROOT();
    const std::vector<nt::BackendCheck> checks = nt::checkBackends("ip_rcv");
    ASSERT_EQ(checks.size(), 4u);
    EXPECT_EQ(checks.back().backend, nt::Backend::Tracepoint);
    EXPECT_TRUE(checks.back().available);
    for (const nt::BackendCheck &c : checks) {
        EXPECT_EQ(c.available, c.reason.empty()) << nt::backendName(c.backend) << ": " << c.reason;
        if (c.backend == nt::Backend::Kprobe && !kprobePmu()) {
            EXPECT_FALSE(c.available);
            EXPECT_NE(c.reason.find("CONFIG_KPROBES"), std::string::npos) << c.reason;
        }
    }
}

TEST(FunctionBackends, ForcedMissingBackendIsRefusedByName) {
    NT_REQUIRE_ROOT();
    if (kprobePmu()) {
        GTEST_SKIP() << "this kernel has kprobes: the refusal is tested in the VM (Debian 12 has "
                        "no kprobe.multi)";
    }
    Subprocess p(
        {NT_CLI_PATH, "record", "--backend", "kprobe", "--functions", "ip_rcv", "-d", "1", "-q"});
    EXPECT_NE(p.wait(), 0);
    EXPECT_NE(p.err().find("the kprobe backend is not available"), std::string::npos) << p.err();
    EXPECT_NE(p.err().find("CONFIG_KPROBES"), std::string::npos) << p.err();
}

TEST(FunctionBackends, SelectionWithoutABackendFallsBackToTracepoints) {
    NT_REQUIRE_ROOT();
    const std::vector<nt::BackendCheck> checks = nt::checkBackends("ip_rcv");
    for (const nt::BackendCheck &c : checks) {
        if (c.backend != nt::Backend::Tracepoint && c.available) {
            GTEST_SKIP() << "this kernel has the " << nt::backendName(c.backend)
                         << " backend: function recording is tested in the VM";
        }
    }
    Subprocess p({NT_CLI_PATH, "record", "--priority", "0", "--functions", "ip_rcv,nt_no_such",
                  "-d", "1", "-q"});
    EXPECT_EQ(p.wait(), 0) << p.err();
    EXPECT_NE(p.err().find("Recording with"), std::string::npos) << p.err();
    EXPECT_EQ(p.err().find("kernel functions"), std::string::npos) << p.err();
    EXPECT_NE(p.err().find("backend kprobe not available"), std::string::npos) << p.err();
    EXPECT_NE(p.err().find("not in this kernel (skipped): nt_no_such"), std::string::npos)
        << p.err();
}
