// Whole-pipeline figures under a UDP flood between two namespaces: BPF → ring buffer →
// assembly → trace file, with every loss counter. Needs root; prints figures, asserts nothing.
#include "assembler.h"
#include "netns.h"
#include "nft_join_counters.h"
#include "recorder.h"
#include "tracefile.h"
#include "udp_flood.h"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

int main(int argc, char **argv) {
    if (geteuid() != 0) {
        std::fprintf(stderr, "pipeline_bench needs root (BPF, namespaces)\n");
        return 77;
    }
    const double seconds = argc > 1 ? std::atof(argv[1]) : 5.0;
    nt::bench::UdpFlood flood("nt-bench", "10.98.0");
    const std::string path = "/tmp/nt-pipeline-bench.nftrace";
    nt::TraceWriter::discard(path);

    nt::RecorderOptions ro;
    ro.netns = flood.b;
    // Second argument: the filter; "all" traces everything in the namespace.
    ro.filter = argc > 2 ? (std::strcmp(argv[2], "all") == 0 ? "" : argv[2]) : "udp port 9999";
    nt::Recorder rec(ro);
    nt::TraceWriter writer(path, rec.meta(), true);
    writer.setProbes(rec.probes());
    writer.setDropReasons(rec.dropReasons());
    nt::Assembler assembler(rec.probes(), rec.dropReasons());
    // Third argument: datagrams per second (default: as fast as one thread sends).
    flood.begin(argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 0);

    nt::RecordBatch batch;
    std::vector<nt::NftTraceRecord> nft;
    uint64_t events = 0, packets = 0, nftRecords = 0;
    double cpuProcess = 0; // CPU seconds this thread spent in assembly + writing
    auto threadCpu = [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
    };
    const auto t0 = std::chrono::steady_clock::now();
    auto consume = [&] {
        const double c0 = threadCpu();
        assembler.add(batch);
        for (const auto &r : nft) {
            assembler.add(r);
            writer.append(r);
        }
        for (const auto &h : batch.packets) {
            writer.append(h);
        }
        writer.append(batch.events);
        writer.commit();
        (void)assembler.takeCompleted();
        cpuProcess += threadCpu() - c0;
        events += batch.events.size();
        packets += batch.packets.size();
        nftRecords += nft.size();
        batch.clear();
        nft.clear();
    };
    uint64_t lostSoFar = 0;
    auto checkLoss = [&] { // as the CLI does: nft records near a loss that find no packet
        const uint64_t lost = rec.counters().ringbufFull;
        if (lost > lostSoFar) {
            lostSoFar = lost;
            assembler.noteLoss(assembler.now());
        }
    };
    auto lastCheck = t0;
    while (std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < seconds) {
        rec.poll(50, batch, nft, nt::Recorder::kPollBatch);
        consume();
        if (std::chrono::steady_clock::now() - lastCheck > std::chrono::milliseconds(50)) {
            checkLoss();
            lastCheck = std::chrono::steady_clock::now();
        }
    }
    checkLoss();
    flood.end();
    rec.stop(batch, nft);
    consume();
    assembler.flush();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const nt::LossCounters loss = rec.counters();
    writer.finish(rec.meta());
    struct stat st {};
    stat(path.c_str(), &st);

    std::printf("pipeline: %.1f s flood, %llu packets sent\n", wall,
                static_cast<unsigned long long>(flood.sent.load()));
    std::printf("  events received      %llu (%.0f events/s wall)\n",
                static_cast<unsigned long long>(events), static_cast<double>(events) / wall);
    std::printf("  assembly+file        %.0f events/s of consumer CPU time (%.2f s CPU)\n",
                cpuProcess > 0 ? static_cast<double>(events) / cpuProcess : 0.0, cpuProcess);
    std::printf("  packets tracked      %llu, nft records %llu\n",
                static_cast<unsigned long long>(packets),
                static_cast<unsigned long long>(nftRecords));
    std::printf("  lost: ring buffer %llu, tracking map %llu, nft %llu\n",
                static_cast<unsigned long long>(loss.ringbufFull),
                static_cast<unsigned long long>(loss.trackFull),
                static_cast<unsigned long long>(loss.nftLost));
    nt::bench::printNftJoin(assembler.counters(), nftRecords);
    std::printf("  assembler memory     %.1f bytes/event\n",
                events ? static_cast<double>(assembler.memoryBytes()) / static_cast<double>(events)
                       : 0.0);
    std::printf("  file                 %.1f bytes/event on disk (%lld bytes)\n",
                events ? static_cast<double>(st.st_size) / static_cast<double>(events) : 0.0,
                static_cast<long long>(st.st_size));
    nt::TraceWriter::discard(path);
    return 0;
}
