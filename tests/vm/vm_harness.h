// Runs a scenario inside a qemu VM booting one of Debian's cloud kernels (tests/vm/run-vm.sh),
// and reads back what it wrote. Kernels come from scripts/vm-kernel.sh and its cache.
#pragma once

#include "require.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace nt::test::vm {

// Single quotes for /bin/sh (test code: arguments are ours).
inline std::string shellQuote(const std::string &s) {
    std::string q = "'";
    for (char c : s) {
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return q + "'";
}

inline std::string readText(const std::filesystem::path &p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

inline std::string missingQemu() {
    return runCommand("command -v qemu-system-x86_64").status == 0
               ? std::string()
               : "qemu-system-x86_64 is missing (apt-get install qemu-system-x86)";
}

// A Debian kernel unpacked by scripts/vm-kernel.sh: bookworm (Debian 12, 6.1) or trixie
// (Debian 13, 6.12).
struct Kernel {
    std::string suite;
    std::filesystem::path dir;
    std::string release;

    // The kernel's build option, e.g. config("CONFIG_FPROBE") == "y"; empty when unset.
    std::string config(const std::string &key) const {
        std::ifstream f(dir / "root" / "boot" / ("config-" + release));
        std::string line;
        const std::string prefix = key + "=";
        while (std::getline(f, line)) {
            if (line.rfind(prefix, 0) == 0) {
                return line.substr(prefix.size());
            }
        }
        return {};
    }
};

// Fetches the suite's kernel into the cache (or reuses it). Returns why it is not available,
// or an empty string.
inline std::string prepareKernel(const std::string &suite, Kernel *k) {
    const CommandResult r =
        runCommand(std::string(NT_SOURCE_DIR) + "/scripts/vm-kernel.sh " + shellQuote(suite));
    std::string dir = r.output;
    while (!dir.empty() && dir.back() == '\n') {
        dir.pop_back();
    }
    dir = dir.substr(dir.rfind('\n') == std::string::npos ? 0 : dir.rfind('\n') + 1);
    if (r.status != 0 || !std::filesystem::exists(std::filesystem::path(dir) / "vmlinuz")) {
        return "no " + suite + " kernel for the VM tests (scripts/vm-kernel.sh " + suite +
               " failed):\n" + r.output;
    }
    k->suite = suite;
    k->dir = dir;
    k->release = readText(k->dir / "release");
    while (!k->release.empty() && k->release.back() == '\n') {
        k->release.pop_back();
    }
    return {};
}

// What to run: a scenario script of tests/vm/scenarios with its arguments, and what the guest
// needs beyond the scenario's own `# vm-modules:` / `# vm-tools:` lines.
struct Scenario {
    std::string script;            // file name under tests/vm/scenarios, or an absolute path
    std::vector<std::string> args; // the scenario's "$@"
    std::vector<std::string> bins{NT_CLI_PATH}; // our binaries, at /usr/bin/NAME in the guest
    std::vector<std::string> modules;
    std::vector<std::string> tools;
    // NAME=VALUE in the scenario's environment; libbpf's messages (the verifier's log when a
    // program is refused) go to the recorder's stderr.
    std::vector<std::string> env{"NFT_TRACER_DEBUG=1"};
    int timeoutSeconds = 900; // the emulated CPU is slow, and slower on a busy machine
    int cpus = 1;
    int memoryMb = 1024;
};

struct Result {
    int status = -1;           // the scenario's exit status; 125: the VM gave no result
    std::string log;           // run-vm.sh's own output
    std::filesystem::path out; // the guest's /out, and console.log
    std::string console() const { return readText(out / "console.log"); }
    std::string text(const std::string &name) const { return readText(out / name); }
    QJsonDocument json(const std::string &name) const {
        return QJsonDocument::fromJson(QByteArray::fromStdString(text(name)));
    }
    void remove() const { std::filesystem::remove_all(out); }
    // Everything that helps when an assertion fails.
    std::string describe() const { return "run-vm: " + log + "\n--- console ---\n" + console(); }
};

// Boots the kernel with the scenario. The result folder is unique to this process and name;
// remove() it when the test passed, keep it for a look when not.
inline Result run(const Kernel &k, const Scenario &s, const std::string &name) {
    Result r;
    r.out = std::filesystem::temp_directory_path() /
            ("nt-vm-" + std::to_string(getpid()) + "-" + k.suite + "-" + name);
    std::filesystem::remove_all(r.out);
    const std::string script = s.script.front() == '/'
                                   ? s.script
                                   : std::string(NT_SOURCE_DIR) + "/tests/vm/scenarios/" + s.script;
    std::string cmd = std::string(NT_SOURCE_DIR) + "/tests/vm/run-vm.sh --kernel " +
                      shellQuote(k.dir.string()) + " --scenario " + shellQuote(script) + " --out " +
                      shellQuote(r.out.string()) + " --timeout " +
                      std::to_string(s.timeoutSeconds) + " --cpus " + std::to_string(s.cpus) +
                      " --memory " + std::to_string(s.memoryMb);
    for (const std::string &b : s.bins) {
        cmd += " --bin " + shellQuote(b);
    }
    for (const std::string &m : s.modules) {
        cmd += " --module " + shellQuote(m);
    }
    for (const std::string &t : s.tools) {
        cmd += " --tool " + shellQuote(t);
    }
    for (const std::string &e : s.env) {
        cmd += " --env " + shellQuote(e);
    }
    cmd += " --";
    for (const std::string &a : s.args) {
        cmd += " " + shellQuote(a);
    }
    const CommandResult c = runCommand(cmd);
    r.status = c.status;
    r.log = c.output;
    return r;
}

// The suites the VM tests boot, by name in test names.
inline const std::vector<std::string> &suites() {
    static const std::vector<std::string> s{"bookworm", "trixie"};
    return s;
}

} // namespace nt::test::vm

// Skips (fails under NFT_TRACER_CI=1) unless qemu and the suite's kernel are there; fills `k`.
#define NT_REQUIRE_VM_KERNEL(suite, k)                                                             \
    do {                                                                                           \
        NT_REQUIRE(nt::test::vm::missingQemu());                                                   \
        NT_REQUIRE(nt::test::vm::prepareKernel((suite), &(k)));                                    \
    } while (0)

namespace nt::test::vm {

// A test run once per kernel (instantiate with NT_VM_TEST_ON_KERNELS); `kernel` is ready when
// the body runs.
class KernelTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override { NT_REQUIRE_VM_KERNEL(GetParam(), kernel); }
    Kernel kernel;
};

} // namespace nt::test::vm

#define NT_VM_TEST_ON_KERNELS(fixture)                                                             \
    INSTANTIATE_TEST_SUITE_P(DebianKernels, fixture, ::testing::ValuesIn(nt::test::vm::suites()),  \
                             [](const auto &info) { return info.param; })
