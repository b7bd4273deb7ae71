// Whole-pipeline figures under a UDP flood between two namespaces: BPF → ring buffer →
// assembly → trace file, with every loss counter. Needs root; prints figures, asserts nothing.
#include "assembler.h"
#include "netns.h"
#include "recorder.h"
#include "tracefile.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <thread>

namespace {

int sh(const std::string &cmd) {
    return std::system((cmd + " >/dev/null 2>&1").c_str());
}

struct Net {
    std::string a = "nt-bench-a", b = "nt-bench-b";
    Net() {
        sh("ip netns del " + a);
        sh("ip netns del " + b);
        sh("ip netns add " + a);
        sh("ip netns add " + b);
        sh("ip -n " + a + " link add veth-a type veth peer name veth-b netns " + b);
        sh("ip -n " + a + " addr add 10.98.0.1/24 dev veth-a");
        sh("ip -n " + b + " addr add 10.98.0.2/24 dev veth-b");
        sh("ip -n " + a + " link set veth-a up");
        sh("ip -n " + b + " link set veth-b up");
    }
    ~Net() {
        sh("ip netns del " + a);
        sh("ip netns del " + b);
    }
};

} // namespace

int main(int argc, char **argv) {
    if (geteuid() != 0) {
        std::fprintf(stderr, "pipeline_bench needs root (BPF, namespaces)\n");
        return 77;
    }
    const double seconds = argc > 1 ? std::atof(argv[1]) : 5.0;
    Net net;
    const std::string path = "/tmp/nt-pipeline-bench.nftrace";
    nt::TraceWriter::discard(path);

    std::atomic<bool> stop{false};
    std::atomic<uint64_t> sent{0};
    // Sender in A, receiver socket in B (so packets are delivered, not dropped for no socket).
    const nt::NetnsHandle nsA = nt::NetnsHandle::byName(net.a);
    const nt::NetnsHandle nsB = nt::NetnsHandle::byName(net.b);
    int rx = -1;
    {
        nt::NetnsGuard g(&nsB);
        rx = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(9999);
        bind(rx, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    }

    nt::RecorderOptions ro;
    ro.netns = net.b;
    ro.filter = "udp port 9999";
    nt::Recorder rec(ro);
    nt::TraceWriter writer(path, rec.meta(), true);
    writer.setProbes(rec.probes());
    writer.setDropReasons(rec.dropReasons());
    nt::Assembler assembler(rec.probes(), rec.dropReasons());

    std::thread sender([&] {
        nt::NetnsGuard g(&nsA);
        const int fd = socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in dst{};
        dst.sin_family = AF_INET;
        dst.sin_port = htons(9999);
        inet_pton(AF_INET, "10.98.0.2", &dst.sin_addr);
        char payload[64] = {};
        while (!stop.load(std::memory_order_relaxed)) {
            for (int i = 0; i < 64; ++i) {
                sendto(fd, payload, sizeof payload, 0, reinterpret_cast<sockaddr *>(&dst),
                       sizeof dst);
            }
            sent.fetch_add(64, std::memory_order_relaxed);
        }
        close(fd);
    });
    std::thread drainer([&] {
        char buf[256];
        while (!stop.load(std::memory_order_relaxed)) {
            while (recv(rx, buf, sizeof buf, 0) > 0) {
            }
            usleep(1000);
        }
    });

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
        rec.poll(50, batch, nft);
        consume();
    }
    stop = true;
    sender.join();
    drainer.join();
    rec.stop(batch, nft);
    consume();
    assembler.flush();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const nt::LossCounters loss = rec.counters();
    writer.finish(rec.meta());
    close(rx);
    struct stat st {};
    stat(path.c_str(), &st);

    std::printf("pipeline: %.1f s flood, %llu packets sent\n", wall,
                static_cast<unsigned long long>(sent.load()));
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
