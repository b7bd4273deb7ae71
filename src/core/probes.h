// The probe catalogue: every probe a recording has, tracepoints and kernel functions, in one
// table with its id, name, kind, layer and where the program finds the packet. The tracepoints
// come from bpf/nt_probes.h, the list the BPF programs and the loader read too.
#pragma once

#include "event.h"
#include "functions.h"
#include "layers.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nt {

enum class ProbeKind : uint8_t {
    Tracepoint, // a tp_btf program of its own
    Function,   // a kernel function, through the generic program of its argument position
    Netfilter,  // nftables' trace function, where verdicts are read
};

// "tracepoint", "function", "netfilter".
const char *probeKindName(ProbeKind kind);

// One tracepoint of bpf/nt_probes.h.
struct TracepointInfo {
    uint16_t probe;        // nt_probe: stored in trace files
    const char *name;      // tracepoint name as in /sys/kernel/tracing/events/*/NAME
    const char *subsystem; // its group ("net", "skb", ...)
    Layer layer;
};
// Every tracepoint the BPF side knows, in nt_probe order.
std::span<const TracepointInfo> tracepoints();
const TracepointInfo *findTracepoint(uint16_t probe);
const TracepointInfo *findTracepoint(std::string_view name);
// Name of a tracepoint probe id, or nullptr.
const char *tracepointName(uint16_t probe);

struct ProbeEntry {
    uint16_t id = 0; // nt_probe value, or NT_PROBE_FUNCTION_BASE + function index
    std::string name;
    ProbeKind kind = ProbeKind::Tracepoint;
    Layer layer = Layer::Device;
    uint8_t priority = kPriorityCritical;
    // Functions: 1-based position of the packet argument, an sk_buff or (pktinfo) an
    // nft_pktinfo; it picks the generic program. 0 for tracepoints.
    uint8_t argPos = 0;
    bool pktinfo = false;
    std::string module;    // functions: "" for vmlinux, else the module declaring it
    std::string subsystem; // tracepoints
};

// The probes of one recording.
class ProbeCatalogue {
public:
    // Most kernel functions one recording can give ids to (ids are 16 bits, after the base).
    static constexpr size_t kMaxFunctions = 0xffff - NT_PROBE_FUNCTION_BASE;

    // The tracepoints, then `functions` in their order (ids from NT_PROBE_FUNCTION_BASE; those
    // past kMaxFunctions are left out), then the nft trace function `netfilter` when not empty.
    explicit ProbeCatalogue(const std::vector<KernelFunction> &functions = {},
                            const std::string &netfilter = {});

    std::span<const ProbeEntry> entries() const { return entries_; }
    std::span<const ProbeEntry> tracepointEntries() const;
    std::span<const ProbeEntry> functionEntries() const;
    // The nft trace function's entry, or nullptr.
    const ProbeEntry *netfilter() const;
    // The entry of a probe id, or nullptr.
    const ProbeEntry *find(uint16_t id) const;

private:
    std::vector<ProbeEntry> entries_;
    size_t tracepointCount_ = 0;
    size_t functionCount_ = 0;
};

// The layer events of a probe land in, from its id and name as a recording or a trace file
// lists them: a tracepoint's from the catalogue, a function's from the classification table
// (so a file read back puts every event where it was live).
Layer probeLayer(uint16_t id, std::string_view name);

} // namespace nt
