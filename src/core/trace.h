// A whole trace in memory: what a recording produced or a trace file holds.
#pragma once

#include "event.h"

#include <string>
#include <vector>

namespace nt {

// A kernel address that events refer to (kfree_skb/consume_skb locations), resolved once by
// the recorder so that a trace opened on another machine still names the function.
struct KernelSymbol {
    uint64_t addr = 0;
    std::string name; // "tcp_v4_rcv+0x1a4"
};

struct Trace {
    TraceMeta meta;
    std::vector<ProbeDesc> probes;
    std::vector<std::string> dropReasons; // index: enum skb_drop_reason value; names without prefix
    std::vector<KernelSymbol> symbols;
    std::vector<Event> events;         // in arrival order (per-CPU order; not globally sorted)
    std::vector<PacketHeader> packets; // one per tracked skb lifetime
    std::vector<NftTraceRecord> nft;   // in arrival order
    std::string rulesetJson;           // libnftables JSON when the recording started
    // CLOCK_MONOTONIC times at which the recorder saw BPF records lost (ring buffer full),
    // ascending: nft records near them that find no packet lost it to that.
    std::vector<uint64_t> lossTimes;
};

} // namespace nt
