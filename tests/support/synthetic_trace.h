// A synthetic trace file of any size for benchmarks and tests of big-file handling.
#pragma once

#include "tracefile.h"

#include <cstdint>
#include <string>
#include <vector>

namespace nt::test {

// `packets` packets of 10 events each (TCP SYNs 10.0.0.1 -> 10.0.0.2:443, one every
// `spacingNs`), 4 CPUs' worth of interleaving, skb addresses recycled: the shape of a busy
// recording on one host.
inline void writeSyntheticTrace(const std::string &path, uint32_t packets,
                                uint64_t spacingNs = 10'000) {
    nt::TraceWriter::discard(path);
    nt::TraceMeta meta;
    meta.host = "bench";
    meta.backend = "tracepoints+nftrace";
    meta.startMonoNs = 1'000'000'000;
    meta.startWallNs = 1'700'000'000'000'000'000LL;
    nt::TraceWriter w(path, meta);
    w.setDropReasons(
        std::vector<std::string>{"NOT_DROPPED_YET", "CONSUMED", "NOT_SPECIFIED", "NO_SOCKET"});
    static const uint16_t probes[] = {
        NT_PROBE_NETIF_RX,           NT_PROBE_NETIF_RECEIVE_SKB,       NT_PROBE_FIB_TABLE_LOOKUP,
        NT_PROBE_TCP_PROBE,          NT_PROBE_SKB_COPY_DATAGRAM_IOVEC, NT_PROBE_NET_DEV_QUEUE,
        NT_PROBE_NET_DEV_START_XMIT, NT_PROBE_QDISC_ENQUEUE,           NT_PROBE_QDISC_DEQUEUE,
        NT_PROBE_CONSUME_SKB};
    std::vector<nt::Event> batch;
    for (uint32_t p = 0; p < packets; ++p) {
        const uint64_t skb = 0xffff888100000000ULL + (p % 512) * 0x100;
        const uint64_t t0 = meta.startMonoNs + uint64_t{p} * spacingNs;
        nt::PacketHeader h;
        h.skb = skb;
        h.tsNs = t0;
        h.len = 60;
        h.protocol = 0x0800;
        h.data = {0x45,
                  0,
                  0,
                  60,
                  uint8_t(p >> 8),
                  uint8_t(p),
                  0x40,
                  0,
                  64,
                  6,
                  0,
                  0,
                  10,
                  0,
                  0,
                  1,
                  10,
                  0,
                  0,
                  2,
                  uint8_t(p >> 8),
                  uint8_t(p),
                  0x01,
                  0xbb,
                  0,
                  0,
                  0,
                  1,
                  0,
                  0,
                  0,
                  0,
                  0x50,
                  0x02,
                  0xff,
                  0xff};
        w.append(h);
        for (int i = 0; i < 10; ++i) {
            nt::Event e{};
            e.type = NT_REC_EVENT;
            e.flags = i == 0 ? NT_EVF_FIRST : 0;
            e.probe = probes[i];
            e.cpu = static_cast<uint16_t>(p % 4);
            e.protocol = 0x0800;
            e.ts_ns = t0 + uint64_t(i) * 700;
            e.skb = skb;
            e.netns = 4026531840;
            e.ifindex = 2;
            e.len = 60;
            batch.push_back(e);
        }
        if (batch.size() >= 4096) {
            w.append(batch);
            w.commit();
            batch.clear();
        }
    }
    w.append(batch);
    meta.stopMonoNs = meta.startMonoNs + uint64_t{packets} * spacingNs;
    meta.stopWallNs = meta.startWallNs + static_cast<int64_t>(uint64_t{packets} * spacingNs);
    w.finish(meta);
}

} // namespace nt::test
