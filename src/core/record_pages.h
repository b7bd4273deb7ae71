// Packet-header and nft-record pages: how a trace file (schema 3) stores them, a few thousand
// per SQLite row, like its events (event_pages.h).
#pragma once

#include "event.h"

#include <QString>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace nt {

// Packet headers and nft records per page the writer aims for (it also closes a page at every
// commit); the most a reader accepts.
constexpr size_t kRecordsPerPage = 4096;
constexpr size_t kMaxRecordsPerPage = 1u << 20;

// The time range of a page's records; 0, 0 for an empty page.
struct RecordPageStats {
    uint64_t minTs = 0, maxTs = 0;
};

// Packet page, format 1. Varints and zigzag differences as in event_pages.h; differences are
// from the previous header in the page (0 before the first).
//   u8 format (1), varint count
//   per header: zigzag skb, zigzag ts_ns, zigzag netns, varint len, zigzag protocol,
//               varint n, then n bytes: the header's bytes XOR the previous header's (a byte
//               past the previous header's end is XORed with 0)
// A flood's headers differ in a few bytes, which the page's compression then all but removes.
constexpr uint8_t kPacketPageFormat = 1;
RecordPageStats encodePacketPage(std::span<const PacketHeader> packets, std::string &out);
// Appends the page's headers to `out`; an empty string on success, else what is wrong (`out`
// then holds what was appended before the fault).
QString decodePacketPage(std::span<const uint8_t> page, std::vector<PacketHeader> &out,
                         RecordPageStats *stats = nullptr);

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
RecordPageStats encodeNftPage(std::span<const NftTraceRecord> records, std::string &out);
QString decodeNftPage(std::span<const uint8_t> page, std::vector<NftTraceRecord> &out,
                      RecordPageStats *stats = nullptr);

} // namespace nt
