// The probe catalogue.
#include "probes.h"

#include <algorithm>
#include <array>

namespace nt {
namespace {

constexpr TracepointInfo kTracepoints[] = {
#define NT_TRACEPOINT_INFO(id, ENUM, name, subsystem, layer, ...)                                  \
    {NT_PROBE_##ENUM, #name, #subsystem, Layer::layer},
    NT_TRACEPOINTS(NT_TRACEPOINT_INFO)
#undef NT_TRACEPOINT_INFO
};

// Ids are 1..N in order, so an id indexes the table.
constexpr bool denseIds() {
    for (size_t i = 0; i < std::size(kTracepoints); ++i) {
        if (kTracepoints[i].probe != i + 1) {
            return false;
        }
    }
    return true;
}
static_assert(denseIds(), "tracepoint ids in nt_probes.h must be 1, 2, 3, ... in order");
static_assert(std::size(kTracepoints) == NT_PROBE_TRACEPOINT_COUNT - 1,
              "NT_PROBE_TRACEPOINT_COUNT must be one past the last tracepoint id");

} // namespace

const char *probeKindName(ProbeKind kind) {
    switch (kind) {
    case ProbeKind::Tracepoint:
        return "tracepoint";
    case ProbeKind::Function:
        return "function";
    case ProbeKind::Netfilter:
        return "netfilter";
    }
    return "?";
}

std::span<const TracepointInfo> tracepoints() {
    return kTracepoints;
}

const TracepointInfo *findTracepoint(uint16_t probe) {
    if (probe == 0 || probe > std::size(kTracepoints)) {
        return nullptr;
    }
    return &kTracepoints[probe - 1];
}

const TracepointInfo *findTracepoint(std::string_view name) {
    for (const TracepointInfo &t : kTracepoints) {
        if (name == t.name) {
            return &t;
        }
    }
    return nullptr;
}

const char *tracepointName(uint16_t probe) {
    const TracepointInfo *t = findTracepoint(probe);
    return t != nullptr ? t->name : nullptr;
}

ProbeCatalogue::ProbeCatalogue(const std::vector<KernelFunction> &functions,
                               const std::string &netfilter) {
    functionCount_ = std::min(functions.size(), kMaxFunctions);
    entries_.reserve(std::size(kTracepoints) + functionCount_ + 1);
    for (const TracepointInfo &t : kTracepoints) {
        ProbeEntry e;
        e.id = t.probe;
        e.name = t.name;
        e.kind = ProbeKind::Tracepoint;
        e.layer = t.layer;
        e.priority = kPriorityCritical;
        e.subsystem = t.subsystem;
        entries_.push_back(std::move(e));
    }
    tracepointCount_ = entries_.size();
    for (size_t i = 0; i < functionCount_; ++i) {
        const KernelFunction &f = functions[i];
        ProbeEntry e;
        e.id = static_cast<uint16_t>(NT_PROBE_FUNCTION_BASE + i);
        e.name = f.name;
        e.kind = ProbeKind::Function;
        e.layer = f.layer;
        e.priority = f.priority;
        e.argPos = f.skbArg;
        e.pktinfo = f.pktinfo;
        e.module = f.module;
        entries_.push_back(std::move(e));
    }
    if (!netfilter.empty()) {
        ProbeEntry e;
        e.id = static_cast<uint16_t>(NT_PROBE_FUNCTION_BASE + functionCount_);
        e.name = netfilter;
        e.kind = ProbeKind::Netfilter;
        e.layer = Layer::Netfilter;
        entries_.push_back(std::move(e));
    }
}

std::span<const ProbeEntry> ProbeCatalogue::tracepointEntries() const {
    return std::span(entries_).first(tracepointCount_);
}

std::span<const ProbeEntry> ProbeCatalogue::functionEntries() const {
    return std::span(entries_).subspan(tracepointCount_, functionCount_);
}

const ProbeEntry *ProbeCatalogue::netfilter() const {
    const size_t at = tracepointCount_ + functionCount_;
    return at < entries_.size() ? &entries_[at] : nullptr;
}

const ProbeEntry *ProbeCatalogue::find(uint16_t id) const {
    if (id >= 1 && id <= tracepointCount_) {
        return &entries_[id - 1];
    }
    if (id >= NT_PROBE_FUNCTION_BASE) {
        const size_t at = tracepointCount_ + (id - NT_PROBE_FUNCTION_BASE);
        if (at < entries_.size()) {
            return &entries_[at];
        }
    }
    return nullptr;
}

Layer probeLayer(uint16_t id, std::string_view name) {
    if (id < NT_PROBE_FUNCTION_BASE) {
        const TracepointInfo *t = findTracepoint(id);
        return t != nullptr ? t->layer : classify(name).layer;
    }
    return classify(name).layer;
}

} // namespace nt
