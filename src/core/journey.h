// The journey model: one packet's path (its events, nft chain walks, fate, per-layer time).
#pragma once

#include "layers.h"

#include <QString>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace nt {

using JourneyId = uint32_t;
constexpr JourneyId kNoJourney = UINT32_MAX;
constexpr uint32_t kNoIndex = UINT32_MAX;

// How a journey ended. Decided from the time-sorted events (the last segment wins, so a
// ping sent in one netns over veth and delivered in another is Delivered):
// - Dropped / DroppedByRule: the skb ended in kfree_skb; ByRule when the drop reason is
//   NETFILTER_DROP (or the trace has no reason names) and a joined nft record said DROP.
// - Delivered: a local-delivery probe (skb_copy_datagram_iovec, tcp_probe, Socket layer) after
//   the last transmit, or consumed after a receive once the packet reached the IP stack (a
//   routing, IP, transport, Socket or Netfilter event, or an nft walk at prerouting/input)
//   — e.g. an ICMP echo request consumed by icmp_rcv. Tracepoints cannot see the socket for
//   every protocol, so "consumed by the local stack" counts as delivery. Also a packet never
//   freed whose last event is a local-delivery probe, or whose final nft verdict was ACCEPT at
//   the input hook (and was not seen transmitted): TCP frees ACKs with __kfree_skb, which has
//   no tracepoint, while a transport-layer drop would have been traced.
// - Forwarded: the last direction was a successful transmit (net_dev_xmit rc 0) on a device
//   other than the one it was received on.
// - Transmitted: the last direction was a successful transmit and nothing was received before.
// - Consumed: freed normally without evidence of delivery or transmission (GRO-merged
//   heads, non-IP frames, packets followed only from the middle).
// - InFlight: the skb was not freed before the trace ended (or went idle too long).
enum class Fate : uint8_t {
    InFlight,
    Delivered,
    Forwarded,
    Transmitted,
    Consumed,
    DroppedByRule,
    Dropped,
};
constexpr int kFateCount = 7;

// "in_flight", "delivered", ... (JSON and file values).
const char *fateKey(Fate fate);
// "IN FLIGHT", "DELIVERED", ... (text output).
const char *fateLabel(Fate fate);
// fateLabel() translated ("nt::Fate" context) for people; the English label is the source text.
QString fateDisplayLabel(Fate fate);

// The netfilter hook an nft chain walk ran at. The trace messages carry no hook: it is taken
// from the chain name when that names a hook, else from which of iif/oif are set.
enum class NftHook : uint8_t {
    Unknown,
    Ingress,
    Prerouting,
    Input,
    Forward,
    Output,
    Postrouting,
    Egress, // netdev egress (Linux 5.16+): after postrouting, on the device
};
const char *nftHookName(NftHook hook); // "prerouting", ...; "?" for Unknown

enum JourneyFlag : uint8_t {
    JourneyTerminated = 1 << 0, // a kfree_skb/consume_skb was seen
    JourneyCloned = 1 << 1,     // `parent` is the journey this one was cloned from
    JourneyLateNft = 1 << 2,    // nft records joined after the journey was completed
    JourneyIdleClosed = 1 << 3, // closed because no event came for AssemblerOptions::idleNs
    JourneyNat = 1 << 4,        // NAT rewrote its header (Assembler::laterHeaders, nft walks)
    // Delivered through a clone (Assembler::deliveredClone): the original skb itself was freed
    // without reaching a socket (an ICMP echo reply freed by ping_rcv while a raw socket's clone
    // was read).
    JourneyCloneDelivered = 1 << 5,
};

