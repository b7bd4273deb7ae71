// Chunked, time-merged reading of a trace file.
#include "trace_stream.h"

#include <algorithm>
#include <utility>

namespace nt {

namespace {

// Merges `packets` and `nft` into the event batches `readEvents` hands out (it calls its
// argument once per batch of at most `batch` events) and gives `sink` chunks of about
// `chunkRecords` records; `afterBatch(n)` runs after each batch of n events.
template <class ReadEvents, class AfterBatch>
void mergeIntoChunks(std::vector<PacketHeader> &packets, std::vector<NftTraceRecord> &nft,
                     ReadEvents &&readEvents, AfterBatch &&afterBatch,
                     const std::function<void(TraceChunk &&)> &sink, size_t chunkRecords) {
    TimeMerge merge{std::span<PacketHeader>(packets), std::span<NftTraceRecord>(nft)};
    TraceChunk chunk;
    auto onPacket = [&](PacketHeader &h) {
        chunk.packets.push_back(std::move(h));
        chunk.order.push_back(TraceChunk::PacketRecord);
    };
    auto onEvent = [&](const Event &e) {
        chunk.events.push_back(e);
        chunk.order.push_back(TraceChunk::EventRecord);
    };
    auto onNft = [&](NftTraceRecord &r) {
        chunk.nft.push_back(std::move(r));
        chunk.order.push_back(TraceChunk::NftRecord);
    };
    auto flush = [&] {
        if (!chunk.empty()) {
            sink(std::move(chunk));
            chunk = TraceChunk();
        }
    };
    // Event batches no larger than a chunk keep each chunk close to chunkRecords.
    readEvents(
        [&](std::span<const Event> events) {
            merge.feed(events, onPacket, onEvent, onNft);
            if (chunk.size() >= chunkRecords) {
                flush();
            }
            afterBatch(events.size());
        },
        std::max<size_t>(chunkRecords / 4, 1));
    merge.finish(onPacket, onNft);
    flush();
}

} // namespace

void streamTrace(TraceReader &reader, const std::function<void(TraceChunk &&)> &sink,
                 const TraceProgress &progress, size_t chunkRecords) {
    const TraceFileInfo &info = reader.info();
    const uint64_t total = info.events + info.packets + info.nftRecords;
    uint64_t done = 0;
    auto report = [&] {
        if (progress && !progress(done, total)) {
            throw TraceFileCancelled();
        }
    };
    // Headers and nft records are a small share of a trace: read whole, then handed out.
    std::vector<PacketHeader> packets = reader.readPackets();
    done += packets.size();
    report();
    std::vector<NftTraceRecord> nft = reader.readNft();
    done += nft.size();
    report();
    mergeIntoChunks(
        packets, nft,
        [&](const std::function<void(std::span<const Event>)> &onBatch, size_t batch) {
            reader.readEvents(onBatch, {}, batch);
        },
        [&](size_t n) {
            done += n;
            report();
        },
        sink, chunkRecords);
    report();
}

void streamTrace(Trace &trace, const std::function<void(TraceChunk &&)> &sink,
                 size_t chunkRecords) {
    std::vector<PacketHeader> packets = std::move(trace.packets);
    std::vector<NftTraceRecord> nft = std::move(trace.nft);
    std::vector<Event> events = std::move(trace.events);
    trace.packets.clear();
    trace.nft.clear();
    trace.events.clear();
    mergeIntoChunks(
        packets, nft,
        [&](const std::function<void(std::span<const Event>)> &onBatch, size_t batch) {
            for (size_t i = 0; i < events.size(); i += batch) {
                onBatch(
                    std::span<const Event>(events).subspan(i, std::min(batch, events.size() - i)));
            }
        },
        [](size_t) {}, sink, chunkRecords);
}

} // namespace nt
