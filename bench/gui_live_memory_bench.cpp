// A long live trace in the desktop app's document: peak resident memory of a TraceDocument fed
// N million synthetic events (10 per packet, one packet every 10 µs), bounded by a live budget
// against unbounded, each in its own process.
//   gui_live_memory_bench [MILLION_EVENTS (default 5)] [BUDGET_MIB (default 64)]
#include "trace_document.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

// VmHWM (peak resident set) of this process in KiB.
uint64_t peakKiB() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            return std::stoull(line.substr(6));
        }
    }
    return 0;
}

void feed(nt::TraceDocument &doc, uint64_t events) {
    constexpr uint64_t kPerPacket = 10;
    constexpr uint64_t kSpacingNs = 10'000;
    constexpr uint64_t kPacketsPerBatch = 200;
    const uint64_t packets = events / kPerPacket;
    for (uint64_t first = 0; first < packets; first += kPacketsPerBatch) {
        nt::RecordBatch batch;
        for (uint64_t p = first; p < std::min(packets, first + kPacketsPerBatch); ++p) {
            const uint64_t skb = 0xffff888100000000ULL + (p % 512) * 0x100;
            const uint64_t t0 = 1'000'000'000 + p * kSpacingNs;
            nt::PacketHeader h;
            h.skb = skb;
            h.tsNs = t0;
            h.len = 60;
            h.protocol = 0x0800;
            h.data.assign(40, 0x45);
            batch.packetBefore.push_back(batch.events.size());
            batch.packets.push_back(h);
            for (uint64_t i = 0; i < kPerPacket; ++i) {
                nt::Event e{};
                e.type = NT_REC_EVENT;
                e.flags = i == 0 ? NT_EVF_FIRST : 0;
                e.probe = i + 1 == kPerPacket ? NT_PROBE_CONSUME_SKB : NT_PROBE_NETIF_RECEIVE_SKB;
                e.ts_ns = t0 + i * 700;
                e.skb = skb;
                e.ifindex = 2;
                e.len = 60;
                batch.events.push_back(e);
            }
        }
        doc.appendRecords(batch);
    }
}

// In a child: the peak resident memory and time of one live trace.
void measure(int argc, char **argv, uint64_t events, uint64_t budget) {
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid == 0) {
        QCoreApplication app(argc, argv);
        const uint64_t before = peakKiB();
        QElapsedTimer timer;
        timer.start();
        nt::TraceDocument doc;
        doc.setLiveBudget(budget);
        nt::Trace header;
        header.meta.startMonoNs = 1'000'000'000;
        doc.beginLive(header);
        feed(doc, events);
        doc.endLive(header.meta);
        std::printf("%-10s %6.1f M events: peak RSS +%7.1f MiB, %6.1f s, journeys in memory %zu, "
                    "dropped %llu\n",
                    budget ? "bounded" : "unbounded", double(events) / 1e6,
                    double(peakKiB() - before) / 1024.0, double(timer.elapsed()) / 1000.0,
                    doc.journeys().size(), static_cast<unsigned long long>(doc.droppedJourneys()));
        std::fflush(stdout);
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
}

} // namespace

int main(int argc, char **argv) {
    const double millions = argc > 1 ? std::atof(argv[1]) : 5.0;
    const uint64_t budgetMiB = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 64;
    const auto events = static_cast<uint64_t>(millions * 1e6);
    std::printf("live budget %llu MiB (default on this host: %llu MiB)\n",
                static_cast<unsigned long long>(budgetMiB),
                static_cast<unsigned long long>(nt::TraceDocument::defaultLiveBudget() >> 20));
    measure(argc, argv, events, budgetMiB << 20);
    measure(argc, argv, events, 0);
    return 0;
}
