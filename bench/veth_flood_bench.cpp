// Per-packet cost of tracing, side by side in one run: UDP flood packets/s between two namespaces
// over veth, untraced, under `nft-tracer-cli record` tracing everything in the receiving
// namespace, under the recorder with a filter that matches nothing (`tcp` in a UDP flood), under
// `nft monitor trace` with one `meta nftrace set 1` rule, and untraced again (the drift of the
// machine between the first and the last). Prints each rate as a share of untraced, the events
// kept and every loss counter; asserts nothing. Needs root. Also made to run inside the VM
// tests' guest (scripts/vm-bench.sh), where nothing else competes for the CPU.
//
// With --before PATH, another build's CLI (e.g. the main branch's) also records, for before/after
// figures in the same run. With --keep DIR the recorded files stay there (one per run).
//
//   veth_flood_bench [--seconds S] [--cli PATH] [--before PATH] [--only all|none|monitor]
//                    [--keep DIR] [-- MORE RECORD OPTIONS]
#include "assembler.h"
#include "nft_join_counters.h"
#include "subprocess.h"
#include "tracefile.h"
#include "udp_flood.h"

#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <sys/stat.h>

namespace {

// Where recordRun leaves its files; empty: they are removed.
std::string g_keepDir;

// Packets/s the flood sends in `seconds` (on one CPU each send runs the receive path too).
double floodRate(nt::bench::UdpFlood &flood, double seconds, uint64_t *sent = nullptr) {
    flood.begin();
    const auto t0 = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    const uint64_t n = flood.sent.load();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    flood.end();
    if (sent != nullptr) {
        *sent = n;
    }
    return static_cast<double>(n) / wall;
}

int sh(const std::string &cmd) {
    return std::system(cmd.c_str());
}

struct Run {
    std::string name;
    double pps = 0;
    uint64_t sent = 0;
    std::string detail; // events kept and loss, or why the run failed
};

// The recorder on the flood, then what its file kept and lost.
Run recordRun(nt::bench::UdpFlood &flood, double seconds, const std::string &cli,
              const std::string &name, const std::vector<std::string> &options) {
    Run run;
    run.name = name;
    const std::string file = "/tmp/nt-veth-flood-bench-" + std::to_string(getpid()) + ".nftrace";
    nt::TraceWriter::discard(file);
    std::vector<std::string> argv{cli, "record", "--netns", flood.b, "--quiet", "-o", file};
    argv.insert(argv.end(), options.begin(), options.end());
    nt::test::Subprocess rec(argv);
    if (!rec.waitForStderr("Recording", 300000)) {
        run.detail = "the recorder did not start: " + rec.err();
        return run;
    }
    run.pps = floodRate(flood, seconds, &run.sent);
    rec.signal(SIGINT);
    const int status = rec.wait(300000);
    if (status != 0) {
        run.detail = "the recorder exited with " + std::to_string(status) + ": " + rec.err();
        nt::TraceWriter::discard(file);
        return run;
    }
    try {
        const nt::Trace t = nt::readTrace(file);
        const nt::Assembler a = nt::Assembler::assemble(t);
        const nt::AssemblerCounters &c = a.counters();
        const nt::LossCounters &l = t.meta.loss;
        char buf[512];
        std::snprintf(buf, sizeof buf,
                      "events kept %zu (%.2f per packet sent), packets %zu, journeys %zu, nft "
                      "records %zu\n      lost: ring buffer %llu, tracking map %llu, nft "
                      "socket overflows %llu; in-kernel filter skipped %llu, excluded %llu; "
                      "stream dropped: none (the CLI writes the file itself)\n",
                      t.events.size(),
                      run.sent ? static_cast<double>(t.events.size()) / double(run.sent) : 0.0,
                      t.packets.size(), a.journeyCount(), t.nft.size(),
                      static_cast<unsigned long long>(l.ringbufFull),
                      static_cast<unsigned long long>(l.trackFull),
                      static_cast<unsigned long long>(l.nftLost),
                      static_cast<unsigned long long>(l.filtered),
                      static_cast<unsigned long long>(l.excluded));
        run.detail = buf;
        struct stat st {};
        if (::stat(file.c_str(), &st) == 0 && !t.events.empty()) {
            std::snprintf(buf, sizeof buf, "    file %lld bytes, %.1f bytes per event\n",
                          static_cast<long long>(st.st_size),
                          static_cast<double>(st.st_size) / double(t.events.size()));
            run.detail += buf;
        }
        char *line = nullptr;
        size_t len = 0;
        if (FILE *mem = open_memstream(&line, &len)) {
            nt::bench::printNftJoin(c, t.nft.size(), mem);
            std::fclose(mem);
            run.detail += "    " + std::string(line, len);
            std::free(line);
        }
    } catch (const nt::Error &e) {
        run.detail = "cannot read the trace: " + e.message().toStdString() + "\n";
    }
    if (!g_keepDir.empty()) {
        std::string kept = name;
        for (char &c : kept) {
            if (std::isalnum(static_cast<unsigned char>(c)) == 0) {
                c = '-';
            }
        }
        const std::string to = g_keepDir + "/" + kept + ".nftrace";
        if (std::rename(file.c_str(), to.c_str()) == 0) {
            run.detail += "    kept as " + to + "\n";
            return run;
        }
    }
    nt::TraceWriter::discard(file);
    return run;
}

// `nft monitor trace` on the flood, with one rule setting nftrace in a table of our own.
Run monitorRun(nt::bench::UdpFlood &flood, double seconds) {
    Run run;
    run.name = "nft monitor trace";
    const std::string table = "nt_flood_bench_" + std::to_string(getpid());
    const std::string inNs = "ip netns exec " + flood.b + " ";
    if (sh(inNs + "nft add table inet " + table + " && " + inNs + "nft add chain inet " + table +
           " pre '{ type filter hook prerouting priority -350; }' && " + inNs +
           "nft add rule inet " + table + " pre meta nftrace set 1") != 0) {
        run.detail = "cannot create the nftrace table\n";
        return run;
    }
    const std::string out = "/tmp/nt-veth-flood-monitor-" + std::to_string(getpid()) + ".txt";
    // stdout to a file: a pipe nobody reads during the flood would stall nft itself.
    nt::test::Subprocess mon(
        {"/bin/sh", "-c", "exec " + inNs + "nft monitor trace >" + out + " 2>&1"});
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    run.pps = floodRate(flood, seconds, &run.sent);
    std::this_thread::sleep_for(std::chrono::milliseconds(500)); // let it print what it has
    mon.signal(SIGTERM);
    mon.wait(30000);
    sh(inNs + "nft delete table inet " + table);
    std::ifstream f(out);
    std::string line;
    uint64_t lines = 0, packetLines = 0;
    std::set<std::string> ids;
    while (std::getline(f, line)) {
        ++lines;
        if (line.find(" packet: ") != std::string::npos) {
            ++packetLines;
        }
        if (line.rfind("trace id ", 0) == 0) {
            ids.insert(line.substr(9, line.find(' ', 9) - 9));
        }
    }
    std::remove(out.c_str());
    // Each traced packet gives three messages here: the packet, the rule, the chain's policy.
    char buf[400];
    std::snprintf(buf, sizeof buf,
                  "messages printed %llu of %llu expected (3 per packet sent: %.1f %%); packets "
                  "printed %llu of %llu sent, distinct trace ids %zu; nft monitor reports no "
                  "loss\n",
                  static_cast<unsigned long long>(lines),
                  static_cast<unsigned long long>(3 * run.sent),
                  run.sent ? 100.0 * double(lines) / double(3 * run.sent) : 0.0,
                  static_cast<unsigned long long>(packetLines),
                  static_cast<unsigned long long>(run.sent), ids.size());
    run.detail = buf;
    return run;
}

} // namespace

