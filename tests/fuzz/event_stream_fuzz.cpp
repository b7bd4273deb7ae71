// libFuzzer target: the client's event stream decoder on arbitrary bytes, fed in chunks whose
// sizes come from the input, must throw only StreamError and stay failed afterwards.
#include "event_stream.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) {
        return 0;
    }
    // First byte: chunk size (1..256), so splits inside fields and frame headers are explored.
    const size_t chunk = size_t(data[0]) + 1;
    const char *p = reinterpret_cast<const char *>(data + 1);
    size_t left = size - 1;
    nt::stream::StreamDecoder decoder;
    std::vector<nt::stream::StreamItem> items;
    // A valid stream start in front when the input lacks one, to reach the frame decoder often.
    if (left < 4 || p[0] != 'N') {
        const std::string start = nt::stream::encodeStreamStart();
        decoder.feed(start, items);
    }
    try {
        while (left > 0) {
            const size_t n = left < chunk ? left : chunk;
            decoder.feed(p, n, items);
            p += n;
            left -= n;
        }
        decoder.finish();
    } catch (const nt::stream::StreamError &) {
        if (!decoder.failed()) {
            std::abort();
        }
        try {
            decoder.feed("x", 1, items);
            std::abort(); // a failed decoder must not accept more
        } catch (const nt::stream::StreamError &) {
        }
    }
    // Whatever decoded must keep RecordBatch's invariants.
    for (const auto &item : items) {
        if (const auto *r = std::get_if<nt::stream::RecordsFrame>(&item)) {
            const auto &b = r->batch;
            if (b.packets.size() != b.packetBefore.size()) {
                std::abort();
            }
            for (size_t i = 0; i < b.packetBefore.size(); ++i) {
                if (b.packetBefore[i] > b.events.size() ||
                    (i > 0 && b.packetBefore[i] < b.packetBefore[i - 1])) {
                    std::abort();
                }
            }
        }
    }
    return 0;
}
