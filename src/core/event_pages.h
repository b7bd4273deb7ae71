// Event pages: the compact form in which a trace file (schema 2) stores its events, a few
// thousand per SQLite row instead of one row each.
#pragma once

#include "event.h"
#include "page_codec.h"

#include <QString>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace nt {

// Layout of one page (the `data` blob of an event_pages row). Integers are unsigned LEB128
// varints; "zigzag" ones are signed differences from the previous event's value in the page
// (0 before the first), mapped to unsigned as (d << 1) ^ (d >> 63).
//   u8 format (1)
//   varint count of events
//   varint n_skb,  then n_skb  zigzag varints: the page's distinct skb addresses, each as the
//                  difference from the previous one in this list (first appearance order)
//   varint n_addr, then n_addr zigzag varints: the distinct `location` values, the same way
//   per event, in arrival order:
//     zigzag ts_ns, varint type, varint flags, varint probe, varint cpu, zigzag protocol,
//     varint skb index, varint location index, zigzag netns, zigzag ifindex, varint len,
//     zigzag mark, varint aux, varint aux2
// A typical event takes 15–20 bytes (56 in memory).
constexpr uint8_t kEventPageFormat = 1;
// Events per page the writer aims for (it also closes a page at every commit).
constexpr size_t kEventsPerPage = 4096;
// The most events a reader accepts in one page.
constexpr size_t kMaxEventsPerPage = 1u << 20;

// Builds a page event by event, so a writer keeps no copy of the events.
class EventPageEncoder {
public:
    void add(const Event &e);
    size_t count() const { return body_.count(); }
    // Appends the page of the events added since the last finish() to `out`, returns its time
    // range and starts the next page.
    pages::Stats finish(std::string &out);

private:
    pages::Body body_;
    pages::Dictionary skbs_, addrs_;
    Event prev_{};
};

// Appends the page for `events` to `out` and returns its time range.
pages::Stats encodeEventPage(std::span<const Event> events, std::string &out);

// Decodes one page, appending its events to `out`. Returns an empty string on success, else
// what is wrong with the bytes (translated, for an error message); `out` then holds what was
// appended before the fault was found.
QString decodeEventPage(std::span<const uint8_t> page, std::vector<Event> &out,
                        pages::Stats *stats = nullptr);

} // namespace nt
