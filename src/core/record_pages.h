// Packet-header and nft-record pages: how a trace file (schema 3) stores them, a few thousand
// per SQLite row, like its events (event_pages.h).
#pragma once

#include "event.h"
#include "page_codec.h"

#include <QString>

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace nt {

// Packet headers and nft records per page the writer aims for (it also closes a page at every
// commit); the most a reader accepts.
constexpr size_t kRecordsPerPage = 4096;
constexpr size_t kMaxRecordsPerPage = 1u << 20;

// Packet page, format 1. Varints and zigzag differences as in event_pages.h; differences are
// from the previous header in the page (0 before the first).
//   u8 format (1), varint count
//   per header: zigzag skb, zigzag ts_ns, zigzag netns, varint len, zigzag protocol,
//               varint n (the header's length), then the header as its difference from the
//               previous one (whose bytes past its end count as 0), in words of 8 bytes (the
//               last one shorter when n is not a multiple of 8): a bitmap of ceil(words / 8)
//               bytes, bit k (LSB first) set when word k differs, then each differing word
//               XOR the previous header's
// A flood's headers differ in a few words, which the page's compression then all but removes.
constexpr uint8_t kPacketPageFormat = 1;
// Builds a page header by header, so a writer keeps no copy of the headers.
class PacketPageEncoder {
public:
    void add(const PacketHeader &p);
    size_t count() const { return body_.count(); }
    // Appends the page of the headers added since the last finish() to `out`, returns its time
    // range and starts the next page.
    pages::Stats finish(std::string &out);

private:
    pages::Body body_;
    struct Previous { // the header before, what the next is encoded against
        uint64_t skb = 0, ts = 0;
        uint32_t netns = 0;
        uint16_t protocol = 0;
        std::vector<uint8_t> data;
    } prev_;
};
pages::Stats encodePacketPage(std::span<const PacketHeader> packets, std::string &out);
// Appends the page's headers to `out`; an empty string on success, else what is wrong (`out`
// then holds what was appended before the fault).
QString decodePacketPage(std::span<const uint8_t> page, std::vector<PacketHeader> &out,
                         pages::Stats *stats = nullptr);

// nft page, format 1. Table, chain and jump-target names are stored once per page.
//   u8 format (1), varint count
//   varint n_names, then each name as varint length + bytes (first-appearance order)
//   per record: zigzag ts_ns, varint rule_handle, varint trace_id, varint iif, varint oif,
//               varint mark, varint nfproto, varint policy, zigzag verdict (from 0), varint
//               iiftype, varint oiftype, varint family, varint type, zigzag netns, varint table,
//               varint chain, varint jump_target (name indexes), varint ct_id, varint
//               ct_status, varint ct_state, varint ct_direction, zigzag skb, u8 walk_start,
//               then the ll, network and transport headers, each as varint length + bytes
constexpr uint8_t kNftPageFormat = 1;
class NftPageEncoder {
public:
    void add(const NftTraceRecord &r);
    size_t count() const { return body_.count(); }
    pages::Stats finish(std::string &out);

private:
    uint64_t nameIndex(const Name &n);
    pages::Body body_;
    // What the next record is encoded against; starts empty with each page.
    struct Context {
        std::vector<Name> names; // interned: a name's address identifies its text
        std::unordered_map<const char *, uint64_t> index; // once there are many names
        uint64_t ts = 0, skb = 0;
        uint32_t netns = 0;
    } page_;
};
pages::Stats encodeNftPage(std::span<const NftTraceRecord> records, std::string &out);
QString decodeNftPage(std::span<const uint8_t> page, std::vector<NftTraceRecord> &out,
                      pages::Stats *stats = nullptr);

} // namespace nt
