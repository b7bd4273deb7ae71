// Packet-header and nft-record pages: encoders, and decoders that check every value.
#include "record_pages.h"

#include "page_codec.h"
#include "tracefile.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace nt {

using pages::putVarint;
using pages::unzigzag;
using pages::zigzag;

namespace {

// Longest table, chain or jump-target name accepted (the kernel's limit is 256).
constexpr size_t kMaxNameBytes = 4096;

void widen(RecordPageStats &st, uint64_t ts, bool first) {
    st.minTs = first ? ts : std::min(st.minTs, ts);
    st.maxTs = first ? ts : std::max(st.maxTs, ts);
}

QString checkFormat(pages::Reader &r, uint8_t want, uint64_t &count) {
    uint8_t format = 0;
    if (!r.u8(format))
        return r.error;
    if (format != want)
        return QCoreApplication::translate("nt::TraceFile", "it has format %1, not %2")
            .arg(format)
            .arg(want);
    // Every record takes a few bytes at least: 6 for a header, 26 for an nft record.
    if (!r.count(count, want == kPacketPageFormat ? 6 : 26, kMaxRecordsPerPage, "records"))
        return r.error;
    return {};
}

QString trailing(const pages::Reader &r) {
    return QCoreApplication::translate("nt::TraceFile", "it has %1 bytes after its last record")
        .arg(r.left());
}

} // namespace

RecordPageStats encodePacketPage(std::span<const PacketHeader> packets, std::string &out) {
    RecordPageStats st;
    pages::Sink sink(out);
    sink.room(1 + pages::kMaxVarintBytes);
    sink.byte(kPacketPageFormat);
    sink.varint(packets.size());
    const PacketHeader none;
    const PacketHeader *prev = &none;
    for (const PacketHeader &p : packets) {
        widen(st, p.tsNs, prev == &none);
        sink.room(6 * pages::kMaxVarintBytes + p.data.size());
        sink.varint(zigzag(p.skb, prev->skb));
        sink.varint(zigzag(p.tsNs, prev->tsNs));
        sink.varint(zigzag(p.netns, prev->netns));
        sink.varint(p.len);
        sink.varint(zigzag(p.protocol, prev->protocol));
        sink.varint(p.data.size());
        char *to = sink.take(p.data.size());
        const size_t common = std::min(p.data.size(), prev->data.size());
        for (size_t i = 0; i < common; ++i)
            to[i] = static_cast<char>(p.data[i] ^ prev->data[i]);
        if (p.data.size() > common)
            std::memcpy(to + common, p.data.data() + common, p.data.size() - common);
        prev = &p;
    }
    return st;
}

QString decodePacketPage(std::span<const uint8_t> page, std::vector<PacketHeader> &out,
                         RecordPageStats *stats) {
    pages::Reader r(page);
    uint64_t count = 0;
    if (QString why = checkFormat(r, kPacketPageFormat, count); !why.isEmpty())
        return why;
    out.reserve(out.size() + count); // so `prev` stays valid: no reallocation below
    const PacketHeader none;
    const PacketHeader *prevp = &none;
    RecordPageStats st;
    for (uint64_t i = 0; i < count; ++i) {
        const PacketHeader &prev = *prevp;
        PacketHeader p;
        std::span<const uint8_t> data;
        if (!r.delta(p.skb, prev.skb, "skb") || !r.delta(p.tsNs, prev.tsNs, "ts_ns") ||
            !r.delta(p.netns, prev.netns, "netns") || !r.small(p.len, "len") ||
            !r.delta(p.protocol, prev.protocol, "protocol") ||
            !r.bytes(data, NT_PACKET_CAPLEN, "header bytes"))
            return r.error;
        p.data.assign(data.begin(), data.end());
        const size_t common = std::min(p.data.size(), prev.data.size());
        for (size_t k = 0; k < common; ++k)
            p.data[k] ^= prev.data[k];
        widen(st, p.tsNs, i == 0);
        out.push_back(std::move(p));
        prevp = &out.back();
    }
    if (r.left() != 0)
        return trailing(r);
    if (stats != nullptr)
        *stats = st;
    return {};
}

