// Text (seed style: live lines, PACKET TRACE, TRACE STATISTICS) and JSON forms of journeys.
#pragma once

#include "assembler.h"
#include "journey.h"
#include "packet.h"
#include "rule_text.h"
#include "trace.h"

#include <QJsonObject>
#include <QJsonValue>

#include <array>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace nt {

struct TraceStats {
    uint64_t totalEvents = 0;
    uint64_t packets = 0;   // journeys
    uint64_t probesHit = 0; // distinct probes (tracepoints and functions) with events
    uint64_t nftChains = 0; // nft chain walks (records that started one)
    uint64_t nftRules = 0;  // nft rule records
    std::array<uint64_t, kLayerCount> eventsByLayer{};
    std::vector<std::pair<std::string, uint64_t>> packetsByVerdict; // count desc, then name
    std::array<uint64_t, kFateCount> packetsByFate{};
    std::vector<std::pair<std::string, uint64_t>> topDropReasons; // at most 10, count desc
    LossCounters loss;
    uint64_t unjoinedNft = 0;
    // unjoinedNft by reason, in the order of kUnjoinedReasons.
    std::array<uint64_t, std::size(kUnjoinedReasons)> unjoinedByReason{};
    uint64_t unusedHeaders = 0;
    uint64_t natContinued = 0;      // packets followed across a NAT rewrite
    uint64_t traceIdCollisions = 0; // walks joined by header against their trace id
};

// One header a journey had, in order: its first, then each change NAT made.
struct NatStep {
    PacketFields fields;
    NftHook rewrittenAt = NftHook::Unknown; // the hook of the last walk that saw the previous one
};

// Renders what an Assembler built from the records of `trace` (which supplies probe names,
// drop reason names, kernel symbols, packet headers and the ruleset). Both must outlive the
// Report; the trace may keep growing (live) and new names are picked up. The ruleset is read
// once, when the Report is made (it comes with the trace's header).
//
// JSON schema (keys are stable, lowercase snake case; times are integer nanoseconds):
// journey: { "id": int, "skb": "0x…", "first_ts_ns": int, "last_ts_ns": int,
//   "duration_ns": int, "fate": "in_flight"|"delivered"|"forwarded"|"transmitted"|"consumed"|
//   "dropped_by_rule"|"dropped", "summary": str,
//   "packet": { "family": 4|6, "protocol": "TCP"…, "src": str, "dst": str,
//               "sport": int, "dport": int (ports only for port protocols) } | null,
//   "drop": { "reason": str, "reason_code": int, "location": str } | null,
//   "verdict": { "verdict": "DROP"…, "by_policy": bool, "rule_handle": int,
//                "rule_text": str|null (the rule in nft syntax, when the ruleset has it),
//                "family": str, "table": str, "chain": str, "nft_index": int } | null,
//   "parent_id": int | null, "delivered_clone_id": int | null,
//   "nat": [ { "src": str, "dst": str, "sport": int, "dport": int, "rewritten_at": str } ]
//          (the headers before and after each rewrite; empty without NAT),
//   "conntrack": { "id": int, "direction": "original"|"reply", "state": str,
//                  "status": int } | null, "layer_ns": { "device": int, "gro": int, … every layer
//                  },
//   "events": [ { "index": int, "ts_ns": int, "offset_ns": int, "probe": str, "layer": str,
//                 "cpu": int, "ifindex": int, "netns": int, "len": int, "mark": int,
//                 "aux": int, "aux2": int, "location": str|null } ],
//   "nft": [ { "index": int, "ts_ns": int, "offset_ns": int, "trace_id": int, "hook": str,
//              "family": str, "table": str, "chain": str, "type": "rule"|"policy"|"return"|
//              "unspec", "rule_handle": int, "rule_text": str|null, "verdict": str,
//              "jump_target": str|null } ] }
// stats: { "total_events", "packets", "probes_hit", "nft_chains", "nft_rules": int,
//   "events_by_layer": { layer: int }, "packets_by_verdict": { verdict: int },
//   "packets_by_fate": { fate: int, every fate }, "top_drop_reasons": [ { "reason": str,
//   "count": int } ], "loss": { "ringbuf_full", "track_full", "nft_lost", "unjoined_nft",
//   "unused_headers", "filtered", "excluded", "bpf_events", "nat_continued",
//   "trace_id_collisions": int, "unjoined_nft_reasons": { "no_packet", "ringbuf_loss",
//   "no_header", "orphan", "duplicate": int } } }
class Report {
public:
    Report(const Trace &trace, const Assembler &assembler);

