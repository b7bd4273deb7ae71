// Synthetic event streams for the journey assembler and report tests.
#pragma once

#include "assembler.h"
#include "event.h"
#include "trace.h"

#include <array>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

// Test streams list only the fields that matter for each record; the rest keep their defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace nt::testing {

constexpr uint64_t kT0 = 5'000'000'000; // monotonic ns of the first record
constexpr uint32_t kNsA = 4026531840;   // netns inodes
constexpr uint32_t kNsB = 4026532500;
constexpr uint64_t kSkbA = 0xffff888100abc000;
constexpr uint64_t kSkbB = 0xffff888100def000;
constexpr uint64_t kNfHookSlow = 0xffffffff81a0009c;
constexpr uint64_t kTcpV4Rcv = 0xffffffff81b001a4;
constexpr uint32_t kNetfilterDrop = 8;
constexpr uint32_t kNoSocket = 3;

inline std::vector<std::string> dropReasons() {
    return {"NOT_DROPPED_YET", "CONSUMED",      "NOT_SPECIFIED", "NO_SOCKET",     "PKT_TOO_SMALL",
            "TCP_CSUM",        "SOCKET_FILTER", "UDP_CSUM",      "NETFILTER_DROP"};
}

inline uint64_t us(uint64_t micros) {
    return kT0 + micros * 1000;
}

struct Ev {
    uint16_t probe;
    uint64_t skb;
    uint64_t tsUs;
    uint32_t ifindex = 2;
    uint32_t netns = kNsA;
    uint32_t aux = 0;
    uint16_t cpu = 0;
    uint8_t flags = 0;
    uint64_t location = 0;
};

inline Event event(const Ev &e) {
    Event x{};
    x.type = NT_REC_EVENT;
    x.flags = e.flags;
    x.probe = e.probe;
    x.cpu = e.cpu;
    x.protocol = 0x0800;
    x.ts_ns = us(e.tsUs);
    x.skb = e.skb;
    x.location = e.location;
    x.netns = e.netns;
    x.ifindex = e.ifindex;
    x.len = 84;
    x.aux = e.aux;
    if (e.probe == NT_PROBE_FIB_TABLE_LOOKUP) {
        x.aux2 = 254;
    }
    return x;
}

inline std::vector<uint8_t> ipv4(uint8_t proto, std::array<uint8_t, 4> src,
                                 std::array<uint8_t, 4> dst, uint16_t ipId,
                                 std::vector<uint8_t> l4) {
    std::vector<uint8_t> b = {
        0x45, 0,     0, 0, static_cast<uint8_t>(ipId >> 8), static_cast<uint8_t>(ipId), 0x40, 0,
        64,   proto, 0, 0};
    const uint16_t total = static_cast<uint16_t>(20 + l4.size());
    b[2] = static_cast<uint8_t>(total >> 8);
    b[3] = static_cast<uint8_t>(total);
    b.insert(b.end(), src.begin(), src.end());
    b.insert(b.end(), dst.begin(), dst.end());
    b.insert(b.end(), l4.begin(), l4.end());
    return b;
}

// ICMP echo request 10.0.0.1 -> 10.0.0.2.
inline std::vector<uint8_t> icmpEcho(uint16_t seq, uint16_t ipId = 0x1234) {
    return ipv4(
        1, {10, 0, 0, 1}, {10, 0, 0, 2}, ipId,
        {8, 0, 0, 0, 0x00, 0x2a, static_cast<uint8_t>(seq >> 8), static_cast<uint8_t>(seq)});
}

// TCP SYN 10.0.0.1:40000 -> 10.0.0.2:22.
inline std::vector<uint8_t> tcpSyn(uint32_t seq = 1000) {
    return ipv4(6, {10, 0, 0, 1}, {10, 0, 0, 2}, 0x4321,
                {0x9c,
                 0x40,
                 0x00,
                 0x16,
                 static_cast<uint8_t>(seq >> 24),
                 static_cast<uint8_t>(seq >> 16),
                 static_cast<uint8_t>(seq >> 8),
                 static_cast<uint8_t>(seq),
                 0,
                 0,
                 0,
                 0,
                 0x50,
                 0x02,
                 0xff,
                 0xff,
                 0,
                 0,
                 0,
                 0});
}

