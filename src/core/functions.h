// Kernel functions that take an sk_buff: what discovery found, the seed's trace_config.json
// format, and choosing which ones a recording traces.
#pragma once

#include "layers.h"

#include <QByteArray>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nt {

// One traceable kernel function with a `struct sk_buff *` argument.
struct KernelFunction {
    std::string name;
    std::string module; // "" for vmlinux, else the module whose BTF declares it ("veth")
    uint8_t skbArg = 1; // 1-based position of the first sk_buff pointer argument (1..5)
    // nf_tables functions take the packet as `struct nft_pktinfo *` (skb inside) at skbArg 1..3.
    bool pktinfo = false;
    Layer layer = Layer::Device;
    uint8_t priority = kPriorityVerbose;
};

// Most important first (priority, then layer, then name): the order --max-functions and
// --max-trace cut.
void sortByImportance(std::vector<KernelFunction> &functions);

// One entry of trace_config.json.
struct FunctionConfigEntry {
    std::string name;
    Layer layer = Layer::Device;
    int priority = kPriorityVerbose;
    bool enabled = true;
};

struct FunctionConfig {
    int version = 1;
    std::vector<FunctionConfigEntry> functions;
};

// Parses trace_config.json: {"version": N, "functions": [{"name", "layer", "priority",
// "enabled"}]}. Throws nt::Error naming the entry and the problem for unknown keys, wrong
// types, unknown layers, priorities outside 0..3, empty or duplicate names. `source` names the
// file in messages.
FunctionConfig parseFunctionConfig(const QByteArray &json, const QString &source);
// The same format, for `discover --config`.
QByteArray functionConfigJson(const std::vector<KernelFunction> &functions);

// What the user asked to trace. Every part narrows the choice; an empty part does not.
struct FunctionSelection {
    std::optional<FunctionConfig> config; // its enabled entries
    std::vector<std::string> names;       // --functions
    std::vector<Layer> layers;            // --layers
    std::optional<int> maxPriority;       // --priority: 0..N
    size_t maxFunctions = 0;              // --max-functions; 0 = no limit
    bool any() const {
        return config || !names.empty() || !layers.empty() || maxPriority || maxFunctions != 0;
    }
};

struct SelectedFunctions {
    std::vector<KernelFunction> functions; // to trace, most important first
    std::vector<std::string> missing;      // named (config, --functions) but not on this kernel
};

// Chooses from `available` (discovery's list). Names the kernel lacks are listed in `missing`,
// not fatal. A config entry's layer and priority are the user's and replace the table's.
SelectedFunctions selectFunctions(const std::vector<KernelFunction> &available,
                                  const FunctionSelection &selection);

// "Device,IPv4" → layers; throws nt::Error naming an unknown layer and listing the known ones.
std::vector<Layer> parseLayerList(const QString &text);

} // namespace nt
