// Event pages: varint encoding of event batches, and a decoder that checks every value.
#include "event_pages.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace nt {
namespace {

void putVarint(std::string &out, uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

uint64_t zigzag(uint64_t now, uint64_t before) {
    const auto d = static_cast<int64_t>(now - before); // wraps: any two values have a difference
    return (static_cast<uint64_t>(d) << 1) ^ static_cast<uint64_t>(d >> 63);
}

uint64_t unzigzag(uint64_t z, uint64_t before) {
    const uint64_t d = (z >> 1) ^ (~(z & 1) + 1);
    return before + d;
}

// Indexes of distinct values in first-appearance order.
class Dictionary {
public:
    uint64_t indexOf(uint64_t v) {
        auto [it, inserted] = index_.try_emplace(v, values_.size());
        if (inserted) {
            values_.push_back(v);
        }
        return it->second;
    }
    void write(std::string &out) const {
        putVarint(out, values_.size());
        uint64_t prev = 0;
        for (uint64_t v : values_) {
            putVarint(out, zigzag(v, prev));
            prev = v;
        }
    }

private:
    std::unordered_map<uint64_t, uint64_t> index_;
    std::vector<uint64_t> values_;
};

class PageReader {
public:
    explicit PageReader(std::span<const uint8_t> bytes) : p_(bytes) {}

    // False (and `error` set) at the end of the bytes or on a varint longer than 64 bits.
    bool varint(uint64_t &v) {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= p_.size()) {
                error = QCoreApplication::translate("nt::TraceFile",
                                                    "an event page ends in the middle of a value");
                return false;
            }
            const uint8_t b = p_[pos_++];
            if (shift == 63 && b > 1) {
                break;
            }
            v |= uint64_t{b & 0x7fU} << shift;
            if ((b & 0x80) == 0) {
                return true;
            }
        }
        error = QCoreApplication::translate("nt::TraceFile",
                                            "an event page holds a number longer than 64 bits");
        return false;
    }
    template <typename T> bool small(T &v, const char *what) {
        uint64_t raw = 0;
        if (!varint(raw)) {
            return false;
        }
        if (raw > std::numeric_limits<T>::max()) {
            error = QCoreApplication::translate("nt::TraceFile",
                                                "an event page holds %1 %2, out of range")
                        .arg(QString::fromLatin1(what))
                        .arg(raw);
            return false;
        }
        v = static_cast<T>(raw);
        return true;
    }
    template <typename T> bool delta(T &v, T before, const char *what) {
        uint64_t z = 0;
        if (!varint(z)) {
            return false;
        }
        const uint64_t x = unzigzag(z, before);
        if (x > std::numeric_limits<T>::max()) {
            error = QCoreApplication::translate("nt::TraceFile",
                                                "an event page holds %1 %2, out of range")
                        .arg(QString::fromLatin1(what))
                        .arg(x);
            return false;
        }
        v = static_cast<T>(x);
        return true;
    }
    bool dictionary(std::vector<uint64_t> &values) {
        uint64_t n = 0;
        if (!varint(n)) {
            return false;
        }
        if (n > p_.size() - pos_) { // each entry takes at least one byte
            error = QCoreApplication::translate(
                "nt::TraceFile", "an event page promises more addresses than it holds");
            return false;
        }
        values.resize(n);
        uint64_t prev = 0;
        for (uint64_t &v : values) {
            uint64_t z = 0;
            if (!varint(z)) {
                return false;
            }
            v = prev = unzigzag(z, prev);
        }
        return true;
    }
    size_t left() const { return p_.size() - pos_; }
    bool u8(uint8_t &v) {
        if (pos_ >= p_.size()) {
            error = QCoreApplication::translate("nt::TraceFile",
                                                "an event page ends in the middle of a value");
            return false;
        }
        v = p_[pos_++];
        return true;
    }

    QString error;

private:
    std::span<const uint8_t> p_;
    size_t pos_ = 0;
};

} // namespace

EventPageStats encodeEventPage(std::span<const Event> events, std::string &out) {
    EventPageStats stats;
    Dictionary skbs, addrs;
    std::string body;
    body.reserve(events.size() * 20);
    Event prev{};
    bool first = true;
    for (const Event &e : events) {
        stats.minTs = first ? e.ts_ns : std::min<uint64_t>(stats.minTs, e.ts_ns);
        stats.maxTs = first ? e.ts_ns : std::max<uint64_t>(stats.maxTs, e.ts_ns);
        first = false;
        putVarint(body, zigzag(e.ts_ns, prev.ts_ns));
        putVarint(body, e.type);
        putVarint(body, e.flags);
        putVarint(body, e.probe);
        putVarint(body, e.cpu);
        putVarint(body, zigzag(e.protocol, prev.protocol));
        putVarint(body, skbs.indexOf(e.skb));
        putVarint(body, addrs.indexOf(e.location));
        putVarint(body, zigzag(e.netns, prev.netns));
        putVarint(body, zigzag(e.ifindex, prev.ifindex));
        putVarint(body, e.len);
        putVarint(body, zigzag(e.mark, prev.mark));
        putVarint(body, e.aux);
        putVarint(body, e.aux2);
        prev = e;
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
    PageReader r(page);
    uint8_t format = 0;
    if (!r.u8(format)) {
        return r.error;
    }
    if (format != kEventPageFormat) {
        return QCoreApplication::translate("nt::TraceFile", "an event page has format %1, not %2")
            .arg(format)
            .arg(kEventPageFormat);
    }
    uint64_t count = 0;
    if (!r.varint(count)) {
        return r.error;
    }
    if (count > kMaxEventsPerPage || count > r.left() / 14) { // 14 values of a byte at least
        return QCoreApplication::translate(
                   "nt::TraceFile", "an event page promises %1 events, more than it can hold")
            .arg(count);
    }
    std::vector<uint64_t> skbs, addrs;
    if (!r.dictionary(skbs) || !r.dictionary(addrs)) {
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
            return QCoreApplication::translate(
                "nt::TraceFile", "an event page refers to an address it does not list");
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
        return QCoreApplication::translate("nt::TraceFile",
                                           "an event page has %1 bytes after its last event")
            .arg(r.left());
    }
    if (stats != nullptr) {
        *stats = st;
    }
    return {};
}

} // namespace nt