RecordPageStats encodeNftPage(std::span<const NftTraceRecord> records, std::string &out) {
    RecordPageStats st;
    // Names are interned: one Name per distinct text, so its address identifies it. A page
    // holds few: a scan finds them, a map once there are many.
    constexpr size_t kScanNames = 32;
    std::unordered_map<const char *, uint64_t> index;
    std::vector<const Name *> names;
    auto nameIndex = [&](const Name &n) -> uint64_t {
        if (names.size() <= kScanNames) {
            for (size_t i = 0; i < names.size(); ++i) {
                if (names[i]->data() == n.data())
                    return i;
            }
            names.push_back(&n);
            if (names.size() > kScanNames) {
                for (size_t i = 0; i < names.size(); ++i)
                    index.emplace(names[i]->data(), i);
            }
            return names.size() - 1;
        }
        auto [it, added] = index.try_emplace(n.data(), names.size());
        if (added)
            names.push_back(&n);
        return it->second;
    };
    std::string body;
    {
        pages::Sink sink(body);
        const NftTraceRecord none;
        const NftTraceRecord *prev = &none;
        for (const NftTraceRecord &r : records) {
            widen(st, r.tsNs, prev == &none);
            sink.room(26 * pages::kMaxVarintBytes + r.llHeader.size() + r.networkHeader.size() +
                      r.transportHeader.size());
            sink.varint(zigzag(r.tsNs, prev->tsNs));
            sink.varint(r.ruleHandle);
            sink.varint(r.id);
            sink.varint(r.iif);
            sink.varint(r.oif);
            sink.varint(r.mark);
            sink.varint(r.nfproto);
            sink.varint(r.policy);
            sink.varint(zigzag(static_cast<uint64_t>(int64_t{r.verdict}), 0));
            sink.varint(r.iiftype);
            sink.varint(r.oiftype);
            sink.varint(r.family);
            sink.varint(static_cast<uint64_t>(r.type));
            sink.varint(zigzag(r.netns, prev->netns));
            sink.varint(nameIndex(r.table));
            sink.varint(nameIndex(r.chain));
            sink.varint(nameIndex(r.jumpTarget));
            sink.varint(r.ctId);
            sink.varint(r.ctStatus);
            sink.varint(r.ctState);
            sink.varint(r.ctDirection);
            sink.varint(zigzag(r.skb, prev->skb));
            sink.byte(r.walkStart ? 1 : 0);
            sink.bytes(r.llHeader);
            sink.bytes(r.networkHeader);
            sink.bytes(r.transportHeader);
            prev = &r;
        }
    }
    out.push_back(static_cast<char>(kNftPageFormat));
    putVarint(out, records.size());
    putVarint(out, names.size());
    for (const Name *n : names) {
        putVarint(out, n->size());
        out.append(n->data(), n->size());
    }
    out += body;
    return st;
}

QString decodeNftPage(std::span<const uint8_t> page, std::vector<NftTraceRecord> &out,
                      RecordPageStats *stats) {
    pages::Reader r(page);
    uint64_t count = 0;
    if (QString why = checkFormat(r, kNftPageFormat, count); !why.isEmpty())
        return why;
    uint64_t nNames = 0;
    if (!r.count(nNames, 1, kMaxRecordsPerPage * 3, "names"))
        return r.error;
    std::vector<Name> names;
    names.reserve(nNames);
    for (uint64_t i = 0; i < nNames; ++i) {
        std::span<const uint8_t> text;
        if (!r.bytes(text, kMaxNameBytes, "name bytes"))
            return r.error;
        names.emplace_back(
            std::string_view(reinterpret_cast<const char *>(text.data()), text.size()));
    }
    auto name = [&](Name &n, const char *what) {
        uint64_t i = 0;
        if (!r.varint(i))
            return false;
        if (i >= names.size()) {
            r.error = QCoreApplication::translate("nt::TraceFile",
                                                  "it refers to a %1 name it does not list")
                          .arg(QString::fromLatin1(what));
            return false;
        }
        n = names[i];
        return true;
    };
    auto header = [&](std::vector<uint8_t> &h, const char *what) {
        std::span<const uint8_t> b;
        if (!r.bytes(b, kMaxNftHeaderBytes, what))
            return false;
        h.assign(b.begin(), b.end());
        return true;
    };
    out.reserve(out.size() + count);
    struct {
        uint64_t tsNs = 0, skb = 0;
        uint32_t netns = 0;
    } prev;
    RecordPageStats st;
    for (uint64_t i = 0; i < count; ++i) {
        NftTraceRecord x;
        uint8_t type = 0, walk = 0;
        if (!r.delta(x.tsNs, prev.tsNs, "ts_ns") || !r.small(x.ruleHandle, "rule_handle") ||
            !r.small(x.id, "trace_id") || !r.small(x.iif, "iif") || !r.small(x.oif, "oif") ||
            !r.small(x.mark, "mark") || !r.small(x.nfproto, "nfproto") ||
            !r.small(x.policy, "policy") || !r.signed32(x.verdict, "verdict") ||
            !r.small(x.iiftype, "iiftype") || !r.small(x.oiftype, "oiftype") ||
            !r.small(x.family, "family") || !r.small(type, "type") ||
            !r.delta(x.netns, prev.netns, "netns") || !name(x.table, "table") ||
            !name(x.chain, "chain") || !name(x.jumpTarget, "jump target") ||
            !r.small(x.ctId, "ct_id") || !r.small(x.ctStatus, "ct_status") ||
            !r.small(x.ctState, "ct_state") || !r.small(x.ctDirection, "ct_direction") ||
            !r.delta(x.skb, prev.skb, "skb") || !r.u8(walk) || !header(x.llHeader, "ll_header") ||
            !header(x.networkHeader, "network_header") ||
            !header(x.transportHeader, "transport_header"))
            return r.error;
        if (type > uint8_t(NftTraceType::Chain))
            return QCoreApplication::translate("nt::TraceFile", "nft trace type %1 is unknown")
                .arg(type);
        if (walk > 1)
            return QCoreApplication::translate("nt::TraceFile", "it holds walk_start %1").arg(walk);
        x.type = NftTraceType(type);
        x.walkStart = walk == 1;
        widen(st, x.tsNs, i == 0);
        prev = {x.tsNs, x.skb, x.netns};
        out.push_back(std::move(x));
    }
    if (r.left() != 0)
        return trailing(r);
    if (stats != nullptr)
        *stats = st;
    return {};
}

} // namespace nt
