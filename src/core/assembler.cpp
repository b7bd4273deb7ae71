// Journey assembly: staging of open journeys, completion after a grace period, nft joins.
#include "assembler.h"

#include "trace_stream.h"

#include "packet.h"
#include "probes.h"

#include <algorithm>
#include <cstring>

namespace nt {

struct Assembler::Slot {
    Event ev;
    uint32_t next;
};

struct Assembler::Open {
    uint32_t head = kNoIndex, tail = kNoIndex;
    uint64_t termTs = 0; // when it was queued for completion (0: not queued)
    // Open lifetimes of the same skb address, a doubly linked chain (newest first from
    // bySkb_): a busy host reuses an address many times within the grace period, and the
    // oldest lifetime is the one completed first.
    JourneyId prevSameSkb = kNoJourney; // older
    JourneyId nextSameSkb = kNoJourney; // newer
    bool startedByFirst = false;
    bool hasNatKey = false;
    uint8_t ttl = 0;
    uint64_t natKey = 0; // natInvariantKey of its header, to follow it across a NAT rewrite
};

struct Assembler::Pending {
    uint32_t traceId = 0;
    uint64_t fp = 0;
    uint64_t tsNs = 0;
    NftHook hook = NftHook::Unknown;
    std::vector<uint32_t> ordinals;
    bool done = false; // joined (or expired): kept only until it reaches the front
};

namespace {

constexpr uint64_t kIdleCheckEvery = 1U << 16;

// Sorts a completing journey's events by time. Arrival order breaks ties, so equal timestamps
// keep their per-CPU order. Most journeys arrive in order or nearly and are short: an insertion
// sort (stable, no buffer) then.
inline void sortByTime(std::vector<Event> &evs) {
    const auto earlier = [](const Event &a, const Event &b) { return a.ts_ns < b.ts_ns; };
    if (evs.size() <= 64) {
        for (size_t i = 1; i < evs.size(); ++i) {
            if (!earlier(evs[i], evs[i - 1])) {
                continue;
            }
            const Event e = evs[i];
            size_t j = i;
            for (; j > 0 && earlier(e, evs[j - 1]); --j) {
                evs[j] = evs[j - 1];
            }
            evs[j] = e;
        }
    } else {
        std::stable_sort(evs.begin(), evs.end(), earlier);
    }
}

bool isFree(uint16_t probe) {
    return probe == NT_PROBE_KFREE_SKB || probe == NT_PROBE_CONSUME_SKB;
}

bool isRxEntry(uint16_t probe) {
    return probe == NT_PROBE_NETIF_RECEIVE_SKB || probe == NT_PROBE_NETIF_RX ||
           probe == NT_PROBE_NAPI_GRO_RECEIVE_ENTRY;
}

enum class HookClass { Unknown, Rx, Forward, Tx };

HookClass hookClass(NftHook hook) {
    switch (hook) {
    case NftHook::Ingress:
    case NftHook::Prerouting:
    case NftHook::Input:
        return HookClass::Rx;
    case NftHook::Forward:
        return HookClass::Forward;
    case NftHook::Output:
    case NftHook::Postrouting:
    case NftHook::Egress:
        return HookClass::Tx;
    case NftHook::Unknown:
        break;
    }
    return HookClass::Unknown;
}

NftHook hookFromChainName(const std::string &chain) {
    std::string c = chain;
    std::transform(c.begin(), c.end(), c.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    // Longer names first: "postrouting" contains "routing", "prerouting" too.
    if (c.find("prerouting") != std::string::npos) {
        return NftHook::Prerouting;
    }
    if (c.find("postrouting") != std::string::npos) {
        return NftHook::Postrouting;
    }
    if (c.find("ingress") != std::string::npos) {
        return NftHook::Ingress;
    }
    if (c.find("egress") != std::string::npos) {
        return NftHook::Egress;
    }
    if (c.find("input") != std::string::npos) {
        return NftHook::Input;
    }
    if (c.find("forward") != std::string::npos) {
        return NftHook::Forward;
    }
    if (c.find("output") != std::string::npos) {
        return NftHook::Output;
    }
    return NftHook::Unknown;
}

// Only the first message of a walk carries iif/oif: input side has only iif, output side
// only oif, forward both.
NftHook hookFromDevices(uint32_t iif, uint32_t oif) {
    if (iif != 0 && oif != 0) {
        return NftHook::Forward;
    }
    if (iif != 0) {
        return NftHook::Input;
    }
    if (oif != 0) {
        return NftHook::Output;
    }
    return NftHook::Unknown;
}

bool isFinalVerdict(int32_t v) {
    return v == verdict::Accept || v == verdict::Drop || v == verdict::Queue ||
           v == verdict::Stolen;
}

} // namespace

Assembler::Assembler(const std::vector<ProbeDesc> &probes, std::vector<std::string> dropReasons,
                     AssemblerOptions options)
    : options_(options), dropReasonNames_(std::move(dropReasons)) {
    for (size_t i = 0; i < dropReasonNames_.size(); ++i) {
        if (dropReasonNames_[i] == "NETFILTER_DROP") {
            netfilterDrop_ = static_cast<uint32_t>(i);
        } else if (dropReasonNames_[i] == "NO_SOCKET") {
            noSocketDrop_ = static_cast<uint32_t>(i);
        }
    }
    // Classifying by name is a table scan: do it once per probe, not once per event.
    probeLayers_.assign(NT_PROBE_FUNCTION_BASE, Layer::Device);
    for (const TracepointInfo &t : tracepoints()) {
        probeLayers_[t.probe] = t.layer;
    }
    for (const ProbeDesc &p : probes) {
        if (p.id >= NT_PROBE_FUNCTION_BASE) {
            if (p.id >= probeLayers_.size()) {
                probeLayers_.resize(size_t{p.id} + 1, Layer::Device);
            }
            probeLayers_[p.id] = probeLayer(p.id, p.name);
        }
    }
    names_.emplace_back(); // index 0: no name
    nameIndex_.emplace(std::string(), 0);
}

Assembler::~Assembler() = default;
Assembler::Assembler(Assembler &&) noexcept = default;
Assembler &Assembler::operator=(Assembler &&) noexcept = default;

Layer Assembler::layerOf(uint16_t probe) const {
    return probe < probeLayers_.size() ? probeLayers_[probe] : Layer::Device;
}

uint16_t Assembler::intern(const std::string &s) {
    auto it = nameIndex_.find(s);
    if (it != nameIndex_.end()) {
        return it->second;
    }
    if (names_.size() >= UINT16_MAX) {
        return 0; // absurd numbers of chains: keep going without the name
    }
    const auto index = static_cast<uint16_t>(names_.size());
    names_.push_back(s);
    nameIndex_.emplace(s, index);
    return index;
}

uint16_t Assembler::intern(const Name &n) {
    const std::string *text = &n.str();
    if (auto it = nameByPool_.find(text); it != nameByPool_.end()) {
        return it->second;
    }
    const uint16_t index = intern(n.str());
    nameByPool_.emplace(text, index);
    return index;
}

// ---- events ---------------------------------------------------------------------------------

void Assembler::add(const Event &event) {
    ++counters_.events;
    const JourneyId id = placeEvent(event);
    stage(id, event);
    advance(event.ts_ns);
}

JourneyId Assembler::startJourney(const Event &event, JourneyId newer) {
    const auto id = static_cast<JourneyId>(journeys_.size());
    JourneyRecord &rec = journeys_.emplace_back();
    prevSameFp_.resize(journeys_.size(), kNoJourney); // refilled when used after flush()
    rec.skb = event.skb;
    rec.firstTs = rec.lastTs = event.ts_ns;
    Open o;
    o.startedByFirst = (event.flags & NT_EVF_FIRST) != 0;
    if (newer == kNoJourney) {
        auto [it, inserted] = bySkb_.try_emplace(event.skb, id);
        if (!inserted) {
            o.prevSameSkb = it->second;
            open_.at(it->second).nextSameSkb = id;
            it->second = id;
        }
    } else {
        // An older lifetime of the skb read after a newer one: keep the chain newest first.
        Open &on = open_.at(newer);
        o.prevSameSkb = on.prevSameSkb;
        o.nextSameSkb = newer;
        if (on.prevSameSkb != kNoJourney) {
            open_.at(on.prevSameSkb).nextSameSkb = id;
        }
        on.prevSameSkb = id;
    }
    open_.emplace(id, o);
    auto ph = pendingHeaders_.find(event.skb);
    if (ph != pendingHeaders_.end() && ph->second.tsNs <= event.ts_ns) {
        const PendingHeader h = ph->second;
        pendingHeaders_.erase(ph);
        attachHeader(id, h, firstSightAt(event.probe));
    }
    return id;
}

// A FIRST event that is not a receive, for an skb whose open lifetime was received here and
// is still on its way: the BPF side restarts following an skb whose header changed, and NAT
// changes it between the receive and the transmit. It is the same packet when everything NAT
// leaves alone is equal (natInvariantKey: length, IPv4 id / IPv6 flow label, TCP sequence
// numbers, ICMP sequence), the TTL went down by at most one, in the same namespace, soon.
bool Assembler::continuesAfterNat(JourneyId id, const Event &event) const {
    const Open &o = open_.at(id);
    if (o.termTs != 0 || !o.hasNatKey || isRxEntry(event.probe)) {
        return false;
    }
    auto ph = pendingHeaders_.find(event.skb);
    if (ph == pendingHeaders_.end() || ph->second.tsNs > event.ts_ns) {
        return false;
    }
    const PendingHeader &h = ph->second;
    if (h.natKey != o.natKey || h.fp == 0 || (h.ttl != o.ttl && h.ttl + 1 != o.ttl)) {
        return false;
    }
    const JourneyRecord &rec = journeys_[id];
    if (event.ts_ns > rec.lastTs + options_.graceNs) {
        return false;
    }
    bool received = false;
    for (uint32_t s = o.head; s != kNoIndex; s = pool_[s].next) {
        const Event &e = pool_[s].ev;
        if (e.netns != event.netns && e.netns != 0) {
            return false;
        }
        received = received || isRxEntry(e.probe);
        switch (layerOf(e.probe)) {
        case Layer::TCP:
        case Layer::UDP:
        case Layer::Socket:
        case Layer::Xmit:
            return false; // delivered or already sent: this is another packet
        default:
            break;
        }
    }
    return received;
}

JourneyId Assembler::placeEvent(const Event &event) {
    auto it = bySkb_.find(event.skb);
    if (it == bySkb_.end()) {
        return startJourney(event, kNoJourney);
    }
    const JourneyId newest = it->second;
    // Events come in per-CPU order: find the lifetime of this skb that contains the event.
    // The chain is newest first; `cand` is the newest lifetime started at or before the event,
    // `newer` the one right after it.
    JourneyId cand = newest, newer = kNoJourney;
    while (cand != kNoJourney && journeys_[cand].firstTs > event.ts_ns) {
        newer = cand;
        cand = open_.at(cand).prevSameSkb;
    }
    if (event.flags & NT_EVF_FIRST) {
        // A FIRST event from a slower CPU that precedes what we already have: it is the start.
        if (newer != kNoJourney && !open_.at(newer).startedByFirst &&
            (cand == kNoJourney || (journeys_[cand].flags & JourneyTerminated))) {
            open_.at(newer).startedByFirst = true;
            return newer;
        }
        if (cand != kNoJourney && newer == kNoJourney && continuesAfterNat(cand, event)) {
            auto ph = pendingHeaders_.find(event.skb);
            const PendingHeader h = ph->second;
            pendingHeaders_.erase(ph);
            laterHeaders_[cand].push_back(h.ordinal);
            journeys_[cand].flags |= JourneyNat;
            ++counters_.natContinued;
            aliasFingerprint(cand, h.fp);
            return cand;
        }
        // Otherwise a new packet. If the previous lifetime is still open, its free was not
        // seen: complete it after the grace like a freed one.
        if (cand != kNoJourney) {
            Open &oc = open_.at(cand);
            if (oc.termTs == 0) {
                oc.termTs = journeys_[cand].lastTs;
                terminated_.push_back(cand);
            }
        }
        return startJourney(event, newer);
    }
    if (cand == kNoJourney) {
        return newer; // before every lifetime we know: the oldest is the best guess
    }
    if ((journeys_[cand].flags & JourneyTerminated) && event.ts_ns > open_.at(cand).termTs &&
        newer == kNoJourney) {
        return startJourney(event, kNoJourney); // address reused by an skb not flagged FIRST
    }
    return cand;
}

void Assembler::stage(JourneyId id, const Event &event) {
    uint32_t slot = freeSlot_;
    if (slot != kNoIndex) {
        freeSlot_ = pool_[slot].next;
        pool_[slot] = Slot{event, kNoIndex};
    } else {
        slot = static_cast<uint32_t>(pool_.size());
        pool_.push_back(Slot{event, kNoIndex});
    }
    Open &o = open_.at(id);
    if (o.tail == kNoIndex) {
        o.head = slot;
    } else {
        pool_[o.tail].next = slot;
    }
    o.tail = slot;
    JourneyRecord &rec = journeys_[id];
    rec.firstTs = std::min<uint64_t>(rec.firstTs, event.ts_ns);
    rec.lastTs = std::max<uint64_t>(rec.lastTs, event.ts_ns);
    ++rec.eventCount; // counts staged events; rewritten at completion
    if (isFree(event.probe)) {
        rec.flags |= JourneyTerminated;
        if (o.termTs == 0) {
            terminated_.push_back(id);
        }
        o.termTs = std::max<uint64_t>(o.termTs, event.ts_ns);
    }
}

void Assembler::advance(uint64_t ts) {
    now_ = std::max(now_, ts);
    while (terminatedHead_ < terminated_.size()) {
        const JourneyId id = terminated_[terminatedHead_];
        auto it = open_.find(id);
        if (it != open_.end()) {
            if (it->second.termTs + options_.graceNs > now_) {
                break;
            }
            complete(id);
        }
        ++terminatedHead_;
    }
    if (terminatedHead_ > 1024 && terminatedHead_ * 2 > terminated_.size()) {
        terminated_.erase(terminated_.begin(),
                          terminated_.begin() + static_cast<ptrdiff_t>(terminatedHead_));
        terminatedHead_ = 0;
    }
    if (!pending_.empty()) {
        expirePending(false);
    }
    if (++addsSinceIdleCheck_ >= kIdleCheckEvery) {
        addsSinceIdleCheck_ = 0;
        std::vector<JourneyId> idle;
        for (const auto &[id, o] : open_) {
            if (o.termTs == 0 && journeys_[id].lastTs + options_.idleNs < now_) {
                idle.push_back(id);
            }
        }
        std::sort(idle.begin(), idle.end());
        for (JourneyId id : idle) {
            journeys_[id].flags |= JourneyIdleClosed;
            ++counters_.idleClosed;
            complete(id);
        }
    }
    if (byFingerprint_.size() + byTraceId_.size() + pendingHeaders_.size() + aliasFp_.size() >
        sweepAt_) {
        sweepIndexes();
    }
}

void Assembler::sweepIndexes() {
    const uint64_t keep = options_.nftWindowNs + options_.graceNs;
    auto stale = [&](JourneyId id) {
        const JourneyRecord &r = journeys_[id];
        return completed(id) && r.lastTs + keep < now_;
    };
    std::erase_if(byFingerprint_, [&](const auto &kv) { return stale(kv.second); });
    std::erase_if(byTraceId_, [&](const auto &kv) {
        const TraceIdState &t = kv.second;
        if (t.journey != kNoJourney) {
            return stale(t.journey);
        }
        return pendingAt(t.pendingSeq) == nullptr; // its walk found no packet
    });
    std::erase_if(aliasFp_, [&](const auto &kv) { return stale(kv.second); });
    const size_t before = pendingHeaders_.size();
    std::erase_if(pendingHeaders_,
                  [&](const auto &kv) { return kv.second.tsNs + options_.idleNs < now_; });
    counters_.unusedHeaders += before - pendingHeaders_.size();
    sweepAt_ = std::max<size_t>(4096, 2 * (byFingerprint_.size() + byTraceId_.size() +
                                           pendingHeaders_.size() + aliasFp_.size()));
}

// Takes a completing journey out of its skb's chain of open journeys (bySkb_ names the newest).
inline void Assembler::unlinkSameSkb(JourneyId id, const Open &o, uint64_t skb) {
    if (o.nextSameSkb == kNoJourney) {
        auto sit = bySkb_.find(skb);
        if (sit != bySkb_.end() && sit->second == id) {
            if (o.prevSameSkb != kNoJourney) {
                sit->second = o.prevSameSkb;
            } else {
                bySkb_.erase(sit);
            }
        }
    } else if (auto nit = open_.find(o.nextSameSkb); nit != open_.end()) {
        nit->second.prevSameSkb = o.prevSameSkb;
    }
    if (o.prevSameSkb != kNoJourney) {
        if (auto pit = open_.find(o.prevSameSkb); pit != open_.end()) {
            pit->second.nextSameSkb = o.nextSameSkb;
        }
    }
}

void Assembler::complete(JourneyId id) {
    auto oit = open_.find(id);
    if (oit == open_.end()) {
        return;
    }
    const Open o = oit->second;
    // The scratch buffer of the last completion (taken, so a nested completion gets its own):
    // no allocation per journey.
    std::vector<Event> evs;
    evs.swap(completeScratch_);
    evs.clear();
    JourneyRecord &rec = journeys_[id];
    evs.reserve(rec.eventCount);
    for (uint32_t s = o.head; s != kNoIndex;) {
        evs.push_back(pool_[s].ev);
        const uint32_t next = pool_[s].next;
        pool_[s].next = freeSlot_;
        freeSlot_ = s;
        s = next;
    }
    sortByTime(evs);
    rec.eventBegin = slotEnd_;
    rec.eventCount = static_cast<uint32_t>(evs.size());
    slotEnd_ += rec.eventCount;
    rec.firstTs = evs.front().ts_ns;
    rec.lastTs = evs.back().ts_ns;
    if (eventPos_.size() <= id) {
        eventPos_.resize(journeys_.size());
    }
    eventPos_[id] = store_.append(evs, rec.skb, rec.firstTs);
    for (const Event &e : evs) {
        if (e.probe >= eventsByProbe_.size()) {
            eventsByProbe_.resize(size_t{e.probe} + 1);
        }
        ++eventsByProbe_[e.probe];
    }
    unlinkSameSkb(id, o, rec.skb);
    open_.erase(oit);
    decideFate(id, evs);
    if ((rec.flags & JourneyCloned) && rec.fate == Fate::Delivered) {
        cloneCompleted(id);
    }
    completed_.push_back(id);
    if (evs.capacity() <= 4096) { // keep a scratch buffer of ordinary size only
        completeScratch_.swap(evs);
    }
}

std::vector<JourneyId> Assembler::takeCompleted() {
    std::vector<JourneyId> out;
    out.swap(completed_);
    return out;
}

void Assembler::flush() {
    std::vector<JourneyId> ids;
    ids.reserve(open_.size());
    for (const auto &kv : open_) {
        ids.push_back(kv.first);
    }
    std::sort(ids.begin(), ids.end());
    for (JourneyId id : ids) {
        complete(id);
    }
    terminated_.clear();
    terminatedHead_ = 0;
    expirePending(true);
    counters_.unusedHeaders += pendingHeaders_.size();
    pendingHeaders_.clear();
    // End of input: what remains is the result. Give back everything sized by the live rate
    // (staging, the join indexes); records added after this no longer join earlier journeys.
    std::vector<Slot>().swap(pool_);
    freeSlot_ = kNoIndex;
    decltype(open_)().swap(open_);
    decltype(bySkb_)().swap(bySkb_);
    decltype(terminated_)().swap(terminated_);
    decltype(byFingerprint_)().swap(byFingerprint_);
    decltype(byTraceId_)().swap(byTraceId_);
    decltype(aliasFp_)().swap(aliasFp_);
    std::vector<JourneyId>().swap(prevSameFp_);
    store_.shrink();
    eventPos_.shrink_to_fit();
}

// ---- headers and fingerprints ------------------------------------------------------------------

void Assembler::add(const PacketHeader &header) {
    const uint32_t ordinal = headerOrdinal_++;
    ++counters_.headers;
    PacketFields f;
    PendingHeader h{ordinal, 0, header.tsNs, 0, 0};
    if (parsePacket(header.data, header.protocol, f)) {
        h.fp = packetFingerprint(f);
        h.natKey = natInvariantKey(f);
        h.ttl = f.ttl;
    } else {
        h.fp = h.natKey = arpFingerprint(header.data, header.protocol); // NAT leaves ARP alone
    }
    auto it = bySkb_.find(header.skb);
    if (it != bySkb_.end()) {
        // The FIRST event was read before its header (another CPU's buffer came first).
        const JourneyRecord &rec = journeys_[it->second];
        if (rec.header == kNoIndex && header.tsNs <= rec.firstTs) {
            const auto o = open_.find(it->second);
            attachHeader(it->second, h,
                         o != open_.end() && o->second.head != kNoIndex
                             ? firstSightAt(pool_[o->second.head].ev.probe)
                             : FirstSight::Elsewhere);
            advance(header.tsNs);
            return;
        }
    }
    auto [pit, inserted] = pendingHeaders_.try_emplace(header.skb, h);
    if (!inserted) {
        ++counters_.unusedHeaders;
        pit->second = h;
    }
    advance(header.tsNs);
}

Assembler::FirstSight Assembler::firstSightAt(uint16_t probe) {
    switch (probe) {
    case NT_PROBE_SKB_COPY_DATAGRAM_IOVEC:
        return FirstSight::Socket;
    case NT_PROBE_NETIF_RX:
    case NT_PROBE_NETIF_RECEIVE_SKB:
    case NT_PROBE_NAPI_GRO_RECEIVE_ENTRY:
        return FirstSight::FromDevice;
    default:
        return FirstSight::Elsewhere;
    }
}

void Assembler::attachHeader(JourneyId id, const PendingHeader &h, FirstSight sight) {
    journeys_[id].header = h.ordinal;
    if (auto o = open_.find(id); o != open_.end() && h.fp != 0) {
        o->second.hasNatKey = true;
        o->second.natKey = h.natKey;
        o->second.ttl = h.ttl;
    }
    if (h.fp != 0) {
        registerFingerprint(id, h.fp, sight);
    }
}

// The header a journey had after NAT (a later BPF header, an nft walk's header bytes): nft
// records with it join the journey. Kept apart from byFingerprint_, whose chains link journeys
// with one and the same first header.
void Assembler::aliasFingerprint(JourneyId id, uint64_t fp) {
    if (fp == 0 || byFingerprint_.contains(fp)) {
        return; // another packet has that header as its own: the fingerprint decides for it
    }
    aliasFp_[fp] = id;
    joinPendingByFp(id, fp);
}

void Assembler::registerFingerprint(JourneyId id, uint64_t fp, FirstSight sight) {
    auto [it, inserted] = byFingerprint_.try_emplace(fp, id);
    JourneyRecord &rec = journeys_[id];
    if (!inserted) {
        const JourneyId other = it->second;
        prevSameFp_[id] = other;
        it->second = id;
        const JourneyRecord &o = journeys_[other];
        // Same headers on another skb while the first is alive: a clone (TCP transmit clones,
        // packet sockets, multicast). A packet first seen when a socket reads it, with the
        // headers of one just received, is a clone too (a raw socket's copy of an ICMP packet
        // is read after the original was freed). One that enters from a device is a packet of
        // its own: datagrams of an unconnected socket carry IP id 0 (DF set), so a stream of
        // equal-length ones has one header, and the next arrives while the last still waits in
        // the socket's queue.
        const bool alive =
            (o.flags & JourneyTerminated)
                ? o.lastTs >= rec.firstTs ||
                      (sight == FirstSight::Socket && o.lastTs + options_.graceNs >= rec.firstTs)
                : o.lastTs + options_.nftWindowNs >= rec.firstTs;
        if (o.skb != rec.skb && o.firstTs <= rec.firstTs && alive &&
            sight != FirstSight::FromDevice) {
            rec.parent = o.parent != kNoJourney ? o.parent : other;
            rec.flags |= JourneyCloned;
        }
    }
    joinPendingByFp(id, fp);
}

void Assembler::joinPendingByFp(JourneyId id, uint64_t fp) {
    const JourneyRecord &rec = journeys_[id];
    auto [first, last] = pendingByFp_.equal_range(fp);
    std::vector<uint64_t> joined;
    for (auto it = first; it != last; ++it) {
        Pending *p = pendingAt(it->second);
        if (p != nullptr && rec.firstTs <= p->tsNs + options_.nftWindowNs &&
            p->tsNs <= rec.lastTs + options_.nftWindowNs) {
            for (uint32_t ord : p->ordinals) {
                joinNft(id, ord);
            }
            if (auto t = byTraceId_.find(p->traceId);
                t != byTraceId_.end() && t->second.pendingSeq == it->second) {
                t->second.journey = id;
                t->second.pendingSeq = UINT64_MAX;
            }
            joined.push_back(it->second);
        }
    }
    for (uint64_t seq : joined) {
        resolvePending(seq);
    }
}

Assembler::Pending *Assembler::pendingAt(uint64_t seq) {
    if (seq < pendingBase_ || seq - pendingBase_ >= pending_.size()) {
        return nullptr;
    }
    Pending &p = pending_[seq - pendingBase_];
    return p.done ? nullptr : &p;
}

// Takes a walk out of both indexes; the deque entry itself goes when it reaches the front.
void Assembler::resolvePending(uint64_t seq) {
    Pending *p = pendingAt(seq);
    if (p == nullptr) {
        return;
    }
    p->done = true;
    auto [first, last] = pendingByFp_.equal_range(p->fp);
    for (auto it = first; it != last; ++it) {
        if (it->second == seq) {
            pendingByFp_.erase(it);
            break;
        }
    }
}

JourneyId Assembler::findByFingerprint(uint64_t fp, uint64_t ts) const {
    auto it = byFingerprint_.find(fp);
    if (it == byFingerprint_.end()) {
        auto a = aliasFp_.find(fp);
        if (a == aliasFp_.end()) {
            return kNoJourney;
        }
        const JourneyRecord &r = journeys_[a->second];
        return r.firstTs <= ts + options_.nftWindowNs && ts <= r.lastTs + options_.nftWindowNs
                   ? a->second
                   : kNoJourney;
    }
    const uint64_t window = options_.nftWindowNs;
    JourneyId after = kNoJourney; // nearest journey that starts just after the record
    int steps = 0;
    for (JourneyId k = it->second; k != kNoJourney && steps < 64; ++steps) {
        const JourneyRecord &r = journeys_[k];
        if (r.firstTs <= ts && ts <= r.lastTs + window) {
            return k;
        }
        if (r.firstTs > ts && r.firstTs <= ts + window) {
            after = k;
        }
        if (r.lastTs + window < ts) {
            break;
        }
        k = prevSameFp_[k];
    }
    return after;
}

bool Assembler::hasFingerprint(JourneyId id, uint64_t fp) const {
    if (auto a = aliasFp_.find(fp); a != aliasFp_.end() && a->second == id) {
        return true;
    }
    auto it = byFingerprint_.find(fp);
    int steps = 0;
    for (JourneyId k = it != byFingerprint_.end() ? it->second : kNoJourney;
         k != kNoJourney && steps < 64; k = prevSameFp_[k], ++steps) {
        if (k == id) {
            return true;
        }
    }
    return false;
}

// ---- nft records ----------------------------------------------------------------------------

namespace {

// Order of the hooks one packet passes in one namespace: ingress, then prerouting (received) or
// output (sent from here), then input or forward, then postrouting.
int hookRank(NftHook hook) {
    switch (hook) {
    case NftHook::Ingress:
        return 0;
    case NftHook::Prerouting:
    case NftHook::Output:
        return 1;
    case NftHook::Input:
    case NftHook::Forward:
        return 2;
    case NftHook::Postrouting:
        return 3;
    case NftHook::Egress:
        return 4;
    case NftHook::Unknown:
        break;
    }
    return -1;
}

bool sameMessage(const NftStep &a, const NftStep &b) {
    return a.type == b.type && a.table == b.table && a.chain == b.chain &&
           a.ruleHandle == b.ruleHandle && a.verdict == b.verdict && a.policy == b.policy &&
           a.jumpTarget == b.jumpTarget && a.walkStart == b.walkStart && a.family == b.family;
}

} // namespace

// Where a walk can go next: into its jump or goto target; a final verdict, or the base chain's
// policy, ends it.
void Assembler::followWalk(TraceIdState &st, const NftStep &s) {
    if ((s.verdict == verdict::Jump || s.verdict == verdict::Goto) && s.jumpTarget != 0) {
        if (std::find(st.chains.begin(), st.chains.begin() + st.depth, s.jumpTarget) ==
            st.chains.begin() + st.depth) {
            st.chains[std::min<size_t>(st.depth, st.chains.size() - 1)] = s.jumpTarget;
            st.depth = static_cast<uint8_t>(std::min<size_t>(st.depth + 1, st.chains.size()));
        }
    }
    const int32_t v = effectiveVerdict(s);
    if (isFinalVerdict(v) ||
        (s.type == static_cast<uint8_t>(NftTraceType::Policy) && s.chain == st.chains[0])) {
        st.ended = true;
    }
}

void Assembler::unjoin(uint32_t ordinal, uint64_t AssemblerCounters::*reason) {
    unjoined_.push_back(ordinal);
    ++counters_.unjoinedNft;
    ++(counters_.*reason);
}

void Assembler::noteLoss(uint64_t ts) {
    if (lossTimes_.empty() || lossTimes_.back() < ts) {
        lossTimes_.push_back(ts);
    }
}

bool Assembler::lossNear(uint64_t ts) const {
    if (lossAnywhere_) {
        return true;
    }
    const uint64_t w = options_.nftWindowNs;
    auto it = std::lower_bound(lossTimes_.begin(), lossTimes_.end(), ts > w ? ts - w : 0);
    return it != lossTimes_.end() && *it <= ts + w;
}

// NFTA_TRACE_ID hashes the skb address, its flow hash and the input interface: constant across
// the hooks one packet passes, so it carries a packet's walks through NAT, where the header
// bytes change. But the next packet of a flow in the same skb has the same id. A walk continues
// the id's packet only while the hooks go forward (prerouting, forward, postrouting), or at the
// same hook in another chain; a walk that starts over at a hook's first chain, or goes back,
// is a new packet, joined by its header.
void Assembler::add(const NftTraceRecord &record) {
    const auto ordinal = static_cast<uint32_t>(nft_.size());
    ++counters_.nftRecords;
    NftStep s = stepOf(record);
    if (record.skb != 0) {
        addExact(record, s);
        return;
    }

    auto tit = byTraceId_.find(record.id);
    TraceIdState *st = tit != byTraceId_.end() ? &tit->second : nullptr;
    uint64_t fp = 0, natKey = 0;
    if (s.walkStart) {
        if (s.hook == NftHook::Unknown) {
            s.hook = hookFromDevices(record.iif, record.oif);
        }
        PacketFields f;
        const uint16_t protocol = nftRecordProtocol(record.nfproto, record.llHeader);
        if (parseNftHeaders(record.networkHeader, record.transportHeader, protocol, f)) {
            fp = packetFingerprint(f);
            natKey = natInvariantKey(f);
        } else {
            fp = natKey = arpFingerprint(record.networkHeader, protocol);
        }
    } else if (st != nullptr && s.hook == NftHook::Unknown) {
        s.hook = st->hook;
    }
    nft_.push_back(s);

    if (st != nullptr && st->lastOrdinal != kNoIndex && sameMessage(nft_[st->lastOrdinal], s) &&
        (!s.walkStart || fp == st->lastFp)) {
        unjoin(ordinal, &AssemblerCounters::unjoinedDuplicate);
    } else if (!s.walkStart) {
        addWalkRecord(st, ordinal);
    } else {
        addWalkStart(record, st, ordinal, fp, natKey);
    }
    advance(record.tsNs);
}

// The step of a record, its names interned; hook from the chain name (Unknown when the chain
// is not named after one).
inline NftStep Assembler::stepOf(const NftTraceRecord &record) {
    NftStep s;
    s.tsNs = record.tsNs;
    s.ruleHandle = record.ruleHandle;
    s.traceId = record.id;
    s.verdict = record.verdict;
    s.table = intern(record.table);
    s.chain = intern(record.chain);
    s.jumpTarget = intern(record.jumpTarget);
    s.family = record.family;
    s.type = static_cast<uint8_t>(record.type);
    s.policy = static_cast<uint8_t>(record.policy);
    s.walkStart = !record.networkHeader.empty() || record.walkStart;
    s.hidden = record.table.starts_with(kTracerTablePrefix) ||
               (record.type == NftTraceType::Rule && record.ruleHandle == 0 &&
                record.verdict == verdict::Continue);
    s.hook = hookFromChainName(record.chain);
    s.ctState = static_cast<uint8_t>(record.ctState);
    s.ctDirection = record.ctDirection;
    s.ctId = record.ctId;
    s.ctStatus = record.ctStatus;
    return s;
}

// A later record of a walk (jumped-to chains, return, policy): same trace id, in a chain the
// walk entered, while the walk is open. Anything else came out of order or lost its walk
// start: joining it to the id's last packet could be wrong.
inline void Assembler::addWalkRecord(TraceIdState *st, uint32_t ordinal) {
    const NftStep &s = nft_[ordinal];
    if (st == nullptr || st->ended ||
        std::find(st->chains.begin(), st->chains.begin() + st->depth, s.chain) ==
            st->chains.begin() + st->depth) {
        unjoin(ordinal, &AssemblerCounters::unjoinedOrphan);
        return;
    }
    followWalk(*st, s);
    Pending *p = pendingAt(st->pendingSeq);
    if (p != nullptr) {
        p->ordinals.push_back(ordinal);
        st->lastOrdinal = ordinal;
    } else if (st->journey != kNoJourney) {
        joinNft(st->journey, ordinal);
        st->lastOrdinal = ordinal;
    } else if (st->lostReason != nullptr) {
        unjoin(ordinal, st->lostReason); // its walk found no packet: the same reason
    } else {
        unjoin(ordinal, &AssemblerCounters::unjoinedOrphan);
    }
}

// Whether a walk start continues the packet of its trace id's current walk: its hooks go
// forward, or it is another chain at the same hook, and what NAT leaves alone is the same.
inline bool Assembler::walkContinues(const TraceIdState &st, const NftStep &s, uint64_t fp,
                                     uint64_t natKey) {
    const int r = hookRank(s.hook), rs = hookRank(st.hook);
    // Tables share chain names ("prerouting" in ours and in the user's): a walk starts over
    // only at the same chain of the same table.
    const bool continues = (s.hook == st.hook || r < 0 || rs < 0)
                               ? (s.chain != st.firstChain || s.table != st.firstTable)
                               : r > rs;
    if (continues && fp != 0 && st.lastFp != 0 && natKey != st.natKey) {
        // What NAT leaves alone changed: another packet with the same id (a collision).
        ++counters_.traceIdCollisions;
        return false;
    }
    return continues;
}

// A record with header bytes starts a walk: it continues the id's packet, or joins the journey
// its header names, or waits for that journey (pending), and becomes the id's current walk.
inline void Assembler::addWalkStart(const NftTraceRecord &record, TraceIdState *st,
                                    uint32_t ordinal, uint64_t fp, uint64_t natKey) {
    const NftStep &s = nft_[ordinal];
    const bool continues = st != nullptr && walkContinues(*st, s, fp, natKey);
    const JourneyId byFp = fp != 0 ? findByFingerprint(fp, record.tsNs) : kNoJourney;
    Pending *p = continues ? pendingAt(st->pendingSeq) : nullptr;
    TraceIdState next;
    next.hook = s.hook;
    const bool sameHook = continues && s.hook == st->hook;
    next.firstChain = sameHook ? st->firstChain : s.chain;
    next.firstTable = sameHook ? st->firstTable : s.table;
    next.lastOrdinal = ordinal;
    next.lastFp = fp;
    next.natKey = natKey;
    next.chains[0] = s.chain;
    next.depth = 1;
    followWalk(next, s);
    // The id's earlier walk may have waited for its packet and joined it since: its records
    // know the journey even though this state does not.
    JourneyId earlier = continues ? st->journey : kNoJourney;
    if (continues && earlier == kNoJourney && p == nullptr && st->lastOrdinal != kNoIndex) {
        earlier = nft_[st->lastOrdinal].journey;
    }
    if (earlier != kNoJourney) {
        if (byFp != kNoJourney && byFp != earlier && !hasFingerprint(earlier, fp)) {
            // The id continued another packet, the header names this one: the header wins.
            ++counters_.traceIdCollisions;
            next.journey = byFp;
        } else {
            next.journey = earlier;
            aliasFingerprint(earlier, fp); // its header after NAT, when NAT changed it
        }
        joinNft(next.journey, ordinal);
    } else if (p != nullptr) {
        if (byFp != kNoJourney) {
            // The packet of the waiting walks is known now, by this walk's header.
            for (uint32_t ord : p->ordinals) {
                joinNft(byFp, ord);
            }
            resolvePending(st->pendingSeq);
            joinNft(byFp, ordinal);
            next.journey = byFp;
        } else {
            p->ordinals.push_back(ordinal);
            next.pendingSeq = st->pendingSeq;
        }
    } else if (byFp != kNoJourney) {
        joinNft(byFp, ordinal);
        next.journey = byFp;
    } else if (fp != 0) {
        // Its events may still be in another buffer: wait for a journey with this header.
        next.pendingSeq = pendingBase_ + pending_.size();
        pending_.push_back(Pending{record.id, fp, record.tsNs, s.hook, {ordinal}});
        pendingByFp_.emplace(fp, next.pendingSeq);
    } else {
        unjoin(ordinal, &AssemblerCounters::unjoinedNoHeader);
        next.lostReason = &AssemblerCounters::unjoinedNoHeader;
    }
    byTraceId_[record.id] = next;
}

// A record read in BPF next to its skb: it joins the lifetime of that skb address that had
// started by then. No fingerprint, no trace id.
void Assembler::addExact(const NftTraceRecord &record, NftStep &s) {
    const auto ordinal = static_cast<uint32_t>(nft_.size());
    s.exact = true;
    if (s.hook == NftHook::Unknown) {
        s.hook = hookFromDevices(record.iif, record.oif);
    }
    nft_.push_back(s);
    JourneyId id = kNoJourney;
    if (auto it = bySkb_.find(record.skb); it != bySkb_.end()) {
        id = it->second;
        while (id != kNoJourney && journeys_[id].firstTs > record.tsNs) {
            id = open_.at(id).prevSameSkb;
        }
    }
    if (id != kNoJourney) {
        joinNft(id, ordinal);
    } else {
        unjoin(ordinal, lossNear(record.tsNs) ? &AssemblerCounters::unjoinedLoss
                                              : &AssemblerCounters::unjoinedNoPacket);
    }
    advance(record.tsNs);
}

void Assembler::joinNft(JourneyId id, uint32_t ordinal) {
    JourneyRecord &rec = journeys_[id];
    NftStep &s = nft_[ordinal];
    s.journey = id;
    // Keep the list in arrival order even when a pending walk joins after later records.
    if (rec.nftTail == kNoIndex) {
        rec.nftHead = rec.nftTail = ordinal;
        s.next = kNoIndex;
    } else if (rec.nftTail < ordinal) {
        nft_[rec.nftTail].next = ordinal;
        rec.nftTail = ordinal;
        s.next = kNoIndex;
    } else if (ordinal < rec.nftHead) {
        s.next = rec.nftHead;
        rec.nftHead = ordinal;
    } else {
        uint32_t p = rec.nftHead;
        while (nft_[p].next != kNoIndex && nft_[p].next < ordinal) {
            p = nft_[p].next;
        }
        s.next = nft_[p].next;
        nft_[p].next = ordinal;
    }
    if (rec.nftCount < UINT16_MAX) {
        ++rec.nftCount;
    }
    if (completed(id)) {
        ++counters_.lateNft;
        rec.flags |= JourneyLateNft;
        decideFate(id);
    }
}

// Walks arrive in time order, so the expired ones are at the front.
void Assembler::expirePending(bool all) {
    while (!pending_.empty()) {
        Pending &p = pending_.front();
        if (!p.done) {
            if (!all && p.tsNs + options_.nftWindowNs >= now_) {
                break;
            }
            auto reason = lossNear(p.tsNs) ? &AssemblerCounters::unjoinedLoss
                                           : &AssemblerCounters::unjoinedNoPacket;
            for (uint32_t ord : p.ordinals) {
                unjoin(ord, reason);
            }
            if (auto t = byTraceId_.find(p.traceId);
                t != byTraceId_.end() && t->second.pendingSeq == pendingBase_) {
                t->second.pendingSeq = UINT64_MAX;
                t->second.lostReason = reason;
            }
            resolvePending(pendingBase_);
        }
        pending_.pop_front();
        ++pendingBase_;
    }
}

// ---- fate -------------------------------------------------------------------------------------

void Assembler::decideFate(JourneyId id) {
    decideFate(id, events(id));
}

void Assembler::decideFate(JourneyId id, std::span<const Event> ev) {
    decideOwnFate(id, ev);
    JourneyRecord &rec = journeys_[id];
    if (!(rec.flags & JourneyCloneDelivered)) {
        return;
    }
    // A clone was delivered: the packet reached a socket, whatever happened to the original
    // skb afterwards (freed NO_SOCKET by ping_rcv while a raw socket read the clone, or
    // consumed). A rule drop or another drop reason stays what it was.
    bool noSocket = false;
    for (size_t i = ev.size(); i-- > 0;) {
        if (ev[i].probe == NT_PROBE_KFREE_SKB) {
            noSocket = noSocketDrop_ != UINT32_MAX && ev[i].aux == noSocketDrop_;
            break;
        }
    }
    if ((rec.fate == Fate::Dropped && noSocket) || rec.fate == Fate::Consumed ||
        rec.fate == Fate::InFlight) {
        rec.fate = Fate::Delivered;
    }
}

void Assembler::cloneCompleted(JourneyId clone) {
    const JourneyId parent = journeys_[clone].parent;
    if (parent == kNoJourney || parent >= journeys_.size()) {
        return;
    }
    JourneyRecord &p = journeys_[parent];
    if (p.flags & JourneyCloneDelivered) {
        return;
    }
    p.flags |= JourneyCloneDelivered;
    deliveredClone_.emplace(parent, clone);
    ++counters_.cloneDelivered;
    if (completed(parent)) {
        decideFate(parent);
    }
}

std::span<const uint32_t> Assembler::laterHeaders(JourneyId id) const {
    auto it = laterHeaders_.find(id);
    return it == laterHeaders_.end() ? std::span<const uint32_t>() : std::span(it->second);
}

JourneyId Assembler::deliveredClone(JourneyId id) const {
    auto it = deliveredClone_.find(id);
    return it == deliveredClone_.end() ? kNoJourney : it->second;
}

namespace {

// An event that hands the packet to a reader: a socket took it (not a full receive queue).
inline bool delivers(const Assembler &a, const Event &e) {
    return e.probe == NT_PROBE_SKB_COPY_DATAGRAM_IOVEC || e.probe == NT_PROBE_TCP_PROBE ||
           (a.layerOf(e.probe) == Layer::Socket && e.probe != NT_PROBE_SOCK_RCVQUEUE_FULL);
}

} // namespace

// The nft steps that decide a journey's fate: its verdict, its DROP, whether a walk ran at a
// receive hook.
struct Assembler::VerdictSteps {
    uint32_t verdict = kNoIndex; // the journey's verdict (JourneyRecord::verdictNft)
    uint32_t drop = kNoIndex;    // a DROP: a rule's, or else the first chain's
    bool rxWalk = false;         // a walk ran at a receive hook (ingress, prerouting, input)
};

inline Assembler::VerdictSteps Assembler::verdictSteps(std::span<const uint32_t> steps) const {
    VerdictSteps vs;
    for (uint32_t ord : steps) {
        vs.rxWalk = vs.rxWalk || hookClass(nft_[ord].hook) == HookClass::Rx;
        if (nft_[ord].hidden) {
            continue;
        }
        const int32_t v = effectiveVerdict(nft_[ord]);
        // A base chain's verdict (nft_do_chain's return) repeats the rule or policy that gave
        // it: that one stays the journey's verdict. Alone (no nftrace, another table) it is it.
        const bool chain = nft_[ord].type == static_cast<uint8_t>(NftTraceType::Chain);
        const bool ruleAtHook =
            chain && vs.verdict != kNoIndex &&
            nft_[vs.verdict].type != static_cast<uint8_t>(NftTraceType::Chain) &&
            nft_[vs.verdict].hook == nft_[ord].hook;
        if (isFinalVerdict(v) && !ruleAtHook) {
            vs.verdict = ord;
        }
        if (v == verdict::Drop && (!chain || vs.drop == kNoIndex)) {
            vs.drop = ord;
        }
    }
    return vs;
}

// The fate of a journey not dropped, from where it was last seen before its free (`term`, or
// the end): delivered to a socket, transmitted or forwarded through a device, or taken by the
// stack after its receive.
inline Fate Assembler::fateByLastSeen(std::span<const Event> ev, size_t term, bool rxWalk) const {
    ptrdiff_t lastDeliver = -1, lastRx = -1, lastTx = -1;
    for (size_t i = 0; i < term; ++i) {
        const uint16_t p = ev[i].probe;
        // After a transmit only a new receive brings the packet back: a socket event then is
        // the peer namespace's (a veth peer's TCP attributed here when it cleared skb->dev).
        if (delivers(*this, ev[i]) && (lastTx < 0 || lastRx > lastTx)) {
            lastDeliver = static_cast<ptrdiff_t>(i);
        }
        if (isRxEntry(p)) {
            lastRx = static_cast<ptrdiff_t>(i);
        }
        if (p == NT_PROBE_NET_DEV_XMIT && ev[i].aux == 0) {
            lastTx = static_cast<ptrdiff_t>(i);
        }
    }
    if (lastDeliver >= 0 && lastDeliver > lastTx) {
        return Fate::Delivered;
    }
    if (lastTx >= 0 && lastTx > lastRx) {
        const Event &tx = ev[static_cast<size_t>(lastTx)];
        bool forwarded = false;
        for (ptrdiff_t i = 0; i < lastTx; ++i) {
            const Event &e = ev[static_cast<size_t>(i)];
            if (isRxEntry(e.probe) && (e.ifindex != tx.ifindex || e.netns != tx.netns)) {
                forwarded = true;
            }
        }
        return forwarded ? Fate::Forwarded : Fate::Transmitted;
    }
    if (lastRx >= 0) {
        bool reachedIp = rxWalk;
        for (size_t i = static_cast<size_t>(lastRx); i < term && !reachedIp; ++i) {
            switch (layerOf(ev[i].probe)) {
            case Layer::Routing:
            case Layer::IPv4:
            case Layer::IPv6:
            case Layer::TCP:
            case Layer::UDP:
            case Layer::Socket:
            case Layer::Netfilter:
                reachedIp = true;
                break;
            default:
                break;
            }
        }
        return reachedIp ? Fate::Delivered : Fate::Consumed;
    }
    return Fate::Consumed;
}

void Assembler::decideOwnFate(JourneyId id, std::span<const Event> ev) {
    JourneyRecord &rec = journeys_[id];
    const std::vector<uint32_t> steps = nftOf(id, true);
    const VerdictSteps vs = verdictSteps(steps);
    rec.verdictNft = vs.verdict;

    size_t term = ev.size();
    for (size_t i = ev.size(); i-- > 0;) {
        if (isFree(ev[i].probe)) {
            term = i;
            break;
        }
    }
    const bool leftByDevice =
        !ev.empty() && ev.back().probe == NT_PROBE_NET_DEV_XMIT && ev.back().aux == 0;
    if (term == ev.size() && !leftByDevice && (ev.empty() || !delivers(*this, ev.back()))) {
        // Accepted at the input hook and then never seen again: the transport layer took it
        // (a handshake's last ACK is freed untraced; a transport drop would have been traced).
        const bool acceptedForInput = rec.verdictNft != kNoIndex &&
                                      nft_[rec.verdictNft].hook == NftHook::Input &&
                                      effectiveVerdict(nft_[rec.verdictNft]) == verdict::Accept &&
                                      !ev.empty() && layerOf(ev.back().probe) != Layer::Xmit;
        rec.fate = acceptedForInput ? Fate::Delivered : Fate::InFlight;
        return;
    }
    // Not freed but last seen leaving through a device: it left what was traced (a veth into
    // another namespace, or the trace stopped): transmitted or forwarded, by fateByLastSeen. Not
    // freed but last seen entering TCP or a socket: TCP frees a pure ACK with __kfree_skb,
    // which has no tracepoint, and a queued packet waits for its reader: delivered, likewise.
    if (term < ev.size() && ev[term].probe == NT_PROBE_KFREE_SKB) {
        // Without reason names (old kernels) a DROP verdict is the best explanation we have.
        const bool nfDrop = netfilterDrop_ != UINT32_MAX ? ev[term].aux == netfilterDrop_
                                                         : dropReasonNames_.empty();
        if (nfDrop && vs.drop != kNoIndex) {
            rec.fate = Fate::DroppedByRule;
            rec.verdictNft = vs.drop;
        } else {
            rec.fate = Fate::Dropped;
        }
        return;
    }
    rec.fate = fateByLastSeen(ev, term, vs.rxWalk);
}

// ---- queries
// -------------------------------------------------------------------------------------

std::vector<Event> Assembler::events(JourneyId id) const {
    const JourneyRecord &rec = journeys_.at(id);
    std::vector<Event> out;
    if (open_.contains(id) || rec.eventCount == 0) {
        return out;
    }
    store_.read(eventPos_[id], rec.eventCount, rec.skb, rec.firstTs, out);
    return out;
}

std::vector<uint32_t> Assembler::nftOf(JourneyId id, bool withHidden) const {
    std::vector<uint32_t> out;
    const JourneyRecord &rec = journeys_.at(id);
    out.reserve(rec.nftCount);
    for (uint32_t s = rec.nftHead; s != kNoIndex; s = nft_[s].next) {
        if (withHidden || !nft_[s].hidden) {
            out.push_back(s);
        }
    }
    return out;
}

bool Assembler::completed(JourneyId id) const {
    return id < journeys_.size() && !open_.contains(id);
}

JourneyId Assembler::openJourney(uint64_t skb) const {
    auto it = bySkb_.find(skb);
    return it == bySkb_.end() ? kNoJourney : it->second;
}

namespace {

// The number of events at or before `ts` (events are time-sorted).
inline size_t eventsUpTo(std::span<const Event> ev, uint64_t ts) {
    return static_cast<size_t>(
        std::upper_bound(ev.begin(), ev.end(), ts,
                         [](uint64_t t, const Event &e) { return t < e.ts_ns; }) -
        ev.begin());
}

// The boundaries in a journey's events where an nft hook runs, by the layers of the events
// around them; position() picks the one for a walk.
class HookBoundaries {
public:
    HookBoundaries(const Assembler &a, std::span<const Event> ev) : a_(a), ev_(ev) {}

