// Event stream figures: encoded Records frames through a socketpair into the client's decoder
// (helper → GUI path) against the same batches consumed in-process; with root, also the real
// helper over a private bus against an in-process Recorder under the same UDP flood.
// Prints figures, asserts nothing.
#include "assembler.h"
#include "event_stream.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#ifdef NT_STREAM_BENCH_HELPER
#include "dbus_harness.h"
#include "netns.h"
#include "recorder.h"
#include "udp_flood.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#endif

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Batches shaped like a flood's: 6 events per skb, one header per skb, a few nft records.
std::vector<nt::stream::RecordsFrame> makeBatches(size_t count, size_t eventsPerBatch) {
    std::vector<nt::stream::RecordsFrame> out(count);
    uint64_t skb = 0xffff888000000000ull, ts = 1'000'000;
    for (auto &f : out) {
        for (size_t i = 0; i < eventsPerBatch; ++i) {
            if (i % 6 == 0) {
                skb += 0x100;
                nt::PacketHeader p;
                p.skb = skb;
                p.tsNs = ts;
                p.netns = 4026532000u;
                p.len = 92;
                p.protocol = 0x0800;
                p.data.assign(28, 0x45);
                f.batch.packetBefore.push_back(f.batch.events.size());
                f.batch.packets.push_back(std::move(p));
            }
            nt::Event e{};
            e.type = NT_REC_EVENT;
            e.probe = static_cast<uint16_t>(1 + i % 6);
            e.ts_ns = ts++;
            e.skb = skb;
            e.netns = 4026532000u;
            e.ifindex = 2;
            e.len = 92;
            e.protocol = 0x0800;
            f.batch.events.push_back(e);
        }
        nt::NftTraceRecord r;
        r.table = "nft_tracer_1";
        r.chain = "prerouting";
        r.networkHeader.assign(20, 0x45);
        r.transportHeader.assign(8, 1);
        f.nft.assign(4, r);
    }
    return out;
}

// What a live consumer does with a batch: the journey assembler, as the GUI will.
struct Consumer {
    nt::Assembler assembler{{}, {}};
    uint64_t events = 0;
    void operator()(const nt::RecordBatch &b, const std::vector<nt::NftTraceRecord> &nft) {
        assembler.add(b);
        for (const auto &r : nft) {
            assembler.add(r);
        }
        (void)assembler.takeCompleted();
        events += b.events.size();
    }
};

void syntheticFigures() {
    const size_t kBatches = 2000, kPerBatch = 1024;
    const auto batches = makeBatches(kBatches, kPerBatch);
    const double total = static_cast<double>(kBatches * kPerBatch);

    // Encoder and decoder alone.
    auto t0 = Clock::now();
    std::vector<std::string> frames;
    size_t bytes = 0;
    for (const auto &f : batches) {
        frames.push_back(nt::stream::encodeRecords(f.batch, f.nft, f.symbols));
        bytes += frames.back().size();
    }
    const double encodeS = since(t0);
    nt::stream::StreamDecoder dec;
    std::vector<nt::stream::StreamItem> items;
    const std::string start = nt::stream::encodeStreamStart() + nt::stream::encodeHeader({});
    dec.feed(start, items);
    items.clear();
    t0 = Clock::now();
    uint64_t decoded = 0;
    for (const auto &fr : frames) {
        dec.feed(fr, items);
        for (const auto &it : items) {
            decoded += std::get<nt::stream::RecordsFrame>(it).batch.events.size();
        }
        items.clear();
    }
    const double decodeS = since(t0);
    std::printf("codec: %.1f bytes/event on the wire\n", static_cast<double>(bytes) / total);
    std::printf("  encode  %.1f M events/s (%.0f MB/s)\n", total / encodeS / 1e6,
                static_cast<double>(bytes) / encodeS / 1e6);
    std::printf("  decode  %.1f M events/s (%.0f MB/s)\n",
                static_cast<double>(decoded) / decodeS / 1e6,
                static_cast<double>(bytes) / decodeS / 1e6);

    // In-process: the consumer gets the batches directly.
    Consumer inproc;
    t0 = Clock::now();
    for (const auto &f : batches) {
        inproc(f.batch, f.nft);
    }
    const double inprocS = since(t0);

    // Through the stream: encode in one thread, socketpair, read + decode + consume in another.
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
        std::perror("socketpair");
        return;
    }
    Consumer streamed;
    t0 = Clock::now();
    std::thread writer([&] {
        const std::string s = start;
        (void)!write(sv[0], s.data(), s.size());
        for (const auto &f : batches) {
            const std::string fr = nt::stream::encodeRecords(f.batch, f.nft, f.symbols);
            size_t off = 0;
            while (off < fr.size()) {
                const ssize_t n = write(sv[0], fr.data() + off, fr.size() - off);
                if (n <= 0) {
                    return;
                }
                off += static_cast<size_t>(n);
            }
        }
        close(sv[0]);
    });
    nt::stream::StreamDecoder d2;
    std::vector<char> buf(256 << 10);
    for (;;) {
        const ssize_t n = read(sv[1], buf.data(), buf.size());
        if (n <= 0) {
            break;
        }
        d2.feed(buf.data(), static_cast<size_t>(n), items);
        for (auto &it : items) {
            if (auto *r = std::get_if<nt::stream::RecordsFrame>(&it)) {
                streamed(r->batch, r->nft);
            }
        }
        items.clear();
    }
    writer.join();
    close(sv[1]);
    const double streamS = since(t0);
    const double a = static_cast<double>(inproc.events) / inprocS;
    const double b = static_cast<double>(streamed.events) / streamS;
    std::printf("assembler consumer, %zu events:\n", static_cast<size_t>(total));
    std::printf("  in-process               %.2f M events/s\n", a / 1e6);
    std::printf("  encode+socket+decode     %.2f M events/s  (ratio %.2f)\n", b / 1e6, b / a);
}

