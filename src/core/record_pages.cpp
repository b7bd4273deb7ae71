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

} // namespace

void PacketPageEncoder::add(const PacketHeader &p) {
    pages::Sink sink = body_.add(p.tsNs);
    const size_t n = p.data.size();
    const size_t words = (n + 7) / 8;
    sink.room(6 * pages::kMaxVarintBytes + (words + 7) / 8 + n);
    sink.varint(zigzag(p.skb, prev_.skb));
    sink.varint(zigzag(p.tsNs, prev_.ts));
    sink.varint(zigzag(p.netns, prev_.netns));
    sink.varint(p.len);
    sink.varint(zigzag(p.protocol, prev_.protocol));
    sink.varint(n);
    char *bitmap = sink.take((words + 7) / 8);
    std::memset(bitmap, 0, (words + 7) / 8);
    const size_t prevSize = prev_.data.size();
    for (size_t k = 0; k < words; ++k) {
        const size_t at = k * 8;
        uint64_t word = 0, before = 0;
        if (at + 8 <= n) // whole words: fixed-size copies the compiler turns into loads
            std::memcpy(&word, p.data.data() + at, 8);
        else
            std::memcpy(&word, p.data.data() + at, n - at);
        if (at + 8 <= prevSize && at + 8 <= n)
            std::memcpy(&before, prev_.data.data() + at, 8);
        else if (at < prevSize)
            std::memcpy(&before, prev_.data.data() + at, std::min(n, prevSize) - at);
        if (word != before) {
            bitmap[k / 8] = static_cast<char>(bitmap[k / 8] | (1 << (k % 8)));
            word ^= before;
            if (at + 8 <= n)
                std::memcpy(sink.take(8), &word, 8);
            else
                std::memcpy(sink.take(n - at), &word, n - at);
        }
    }
    prev_.skb = p.skb;
    prev_.ts = p.tsNs;
    prev_.netns = p.netns;
    prev_.protocol = p.protocol;
    prev_.data.assign(p.data.begin(), p.data.end());
}

pages::Stats PacketPageEncoder::finish(std::string &out) {
    body_.head(out, kPacketPageFormat);
    prev_ = {};
    return body_.take(out);
}

pages::Stats encodePacketPage(std::span<const PacketHeader> packets, std::string &out) {
    PacketPageEncoder page;
    for (const PacketHeader &p : packets)
        page.add(p);
    return page.finish(out);
}

QString decodePacketPage(std::span<const uint8_t> page, std::vector<PacketHeader> &out,
                         pages::Stats *stats) {
    pages::Reader r(page);
    uint64_t count = 0; // a header takes 6 bytes at least
    if (!r.header(kPacketPageFormat, count, 6, kMaxRecordsPerPage, "records"))
        return r.error;
    out.reserve(out.size() + count); // so `prev` stays valid: no reallocation below
    const PacketHeader none;
    const PacketHeader *prevp = &none;
    pages::Stats st;
    for (uint64_t i = 0; i < count; ++i) {
        const PacketHeader &prev = *prevp;
        PacketHeader p;
        size_t n = 0;
        std::span<const uint8_t> bitmap;
        if (!r.delta(p.skb, prev.skb, "skb") || !r.delta(p.tsNs, prev.tsNs, "ts_ns") ||
            !r.delta(p.netns, prev.netns, "netns") || !r.small(p.len, "len") ||
            !r.delta(p.protocol, prev.protocol, "protocol") || !r.small(n, "header length"))
            return r.error;
        if (n > NT_PACKET_CAPLEN)
            return QCoreApplication::translate("nt::TraceFile", "it holds a header of %1 bytes")
                .arg(n);
        const size_t words = (n + 7) / 8;
        if (!r.raw(bitmap, (words + 7) / 8))
            return r.error;
        if (words % 8 != 0 && (bitmap.back() >> (words % 8)) != 0)
            return QCoreApplication::translate("nt::TraceFile",
                                               "it marks header bytes past the header's end");
        p.data.resize(n);
        const size_t prevSize = prev.data.size();
        for (size_t k = 0; k < words; ++k) {
            const size_t at = k * 8;
            const bool whole = at + 8 <= n; // fixed-size copies become plain loads and stores
            uint64_t word = 0, before = 0;
            if (at + 8 <= prevSize && whole)
                std::memcpy(&before, prev.data.data() + at, 8);
            else if (at < prevSize)
                std::memcpy(&before, prev.data.data() + at, std::min(n, prevSize) - at);
            if ((bitmap[k / 8] >> (k % 8)) & 1) {
                std::span<const uint8_t> changed;
                if (!r.raw(changed, whole ? 8 : n - at))
                    return r.error;
                if (whole)
                    std::memcpy(&word, changed.data(), 8);
                else
                    std::memcpy(&word, changed.data(), n - at);
                word ^= before;
            } else {
                word = before;
            }
            if (whole)
                std::memcpy(p.data.data() + at, &word, 8);
            else
                std::memcpy(p.data.data() + at, &word, n - at);
        }
        st.widen(p.tsNs, i);
        out.push_back(std::move(p));
        prevp = &out.back();
    }
    if (!r.end())
        return r.error;
    if (stats != nullptr)
        *stats = st;
    return {};
}

