// Discovery of every traceable kernel function with a `struct sk_buff *` argument (or an
// nf_tables `struct nft_pktinfo *`, which holds one), from the kernel's BTF (vmlinux and
// modules), readable without root, cached per kernel build.
#pragma once

#include "functions.h"

#include <string>
#include <vector>

namespace nt {

struct Discovery {
    std::vector<KernelFunction> functions; // most important first
    std::string traceableSource;           // the list intersected with: tracefs or kallsyms
    std::string cachePath;                 // where the result is cached ("" when not)
    bool fromCache = false;
    size_t btfFunctions = 0; // functions with an sk_buff argument in BTF, before intersecting
};

struct DiscoveryOptions {
    bool useCache = true;
    std::string btfDir = "/sys/kernel/btf"; // vmlinux plus one file per module
};

// Throws nt::Error when the kernel has no readable BTF.
Discovery discoverFunctions(const DiscoveryOptions &options = {});

// Where discovery results are cached: $XDG_CACHE_HOME/nft-tracer, else /var/cache/nft-tracer
// for root and ~/.cache/nft-tracer for others.
std::string discoveryCacheDir();

} // namespace nt
