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

} // namespace

void PacketPageEncoder::add(const PacketHeader &p) {
    widen(stats_, p.tsNs, count_ == 0);
    ++count_;
    pages::Sink sink(body_, used_);
    const size_t n = p.data.size();
    const size_t words = (n + 7) / 8;
    sink.room(6 * pages::kMaxVarintBytes + (words + 7) / 8 + n);
    sink.varint(zigzag(p.skb, prevSkb_));
    sink.varint(zigzag(p.tsNs, prevTs_));
    sink.varint(zigzag(p.netns, prevNetns_));
    sink.varint(p.len);
    sink.varint(zigzag(p.protocol, prevProtocol_));
    sink.varint(n);
    char *bitmap = sink.take((words + 7) / 8);
    std::memset(bitmap, 0, (words + 7) / 8);
    const size_t prevSize = prevData_.size();
    for (size_t k = 0; k < words; ++k) {
        const size_t at = k * 8;
        uint64_t word = 0, before = 0;
        if (at + 8 <= n) // whole words: fixed-size copies the compiler turns into loads
            std::memcpy(&word, p.data.data() + at, 8);
        else
            std::memcpy(&word, p.data.data() + at, n - at);
        if (at + 8 <= prevSize && at + 8 <= n)
            std::memcpy(&before, prevData_.data() + at, 8);
        else if (at < prevSize)
            std::memcpy(&before, prevData_.data() + at, std::min(n, prevSize) - at);
        if (word != before) {
            bitmap[k / 8] = static_cast<char>(bitmap[k / 8] | (1 << (k % 8)));
            word ^= before;
            if (at + 8 <= n)
                std::memcpy(sink.take(8), &word, 8);
            else
                std::memcpy(sink.take(n - at), &word, n - at);
        }
    }
    prevSkb_ = p.skb;
    prevTs_ = p.tsNs;
    prevNetns_ = p.netns;
    prevProtocol_ = p.protocol;
    prevData_.assign(p.data.begin(), p.data.end());
}

RecordPageStats PacketPageEncoder::finish(std::string &out) {
    out.push_back(static_cast<char>(kPacketPageFormat));
    putVarint(out, count_);
    out.append(body_.data(), used_);
    const RecordPageStats stats = stats_;
    used_ = 0;
    count_ = 0;
    prevSkb_ = prevTs_ = 0;
    prevNetns_ = 0;
    prevProtocol_ = 0;
    prevData_.clear();
    stats_ = {};
    return stats;
}

RecordPageStats encodePacketPage(std::span<const PacketHeader> packets, std::string &out) {
    PacketPageEncoder page;
    for (const PacketHeader &p : packets)
        page.add(p);
    return page.finish(out);
}

QString decodePacketPage(std::span<const uint8_t> page, std::vector<PacketHeader> &out,
                         RecordPageStats *stats) {
    pages::Reader r(page);
    uint64_t count = 0; // a header takes 6 bytes at least
    if (!r.header(kPacketPageFormat, count, 6, kMaxRecordsPerPage, "records"))
        return r.error;
    out.reserve(out.size() + count); // so `prev` stays valid: no reallocation below
    const PacketHeader none;
    const PacketHeader *prevp = &none;
    RecordPageStats st;
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
        widen(st, p.tsNs, i == 0);
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
    if (names_.size() <= kScanNames) {
        for (size_t i = 0; i < names_.size(); ++i) {
            if (names_[i].data() == n.data())
                return i;
        }
        names_.push_back(n);
        if (names_.size() > kScanNames) {
            for (size_t i = 0; i < names_.size(); ++i)
                index_.emplace(names_[i].data(), i);
        }
        return names_.size() - 1;
    }
    auto [it, added] = index_.try_emplace(n.data(), names_.size());
    if (added)
        names_.push_back(n);
    return it->second;
}

void NftPageEncoder::add(const NftTraceRecord &r) {
    widen(stats_, r.tsNs, count_ == 0);
    ++count_;
    const uint64_t table = nameIndex(r.table), chain = nameIndex(r.chain),
                   jump = nameIndex(r.jumpTarget);
    pages::Sink sink(body_, used_);
    sink.room(26 * pages::kMaxVarintBytes + r.llHeader.size() + r.networkHeader.size() +
              r.transportHeader.size());
    sink.varint(zigzag(r.tsNs, prevTs_));
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
    sink.varint(zigzag(r.netns, prevNetns_));
    sink.varint(table);
    sink.varint(chain);
    sink.varint(jump);
    sink.varint(r.ctId);
    sink.varint(r.ctStatus);
    sink.varint(r.ctState);
    sink.varint(r.ctDirection);
    sink.varint(zigzag(r.skb, prevSkb_));
    sink.byte(r.walkStart ? 1 : 0);
    sink.bytes(r.llHeader);
    sink.bytes(r.networkHeader);
    sink.bytes(r.transportHeader);
    prevTs_ = r.tsNs;
    prevNetns_ = r.netns;
    prevSkb_ = r.skb;
}

RecordPageStats NftPageEncoder::finish(std::string &out) {
    out.push_back(static_cast<char>(kNftPageFormat));
    putVarint(out, count_);
    putVarint(out, names_.size());
    for (const Name &n : names_) {
        putVarint(out, n.size());
        out.append(n.data(), n.size());
    }
    out.append(body_.data(), used_);
    const RecordPageStats stats = stats_;
    names_.clear();
    index_.clear();
    used_ = 0;
    count_ = 0;
    prevTs_ = prevSkb_ = 0;
    prevNetns_ = 0;
    stats_ = {};
    return stats;
}

RecordPageStats encodeNftPage(std::span<const NftTraceRecord> records, std::string &out) {
    NftPageEncoder page;
    for (const NftTraceRecord &r : records)
        page.add(r);
    return page.finish(out);
}

QString decodeNftPage(std::span<const uint8_t> page, std::vector<NftTraceRecord> &out,
                      RecordPageStats *stats) {
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
    if (!r.end())
        return r.error;
    if (stats != nullptr)
        *stats = st;
    return {};
}

} // namespace nt
