// Event pages: varint encoding of event batches, and a decoder that checks every value.
#include "event_pages.h"

#include "page_codec.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace nt {

using pages::Dictionary;
using pages::putVarint;
using pages::unzigzag;
using pages::zigzag;

EventPageStats encodeEventPage(std::span<const Event> events, std::string &out) {
    EventPageStats stats;
    Dictionary skbs, addrs;
    std::string body;
    {
        pages::Sink sink(body);
        Event prev{};
        bool first = true;
        for (const Event &e : events) {
            stats.minTs = first ? e.ts_ns : std::min<uint64_t>(stats.minTs, e.ts_ns);
            stats.maxTs = first ? e.ts_ns : std::max<uint64_t>(stats.maxTs, e.ts_ns);
            first = false;
            sink.room(14 * pages::kMaxVarintBytes);
            sink.varint(zigzag(e.ts_ns, prev.ts_ns));
            sink.varint(e.type);
            sink.varint(e.flags);
            sink.varint(e.probe);
            sink.varint(e.cpu);
            sink.varint(zigzag(e.protocol, prev.protocol));
            sink.varint(skbs.indexOf(e.skb));
            sink.varint(addrs.indexOf(e.location));
            sink.varint(zigzag(e.netns, prev.netns));
            sink.varint(zigzag(e.ifindex, prev.ifindex));
            sink.varint(e.len);
            sink.varint(zigzag(e.mark, prev.mark));
            sink.varint(e.aux);
            sink.varint(e.aux2);
            prev = e;
        }
    }
    out.push_back(static_cast<char>(kEventPageFormat));
    putVarint(out, events.size());
    skbs.write(out);
    addrs.write(out);
    out += body;
    return stats;
}

QString decodeEventPage(std::span<const uint8_t> page, std::vector<Event> &out,
                        EventPageStats *stats) {
    pages::Reader r(page);
    uint8_t format = 0;
    if (!r.u8(format)) {
        return r.error;
    }
    if (format != kEventPageFormat) {
        return QCoreApplication::translate("nt::TraceFile", "it has format %1, not %2")
            .arg(format)
            .arg(kEventPageFormat);
    }
    uint64_t count = 0;
    if (!r.count(count, 14, kMaxEventsPerPage, "events")) { // 14 values of a byte at least
        return r.error;
    }
    std::vector<uint64_t> skbs, addrs;
    if (!Dictionary::read(r, skbs) || !Dictionary::read(r, addrs)) {
        return r.error;
    }
    out.reserve(out.size() + count);
    Event prev{};
    EventPageStats st;
    for (uint64_t i = 0; i < count; ++i) {
        Event e{};
        uint64_t ts = 0, skb = 0, addr = 0;
        if (!r.varint(ts) || !r.small(e.type, "type") || !r.small(e.flags, "flags") ||
            !r.small(e.probe, "probe") || !r.small(e.cpu, "cpu") ||
            !r.delta(e.protocol, prev.protocol, "protocol") || !r.varint(skb) || !r.varint(addr) ||
            !r.delta(e.netns, prev.netns, "netns") ||
            !r.delta(e.ifindex, prev.ifindex, "ifindex") || !r.small(e.len, "len") ||
            !r.delta(e.mark, prev.mark, "mark") || !r.small(e.aux, "aux") ||
            !r.small(e.aux2, "aux2")) {
            return r.error;
        }
        if (skb >= skbs.size() || addr >= addrs.size()) {
            return QCoreApplication::translate("nt::TraceFile",
                                               "it refers to an address it does not list");
        }
        e.ts_ns = unzigzag(ts, prev.ts_ns);
        e.skb = skbs[skb];
        e.location = addrs[addr];
        st.minTs = i == 0 ? e.ts_ns : std::min<uint64_t>(st.minTs, e.ts_ns);
        st.maxTs = i == 0 ? e.ts_ns : std::max<uint64_t>(st.maxTs, e.ts_ns);
        out.push_back(e);
        prev = e;
    }
    if (r.left() != 0) {
        return QCoreApplication::translate("nt::TraceFile", "it has %1 bytes after its last record")
            .arg(r.left());
    }
    if (stats != nullptr) {
        *stats = st;
    }
    return {};
}

} // namespace nt
