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

// The name an interface had from `tsNs` on (CLOCK_MONOTONIC), in one network namespace: the
// recorder lists every interface when it starts and each one added or renamed later, so a
// filter on `ifname` can be evaluated on a trace opened anywhere.
struct InterfaceName {
    uint64_t tsNs = 0;
    uint32_t netns = 0; // inode number
    uint32_t ifindex = 0;
    std::string name;
    bool operator==(const InterfaceName &) const = default;
};

// A CLOCK_MONOTONIC time at which the recorder found ring-buffer loss, with the loss counted
// by then.
struct LossMark {
    uint64_t tsNs = 0;
    uint64_t ringbufFull = 0;
};

struct Trace {
    TraceMeta meta;
    std::vector<ProbeDesc> probes;
    std::vector<std::string> dropReasons; // index: enum skb_drop_reason value; names without prefix
    std::vector<KernelSymbol> symbols;
    std::vector<Event> events;             // in arrival order (per-CPU order; not globally sorted)
    std::vector<PacketHeader> packets;     // one per tracked skb lifetime
    std::vector<NftTraceRecord> nft;       // in arrival order
    std::string rulesetJson;               // libnftables JSON when the recording started
    std::vector<InterfaceName> interfaces; // in the order they were observed
    // When the recorder saw BPF records lost (ring buffer full), ascending: nft records near
    // them that find no packet lost it to that.
    std::vector<LossMark> lossMarks;
};

} // namespace nt
