// Event pages: varint encoding of event batches, and a decoder that checks every value.
#include "event_pages.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace nt {

using pages::Dictionary;
using pages::putVarint;
using pages::unzigzag;
using pages::zigzag;

void EventPageEncoder::add(const Event &e) {
    pages::Sink sink = body_.add(e.ts_ns);
    sink.room(14 * pages::kMaxVarintBytes);
    sink.varint(zigzag(e.ts_ns, prev_.ts_ns));
    sink.varint(e.type);
    sink.varint(e.flags);
    sink.varint(e.probe);
    sink.varint(e.cpu);
    sink.varint(zigzag(e.protocol, prev_.protocol));
    sink.varint(skbs_.indexOf(e.skb));
    sink.varint(addrs_.indexOf(e.location));
    sink.varint(zigzag(e.netns, prev_.netns));
    sink.varint(zigzag(e.ifindex, prev_.ifindex));
    sink.varint(e.len);
    sink.varint(zigzag(e.mark, prev_.mark));
    sink.varint(e.aux);
    sink.varint(e.aux2);
    prev_ = e;
}

pages::Stats EventPageEncoder::finish(std::string &out) {
    body_.head(out, kEventPageFormat);
    skbs_.write(out);
    addrs_.write(out);
    const pages::Stats stats = body_.take(out);
    skbs_.clear();
    addrs_.clear();
    prev_ = Event{};
    return stats;
}

pages::Stats encodeEventPage(std::span<const Event> events, std::string &out) {
    EventPageEncoder page;
    for (const Event &e : events)
        page.add(e);
    return page.finish(out);
}

QString decodeEventPage(std::span<const uint8_t> page, std::vector<Event> &out,
                        pages::Stats *stats) {
    pages::Reader r(page);
    uint64_t count = 0;
    if (!r.header(kEventPageFormat, count, 14, kMaxEventsPerPage, "events")) {
        return r.error; // 14 values of a byte at least per event
    }
    std::vector<uint64_t> skbs, addrs;
    if (!Dictionary::read(r, skbs) || !Dictionary::read(r, addrs)) {
        return r.error;
    }
    out.reserve(out.size() + count);
    Event prev{};
    pages::Stats st;
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
        st.widen(e.ts_ns, i);
        out.push_back(e);
        prev = e;
    }
    if (!r.end()) {
        return r.error;
    }
    if (stats != nullptr) {
        *stats = st;
    }
    return {};
}

} // namespace nt