    // Where a walk at a hook of class `c`, received at `recvTs`, goes: the index of the event
    // it precedes (ev.size(): after the last).
    size_t position(HookClass c, uint64_t recvTs) const {
        const size_t n = ev_.size();
        std::vector<size_t> cands;
        bool seenRx = false;
        for (size_t p = 0; p < n; ++p) {
            const bool afterRx = p > 0 && seenRx && rxSide(ev_[p - 1]);
            switch (c) {
            case HookClass::Rx:
                if (afterRx && leavesRx(ev_[p])) {
                    cands.push_back(p);
                }
                break;
            case HookClass::Forward:
                if (afterRx && transmitOrDrop(ev_[p])) {
                    cands.push_back(p);
                }
                break;
            case HookClass::Tx:
                if ((p == 0 || a_.layerOf(ev_[p - 1].probe) != Layer::Xmit) &&
                    transmitOrDrop(ev_[p])) {
                    cands.push_back(p);
                }
                break;
            case HookClass::Unknown:
                break;
            }
            seenRx = seenRx || isRxEntry(ev_[p].probe);
        }
        size_t best = SIZE_MAX;
        for (size_t p : cands) {
            if (p == 0 || ev_[p - 1].ts_ns <= recvTs) {
                best = p;
            }
        }
        if (best == SIZE_MAX && !cands.empty()) {
            best = cands.front();
        }
        if (best == SIZE_MAX) {
            // No boundary of that kind: between the events around its receive time.
            best = std::clamp<size_t>(eventsUpTo(ev_, recvTs), 1, n > 1 ? n - 1 : n);
        }
        return best;
    }

private:
    // Receive-side work: device, GRO, routing and the IP layer, before the input hooks.
    bool rxSide(const Event &e) const {
        switch (a_.layerOf(e.probe)) {
        case Layer::Device:
        case Layer::GRO:
        case Layer::Bridge:
        case Layer::Routing:
        case Layer::IPv4:
        case Layer::IPv6:
        case Layer::Netfilter:
        case Layer::SoftIRQ:
            return e.probe != NT_PROBE_CONSUME_SKB;
        default:
            return false;
        }
    }
    // The packet leaves the receive path: transport, socket, transmit or free.
    bool leavesRx(const Event &e) const {
        switch (a_.layerOf(e.probe)) {
        case Layer::TCP:
        case Layer::UDP:
        case Layer::Socket:
        case Layer::Xmit:
        case Layer::Drop:
            return true;
        default:
            return e.probe == NT_PROBE_CONSUME_SKB;
        }
    }
    bool transmitOrDrop(const Event &e) const {
        const Layer l = a_.layerOf(e.probe);
        return l == Layer::Xmit || l == Layer::Drop;
    }