inline PacketHeader header(uint64_t skb, uint64_t tsUs, std::vector<uint8_t> bytes,
                           uint32_t netns = kNsA) {
    PacketHeader h;
    h.skb = skb;
    h.tsNs = us(tsUs);
    h.netns = netns;
    h.len = static_cast<uint32_t>(bytes.size());
    h.protocol = 0x0800;
    h.data = std::move(bytes);
    return h;
}

struct Nft {
    uint32_t id;
    uint64_t tsUs;
    std::string chain;
    NftTraceType type = NftTraceType::Rule;
    int32_t verdict = verdict::Accept;
    uint64_t handle = 0;
    std::vector<uint8_t> packet; // header bytes: only for the first record of a walk
    std::string jump;
    uint32_t policy = 0;
    uint32_t iif = 2, oif = 0;
    std::string table = "fw";
    uint64_t skb = 0; // read in BPF next to this skb
};

inline NftTraceRecord nft(const Nft &n) {
    NftTraceRecord r;
    r.skb = n.skb;
    r.tsNs = us(n.tsUs);
    r.id = n.id;
    r.ruleHandle = n.handle;
    r.verdict = n.verdict;
    r.type = n.type;
    r.policy = n.policy;
    r.family = 1; // inet
    r.nfproto = 2;
    r.table = n.table;
    r.chain = n.chain;
    r.jumpTarget = n.jump;
    if (!n.packet.empty()) {
        r.iif = n.iif;
        r.oif = n.oif;
        const size_t ihl = size_t{n.packet[0] & 0x0fU} * 4;
        r.networkHeader.assign(n.packet.begin(), n.packet.begin() + static_cast<ptrdiff_t>(ihl));
        r.transportHeader.assign(n.packet.begin() + static_cast<ptrdiff_t>(ihl), n.packet.end());
    }
    return r;
}

using Record = std::variant<Event, PacketHeader, NftTraceRecord>;

// A stream in live arrival order, and the trace file the recorder would have written for it.
struct Stream {
    std::vector<Record> records;

    Stream &ev(const Ev &e) {
        records.emplace_back(event(e));
        return *this;
    }
    Stream &hdr(const PacketHeader &h) {
        records.emplace_back(h);
        return *this;
    }
    Stream &rec(const Nft &n) {
        records.emplace_back(nft(n));
        return *this;
    }
    Stream &rec(const NftTraceRecord &r) {
        records.emplace_back(r);
        return *this;
    }

    Trace trace() const {
        Trace t;
        t.dropReasons = dropReasons();
        t.symbols = {{kNfHookSlow, "nf_hook_slow+0x9c"}, {kTcpV4Rcv, "tcp_v4_rcv+0x1a4"}};
        for (const Record &r : records) {
            if (const auto *e = std::get_if<Event>(&r)) {
                t.events.push_back(*e);
            } else if (const auto *h = std::get_if<PacketHeader>(&r)) {
                t.packets.push_back(*h);
            } else {
                t.nft.push_back(std::get<NftTraceRecord>(r));
            }
        }
        return t;
    }

    void feed(Assembler &a) const {
        for (const Record &r : records) {
            std::visit([&a](const auto &x) { a.add(x); }, r);
        }
    }

    Assembler live(AssemblerOptions options = {}) const {
        Assembler a({}, dropReasons(), options);
        feed(a);
        a.flush();
        return a;
    }
};

// A TCP SYN that jumps from inet fw input to tcp_in, where rule 4 drops it (freed by
// nf_hook_slow with NETFILTER_DROP 9 µs after it arrived).
inline Stream droppedSyn() {
    Stream s;
    s.hdr(header(kSkbA, 0, tcpSyn()))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({NT_PROBE_FIB_TABLE_LOOKUP, kSkbA, 2, 2, kNsA, 0, 0, NT_EVF_CONTEXT})
        .ev({NT_PROBE_KFREE_SKB, kSkbA, 9, 2, kNsA, kNetfilterDrop, 0, 0, kNfHookSlow})
        .rec({7, 40, "input", NftTraceType::Rule, verdict::Jump, 2, tcpSyn(), "tcp_in"})
        .rec({7, 41, "tcp_in", NftTraceType::Rule, verdict::Drop, 4});
    return s;
}

} // namespace nt::testing
