// Interface names of a trace by (netns, ifindex) as they were at a given time.
#pragma once

#include "trace.h"

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <tuple>

namespace nt {

class InterfaceNames {
public:
    InterfaceNames() = default;
    explicit InterfaceNames(std::span<const InterfaceName> names) { add(names); }

    void add(const InterfaceName &name);
    void add(std::span<const InterfaceName> names) {
        for (const InterfaceName &n : names) {
            add(n);
        }
    }
    // The name (netns, ifindex) had at `tsNs`: the newest one observed at or before it, else the
    // first one observed (the recorder lists the interfaces after its probes start). Empty when
    // that interface was never observed.
    const std::string &name(uint32_t netns, uint32_t ifindex, uint64_t tsNs) const;
    bool empty() const { return byKey_.empty(); }
    size_t size() const { return byKey_.size(); }

private:
    // (netns, ifindex, since) → name; an ifindex is reused only after its interface is gone.
    std::map<std::tuple<uint32_t, uint32_t, uint64_t>, std::string> byKey_;
};

} // namespace nt
