// Chunked, time-merged reading of a trace file.
#include "trace_stream.h"

#include <algorithm>
#include <utility>

namespace nt {

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
    reader.readEvents(
        [&](std::span<const Event> events) {
            merge.feed(events, onPacket, onEvent, onNft);
            done += events.size();
            if (chunk.size() >= chunkRecords) {
                flush();
            }
            report();
        },
        {}, std::max<size_t>(chunkRecords / 4, 1));
    merge.finish(onPacket, onNft);
    flush();
    report();
}

} // namespace nt