int main(int argc, char **argv) {
    double seconds = 5;
    std::string cli = "/usr/bin/nft-tracer-cli";
    std::string only, before;
    std::vector<std::string> more;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--seconds" && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
        } else if (a == "--cli" && i + 1 < argc) {
            cli = argv[++i];
        } else if (a == "--before" && i + 1 < argc) {
            before = argv[++i];
        } else if (a == "--only" && i + 1 < argc) {
            only = argv[++i];
        } else if (a == "--keep" && i + 1 < argc) {
            g_keepDir = argv[++i];
        } else if (a == "--") {
            more.assign(argv + i + 1, argv + argc);
            break;
        } else {
            std::fprintf(stderr,
                         "usage: veth_flood_bench [--seconds S] [--cli PATH] [--before PATH] "
                         "[--only all|none|monitor] [--keep DIR] [-- MORE RECORD OPTIONS]\n");
            return 2;
        }
    }
    if (geteuid() != 0) {
        std::fprintf(stderr, "veth_flood_bench needs root (namespaces, BPF)\n");
        return 77;
    }
    nt::bench::UdpFlood flood("nt-flood-" + std::to_string(getpid() % 100000), "10.97.0");
    floodRate(flood, 1); // warm up: neighbour entries, caches
    std::vector<Run> runs;
    Run first;
    first.name = "untraced";
    first.pps = floodRate(flood, seconds, &first.sent);
    runs.push_back(first);
    std::vector<std::string> all = more, none = more;
    none.insert(none.begin(), {"--filter", "tcp"});
    if (only.empty() || only == "all") {
        runs.push_back(recordRun(flood, seconds, cli, "record, everything traced", all));
        if (!before.empty()) {
            runs.push_back(recordRun(flood, seconds, before, "before: everything traced", all));
        }
    }
    if (only.empty() || only == "none") {
        runs.push_back(
            recordRun(flood, seconds, cli, "record --filter tcp (matches nothing)", none));
        if (!before.empty()) {
            runs.push_back(recordRun(flood, seconds, before, "before: --filter tcp", none));
        }
    }
    if (only.empty() || only == "monitor") {
        runs.push_back(monitorRun(flood, seconds));
    }
    Run after;
    after.name = "untraced again";
    after.pps = floodRate(flood, seconds, &after.sent);
    runs.push_back(after);

    const double untraced = (first.pps + after.pps) / 2;
    std::string summary;
    for (const std::string &a : more) {
        summary += " " + a;
    }
    std::printf("veth flood, %.0f s each, 64-byte UDP datagrams, one sender thread%s%s:\n", seconds,
                more.empty() ? "" : ", record options", summary.c_str());
    for (const Run &r : runs) {
        std::printf("  %-38s %10.0f packets/s  %5.3f x untraced\n", r.name.c_str(), r.pps,
                    untraced > 0 ? r.pps / untraced : 0.0);
        if (!r.detail.empty()) {
            std::printf("      %s", r.detail.c_str());
        }
    }
    std::printf("  (untraced: the mean of the first and last runs)\n");
    return 0;
}
