// Fuzzes the page decoders below the trace file: arbitrary bytes as an event, packet-header or
// nft-record page, bare or in its packed container, must give an error or records within their
// limits, never a crash. A file-level fuzzer rarely reaches these bytes intact: a packed page is
// checksummed, so a change to it is refused before it is decoded.
#include "event_pages.h"
#include "page_codec.h"
#include "record_pages.h"
#include "tracefile.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

namespace {

// Decodes `page` as kind `kind` (0 events, 1 packet headers, 2 nft records) and checks what a
// successful decode returned.
void decode(uint8_t kind, std::span<const uint8_t> page) {
    switch (kind % 3) {
    case 0: {
        std::vector<nt::Event> out;
        nt::pages::Stats st;
        if (nt::decodeEventPage(page, out, &st).isEmpty() && out.size() > nt::kMaxEventsPerPage)
            std::abort();
        break;
    }
    case 1: {
        std::vector<nt::PacketHeader> out;
        if (nt::decodePacketPage(page, out).isEmpty()) {
            for (const nt::PacketHeader &p : out) {
                if (p.data.size() > NT_PACKET_CAPLEN)
                    std::abort();
            }
        }
        break;
    }
    default: {
        std::vector<nt::NftTraceRecord> out;
        if (nt::decodeNftPage(page, out).isEmpty()) {
            for (const nt::NftTraceRecord &r : out) {
                if (r.type > nt::NftTraceType::Chain || r.llHeader.size() > nt::kMaxNftHeaderBytes)
                    std::abort();
            }
        }
        break;
    }
    }
}

} // namespace

// Byte 0: bit 7 set reads the rest as a packed container, bits 0-1 choose the page kind.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    const uint8_t how = data[0];
    const std::span<const uint8_t> rest(data + 1, size - 1);
    if ((how & 0x80) == 0) {
        decode(how, rest);
        return 0;
    }
    std::string page;
    if (nt::pages::unpack(rest, page).isEmpty())
        decode(how, nt::pages::asBytes(page));
    return 0;
}
