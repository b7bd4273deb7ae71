// Per-packet cost of tracing: UDP flood packets/s between two namespaces over veth, first
// untraced, then while `nft-tracer-cli record` traces the receiving namespace. Prints both
// rates and their ratio; asserts nothing. Needs root. Made to run inside the VM tests' guest
// (scripts/vm-bench.sh), where the kernel is Debian's and nothing else competes for the CPU.
//
//   veth_flood_bench [--seconds S] [--cli PATH] [-- MORE RECORD OPTIONS]
#include "subprocess.h"
#include "udp_flood.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

// Packets/s the flood sends in `seconds` (on one CPU each send runs the receive path too).
double floodRate(nt::bench::UdpFlood &flood, double seconds) {
    flood.begin();
    const auto t0 = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    const uint64_t sent = flood.sent.load();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    flood.end();
    return static_cast<double>(sent) / wall;
}

} // namespace

int main(int argc, char **argv) {
    double seconds = 5;
    std::string cli = "/usr/bin/nft-tracer-cli";
    std::vector<std::string> more;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--seconds" && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
        } else if (a == "--cli" && i + 1 < argc) {
            cli = argv[++i];
        } else if (a == "--") {
            more.assign(argv + i + 1, argv + argc);
            break;
        } else {
            std::fprintf(stderr, "usage: veth_flood_bench [--seconds S] [--cli PATH] [-- RECORD "
                                 "OPTIONS]\n");
            return 2;
        }
    }
    if (geteuid() != 0) {
        std::fprintf(stderr, "veth_flood_bench needs root (namespaces, BPF)\n");
        return 77;
    }
    nt::bench::UdpFlood flood("nt-flood", "10.97.0");
    floodRate(flood, 1); // warm up: neighbour entries, caches
    const double untraced = floodRate(flood, seconds);

    const std::string file = "/tmp/nt-veth-flood-bench.nftrace";
    std::remove(file.c_str());
    std::vector<std::string> argv2{cli,  "record", "--netns",  flood.b,        "--quiet",
                                   "-o", file,     "--filter", "udp port 9999"};
    argv2.insert(argv2.end(), more.begin(), more.end());
    nt::test::Subprocess rec(argv2);
    if (!rec.waitForStderr("Recording", 300000)) {
        std::fprintf(stderr, "the recorder did not start:\n%s\n", rec.err().c_str());
        return 1;
    }
    const double traced = floodRate(flood, seconds);
    rec.signal(SIGINT);
    const int status = rec.wait(300000);
    std::string summary;
    for (const std::string &a : more) {
        summary += " " + a;
    }

    std::printf("veth flood, %.0f s each, 64-byte UDP datagrams, record%s:\n", seconds,
                summary.c_str());
    std::printf("  untraced  %10.0f packets/s\n", untraced);
    std::printf("  traced    %10.0f packets/s\n", traced);
    std::printf("  ratio     %10.3f (traced / untraced)\n", untraced > 0 ? traced / untraced : 0.0);
    if (status != 0) {
        std::fprintf(stderr, "the recorder exited with %d:\n%s\n", status, rec.err().c_str());
        return 1;
    }
    std::remove(file.c_str());
    return 0;
}