    const Assembler &a_;
    std::span<const Event> ev_;
};

} // namespace

// Tracepoints have no netfilter hook event, so an nft chain walk is put at the boundary where
// its hook runs: prerouting/input after the receive-side events (device, GRO, routing) and
// before the first socket/transport/transmit/free event; forward before the transmit; output/
// postrouting before the first transmit event. Among several such boundaries (veth journeys
// cross the stack twice) the last one that precedes the record's receive time wins. The gap
// at the boundary is charged to Netfilter: it also holds IP-layer work tracepoints cannot see.
std::vector<TimelineItem> Assembler::timeline(JourneyId id) const {
    return timeline(id, events(id));
}

std::vector<TimelineItem> Assembler::timeline(JourneyId id, std::span<const Event> ev) const {
    const std::vector<uint32_t> steps = nftOf(id, true);
    std::vector<TimelineItem> items;
    const size_t n = ev.size();
    items.reserve(n + steps.size());
    if (n == 0) {
        return items;
    }

    const HookBoundaries boundaries(*this, ev);
    // Walks: a record with header bytes starts one; the rest follow at the same place.
    std::vector<std::pair<size_t, uint32_t>> placed; // (position, ordinal)
    placed.reserve(steps.size());
    size_t walkPos = 0;
    for (size_t i = 0; i < steps.size(); ++i) {
        const NftStep &s = nft_[steps[i]];
        if (s.exact) {
            // Read in the kernel next to the events: its time places it.
            placed.emplace_back(eventsUpTo(ev, s.tsNs), steps[i]);
            continue;
        }
        if (i == 0 || s.walkStart || s.traceId != nft_[steps[i - 1]].traceId) {
            walkPos = boundaries.position(hookClass(s.hook), s.tsNs);
        }
        placed.emplace_back(walkPos, steps[i]);
    }
    std::stable_sort(placed.begin(), placed.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });

