// The records the core works on: BPF events and packet headers, nft trace records, trace metadata.
#pragma once

#include "name.h"

#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#define NT_USER_SIDE 1
#include "nt_event.h"

namespace nt {

using Event = nt_event;
static_assert(sizeof(Event) == 56, "the event record is a design number: keep it at 56 bytes");
static_assert(std::is_trivially_copyable_v<Event>);

// Header bytes of one tracked skb, from its network header (what the BPF side captured).
struct PacketHeader {
    uint64_t skb = 0;
    uint64_t tsNs = 0;
    uint32_t netns = 0;
    uint32_t len = 0;
    uint16_t protocol = 0; // ETH_P_*, host byte order
    std::vector<uint8_t> data;
};

// nft trace message types (NFT_TRACETYPE_*).
// Policy, Return and Rule are the kernel's NFT_TRACETYPE_*; Chain is the verdict a base chain
// returned (nft_do_chain, read in BPF): no trace message carries it.
enum class NftTraceType : uint8_t { Unspec = 0, Policy = 1, Return = 2, Rule = 3, Chain = 4 };

// Verdict codes as the kernel sends them: NF_DROP=0, NF_ACCEPT=1, NF_STOLEN=2, NF_QUEUE=3,
// NF_REPEAT=4, NF_STOP=5; NFT_CONTINUE=-1, NFT_BREAK=-2, NFT_JUMP=-3, NFT_GOTO=-4, NFT_RETURN=-5.
namespace verdict {
constexpr int32_t Drop = 0;
constexpr int32_t Accept = 1;
constexpr int32_t Stolen = 2;
constexpr int32_t Queue = 3;
constexpr int32_t Repeat = 4;
constexpr int32_t Stop = 5;
constexpr int32_t Continue = -1;
constexpr int32_t Break = -2;
constexpr int32_t Jump = -3;
constexpr int32_t Goto = -4;
constexpr int32_t Return = -5;
constexpr int32_t None = 0x7fffffff; // the message carried no verdict
} // namespace verdict

// Upper-case name of a verdict code ("ACCEPT", "DROP", "JUMP", ...); "UNKNOWN(n)" otherwise.
std::string verdictName(int32_t code);

// Records in ring-buffer order (one poll of the BPF side, or one frame of the event stream). A
// packet header always comes before the first event of its skb: `packetBefore[i]` is the index of
// the event it precedes.
struct RecordBatch {
    std::vector<Event> events;
    std::vector<PacketHeader> packets;
    std::vector<size_t> packetBefore;
    void clear() {
        events.clear();
        packets.clear();
        packetBefore.clear();
    }
    bool empty() const { return events.empty() && packets.empty(); }
    // Visits the records in ring-buffer order: every packet header right before the event it
    // precedes (where the assembler claims it), headers after the last event at the end.
    template <class OnPacket, class OnEvent>
    void visit(OnPacket &&onPacket, OnEvent &&onEvent) const {
        size_t p = 0;
        for (size_t i = 0; i < events.size(); ++i) {
            for (; p < packets.size() && p < packetBefore.size() && packetBefore[p] <= i; ++p) {
                onPacket(packets[p]);
            }
            onEvent(events[i]);
        }
        for (; p < packets.size(); ++p) {
            onPacket(packets[p]);
        }
    }
};

// Tables whose name starts with this are nft-tracer's own trace tables.
constexpr const char *kTracerTablePrefix = "nft_tracer_";

// One NFNLGRP_NFTRACE message: one rule, return or policy decision in one chain.
struct NftTraceRecord {
    uint64_t tsNs = 0;       // CLOCK_MONOTONIC when received (the kernel sends no time)
    uint64_t ruleHandle = 0; // 0 for policy/return records without a rule
    uint32_t id = 0;         // trace id: the same for one skb across all hooks
    uint32_t iif = 0, oif = 0;
    uint32_t mark = 0;
    uint32_t nfproto = 0; // NFPROTO_* of the packet
    uint32_t policy = 0;  // chain policy, valid for Policy records
    int32_t verdict = verdict::None;
    uint16_t iiftype = 0, oiftype = 0;
    uint8_t family = 0; // table family (NFPROTO_INET, ...)
    NftTraceType type = NftTraceType::Unspec;
    uint32_t netns = 0; // namespace the trace socket listened in
    // Conntrack state of the packet (Linux >= 6.7 sends it in the first message of each chain
    // walk): id (the same in both directions of one connection), IPS_* status bits, and the
    // NF_CT_STATE_* bit of the packet (1 invalid, 2 established, 4 related, 8 new, 64
    // untracked). ctState 0: the kernel sent none.
    uint32_t ctId = 0, ctStatus = 0, ctState = 0;
    uint8_t ctDirection = 0;       // IP_CT_DIR_ORIGINAL (0) or IP_CT_DIR_REPLY (1)
    Name table, chain, jumpTarget; // interned: the same few names in every record
    // The sk_buff's address, when the record was read in BPF at the kernel's trace function
    // (no netlink message): it joins the record to its packet exactly. 0 for netlink records.
    uint64_t skb = 0;
    // Records read in BPF: the first record of a chain walk (netlink records say so by
    // carrying header bytes).
    bool walkStart = false;
    // Header bytes: the kernel sends them only in the first message of each chain walk.
    std::vector<uint8_t> llHeader, networkHeader, transportHeader;
};

// Loss the recorder could count; every one is reported to the user.
struct LossCounters {
    uint64_t ringbufFull = 0; // BPF records dropped: ring buffer full
    uint64_t trackFull = 0;   // packets not followed: tracked-skb map full
    uint64_t nftLost = 0;     // nft trace messages lost (ENOBUFS on the netlink socket)
    uint64_t bpfEvents = 0;   // events the BPF side submitted
    uint64_t filtered = 0;    // events skipped by the in-kernel filter
    // Events of sk_buffs that are no packets, never traced: netlink and AF_UNIX socket messages
    // (the tracer's own reads among them), buffers with no protocol set. Not loss, not the
    // filter's doing.
    uint64_t excluded = 0;
    bool operator==(const LossCounters &) const = default;
};

// Where a probe sits in the kernel.
struct ProbeDesc {
    uint16_t id = 0;  // nt_probe value
    std::string name; // tracepoint or function name
    std::string kind; // "tracepoint", "kprobe", "fentry", "netfilter"
    bool attached = false;
    std::string error; // why it is not attached, when it is not
};

// What a recording was: written first into a trace file, finished when it stops.
struct TraceMeta {
    std::string host, kernel, backend, filter, netns;
    std::string toolVersion;
    int64_t startWallNs = 0, stopWallNs = 0;  // CLOCK_REALTIME
    uint64_t startMonoNs = 0, stopMonoNs = 0; // CLOCK_MONOTONIC, the events' clock
    LossCounters loss;
};

} // namespace nt
