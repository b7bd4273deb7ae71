// A long recording under a UDP flood: the recorder's resident memory over time (min / median /
// max per minute, sampled every 2 s), bytes on disk per event and CPU per event, for this build's
// nft-tracer-cli and, with --baseline, another build's under the same flood in the same run.
//   record_memory_bench [--seconds N] [--rate PPS] [--baseline CLI] [--ring N --max-size SIZE]
#include "resident_memory.h"
#include "trace_set.h"
#include "udp_flood.h"

#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;

using nt::test::residentKiB;

struct Options {
    int seconds = 120;
    uint64_t rate = 20000;
    std::string cli = NT_BENCH_CLI_PATH, baseline, maxSize, ring;
};

void run(const std::string &cli, const Options &o, const nt::bench::UdpFlood &flood) {
    const fs::path dir = fs::temp_directory_path() / ("nt-rmb-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::vector<std::string> args{cli,     "record",  "--netns",
                                  flood.b, "--quiet", "--filter",
                                  "udp",   "-o",      (dir / "bench.nftrace").string()};
    if (!o.maxSize.empty()) {
        args.insert(args.end(), {"--max-size", o.maxSize});
    }
    if (!o.ring.empty()) {
        args.insert(args.end(), {"--ring", o.ring});
    }
    std::fflush(stdout); // the child must not write the parent's buffered lines again
    const pid_t pid = fork();
    if (pid == 0) {
        std::freopen((dir / "statistics.txt").c_str(), "w", stdout);
        setenv("LC_ALL", "C.UTF-8", 1); // English statistics, read back below
        std::vector<char *> argv;
        for (std::string &a : args) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    std::vector<std::vector<uint64_t>> perMinute(size_t(o.seconds + 59) / 60);
    const auto start = std::chrono::steady_clock::now();
    for (int t = 2; t <= o.seconds; t += 2) {
        std::this_thread::sleep_until(start + std::chrono::seconds(t));
        perMinute[size_t(t - 1) / 60].push_back(residentKiB(pid));
    }
    kill(pid, SIGTERM);
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    const double cpuS = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                        double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;

    // Every event recorded (the statistics' total), and those in the files still on disk.
    uint64_t recorded = 0;
    std::ifstream statistics(dir / "statistics.txt");
    for (std::string line; std::getline(statistics, line);) {
        if (line.rfind("Total events:", 0) == 0) {
            recorded = std::stoull(line.substr(13));
        }
    }
    uint64_t events = 0, bytes = 0, ringbufFull = 0;
    for (const std::string &f : nt::traceSetFiles({dir.string()})) {
        const nt::TraceFileInfo info = nt::readTraceInfo(f);
        events += info.events;
        bytes += info.fileBytes;
        ringbufFull += info.meta.loss.ringbufFull;
    }
    std::printf("%s (exit %d)\n", cli.c_str(), WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    for (size_t m = 0; m < perMinute.size(); ++m) {
        std::vector<uint64_t> s = perMinute[m];
        if (s.empty()) {
            continue;
        }
        std::sort(s.begin(), s.end());
        std::printf(
            "  minute %2zu: resident MiB min %6.1f  median %6.1f  max %6.1f  (%zu samples)\n",
            m + 1, double(s.front()) / 1024, double(s[s.size() / 2]) / 1024,
            double(s.back()) / 1024, s.size());
    }
    std::printf("  events recorded %llu, in the files kept %llu, lost to the ring buffer %llu, "
                "files kept %zu\n",
                static_cast<unsigned long long>(recorded), static_cast<unsigned long long>(events),
                static_cast<unsigned long long>(ringbufFull),
                nt::traceSetFiles({dir.string()}).size());
    if (events != 0) {
        std::printf("  bytes on disk per event %.1f\n", double(bytes) / double(events));
    }
    if (recorded != 0) {
        std::printf("  CPU per event %.0f ns (user+system %.2f s)\n", cpuS * 1e9 / double(recorded),
                    cpuS);
    }
    fs::remove_all(dir);
}

} // namespace

int main(int argc, char **argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--seconds") {
            o.seconds = std::max(2, std::stoi(v));
        } else if (k == "--rate") {
            o.rate = std::stoull(v);
        } else if (k == "--baseline") {
            o.baseline = v;
        } else if (k == "--max-size") {
            o.maxSize = v;
        } else if (k == "--ring") {
            o.ring = v;
        } else if (k == "--cli") {
            o.cli = v;
        } else {
            std::fprintf(stderr, "unknown option %s\n", k.c_str());
            return 2;
        }
    }
    if (geteuid() != 0) {
        std::fprintf(stderr, "record_memory_bench needs root (it records a flood)\n");
        return 2;
    }
    nt::bench::UdpFlood flood("nt-rmb", "10.97.0");
    flood.begin(o.rate);
    std::printf("UDP flood at about %llu packets/s for %d s per recorder\n",
                static_cast<unsigned long long>(o.rate), o.seconds);
    run(o.cli, o, flood);
    if (!o.baseline.empty()) {
        run(o.baseline, o, flood);
    }
    flood.end();
    return 0;
}
