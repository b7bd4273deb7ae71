// Whole-pipeline figures under a UDP flood between two namespaces: BPF → ring buffer →
// assembly → trace file, with every loss counter. Needs root; prints figures, asserts nothing.
#include "assembler.h"
#include "netns.h"
#include "recorder.h"
#include "tracefile.h"
#include "udp_flood.h"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
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
    ro.filter = "udp port 9999";
    nt::Recorder rec(ro);
    nt::TraceWriter writer(path, rec.meta(), true);
    writer.setProbes(rec.probes());
    writer.setDropReasons(rec.dropReasons());
    nt::Assembler assembler(rec.probes(), rec.dropReasons());
    flood.begin();

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
    while (std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < seconds) {
        rec.poll(50, batch, nft, nt::Recorder::kPollBatch);
        consume();
    }
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
    std::printf("  assembler memory     %.1f bytes/event\n",
                events ? static_cast<double>(assembler.memoryBytes()) / static_cast<double>(events)
                       : 0.0);
    std::printf("  file                 %.1f bytes/event on disk (%lld bytes)\n",
                events ? static_cast<double>(st.st_size) / static_cast<double>(events) : 0.0,
                static_cast<long long>(st.st_size));
    nt::TraceWriter::discard(path);
    return 0;
}
