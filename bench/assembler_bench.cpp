// Throughput and memory per event of the incremental journey assembler on a realistic mix.
#include "assembler.h"

#include <benchmark/benchmark.h>

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <variant>
#include <vector>

namespace {

using Record = std::variant<nt::Event, nt::PacketHeader, nt::NftTraceRecord>;

std::vector<uint8_t> tcpPacket(uint32_t i) {
    std::vector<uint8_t> b(40, 0);
    b[0] = 0x45;
    b[2] = 0;
    b[3] = 40;
    b[4] = static_cast<uint8_t>(i >> 8);
    b[5] = static_cast<uint8_t>(i);
    b[8] = 64;
    b[9] = 6;
    const uint8_t addrs[8] = {10, 0, 0, 1, 10, 0, static_cast<uint8_t>(i >> 16), 2};
    std::memcpy(&b[12], addrs, 8);
    b[20] = 0x9c;
    b[21] = static_cast<uint8_t>(i);
    b[23] = 22;
    std::memcpy(&b[24], &i, 4); // sequence number
    b[32] = 0x50;
    b[33] = 0x10;
    return b;
}

// `events` events: 10 per packet (3 tracepoints on receive, 5 function probes, tcp_probe, the
// free), 100k packets/s of simulated time on 4 CPUs, 20% of packets with a 2-record nft walk,
// skb addresses recycled from a pool. Arrival order: each CPU's ring buffer is read in turn,
// so records are time-sorted per CPU but up to a read period apart across CPUs.
std::vector<Record> makeStream(size_t events) {
    constexpr uint64_t kPacketGapNs = 10'000;
    constexpr uint64_t kEventGapNs = 500;
    constexpr uint64_t kReadPeriodNs = 50'000;
    constexpr uint64_t kNftDelayNs = 30'000;
    const uint16_t probes[10] = {
        NT_PROBE_NETIF_RECEIVE_SKB, NT_PROBE_NAPI_GRO_RECEIVE_ENTRY, NT_PROBE_NAPI_GRO_RECEIVE_EXIT,
        NT_PROBE_FUNCTION_BASE,     NT_PROBE_FUNCTION_BASE + 1,      NT_PROBE_FIB_TABLE_LOOKUP,
        NT_PROBE_FUNCTION_BASE + 2, NT_PROBE_FUNCTION_BASE + 3,      NT_PROBE_TCP_PROBE,
        NT_PROBE_CONSUME_SKB};
    std::mt19937 rng(42);
    struct Keyed {
        uint64_t arrival;
        uint64_t seq;
        Record rec;
    };
    std::vector<Keyed> all;
    all.reserve(events + events / 10 * 2);
    const size_t packets = events / 10;
    uint64_t seq = 0;
    for (size_t p = 0; p < packets; ++p) {
        const uint64_t t0 = 1'000'000'000 + p * kPacketGapNs;
        const auto cpu = static_cast<uint16_t>(p % 4);
        const uint64_t skb = 0xffff888100000000ULL + (rng() % 8192) * 0x100;
        // A CPU's records become visible at the next read of its buffer.
        auto arrival = [&](uint64_t ts) {
            const uint64_t phase = cpu * (kReadPeriodNs / 4);
            return ((ts + phase) / kReadPeriodNs + 1) * kReadPeriodNs - phase;
        };
        nt::PacketHeader h;
        h.skb = skb;
        h.tsNs = t0;
        h.protocol = 0x0800;
        h.data = tcpPacket(static_cast<uint32_t>(p));
        all.push_back({arrival(t0), seq++, h});
        for (int i = 0; i < 10; ++i) {
            nt::Event e{};
            e.type = NT_REC_EVENT;
            e.probe = probes[i];
            e.flags = i == 0 ? NT_EVF_FIRST : 0;
            e.cpu = cpu;
            e.ts_ns = t0 + static_cast<uint64_t>(i) * kEventGapNs;
            e.skb = skb;
            e.ifindex = 2;
            e.netns = 4026531840;
            e.len = 40;
            all.push_back({arrival(e.ts_ns), seq++, e});
        }
        if (rng() % 5 == 0) {
            nt::NftTraceRecord r;
            r.tsNs = t0 + 3 * kEventGapNs + kNftDelayNs;
            r.id = static_cast<uint32_t>(p);
            r.family = 1;
            r.nfproto = 2;
            r.table = "fw";
            r.chain = "input";
            r.type = nt::NftTraceType::Rule;
            r.ruleHandle = 4;
            r.verdict = nt::verdict::Continue;
            r.iif = 2;
            const std::vector<uint8_t> pkt = tcpPacket(static_cast<uint32_t>(p));
            r.networkHeader.assign(pkt.begin(), pkt.begin() + 20);
            r.transportHeader.assign(pkt.begin() + 20, pkt.end());
            all.push_back({r.tsNs, seq++, r});
            nt::NftTraceRecord pol = r;
            pol.networkHeader.clear();
            pol.transportHeader.clear();
            pol.type = nt::NftTraceType::Policy;
            pol.verdict = nt::verdict::Accept;
            pol.ruleHandle = 0;
            pol.tsNs += 1000;
            all.push_back({pol.tsNs, seq++, pol});
        }
    }
    std::stable_sort(all.begin(), all.end(), [](const Keyed &a, const Keyed &b) {
        return a.arrival != b.arrival ? a.arrival < b.arrival : a.seq < b.seq;
    });
    std::vector<Record> out;
    out.reserve(all.size());
    for (Keyed &k : all) {
        out.push_back(std::move(k.rec));
    }
    return out;
}

std::vector<nt::ProbeDesc> functionProbes() {
    return {{NT_PROBE_FUNCTION_BASE, "ip_rcv", "kprobe", true, ""},
            {NT_PROBE_FUNCTION_BASE + 1, "ip_rcv_finish", "kprobe", true, ""},
            {NT_PROBE_FUNCTION_BASE + 2, "ip_local_deliver", "kprobe", true, ""},
            {NT_PROBE_FUNCTION_BASE + 3, "tcp_v4_rcv", "kprobe", true, ""}};
}

size_t feedOnce(const std::vector<Record> &stream, nt::Assembler &a, size_t *liveBytes = nullptr) {
    size_t completed = 0;
    size_t n = 0;
    for (const Record &r : stream) {
        std::visit([&a](const auto &x) { a.add(x); }, r);
        if ((++n & 1023) == 0) {
            completed += a.takeCompleted().size(); // as the live view would
        }
    }
    if (liveBytes) {
        *liveBytes = a.memoryBytes();
    }
    a.flush();
    completed += a.takeCompleted().size();
    return completed;
}

size_t heapBytes() {
    const struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

void BM_AssembleLive(benchmark::State &state) {
    const auto events = static_cast<size_t>(state.range(0));
    const std::vector<Record> stream = makeStream(events);
    double accounted = 0, heap = 0, live = 0;
    for (auto _ : state) {
        const size_t before = heapBytes();
        nt::Assembler a(functionProbes());
        size_t liveBytes = 0;
        benchmark::DoNotOptimize(feedOnce(stream, a, &liveBytes));
        live = static_cast<double>(liveBytes) / static_cast<double>(events);
        const size_t after = heapBytes();
        accounted = static_cast<double>(a.memoryBytes()) / static_cast<double>(events);
        heap = static_cast<double>(after - before) / static_cast<double>(events);
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * events));
    state.counters["bytes_per_event"] = accounted;
    state.counters["heap_bytes_per_event"] = heap;
    // Before flush(): staging and join indexes for the grace and nft windows included.
    state.counters["live_bytes_per_event"] = live;
}
BENCHMARK(BM_AssembleLive)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

} // namespace

// `assembler_bench --once N`: feed N events once and exit, for
// `valgrind --tool=callgrind assembler_bench --once 100000` (instructions per event).
int main(int argc, char **argv) {
    if (argc == 3 && std::strcmp(argv[1], "--once") == 0) {
        const std::vector<Record> stream = makeStream(std::stoul(argv[2]));
        nt::Assembler a(functionProbes());
        const size_t journeys = feedOnce(stream, a);
        std::printf("%zu records, %llu events, %zu journeys, %zu bytes\n", stream.size(),
                    static_cast<unsigned long long>(a.counters().events), journeys,
                    a.memoryBytes());
        return 0;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
