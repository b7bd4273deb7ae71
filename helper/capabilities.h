// What this kernel offers the helper's clients: the answer of Capabilities().
#pragma once

#include <QVariantMap>

namespace nt::helper {

// Keys: "kernel" (s), "btf" (b), "backends" (as), "unavailable" (a{ss}: backend -> why not),
// "tracepoints" (as: those this kernel has), "version" (s), "max_sessions" (u),
// "max_filter_length" (u), "function_backends" (as: kprobe-multi, kprobe, fentry as this kernel
// allows them, best first; the others are explained in "unavailable"), "function_counts"
// (a{sv}: "Layer/priority" -> u, the traceable functions discovery found), "functions_total"
// (u), "nft_trace_bpf" (b: nftables verdicts can be read in BPF at the kernel's trace function;
// when not, "unavailable" says why under the same key). Reads BTF and uname, and loads a
// two-instruction program per function backend to learn whether the kernel allows it.
QVariantMap helperCapabilities(uint32_t maxSessions);

} // namespace nt::helper
