// Journey assembly: groups events, packet headers and nft trace records into journeys,
// incrementally (live) or in bulk (a trace file), with the same results either way.
#pragma once

#include "event.h"
#include "event_store.h"
#include "journey.h"
#include "layers.h"
#include "trace.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace nt {

struct AssemblerOptions {
    // How long after its skb was freed a journey stays open, so that events from other CPUs
    // and nft records (received later over netlink) still join it before it is completed.
    uint64_t graceNs = 200'000'000;
    // An nft record joins a journey whose time window contains its receive time or ended at
    // most this long before it; records with no such journey for this long are unjoined.
    uint64_t nftWindowNs = 1'000'000'000;
    // A journey that saw no event for this long is closed as in flight: bounds live memory when
    // a free event was lost.
    uint64_t idleNs = 30'000'000'000;
};

struct AssemblerCounters {
    uint64_t events = 0;
    uint64_t headers = 0;
    uint64_t nftRecords = 0;
    // nft records that joined no journey (kept, listed by unjoinedNft()), the sum of the
    // reasons below.
    uint64_t unjoinedNft = 0;
    uint64_t unjoinedNoPacket = 0;  // its header matched no packet in the time window
    uint64_t unjoinedLoss = 0;      // the same, while the BPF side lost records (ring buffer)
    uint64_t unjoinedNoHeader = 0;  // a chain walk whose header bytes are not an IP packet
    uint64_t unjoinedOrphan = 0;    // no chain walk of its trace id started before it (its
                                    // first message was lost or came out of order)
    uint64_t unjoinedDuplicate = 0; // the same message as the one before it of its trace id
    uint64_t lateNft = 0;           // joined a journey after it was completed
    uint64_t unusedHeaders = 0;     // packet headers no event ever claimed
    uint64_t idleClosed = 0;        // journeys closed by AssemblerOptions::idleNs
    uint64_t natContinued = 0;      // packets followed across a NAT rewrite of their header
    // A chain walk whose trace id continued an open walk of another packet (NFTA_TRACE_ID
    // collision or reuse) but whose header bytes belong to a different packet: joined by header.
    uint64_t traceIdCollisions = 0;
    uint64_t cloneDelivered = 0; // packets delivered through a clone, the original freed
};

// The unjoined reasons, for statistics: (key, count) in a fixed order.
struct UnjoinedReason {
    const char *key; // "no_packet", "ringbuf_loss", "no_header", "orphan", "duplicate"
    uint64_t AssemblerCounters::*count;
};
constexpr UnjoinedReason kUnjoinedReasons[] = {
    {"no_packet", &AssemblerCounters::unjoinedNoPacket},
    {"ringbuf_loss", &AssemblerCounters::unjoinedLoss},
    {"no_header", &AssemblerCounters::unjoinedNoHeader},
    {"orphan", &AssemblerCounters::unjoinedOrphan},
    {"duplicate", &AssemblerCounters::unjoinedDuplicate},
};

// One entry of a journey's timeline: an event, or an nft record placed at its hook's boundary.
struct TimelineItem {
    uint64_t tsNs = 0; // event time, or for nft records the boundary they were placed at
    bool nft = false;
    uint32_t index = 0; // event slot (Assembler::event) or nft ordinal (Assembler::nftStep)
    Layer layer = Layer::Device;
};

class Assembler {
public:
    // `probes` names function probes (ids >= NT_PROBE_FUNCTION_BASE) so they get their layer;
    // `dropReasons` (index = enum skb_drop_reason) lets the assembler recognise NETFILTER_DROP.
    explicit Assembler(const std::vector<ProbeDesc> &probes = {},
                       std::vector<std::string> dropReasons = {}, AssemblerOptions options = {});
    ~Assembler();
    Assembler(Assembler &&) noexcept;
    Assembler &operator=(Assembler &&) noexcept;
    Assembler(const Assembler &) = delete;
    Assembler &operator=(const Assembler &) = delete;

    // Live input, in arrival order. Headers and nft records are numbered by arrival (their
    // ordinal), which is their index in Trace::packets / Trace::nft when the caller keeps them.
    void add(const Event &event);
    void add(const PacketHeader &header);
    void add(const NftTraceRecord &record);
    // The BPF side reported lost records (ring buffer full) by time `ts`: nft records around
    // then that find no packet are counted as unjoined because of that loss.
    void noteLoss(uint64_t ts);
    // A batch read from the BPF side or the event stream, in its order.
    void add(const RecordBatch &batch) {
        batch.visit([this](const PacketHeader &h) { add(h); }, [this](const Event &e) { add(e); });
    }
    // Journeys completed since the last call (freed, and the grace period passed), in
    // completion order. Their events are final; a late nft record may still join them.
    std::vector<JourneyId> takeCompleted();
    // The records' clock reached `ts` with no record: nothing older is still to come. Completes
    // the journeys whose grace ended by then (a quiet live trace: the last packets would
    // otherwise wait for the next record).
    void advanceTo(uint64_t ts) { advance(ts); }
    // The newest record time seen (0 before any).
    uint64_t now() const { return now_; }
    // End of input: completes every journey (unfreed ones as InFlight), declares pending nft
    // records unjoined and frees the live indexes (later records start afresh). Completed
    // journeys are reported by the next takeCompleted().
    void flush();

