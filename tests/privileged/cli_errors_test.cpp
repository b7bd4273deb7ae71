// nft-tracer-cli's refusals: one clear line on stderr, a non-zero exit, and nothing left behind
// (no file, no nftables table, no BPF program).
#include "subprocess.h"
#include "testnet.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

namespace {

using nt::test::sh;
using nt::test::Subprocess;

struct CliRun {
    int code = 0;
    std::string out, err;
};

CliRun cli(const std::vector<std::string> &args, const std::string &asUser = {}) {
    std::vector<std::string> argv;
    if (!asUser.empty()) {
        argv = {"/usr/bin/setpriv", "--reuid=" + asUser, "--regid=" + asUser, "--clear-groups",
                NT_CLI_PATH};
    } else {
        argv = {NT_CLI_PATH};
    }
    argv.insert(argv.end(), args.begin(), args.end());
    Subprocess p(argv);
    CliRun r;
    r.code = p.wait();
    r.out = p.out();
    r.err = p.err();
    return r;
}

bool noTracerLeft() {
    std::string tables, progs;
    sh("nft list tables", &tables);
    sh("bpftool prog show", &progs);
    return tables.find("nft_tracer_") == std::string::npos &&
           progs.find("nt_netif_receive") == std::string::npos;
}

void expectOneClearLine(const CliRun &r, const std::string &needle) {
    EXPECT_NE(r.code, 0);
    EXPECT_EQ(r.err.rfind("nft-tracer-cli: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
}

class CliErrors : public ::testing::Test {
protected:
    void SetUp() override {
        NT_REQUIRE_ROOT();
        dir = std::filesystem::temp_directory_path() / ("nt-cli-" + std::to_string(getpid()));
        std::filesystem::create_directories(dir);
        out = (dir / "t.nftrace").string();
    }
    void TearDown() override { std::filesystem::remove_all(dir); }
    std::filesystem::path dir;
    std::string out;
};

TEST_F(CliErrors, BadFilterNamesTheColumn) {
    const CliRun r = cli({"record", "--duration", "1", "-o", out, "--filter", "tcp port http"});
    expectOneClearLine(r, "column 10");
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_TRUE(noTracerLeft());
}

TEST_F(CliErrors, NotRootIsRefusedBeforeAnythingIsCreated) {
    std::filesystem::permissions(dir, std::filesystem::perms::all);
    const CliRun r = cli({"record", "--duration", "1", "-o", out}, "65534");
    expectOneClearLine(r, "root");
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(CliErrors, MissingNamespace) {
    const CliRun r = cli({"record", "--netns", "nt-no-such-ns", "--duration", "1", "-o", out});
    expectOneClearLine(r, "nt-no-such-ns");
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_TRUE(noTracerLeft());
}

TEST_F(CliErrors, UnwritableOutput) {
    const std::string bad = "/proc/nt-cannot-write/t.nftrace";
    const CliRun r = cli({"record", "--duration", "1", "-o", bad});
    expectOneClearLine(r, bad);
    EXPECT_TRUE(noTracerLeft());
}

TEST_F(CliErrors, ExistingOutputIsNeverReplaced) {
    std::ofstream(out) << "precious";
    const CliRun r = cli({"record", "--duration", "1", "-o", out});
    expectOneClearLine(r, out);
    std::ifstream in(out);
    std::string content;
    in >> content;
    EXPECT_EQ(content, "precious");
    EXPECT_TRUE(noTracerLeft());
}

TEST_F(CliErrors, KernelWithoutBtf) {
    // A private mount namespace where /sys/kernel/btf is empty: what a kernel built without
    // CONFIG_DEBUG_INFO_BTF looks like to the recorder.
    NT_REQUIRE(sh("command -v unshare") == 0 ? "" : "unshare (util-linux) is not installed");
    Subprocess p({"/usr/bin/unshare", "-m", "/bin/sh", "-c",
                  std::string("mount -t tmpfs none /sys/kernel/btf && exec ") + NT_CLI_PATH +
                      " record --duration 1 -o " + out});
    CliRun r;
    r.code = p.wait();
    r.out = p.out();
    r.err = p.err();
    expectOneClearLine(r, "BTF");
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_TRUE(noTracerLeft());
}

TEST_F(CliErrors, BadOptionValues) {
    expectOneClearLine(cli({"record", "--duration", "soon"}), "--duration");
    expectOneClearLine(cli({"record", "--max-packets", "0"}), "--max-packets");
    expectOneClearLine(cli({"frobnicate"}), "frobnicate");
    expectOneClearLine(cli({"show"}), "show");
    expectOneClearLine(cli({"export", out, "--format", "xml", "-o", out + ".x"}), "xml");
}

TEST_F(CliErrors, BadRotationValues) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"--max-size", "1M"}, "--max-size"}, // below the 4M every file starts near
        {{"--max-size", "0"}, "--max-size"},
        {{"--max-size", "-5M"}, "--max-size"},
        {{"--max-size", "10X"}, "--max-size"},
        {{"--max-size", "999999999999T"}, "--max-size"},
        {{"--max-duration", "0"}, "--max-duration"},
        {{"--max-duration", "-1m"}, "--max-duration"},
        {{"--max-duration", "2d"}, "--max-duration"},
        {{"--max-duration", "9999999h"}, "--max-duration"},
        {{"--max-size", "10M", "--ring", "0"}, "--ring"},
        {{"--max-size", "10M", "--ring", "-1"}, "--ring"},
        {{"--max-size", "10M", "--ring", "100001"}, "--ring"},
        {{"--ring", "3"}, "--max-size or --max-duration"},
    };
    for (const auto &[options, needle] : cases) {
        std::vector<std::string> args{"record", "--duration", "1", "-o", out};
        args.insert(args.end(), options.begin(), options.end());
        SCOPED_TRACE(options.front() + " " + options.back());
        expectOneClearLine(cli(args), needle);
    }
    expectOneClearLine(cli({"record", "--duration", "1", "--max-size", "10M"}), "-o FILE");
    EXPECT_TRUE(std::filesystem::is_empty(dir));
    EXPECT_TRUE(noTracerLeft());
}

TEST_F(CliErrors, UnwritableRotationTargetIsRefusedBeforeProbes) {
    const std::string bad = "/proc/nt-cannot-write/t.nftrace";
    const CliRun r =
        cli({"record", "--duration", "1", "-o", bad, "--max-size", "10M", "--ring", "2"});
    expectOneClearLine(r, "/proc/nt-cannot-write/t_00001_");
    EXPECT_EQ(r.err.find("Recording with"), std::string::npos);
    EXPECT_TRUE(noTracerLeft());
}

TEST_F(CliErrors, ShowRefusesWhatIsNotATrace) {
    std::ofstream(out) << "not a trace";
    const CliRun r = cli({"show", out});
    expectOneClearLine(r, out);
    const CliRun missing = cli({"show", (dir / "missing.nftrace").string()});
    expectOneClearLine(missing, "missing.nftrace");
    std::filesystem::remove(out);
    const CliRun empty = cli({"show", dir.string()});
    expectOneClearLine(empty, "no .nftrace files");
}

} // namespace
