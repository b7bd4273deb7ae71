// Recorded traces replayed many times over, for the consumer benchmarks: the same traffic run
// again and again, each copy with its own time, skb addresses, trace ids and conntrack ids.
#pragma once

#include "trace.h"

#include <cstdint>
#include <utility>

namespace nt::bench {

inline Trace replicate(const Trace &t, int copies) {
    Trace out;
    out.meta = t.meta;
    out.probes = t.probes;
    out.dropReasons = t.dropReasons;
    const uint64_t span = t.meta.stopMonoNs - t.meta.startMonoNs + 1'000'000'000;
    for (int k = 0; k < copies; ++k) {
        const uint64_t shift = span * static_cast<uint64_t>(k);
        const uint64_t skbXor = static_cast<uint64_t>(k) << 40;
        const auto idXor = static_cast<uint32_t>(k) * 0x9e3779b9U;
        for (Event e : t.events) {
            e.ts_ns += shift;
            e.skb ^= skbXor;
            out.events.push_back(e);
        }
        for (PacketHeader h : t.packets) {
            h.tsNs += shift;
            h.skb ^= skbXor;
            out.packets.push_back(std::move(h));
        }
        for (NftTraceRecord r : t.nft) {
            r.tsNs += shift;
            r.id ^= idXor;
            r.ctId ^= idXor;
            out.nft.push_back(std::move(r));
        }
    }
    out.meta.stopMonoNs = t.meta.startMonoNs + span * static_cast<uint64_t>(copies);
    return out;
}

} // namespace nt::bench