    // Bulk: the records of a trace merged by time, fed as above, then flushed.
    static Assembler assemble(const Trace &trace, AssemblerOptions options = {});

    size_t journeyCount() const { return journeys_.size(); }
    const JourneyRecord &record(JourneyId id) const { return journeys_.at(id); }
    // Completed: its events are final (it may still gain late nft records).
    bool completed(JourneyId id) const;
    // The derived view of a journey (fate details, verdict, per-layer time).
    Journey journey(JourneyId id) const;
    // Time-sorted events of a completed journey (empty while it is still open), decoded from
    // the compact store: a copy, so fetch it once per journey, not per event.
    std::vector<Event> events(JourneyId id) const;
    // Events and nft records in time order, nft chain walks placed at their hook's boundary.
    std::vector<TimelineItem> timeline(JourneyId id) const;
    // The nft record ordinals of a journey, arrival order; hidden steps (NftStep::hidden) only
    // when asked for.
    std::vector<uint32_t> nftOf(JourneyId id, bool withHidden = false) const;
    const NftStep &nftStep(uint32_t ordinal) const { return nft_.at(ordinal); }
    size_t nftCount() const { return nft_.size(); }
    const std::string &name(uint16_t index) const { return names_.at(index); }
    std::span<const uint32_t> unjoinedNft() const { return unjoined_; }
    // Header ordinals (Trace::packets) a journey gained after its first: the same packet seen
    // again after NAT rewrote it. Empty for most journeys.
    std::span<const uint32_t> laterHeaders(JourneyId id) const;
    // The clone journey whose delivery decided this journey's fate (JourneyCloneDelivered).
    JourneyId deliveredClone(JourneyId id) const;
    // The open journey of an skb (live lines use its header), or kNoJourney.
    JourneyId openJourney(uint64_t skb) const;
    Layer layerOf(uint16_t probe) const;
    const AssemblerCounters &counters() const { return counters_; }
    // Events of completed journeys by probe id (index): statistics without walking every event.
    std::span<const uint64_t> eventsByProbe() const { return eventsByProbe_; }
    const AssemblerOptions &options() const { return options_; }
    // Bytes the assembler holds (capacity-based: stores, staging, indexes).
    size_t memoryBytes() const;

private:
    struct Open;
    struct Slot;
    struct Pending;

    JourneyId startJourney(const Event &event, JourneyId newer);
    bool continuesAfterNat(JourneyId id, const Event &event) const;
    void unjoin(uint32_t ordinal, uint64_t AssemblerCounters::*reason);
    struct TraceIdState;
    void followWalk(TraceIdState &st, const NftStep &s);
    void cloneCompleted(JourneyId clone);
    JourneyId placeEvent(const Event &event);
    void stage(JourneyId id, const Event &event);
    struct PendingHeader;
    // Where a journey was first seen, for telling a clone from another packet with its headers.
    enum class FirstSight : uint8_t {
        Elsewhere,
        Socket,     // read by a socket (skb_copy_datagram_iovec)
        FromDevice, // entering from a device (netif_rx, netif_receive_skb, napi_gro_receive)
    };
    static FirstSight firstSightAt(uint16_t probe);
    void attachHeader(JourneyId id, const PendingHeader &h, FirstSight sight);
    void registerFingerprint(JourneyId id, uint64_t fp, FirstSight sight);
    void aliasFingerprint(JourneyId id, uint64_t fp);
    void joinPendingByFp(JourneyId id, uint64_t fp);
    bool hasFingerprint(JourneyId id, uint64_t fp) const;
    JourneyId findByFingerprint(uint64_t fp, uint64_t ts) const;
    NftStep stepOf(const NftTraceRecord &record);
    void addWalkRecord(TraceIdState *st, uint32_t ordinal);
    bool walkContinues(const TraceIdState &st, const NftStep &s, uint64_t fp, uint64_t natKey);
    void addWalkStart(const NftTraceRecord &record, TraceIdState *st, uint32_t ordinal, uint64_t fp,
                      uint64_t natKey);
    void addExact(const NftTraceRecord &record, NftStep &s);
    void joinNft(JourneyId id, uint32_t ordinal);
    void advance(uint64_t ts);
    void complete(JourneyId id);
    void unlinkSameSkb(JourneyId id, const Open &o, uint64_t skb);
    void decideFate(JourneyId id);
    void decideFate(JourneyId id, std::span<const Event> events); // events(id), already at hand
    void decideOwnFate(JourneyId id, std::span<const Event> events);
    struct VerdictSteps;
    VerdictSteps verdictSteps(std::span<const uint32_t> steps) const;
    Fate fateByLastSeen(std::span<const Event> events, size_t term, bool rxWalk) const;
    std::vector<TimelineItem> timeline(JourneyId id, std::span<const Event> events) const;
    void expirePending(bool all);
    void sweepIndexes();
    uint16_t intern(const std::string &s);
    uint16_t intern(const Name &n); // by the name's pool address: no hashing of its text

