// Reading a trace file a bounded chunk at a time, in the order bulk assembly feeds it, so that a
// viewer can assemble and list journeys while the rest of the file is still being read.
#pragma once

#include "event.h"
#include "tracefile.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace nt {

// Records merged by time the way Assembler::assemble merges them: each stream keeps its own
// order; a packet header goes before the event of its time, an nft record after the events of
// its time. Events are fed in batches; headers and nft records are held whole (a small share
// of a trace) and handed out as the events reach their time. Packet and Nft may be const; when
// they are not, the callbacks may move from what they are given.
template <class Packet, class Nft> class TimeMerge {
public:
    TimeMerge(std::span<Packet> packets, std::span<Nft> nft) : packets_(packets), nft_(nft) {}

    // The next events of the stream, in arrival order.
    template <class OnPacket, class OnEvent, class OnNft>
    void feed(std::span<const Event> events, OnPacket &&onPacket, OnEvent &&onEvent,
              OnNft &&onNft) {
        for (const Event &e : events) {
            drain(e.ts_ns, onPacket, onNft);
            onEvent(e);
        }
    }
    // No more events: the remaining headers and nft records.
    template <class OnPacket, class OnNft> void finish(OnPacket &&onPacket, OnNft &&onNft) {
        while (ip_ < packets_.size() || in_ < nft_.size()) {
            if (ip_ < packets_.size() &&
                (in_ >= nft_.size() || packets_[ip_].tsNs <= nft_[in_].tsNs)) {
                onPacket(packets_[ip_++]);
            } else {
                onNft(nft_[in_++]);
            }
        }
    }

private:
    // Everything that goes before an event at `te`.
    template <class OnPacket, class OnNft>
    void drain(uint64_t te, OnPacket &onPacket, OnNft &onNft) {
        for (;;) {
            const uint64_t tp = ip_ < packets_.size() ? packets_[ip_].tsNs : UINT64_MAX;
            const uint64_t tn = in_ < nft_.size() ? nft_[in_].tsNs : UINT64_MAX;
            if (ip_ < packets_.size() && tp <= te && tp <= tn) {
                onPacket(packets_[ip_++]);
            } else if (in_ < nft_.size() && tn < te) {
                onNft(nft_[in_++]);
            } else {
                return;
            }
        }
    }

    std::span<Packet> packets_;
    std::span<Nft> nft_;
    size_t ip_ = 0, in_ = 0;
};

// A run of records in feeding order: `order` says, record by record, which vector the next one
// comes from.
struct TraceChunk {
    enum Kind : uint8_t { PacketRecord, EventRecord, NftRecord };
    std::vector<Event> events;
    std::vector<PacketHeader> packets;
    std::vector<NftTraceRecord> nft;
    std::vector<uint8_t> order;

    size_t size() const { return order.size(); }
    bool empty() const { return order.empty(); }
};

// Where the consumer of a chunk is: lets it stop after any record and go on later.
struct ChunkCursor {
    size_t order = 0, event = 0, packet = 0, nft = 0;

    bool atEnd(const TraceChunk &c) const { return order >= c.order.size(); }
    // Visits at most `limit` records from the cursor on; returns how many it visited. Headers
    // and nft records are passed as rvalues: the consumer may keep them.
    template <class OnPacket, class OnEvent, class OnNft>
    size_t visit(TraceChunk &c, size_t limit, OnPacket &&onPacket, OnEvent &&onEvent,
                 OnNft &&onNft) {
        size_t n = 0;
        for (; n < limit && order < c.order.size(); ++n, ++order) {
            switch (c.order[order]) {
            case TraceChunk::PacketRecord:
                onPacket(std::move(c.packets[packet++]));
                break;
            case TraceChunk::EventRecord:
                onEvent(c.events[event++]);
                break;
            default:
                onNft(std::move(c.nft[nft++]));
                break;
            }
        }
        return n;
    }
};

// Reads the events, packet headers and nft records of an open trace and hands them to `sink`
// merged as above, in chunks of about `chunkRecords` records. `progress` counts records read
// out of all rows (returning false cancels: TraceFileCancelled). Throws TraceFileError.
void streamTrace(TraceReader &reader, const std::function<void(TraceChunk &&)> &sink,
                 const TraceProgress &progress = {}, size_t chunkRecords = 16384);
// The same for a trace already in memory (a set of files, openTraceSet): its events, packet
// headers and nft records are moved out of `trace` into the chunks; the rest stays.
void streamTrace(Trace &trace, const std::function<void(TraceChunk &&)> &sink,
                 size_t chunkRecords = 16384);

} // namespace nt