    size_t k = 0;
    for (size_t i = 0; i <= n; ++i) {
        for (; k < placed.size() && placed[k].first == i; ++k) {
            const NftStep &st = nft_[placed[k].second];
            const uint64_t at = i > 0 ? ev[i - 1].ts_ns : ev[0].ts_ns;
            // A step read in the kernel has its own time, between the events around it (after
            // the last event, the journey has ended: it stays at the end).
            const uint64_t ts = st.exact && i < n ? std::max(st.tsNs, at) : at;
            items.push_back(TimelineItem{ts, true, placed[k].second, Layer::Netfilter});
        }
        if (i < n) {
            items.push_back(TimelineItem{ev[i].ts_ns, false,
                                         journeys_[id].eventBegin + static_cast<uint32_t>(i),
                                         layerOf(ev[i].probe)});
        }
    }
    return items;
}

Journey Assembler::journey(JourneyId id) const {
    const JourneyRecord &rec = journeys_.at(id);
    Journey j;
    j.id = id;
    j.skb = rec.skb;
    j.firstTs = rec.firstTs;
    j.lastTs = rec.lastTs;
    j.header = rec.header;
    j.eventBegin = rec.eventBegin;
    j.eventCount = open_.contains(id) ? 0 : rec.eventCount;
    j.nft = nftOf(id);
    j.fate = rec.fate;
    j.flags = rec.flags;
    j.parent = rec.parent;
    j.verdictNft = rec.verdictNft;

    const std::vector<Event> ev = events(id);
    if (rec.fate == Fate::Dropped || rec.fate == Fate::DroppedByRule) {
        for (size_t i = ev.size(); i-- > 0;) {
            if (ev[i].probe == NT_PROBE_KFREE_SKB) {
                j.dropReason = ev[i].aux;
                j.dropLocation = ev[i].location;
                break;
            }
        }
    }
    if (rec.verdictNft != kNoIndex) {
        const NftStep &s = nft_[rec.verdictNft];
        j.verdict = effectiveVerdict(s);
        j.verdictByPolicy = s.type == static_cast<uint8_t>(NftTraceType::Policy);
        j.ruleHandle = s.ruleHandle;
        j.family = nfFamilyName(s.family);
        j.table = names_[s.table];
        j.chain = names_[s.chain];
    }
    const std::vector<TimelineItem> items = timeline(id, ev); // decoded once
    for (size_t i = 0; i + 1 < items.size(); ++i) {
        j.layerNs[static_cast<size_t>(items[i].layer)] += items[i + 1].tsNs - items[i].tsNs;
    }
    return j;
}

size_t Assembler::memoryBytes() const {
    // Node-based containers: one node (value + next pointer + cached hash) per entry + buckets.
    auto mapBytes = [](const auto &m) {
        using V = typename std::remove_reference_t<decltype(m)>::value_type;
        return m.size() * (sizeof(V) + 2 * sizeof(void *)) + m.bucket_count() * sizeof(void *);
    };
    size_t bytes = sizeof(*this);
    bytes += store_.memoryBytes() + eventPos_.capacity() * sizeof(EventStore::Position);
    // libstdc++ deques allocate 512-byte blocks plus a map of block pointers.
    auto dequeBytes = [](size_t n, size_t elem) {
        const size_t perBlock = std::max<size_t>(1, 512 / elem);
        const size_t blocks = n / perBlock + 1;
        return blocks * std::max<size_t>(512, elem) + (blocks + 8) * sizeof(void *);
    };
    bytes += dequeBytes(journeys_.size(), sizeof(JourneyRecord));
    bytes += dequeBytes(nft_.size(), sizeof(NftStep));
    bytes += prevSameFp_.capacity() * sizeof(JourneyId);
    for (const std::string &s : names_) {
        bytes += sizeof(std::string) + s.capacity();
    }
    bytes += mapBytes(nameIndex_) + mapBytes(nameByPool_) + unjoined_.capacity() * 4 +
             completeScratch_.capacity() * sizeof(Event);
    bytes += pool_.capacity() * sizeof(Slot);
    bytes += mapBytes(open_) + mapBytes(bySkb_) + mapBytes(pendingHeaders_) +
             mapBytes(byFingerprint_) + mapBytes(byTraceId_) + mapBytes(aliasFp_);
    bytes += terminated_.capacity() * 4 + completed_.capacity() * 4;
    for (const Pending &p : pending_) {
        bytes += sizeof(Pending) + p.ordinals.capacity() * 4;
    }
    bytes +=
        pendingByFp_.size() * (sizeof(void *) + 16) + pendingByFp_.bucket_count() * sizeof(void *);
    bytes += probeLayers_.capacity() * sizeof(Layer);
    return bytes;
}

// ---- bulk --------------------------------------------------------------------------------------

Assembler Assembler::assemble(const Trace &trace, AssemblerOptions options) {
    Assembler a(trace.probes, trace.dropReasons, options);
    for (const LossMark &m : trace.lossMarks) {
        a.noteLoss(m.tsNs);
    }
    // A file without loss marks but with loss: no time to tell, every miss may be that loss.
    a.lossAnywhere_ = trace.lossMarks.empty() && trace.meta.loss.ringbufFull > 0;
    // The same merge a file streamed into a viewer goes through (streamTrace).
    TimeMerge merge(std::span<const PacketHeader>(trace.packets),
                    std::span<const NftTraceRecord>(trace.nft));
    auto onPacket = [&a](const PacketHeader &h) { a.add(h); };
    auto onNft = [&a](const NftTraceRecord &r) { a.add(r); };
    merge.feed(
        trace.events, onPacket, [&a](const Event &e) { a.add(e); }, onNft);
    merge.finish(onPacket, onNft);
    a.flush();
    return a;
}

} // namespace nt
