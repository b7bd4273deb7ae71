// Function-tracing backends: which ones this kernel allows, tried with tiny programs, and the
// choice among them.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace nt {

enum class Backend {
    KprobeMulti, // one link for thousands of functions (CONFIG_FPROBE, Linux 5.18+)
    Kprobe,      // one perf event per function (CONFIG_KPROBES)
    Fentry,      // one BPF trampoline per function (BTF, x86-64/arm64, no lockdown)
    Tracepoint,  // no function probes: the tracepoints only (tp_btf), always there
};

// "kprobe-multi", "kprobe", "fentry", "tracepoint": in the CLI, trace files and ProbeDesc::kind.
const char *backendName(Backend backend);
// Also accepts "auto" as nullopt-with-ok: returns false in *ok for unknown names.
std::optional<Backend> backendFromName(const std::string &name, bool *ok);

struct BackendCheck {
    Backend backend;
    bool available = false;
    std::string reason; // why not, when not available
};

// Loads and attaches a two-instruction program with each backend (needs root), best first.
// `probeFunction` is a kernel function to try attaching to (one discovery found).
std::vector<BackendCheck> checkBackends(const std::string &probeFunction);

// The requested backend when it is available; with `requested` empty, the best available one.
// Throws nt::Error naming the backend and the kernel's reason when a forced one is missing.
Backend chooseBackend(std::optional<Backend> requested, const std::vector<BackendCheck> &checks);

} // namespace nt
