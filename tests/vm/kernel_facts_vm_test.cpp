// The VM harness itself, on each kernel: the guest runs the kernel that was asked for, with its
// BTF, tracefs and modules, and the functions the function backends trace are traceable there.
#include "vm_harness.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

namespace {

namespace vm = nt::test::vm;

class KernelInVm : public vm::KernelTest {};

TEST_P(KernelInVm, OffersBtfTracefsModulesAndTraceableStackFunctions) {
    vm::Scenario s;
    s.script = "kernel_facts.sh";
    s.bins.clear();
    const vm::Result r = vm::run(kernel, s, "facts");
    ASSERT_EQ(r.status, 0) << r.describe();
    std::map<std::string, std::string> facts;
    std::istringstream in(r.text("facts.txt"));
    std::string key, value;
    while (in >> key >> value) {
        facts[key] = value;
    }
    EXPECT_EQ(facts["release"], kernel.release) << r.describe();
    EXPECT_EQ(facts["btf"], "yes");
    EXPECT_EQ(facts["btf_nf_tables"], "yes") << "module BTF of the loaded nf_tables";
    EXPECT_EQ(facts["module_veth"], "yes");
    EXPECT_EQ(facts["kprobe_events"], kernel.config("CONFIG_KPROBE_EVENTS") == "y" ? "yes" : "no");
    for (const char *f : {"ip_rcv", "ip_local_deliver", "tcp_v4_rcv", "nft_do_chain"}) {
        EXPECT_EQ(facts[std::string("traceable_") + f], "yes") << f;
    }
    if (!HasFailure()) {
        r.remove();
    }
}

// What the backends' tests rely on: Debian 13's kernel has kprobe.multi (fprobe), Debian 12's
// does not; both have kprobes and BTF.
TEST_P(KernelInVm, ConfigReadsTheKernelsBuildOptions) {
    EXPECT_EQ(kernel.config("CONFIG_KPROBES"), "y");
    EXPECT_EQ(kernel.config("CONFIG_DEBUG_INFO_BTF"), "y");
    EXPECT_EQ(kernel.config("CONFIG_FPROBE"), GetParam() == "trixie" ? "y" : "");
}

NT_VM_TEST_ON_KERNELS(KernelInVm);

} // namespace

namespace {

// The harness's contract, on one kernel: the scenario's exit status and files come back, its
// arguments arrive whole, and a module the kernel lacks is named before anything boots.
TEST(VmHarness, ReturnsTheScenariosStatusArgumentsAndFiles) {
    vm::Kernel kernel;
    NT_REQUIRE_VM_KERNEL(vm::suites().front(), kernel);
    const std::filesystem::path script =
        std::filesystem::temp_directory_path() / ("nt-vm-exit-" + std::to_string(getpid()) + ".sh");
    std::ofstream(script) << "printf '%s|' \"$@\" >/out/args.txt\nexit 7\n";
    vm::Scenario s;
    s.script = script.string();
    s.bins.clear();
    s.args = {"two words", "it's", ""};
    const vm::Result r = vm::run(kernel, s, "exit");
    EXPECT_EQ(r.status, 7) << r.describe();
    EXPECT_EQ(r.text("args.txt"), "two words|it's||") << r.describe();
    r.remove();

    s.modules = {"no_such_module"};
    const vm::Result m = vm::run(kernel, s, "module");
    EXPECT_EQ(m.status, 125);
    EXPECT_NE(m.log.find("has no module no_such_module"), std::string::npos) << m.log;
    m.remove();
    std::filesystem::remove(script);
}

} // namespace
