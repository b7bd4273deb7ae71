// libFuzzer target: filter text → parse, generators, canonical round trip, matcher/BPF agreement.
#include "filter.h"

#include <netinet/in.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace {

struct Case {
    nt::PacketFields f;
    uint32_t ifindex;
    std::string ifname;
    uint32_t mark;
};

nt::PacketFields make(uint8_t family, std::initializer_list<uint8_t> s,
                      std::initializer_list<uint8_t> d, uint8_t proto, uint16_t sport,
                      uint16_t dport) {
    nt::PacketFields f;
    f.family = family;
    std::copy(s.begin(), s.end(), f.saddr.begin());
    std::copy(d.begin(), d.end(), f.daddr.begin());
    f.l4proto = proto;
    f.hasPorts = proto == IPPROTO_TCP || proto == IPPROTO_UDP || proto == IPPROTO_SCTP ||
                 proto == IPPROTO_UDPLITE || proto == IPPROTO_DCCP;
    f.sport = sport;
    f.dport = dport;
    return f;
}

// Packets near the values a fuzzed filter is likely to mention (10/8, 2001:db8::/32, low ports).
const std::vector<Case> &cases() {
    static const std::vector<Case> c = [] {
        std::vector<Case> v;
        v.push_back({make(4, {10, 0, 0, 1}, {10, 0, 0, 2}, IPPROTO_TCP, 1, 80), 1, "lo", 0});
        v.push_back({make(4, {10, 0, 0, 2}, {192, 168, 0, 1}, IPPROTO_UDP, 53, 0), 2, "eth0", 1});
        v.push_back({make(4, {1, 2, 3, 4}, {10, 0, 0, 1}, IPPROTO_ICMP, 0, 0), 2, "eth0", 0x10});
        v.push_back(
            {make(6, {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
                  {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, IPPROTO_TCP, 443, 8),
             3, "a", 0xff});
        v.push_back({make(6, {0x20, 0x01, 0x0d, 0xb8}, {}, IPPROTO_ICMPV6, 0, 0), 1, "lo", 2});
        v.push_back({make(4, {0, 0, 0, 0}, {255, 255, 255, 255}, IPPROTO_SCTP, 9, 9), 4, "b", 3});
        nt::PacketFields frag = make(4, {10, 0, 0, 1}, {10, 0, 0, 2}, IPPROTO_UDP, 0, 0);
        frag.fragment = true;
        frag.hasPorts = false;
        v.push_back({frag, 2, "eth0", 0});
        v.push_back({nt::PacketFields{}, 1, "lo", 0});
        return v;
    }();
    return c;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    nt::Filter f;
    try {
        f = nt::Filter::parse(text);
    } catch (const nt::FilterError &) {
        return 0;
    }

    // Every name gets its own index, and the packets' names keep theirs, so ifname and ifindex
    // tests mean the same thing to the matcher and to the BPF evaluation.
    std::map<std::string, uint32_t> ids = {{"lo", 1}, {"eth0", 2}, {"a", 3}, {"b", 4}};
    const nt::IfIndexResolver resolve = [&ids](const std::string &name) -> std::optional<uint32_t> {
        return ids.emplace(name, static_cast<uint32_t>(ids.size() + 100)).first->second;
    };
    const nt_filter bpf = f.toBpf(resolve);
    if (bpf.nterms > NT_FILTER_MAX_TERMS) {
        std::abort();
    }
    for (uint32_t i = 0; i < bpf.nterms; ++i) {
        if (bpf.npreds[i] > NT_FILTER_MAX_PREDS) {
            std::abort();
        }
    }
    const std::vector<std::string> nft = f.toNft();
    if (nft.size() > nt::kFilterMaxNftRules) {
        std::abort();
    }

    for (const Case &c : cases()) {
        if (f.matches(c.f, c.ifindex, c.ifname, c.mark) !=
            nt::evalBpfFilter(bpf, c.f, c.ifindex, c.mark)) {
            std::abort();
        }
    }

    // The canonical text must parse back to the same DNF and print the same way.
    const std::string canon = f.toString();
    const nt::Filter again = nt::Filter::parse(canon);
    if (again.terms() != f.terms() || again.toString() != canon || again.toNft() != nft) {
        std::abort();
    }
    return 0;
}