#ifdef NT_STREAM_BENCH_HELPER
uint64_t field(const std::string &line, const std::string &key) {
    const size_t at = line.find(key + "=");
    return at == std::string::npos ? 0
                                   : std::strtoull(line.c_str() + at + key.size() + 1, nullptr, 10);
}

void helperFigures(double seconds) {
    if (const std::string why = nt::test::missingDbusSetup(); !why.empty()) {
        std::printf("helper path: skipped (%s)\n", why.c_str());
        return;
    }
    nt::bench::UdpFlood flood("nt-sbench", "10.97.0");
    // In-process: what nft-tracer-cli record does, minus the file.
    double inprocRate = 0;
    {
        nt::RecorderOptions ro;
        ro.netns = flood.b;
        ro.filter = "udp port 9999";
        nt::Recorder rec(ro);
        Consumer c;
        flood.begin();
        nt::RecordBatch batch;
        std::vector<nt::NftTraceRecord> nft;
        const auto t0 = Clock::now();
        while (since(t0) < seconds) {
            rec.poll(50, batch, nft, nt::Recorder::kPollBatch);
            c(batch, nft);
            batch.clear();
            nft.clear();
        }
        rec.stop(batch, nft);
        c(batch, nft);
        const double wall = since(t0);
        flood.end();
        const nt::LossCounters loss = rec.counters();
        inprocRate = static_cast<double>(c.events) / wall;
        std::printf("in-process recorder: %.0f events/s, %llu packets sent, ringbuf lost %llu\n",
                    inprocRate, static_cast<unsigned long long>(flood.sent.load()),
                    static_cast<unsigned long long>(loss.ringbufFull));
    }
    nt::test::DbusHarness harness;
    if (const std::string err = harness.start(); !err.empty()) {
        std::printf("helper path: cannot start the private bus: %s\n", err.c_str());
        return;
    }
    nt::test::Child client;
    harness.runClient(client, nt::test::kAllowUser,
                      {"trace", "--quiet", "--stop-after-ms",
                       std::to_string(static_cast<int>(seconds * 1000)), "netns:s=" + flood.b,
                       "filter:s=udp port 9999"});
    if (!client.waitForLine("STATE Running", 30000)) {
        std::printf("helper path: trace did not start: %s\n", client.out().c_str());
        return;
    }
    flood.begin();
    const auto fin = client.waitForLine("FINISHED ", static_cast<int>(seconds * 1000) + 30000);
    flood.end();
    if (!fin) {
        std::printf("helper path: no FINISHED line: %s\n", client.out().c_str());
        return;
    }
    if (std::getenv("NT_BENCH_VERBOSE") != nullptr) {
        std::printf("%s\n", client.out().c_str());
    }
    const double dur = static_cast<double>(field(*fin, "duration_ns")) / 1e9;
    const double rate = static_cast<double>(field(*fin, "events")) / dur;
    const auto counters = client.lines("COUNTERS ");
    const uint64_t dropped = counters.empty() ? 0 : field(counters.back(), "stream_dropped_events");
    std::printf("helper over fd to client: %.0f events/s, %llu packets sent, ringbuf lost %llu, "
                "stream dropped %llu  (ratio %.2f)\n",
                rate, static_cast<unsigned long long>(flood.sent.load()),
                static_cast<unsigned long long>(field(*fin, "ringbuf_full")),
                static_cast<unsigned long long>(dropped), inprocRate > 0 ? rate / inprocRate : 0);
}
#endif

} // namespace

int main(int argc, char **argv) {
    syntheticFigures();
#ifdef NT_STREAM_BENCH_HELPER
    if (geteuid() == 0) {
        helperFigures(argc > 1 ? std::atof(argv[1]) : 5.0);
    } else {
        std::printf("helper path: skipped (needs root)\n");
    }
#else
    (void)argc;
    (void)argv;
#endif
    return 0;
}
