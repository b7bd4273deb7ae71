// The packet filter language: tcpdump-style text → one AST → DNF → BPF filter, nft rules, matcher.
#pragma once

#include "error.h"
#include "nt_event.h"
#include "packet.h"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nt {

// A filter that cannot be parsed or compiled. The message is translated and complete
// ("column 12: expected a port number after 'port', found 'http'").
class FilterError : public Error {
public:
    FilterError(int column, const QString &message) : Error(message), column_(column) {}
    // 1-based byte column of the offending text; 0 when the error is not tied to a position
    // (the filter is too complex, an interface does not exist).
    int column() const { return column_; }

private:
    int column_;
};

// Longest filter text accepted; the helper rejects longer text before parsing anyway.
constexpr size_t kFilterMaxLength = 4096;
// nft rules one filter may need (negated addresses, ports and interfaces need two each).
constexpr size_t kFilterMaxNftRules = 64;

// Interface name → ifindex, std::nullopt when there is no such interface.
using IfIndexResolver = std::function<std::optional<uint32_t>(const std::string &)>;

// One test of the disjunctive normal form. The semantics are those of the BPF side
// (bpf/nt_event.h), and evalBpfFilter() is their reference:
//   Family:  packet family (4/6, 0 when not IP) == lo
//   L4Proto: packet transport protocol == lo (IPPROTO_*)
//   SAddr/DAddr: packet family == family and (address & mask) == addr
//   SPort/DPort: packet is TCP, UDP, UDPLite or SCTP with a readable transport header (not a
//                non-first fragment) and lo <= port <= hi
//   IfIndex: ifindex of the device the skb is on == lo
//   Mark:    (skb mark & hi) == lo
//   IfName:  the interface called `ifname` (user space only; toBpf() turns it into IfIndex)
// A negated predicate is the logical NOT of its test, so `not port 80` matches ICMP too, as in
// tcpdump.
struct FilterPredicate {
    enum class Field : uint8_t {
        Family = NT_PF_FAMILY,
        L4Proto = NT_PF_L4PROTO,
        SAddr = NT_PF_SADDR,
        DAddr = NT_PF_DADDR,
        SPort = NT_PF_SPORT,
        DPort = NT_PF_DPORT,
        IfIndex = NT_PF_IFINDEX,
        Mark = NT_PF_MARK,
        IfName = 100,
    };
    Field field = Field::Family;
    bool negate = false;
    uint8_t family = 0;
    uint32_t lo = 0, hi = 0;
    std::array<uint8_t, 16> addr{}; // network byte order, host bits cleared
    std::array<uint8_t, 16> mask{};
    std::string ifname;

    bool operator==(const FilterPredicate &) const = default;
    auto operator<=>(const FilterPredicate &) const =
        default; // NOLINT(modernize-use-nullptr): the defaulted comparison trips the check in
                 // clang-tidy 14
};

// An AND of predicates, sorted and without duplicates. An empty term is always true.
using FilterTerm = std::vector<FilterPredicate>;

// A parsed filter. Grammar (keywords are case-insensitive; `not` binds tighter than `and`,
// which binds tighter than `or`):
//   expr      := and ( ("or" | "||") and )*
//   and       := unary ( ("and" | "&&") unary )*
//   unary     := ("not" | "!") unary | "(" expr ")" | primitive
//   primitive := [proto] [dir] (host ADDR | net ADDR[/LEN] | port N | portrange N-M)
//              | proto | ifname NAME | ifindex N | mark N[/MASK] | ADDR[/LEN]
//              | VALUE (repeats the previous primitive's qualifiers: `port 80 or 443`)
//   proto     := tcp | udp | sctp | icmp | icmp6 | ip | ip6
//   dir       := src | dst | src or dst | src and dst | dst or src | dst and src
// Addresses are numeric IPv4/IPv6; host names are never resolved. A prefix must have no bits
// set past its length (tcpdump rejects them too). Numbers are decimal or 0x-hex.
// `tcp` is L4 protocol 6 over either family; `icmp` is IPv4 and protocol 1; `icmp6` is IPv6
// and protocol 58; `ip` / `ip6` are the family. `ifname X` matches the device the packet is on
// (BPF) or its input or output interface (nft). Copies share the immutable syntax tree.
class Filter {
public:
    Filter(); // the empty filter: matches everything

    // Throws FilterError naming the column and what was expected, or that the filter needs
    // more than NT_FILTER_MAX_TERMS alternatives, NT_FILTER_MAX_PREDS conditions in one
    // alternative, or kFilterMaxNftRules nft rules.
    static Filter parse(std::string_view text);

    bool empty() const { return !root_; }
    // The text as given to parse().
    const std::string &text() const { return text_; }
    // The DNF: OR of the terms. No terms in a non-empty filter: it can never match
    // ("tcp and udp"). The empty filter has no terms and matches everything.
    const std::vector<FilterTerm> &terms() const { return terms_; }

    // The in-kernel form. enabled=0 when the filter matches everything. Throws FilterError
    // when an `ifname` does not resolve.
    nt_filter toBpf(const IfIndexResolver &resolve) const;

    // nft rule expressions for a table of family inet (nft 1.0.6 syntax), any of which
    // matching means the filter matches; the caller appends " meta nftrace set 1". One per
    // DNF term, except that a negated address, port or interface test whose packet family or
    // protocol is not fixed by the term needs two rules. The empty filter gives one empty
    // expression; a filter that can never match gives none. Ports of non-first fragments are
    // unreadable to nft, so `not port 80` does not match them there (it does in BPF).
    std::vector<std::string> toNft() const { return nft_; }

    // Evaluates the syntax tree itself (not the DNF), so tests can check the DNF against it.
    // `ifname X` compares with `ifname`, `ifindex N` with `ifindex`.
    bool matches(const PacketFields &f, uint32_t ifindex, const std::string &ifname,
                 uint32_t mark) const;

    // Canonical text: keywords spelled out, qualifiers made explicit, addresses normalised,
    // marks in hex. parse(toString()) gives the same terms().
    std::string toString() const;

    struct Node;

private:
    std::shared_ptr<const Node> root_;
    std::string text_;
    std::vector<FilterTerm> terms_;
    std::vector<std::string> nft_;
};

// Reference evaluation of the in-kernel filter over decoded fields, mirrored by the BPF code:
// OR over terms of AND over predicates of (test != negate); enabled=0 matches everything.
bool evalBpfFilter(const nt_filter &filter, const PacketFields &f, uint32_t ifindex, uint32_t mark);

} // namespace nt