    std::string probeName(uint16_t probe) const; // tracepoint/function name, or "probe#N"
    bool isFunction(uint16_t probe) const { return probe >= NT_PROBE_FUNCTION_BASE; }
    std::string dropReasonName(uint32_t reason) const; // "NO_SOCKET", or "reason N"
    std::string symbolName(uint64_t addr) const;       // "tcp_v4_rcv+0x1a4", or hex
    // Decoded header of a journey, when the trace holds it and it parses.
    std::optional<PacketFields> fields(JourneyId id) const;
    // The journey's headers before and after each NAT rewrite (from its BPF headers and its nft
    // walks' header bytes); fewer than two entries when nothing rewrote it.
    std::vector<NatStep> natSteps(JourneyId id) const;
    // "NAT: 10.0.0.1:5000 → 10.0.1.1:80 became 10.0.0.1:5000 → 10.0.2.2:80 at prerouting";
    // empty without a rewrite.
    std::string natText(JourneyId id, bool localized = true) const;
    // "Conntrack: id 0x1a2b3c4d, original direction, new (DNAT)"; empty when the kernel sent
    // no conntrack attributes (before Linux 6.7).
    std::string conntrackText(JourneyId id) const;
    // The rule and chain texts of the trace's ruleset ("tcp dport 8082 drop").
    const RuleTextIndex &ruleTexts() const { return rules_; }

    // One live line per event:
    // [   1]        0.000µs  TP    Device     netif_receive_skb   10.0.0.1 → 10.0.0.2 ICMP  if=3
    // ns=… len=84 Endpoints come from `fields` (nullptr: the skb address is shown instead).
    std::string eventLine(uint64_t index, const Event &event, const PacketFields *fields,
                          uint64_t baseTs) const;
    // Same, taking the endpoints from the skb's open journey (call after Assembler::add).
    std::string eventLine(uint64_t index, const Event &event, uint64_t baseTs) const;

    // Text methods translate their labels ("nt::Report", "nt::Layer", "nt::Fate"; English when no
    // translator is installed); JSON keeps English identifiers and an English "summary".
    // "DROPPED by rule handle 4 in chain inet fw input (NETFILTER_DROP at nf_hook_slow+0x9c)".
    std::string fateText(JourneyId id) const;
    // One line: "journey 3: [ICMP] 10.0.0.1 → 10.0.0.2, 5 events, 12.345µs: DELIVERED …".
    std::string summary(JourneyId id) const;
    // The PACKET TRACE block of one journey.
    std::string packetTrace(JourneyId id) const;

    TraceStats stats() const;
    static std::string statisticsText(const TraceStats &stats);
    const Assembler &assembler() const { return asm_; }

    QJsonObject journeyJson(JourneyId id) const;
    static QJsonObject statsJson(const TraceStats &stats);

private:
    std::string header(JourneyId id) const; // "[ICMP] 10.0.0.1 → 10.0.0.2"
    // `localized`: translated for text output, or the English source text for JSON.
    std::string fateText(JourneyId id, bool localized) const;
    std::string summary(JourneyId id, bool localized) const;
    std::string nftStepText(const NftStep &step) const;
    // The text of the rule an nft record names; empty for other records or an unknown rule.
    QString ruleText(const NftStep &step) const;
    // The text of the rule that gave the journey's verdict; empty for a policy or unknown rule.
    QString ruleText(const Journey &journey) const;
    std::string timelineText(const JourneyRecord &rec, const Journey &journey,
                             const std::vector<TimelineItem> &items,
                             const std::vector<Event> &events) const;
    // Parts of journeyJson().
    QJsonValue dropJson(const Journey &journey) const;
    QJsonValue verdictJson(const Journey &journey) const;
    QJsonValue conntrackJson(JourneyId id) const;
    QJsonObject nftStepJson(const TimelineItem &item, uint64_t firstTs) const;
    QJsonObject eventJson(const Event &event, uint64_t index, Layer layer, uint64_t firstTs) const;

    const Trace &trace_;
    const Assembler &asm_;
    const RuleTextIndex rules_;
    // Probe and symbol lookups, indexed lazily as the trace grows (live). One Report is read by
    // the GUI thread and a worker at once (both as readers of the trace), so the indexes are
    // guarded: a lookup takes indexMutex_ for the time of an index update and a find.
    mutable std::mutex indexMutex_;
    mutable std::unordered_map<uint16_t, size_t> probeIndex_;
    mutable size_t probesIndexed_ = 0;
    mutable std::unordered_map<uint64_t, size_t> symbolIndex_;
    mutable size_t symbolsIndexed_ = 0;
};

// Statistics summed over several assemblers: a long recording replaces its assembler by a fresh
// one to bound its memory, and adds each one's counts here before it goes.
class StatsTally {
public:
    // Adds the journeys, events and nft records of `report`'s assembler.
    void add(const Report &report);
    // Everything added so far, with the recording's loss counters.
    TraceStats stats(const LossCounters &loss) const;

private:
    TraceStats sums_;
    std::vector<uint64_t> eventsByProbe_;
    std::map<std::string, uint64_t> verdicts_, drops_;
};

} // namespace nt