// What the assembler keeps per journey: 56 bytes, so that with ~10 events per packet the
// journey costs ~6 bytes per event on top of its delta-encoded events (EventStore, ~6-10 bytes
// each; design limit: 64 bytes per event in total).
// Everything else (id = its index, drop reason, rule, per-layer time) is derived on demand
// into `Journey`.
struct JourneyRecord {
    uint64_t skb = 0;
    uint64_t firstTs = 0, lastTs = 0;
    uint32_t header = kNoIndex;  // ordinal of its PacketHeader (index into Trace::packets)
    uint32_t eventBegin = 0;     // slot of its first event (slots number every stored event)
    uint32_t eventCount = 0;     // events, time-sorted from eventBegin (0 while staged)
    uint32_t nftHead = kNoIndex; // first joined nft record (ordinal), list in arrival order
    uint32_t nftTail = kNoIndex;
    uint32_t verdictNft = kNoIndex; // the record that gave the final verdict, if any
    JourneyId parent = kNoJourney;  // clone source (JourneyCloned)
    uint16_t nftCount = 0;
    Fate fate = Fate::InFlight;
    uint8_t flags = 0;
};
static_assert(sizeof(JourneyRecord) == 56, "JourneyRecord is a design number: keep it at 56 bytes");

// One nft trace record as the assembler keeps it (strings interned; header bytes dropped
// after the join). `ordinal` positions are the same as Trace::nft indices.
struct NftStep {
    uint64_t tsNs = 0; // receive time
    uint64_t ruleHandle = 0;
    uint32_t traceId = 0;
    int32_t verdict = 0; // verdict::*
    JourneyId journey = kNoJourney;
    uint32_t next = kNoIndex;                      // next record of the same journey
    uint16_t table = 0, chain = 0, jumpTarget = 0; // indices into Assembler::name()
    uint8_t family = 0;                            // NFPROTO_* of the table
    uint8_t type = 0;                              // NftTraceType
    uint8_t policy = 0;                            // chain policy (Policy records)
    NftHook hook = NftHook::Unknown;
    bool walkStart = false; // first record of a chain walk (carried header bytes)
    // Not a decision worth showing: a record of nft-tracer's own trace table, or the
    // "end of chain" rule record (handle 0, CONTINUE) the kernel sends before the policy.
    // Hidden steps still join packets and place hooks in time; they never give a verdict.
    bool hidden = false;
    // Read in BPF next to the skb (NftTraceRecord::skb): joined by address, placed by time.
    bool exact = false;
    uint8_t ctState = 0;     // NftTraceRecord::ctState (walk starts of Linux >= 6.7)
    uint8_t ctDirection = 0; // 0 original, 1 reply
    uint32_t ctId = 0;       // conntrack id: links both directions of a connection
    uint32_t ctStatus = 0;   // IPS_* bits (SRC_NAT 0x10, DST_NAT 0x20, ...)
};

// "new", "established", "related", "invalid", "untracked" (joined by ","), "" for none.
std::string ctStateName(uint32_t state);

// The verdict an nft step gave: policy records carry it in `policy` when `verdict` is unset.
int32_t effectiveVerdict(const NftStep &step);
// "inet", "ip", "ip6", "arp", "bridge", "netdev", or the number.
std::string nfFamilyName(uint8_t family);

// A journey with everything derived: the value type the report, the GUI and JSON use.
struct Journey {
    JourneyId id = kNoJourney;
    uint64_t skb = 0;
    uint64_t firstTs = 0, lastTs = 0;
    uint32_t header = kNoIndex;
    uint32_t eventBegin = 0, eventCount = 0; // span in the assembler's event store
    std::vector<uint32_t> nft;               // nft record ordinals, arrival order
    Fate fate = Fate::InFlight;
    uint8_t flags = 0;
    // Dropped / DroppedByRule: the kfree_skb's reason (enum skb_drop_reason) and address.
    uint32_t dropReason = 0;
    uint64_t dropLocation = 0;
    // Final nft verdict (the last ACCEPT/DROP/QUEUE/STOLEN), when any nft record joined.
    uint32_t verdictNft = kNoIndex;
    int32_t verdict = 0;
    bool verdictByPolicy = false; // the chain policy decided, not a rule
    uint64_t ruleHandle = 0;
    std::string family, table, chain;
    std::array<uint64_t, kLayerCount> layerNs{}; // sums to lastTs - firstTs
    JourneyId parent = kNoJourney;

    uint64_t durationNs() const { return lastTs - firstTs; }
};

} // namespace nt
