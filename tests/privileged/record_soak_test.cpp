// Recording for long on a busy network: the recorder under a ping flood between two namespaces
// holds bounded memory, a rotating recording keeps exactly its ring of files, a stop at any
// moment leaves readable files and no nftables table; a full disk stops it cleanly.
#include "resident_memory.h"
#include "subprocess.h"
#include "testnet.h"
#include "trace_set.h"

#include <sys/mount.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <random>
#include <thread>

namespace {

namespace fs = std::filesystem;
using nt::test::sh;
using nt::test::Subprocess;

using nt::test::residentKiB;

std::vector<std::string> filesIn(const fs::path &dir) {
    std::vector<std::string> names;
    for (const auto &e : fs::directory_iterator(dir)) {
        names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

class RecordSoak : public ::testing::Test {
protected:
    void SetUp() override {
        NT_REQUIRE_ROOT();
        NT_REQUIRE_NETNS();
        NT_REQUIRE_NFTABLES();
        NT_REQUIRE_BPF();
        net = std::make_unique<nt::test::TestNet>();
        ASSERT_TRUE(net->ok) << net->error;
        dir = fs::temp_directory_path() / ("nt-soak-" + std::to_string(getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override {
        flood.reset();
        if (mounted) {
            umount2(dir.c_str(), MNT_DETACH);
        }
        fs::remove_all(dir);
    }

    // A flood ping from A to B: as many echo requests as replies come back, at least 100/s.
    void startFlood() {
        flood = std::make_unique<Subprocess>(
            std::vector<std::string>{"/usr/bin/env", "ip", "netns", "exec", net->a, "ping", "-f",
                                     "-q", "-l", "8", net->addrB()});
    }

    std::unique_ptr<Subprocess> record(const std::vector<std::string> &extra) {
        std::vector<std::string> argv{NT_CLI_PATH, "record",   "--netns", net->b,
                                      "--quiet",   "--filter", "icmp"};
        argv.insert(argv.end(), extra.begin(), extra.end());
        return std::make_unique<Subprocess>(argv);
    }

    bool tableLeft() const {
        std::string out;
        sh(net->inB("nft list tables"), &out);
        return out.find("nft_tracer_") != std::string::npos;
    }

    std::unique_ptr<nt::test::TestNet> net;
    std::unique_ptr<Subprocess> flood;
    fs::path dir;
    bool mounted = false;
};

TEST_F(RecordSoak, BoundedMemoryRingOfFilesAndAStopAtAnyMoment) {
    startFlood();
    auto rec = record({"-o", (dir / "soak.nftrace").string(), "--max-size", "4M", "--ring", "3"});
    ASSERT_TRUE(rec->waitForStderr("Recording with", 30000)) << rec->err();

    // SIGTERM at a random moment between 100 and 120 s; resident memory every 3 s until then.
    // The warm-up: resident memory levels off once the first assembler is full (~40 s here).
    std::random_device rd;
    const auto stopAfter =
        std::chrono::seconds(100 + std::uniform_int_distribution<int>(0, 20)(rd));
    constexpr auto kWarmUp = std::chrono::seconds(45);
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::pair<double, uint64_t>> samples; // seconds since start, KiB
    while (std::chrono::steady_clock::now() - start < stopAfter) {
        std::this_thread::sleep_for(std::chrono::seconds(3));
        const uint64_t kib = residentKiB(rec->pid());
        ASSERT_NE(kib, 0u) << "the recorder exited: " << rec->err();
        samples.emplace_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), kib);
    }
    rec->signal(SIGTERM);
    const int code = rec->wait(60000);
    flood->signal(SIGINT);
    EXPECT_EQ(code, 0) << rec->err();

    // After the warm-up, the second half holds no more than 10 % over the first.
    const double half = std::chrono::duration<double>(stopAfter).count() / 2;
    uint64_t firstHalf = 0, secondHalf = 0;
    std::string curve;
    for (const auto &[t, kib] : samples) {
        curve += std::to_string(int(t)) + "s:" + std::to_string(kib / 1024) + "M ";
        if (t >= std::chrono::duration<double>(kWarmUp).count() && t < half) {
            firstHalf = std::max(firstHalf, kib);
        } else if (t >= half) {
            secondHalf = std::max(secondHalf, kib);
        }
    }
    ASSERT_NE(firstHalf, 0u);
    EXPECT_LE(double(secondHalf), double(firstHalf) * 1.10) << "resident memory: " << curve;
    RecordProperty("resident_memory", curve);
    std::printf("recorder resident memory: %s\n", curve.c_str());

    // Exactly the ring's three files, finished, each readable alone and all as one trace.
    const std::vector<std::string> names = filesIn(dir);
    ASSERT_EQ(names.size(), 3u) << ::testing::PrintToString(names);
    EXPECT_NE(names.front().rfind("soak_00001_", 0), 0u) << "the ring never removed a file";
    uint64_t events = 0;
    for (const std::string &n : names) {
        EXPECT_EQ(n.rfind("soak_", 0), 0u) << n; // no -wal or -journal left behind
        const nt::Trace t = nt::readTrace((dir / n).string());
        EXPECT_NE(t.meta.stopWallNs, 0) << n;
        EXPECT_FALSE(t.probes.empty()) << n;
        events += t.events.size();
    }
    EXPECT_GT(events, 0u);
    const nt::Trace whole = nt::openTraceSet({dir.string()});
    EXPECT_EQ(whole.events.size(), events);
    EXPECT_FALSE(tableLeft());
}

TEST_F(RecordSoak, AFullDiskStopsTheRecordingAndKeepsWhatWasWritten) {
    // 8 MiB: a live file's write-ahead log holds whole 64 KiB pages, ~1 MB of them before the
    // first event; a smaller disk would be full before any event is committed.
    ASSERT_EQ(mount("nt-full", dir.c_str(), "tmpfs", 0, "size=8m"), 0) << strerror(errno);
    mounted = true;
    startFlood();
    const std::string file = (dir / "t.nftrace").string();
    auto rec = record({"-o", file});
    const int code = rec->wait(90000);
    flood->signal(SIGINT);
    EXPECT_NE(code, 0);
    EXPECT_GT(code, 0) << "killed by a signal: " << rec->err();
    EXPECT_NE(
        rec->err().find("nft-tracer-cli: recording stopped: Cannot write the trace file " + file),
        std::string::npos)
        << rec->err();
    EXPECT_NE(rec->err().find("free space"), std::string::npos) << rec->err();
    EXPECT_NE(rec->out().find("TRACE STATISTICS"), std::string::npos) << rec->out();
    const nt::Trace t = nt::readTrace(file);
    EXPECT_FALSE(t.probes.empty());
    EXPECT_GT(t.events.size(), 0u);
    EXPECT_FALSE(tableLeft());
}

} // namespace