    AssemblerOptions options_;
    std::vector<std::string> dropReasonNames_;
    uint32_t netfilterDrop_ = UINT32_MAX; // enum skb_drop_reason value of NETFILTER_DROP
    uint32_t noSocketDrop_ = UINT32_MAX;  // ... of NO_SOCKET
    std::vector<Layer> probeLayers_;      // index: probe id (tracepoints, then functions)

    // Completed events, time-sorted per journey, delta-encoded. Slots (JourneyRecord::
    // eventBegin, TimelineItem::index) still number every event as if stored one after the
    // other: slot - eventBegin is the index into events(id).
    EventStore store_;
    std::vector<EventStore::Position> eventPos_; // by journey, once completed
    std::vector<uint64_t> eventsByProbe_;
    uint32_t slotEnd_ = 0; // next slot

    // Deques: no capacity doubling, references stay valid while growing.
    std::deque<JourneyRecord> journeys_;
    std::deque<NftStep> nft_;
    std::vector<JourneyId> prevSameFp_; // older journey with the same fingerprint (joins only)
    std::vector<std::string> names_;
    std::unordered_map<std::string, uint16_t> nameIndex_;
    std::unordered_map<const std::string *, uint16_t> nameByPool_; // Name's text → index
    std::vector<Event> completeScratch_;                           // complete()'s buffer
    std::vector<uint32_t> unjoined_;

    // Staging of open journeys: events in a pooled linked list until completion.
    std::vector<Slot> pool_;
    uint32_t freeSlot_ = kNoIndex;
    std::unordered_map<JourneyId, Open> open_;
    std::unordered_map<uint64_t, JourneyId> bySkb_; // newest open journey of an skb
    std::vector<JourneyId> terminated_;             // FIFO of freed journeys awaiting the grace
    size_t terminatedHead_ = 0;
    std::vector<JourneyId> completed_;

    struct PendingHeader {
        uint32_t ordinal;
        uint64_t fp;
        uint64_t tsNs;
        uint64_t natKey;
        uint8_t ttl;
    };
    std::unordered_map<uint64_t, PendingHeader> pendingHeaders_; // by skb
    std::unordered_map<uint64_t, JourneyId> byFingerprint_;      // newest journey per fingerprint
    std::unordered_map<uint64_t, JourneyId> aliasFp_;            // headers after NAT -> journey
    // The current chain walk of a trace id: the packet it belongs to (a journey, or a pending
    // walk while its packet is not known yet), the hook it ran at, and the chain that opened
    // that hook's walks (a new packet with the same id starts at that chain again).
    struct TraceIdState {
        JourneyId journey = kNoJourney;
        uint64_t pendingSeq = UINT64_MAX;
        NftHook hook = NftHook::Unknown;
        uint16_t firstChain = 0;         // the first chain walked at `hook`, and its table:
        uint16_t firstTable = 0;         // another table's chain of the same name is another walk
        uint32_t lastOrdinal = kNoIndex; // the walk's latest record, to notice duplicates
        uint64_t lastFp = 0;
        uint64_t natKey = 0; // natInvariantKey of the packet: the same before and after NAT
        // Chains the current walk entered (its base chain, jump and goto targets): a later
        // record of the walk names one of them. `ended`: a final verdict or the base chain's
        // policy closed the walk, so only a new walk start can follow.
        std::array<uint16_t, 4> chains{};
        uint8_t depth = 0;
        bool ended = false;
        // Its walk joined nothing: later records of it are unjoined for the same reason.
        uint64_t AssemblerCounters::*lostReason = nullptr;
    };
    std::unordered_map<uint32_t, TraceIdState> byTraceId_;
    // nft walks waiting for their journey, oldest first; pending_[i] has sequence number
    // pendingBase_ + i. Joined walks are marked done and dropped when they reach the front, so
    // every lookup goes through the two indexes instead of scanning.
    std::deque<Pending> pending_;
    uint64_t pendingBase_ = 0;
    std::unordered_multimap<uint64_t, uint64_t> pendingByFp_;           // fingerprint -> sequence
    std::unordered_map<JourneyId, std::vector<uint32_t>> laterHeaders_; // NAT-rewritten headers
    std::unordered_map<JourneyId, JourneyId> deliveredClone_;           // parent -> clone
    std::vector<uint64_t> lossTimes_; // noteLoss() times, ascending
    bool lossAnywhere_ = false;
    bool lossNear(uint64_t ts) const;
    Pending *pendingAt(uint64_t seq);
    void resolvePending(uint64_t seq);
    size_t sweepAt_ = 4096;
    uint64_t addsSinceIdleCheck_ = 0;

    uint64_t now_ = 0;
    uint32_t headerOrdinal_ = 0;
    AssemblerCounters counters_;
};

} // namespace nt
