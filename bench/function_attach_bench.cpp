// Attach and detach time of kernel function probes: every discovered function (or the first N)
// with one backend, as `record` does it. Prints the figures; asserts nothing. Needs root; made to
// run inside the VM tests' guest (scripts/vm-bench.sh --bench function_attach_bench).
//
//   function_attach_bench [--backend kprobe-multi|kprobe|fentry] [--max-functions N]
#include "backends.h"
#include "bpf_tracer.h"
#include "discovery.h"
#include "error.h"
#include "kernel_info.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace {

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

int main(int argc, char **argv) {
    std::string backendName = "auto";
    size_t maxFunctions = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--backend" && i + 1 < argc) {
            backendName = argv[++i];
        } else if (a == "--max-functions" && i + 1 < argc) {
            maxFunctions = std::strtoul(argv[++i], nullptr, 10);
        } else {
            std::fprintf(stderr, "usage: function_attach_bench [--backend NAME] "
                                 "[--max-functions N]\n");
            return 2;
        }
    }
    if (geteuid() != 0) {
        std::fprintf(stderr, "function_attach_bench needs root (BPF)\n");
        return 77;
    }
    try {
        bool ok = false;
        const std::optional<nt::Backend> requested = nt::backendFromName(backendName, &ok);
        if (!ok) {
            std::fprintf(stderr, "unknown backend %s\n", backendName.c_str());
            return 2;
        }
        auto t0 = std::chrono::steady_clock::now();
        nt::DiscoveryOptions dopts;
        dopts.useCache = false;
        const nt::Discovery d = nt::discoverFunctions(dopts);
        const double discoverS = secondsSince(t0);
        const nt::Backend backend = nt::chooseBackend(requested, nt::checkBackends("ip_rcv"));
        nt::BpfTracerOptions o;
        o.functions = d.functions;
        if (maxFunctions != 0 && o.functions.size() > maxFunctions) {
            o.functions.resize(maxFunctions);
        }
        o.backend = backend;
        const nt::KernelBtf btf;
        t0 = std::chrono::steady_clock::now();
        nt::BpfTracer tracer(btf, o);
        const double setupS = secondsSince(t0);
        size_t attached = 0;
        for (const nt::ProbeDesc &p : tracer.probes()) {
            attached += p.attached && p.id >= NT_PROBE_FUNCTION_BASE ? 1 : 0;
        }
        t0 = std::chrono::steady_clock::now();
        tracer.detach();
        const double detachS = secondsSince(t0);
        std::printf("kernel functions, backend %s: %zu of %zu attached\n", nt::backendName(backend),
                    attached, o.functions.size());
        std::printf("  discover   %8.3f s (BTF scan, uncached)\n", discoverS);
        std::printf("  attach     %8.3f s (functions only)\n",
                    static_cast<double>(tracer.functionAttachNs()) / 1e9);
        std::printf("  setup      %8.3f s (load, verify, attach everything)\n", setupS);
        std::printf("  detach     %8.3f s\n", detachS);
    } catch (const nt::Error &e) {
        std::fprintf(stderr, "function_attach_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