// A page holds few names: a scan finds them, a map once there are many.
uint64_t NftPageEncoder::nameIndex(const Name &n) {
    constexpr size_t kScanNames = 32;
    std::vector<Name> &names = page_.names;
    if (names.size() <= kScanNames) {
        for (size_t i = 0; i < names.size(); ++i) {
            if (names[i].data() == n.data())
                return i;
        }
        names.push_back(n);
        if (names.size() > kScanNames) {
            for (size_t i = 0; i < names.size(); ++i)
                page_.index.emplace(names[i].data(), i);
        }
        return names.size() - 1;
    }
    auto [it, added] = page_.index.try_emplace(n.data(), names.size());
    if (added)
        names.push_back(n);
    return it->second;
}

void NftPageEncoder::add(const NftTraceRecord &r) {
    const uint64_t table = nameIndex(r.table), chain = nameIndex(r.chain),
                   jump = nameIndex(r.jumpTarget);
    pages::Sink sink = body_.add(r.tsNs);
    sink.room(26 * pages::kMaxVarintBytes + r.llHeader.size() + r.networkHeader.size() +
              r.transportHeader.size());
    sink.varint(zigzag(r.tsNs, page_.ts));
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
    sink.varint(zigzag(r.netns, page_.netns));
    sink.varint(table);
    sink.varint(chain);
    sink.varint(jump);
    sink.varint(r.ctId);
    sink.varint(r.ctStatus);
    sink.varint(r.ctState);
    sink.varint(r.ctDirection);
    sink.varint(zigzag(r.skb, page_.skb));
    sink.byte(r.walkStart ? 1 : 0);
    sink.bytes(r.llHeader);
    sink.bytes(r.networkHeader);
    sink.bytes(r.transportHeader);
    page_.ts = r.tsNs;
    page_.netns = r.netns;
    page_.skb = r.skb;
}

pages::Stats NftPageEncoder::finish(std::string &out) {
    body_.head(out, kNftPageFormat);
    putVarint(out, page_.names.size());
    for (const Name &n : page_.names) {
        putVarint(out, n.size());
        out.append(n.data(), n.size());
    }
    page_ = {};
    return body_.take(out);
}

pages::Stats encodeNftPage(std::span<const NftTraceRecord> records, std::string &out) {
    NftPageEncoder page;
    for (const NftTraceRecord &r : records)
        page.add(r);
    return page.finish(out);
}

QString decodeNftPage(std::span<const uint8_t> page, std::vector<NftTraceRecord> &out,
                      pages::Stats *stats) {
    pages::Reader r(page);
    uint64_t count = 0; // an nft record takes 26 bytes at least
    if (!r.header(kNftPageFormat, count, 26, kMaxRecordsPerPage, "records"))
        return r.error;
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
    pages::Stats st;
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
        st.widen(x.tsNs, i);
        prev = {x.tsNs, x.skb, x.netns};
        out.push_back(std::move(x));
    }
    if (!r.end())
        return r.error;
    if (stats != nullptr)
        *stats = st;
    return {};
}

} // namespace nt
