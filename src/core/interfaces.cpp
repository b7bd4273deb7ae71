// Time-aware lookup of interface names (the `ifname` filter on recorded traces).
#include "interfaces.h"

namespace nt {

void InterfaceNames::add(const InterfaceName &name) {
    byKey_[{name.netns, name.ifindex, name.tsNs}] = name.name;
}

const std::string &InterfaceNames::name(uint32_t netns, uint32_t ifindex, uint64_t tsNs) const {
    static const std::string none;
    auto it = byKey_.upper_bound({netns, ifindex, tsNs});
    if (it != byKey_.begin()) {
        auto prev = std::prev(it);
        if (std::get<0>(prev->first) == netns && std::get<1>(prev->first) == ifindex) {
            return prev->second;
        }
    }
    if (it != byKey_.end() && std::get<0>(it->first) == netns &&
        std::get<1>(it->first) == ifindex) {
        return it->second;
    }
    return none;
}

} // namespace nt
