// EventStore: every event reads back exactly as stored, whichever encoding it got.
#include "event_store.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <tuple>

namespace {

using namespace nt;

constexpr uint64_t kSkb = 0xffff888100abc000;

bool same(const Event &a, const Event &b) {
    return std::memcmp(&a, &b, sizeof(Event)) == 0;
}

// A journey as the kernel reports it: one skb, time going forward, fields changing now and then.
std::vector<Event> journey(std::mt19937_64 &rng, size_t n, uint64_t t0) {
    std::vector<Event> out;
    uint64_t ts = t0;
    for (size_t i = 0; i < n; ++i) {
        Event e{};
        e.type = NT_REC_EVENT;
        e.flags = i == 0 ? uint8_t{NT_EVF_FIRST} : static_cast<uint8_t>(rng() % 4);
        e.probe = static_cast<uint16_t>(rng() % 3 == 0 ? 300 + rng() % 2000 : 1 + rng() % 20);
        e.cpu = static_cast<uint16_t>(rng() % 2 ? 3 : rng() % 256);
        e.protocol = rng() % 8 ? 0x0800 : 0x86dd;
        ts += rng() % 4 == 0 ? rng() % 5'000'000'000ULL : rng() % 3000;
        e.ts_ns = ts;
        e.skb = kSkb;
        e.location = rng() % 5 == 0 ? 0xffffffff81000000ULL + rng() % 0xffffff : 0;
        e.netns = rng() % 6 ? 4026531840U : static_cast<uint32_t>(rng());
        e.ifindex = static_cast<uint32_t>(rng() % 3);
        e.len = static_cast<uint32_t>(rng() % 4 ? 60 : rng());
        e.mark = rng() % 10 ? 0 : static_cast<uint32_t>(rng());
        e.aux = rng() % 3 ? 0 : static_cast<uint32_t>(rng());
        e.aux2 = rng() % 3 ? 0 : static_cast<uint32_t>(rng());
        out.push_back(e);
    }
    return out;
}

TEST(EventStore, JourneysReadBackBitForBit) {
    std::mt19937_64 rng(7);
    EventStore store;
    struct Stored {
        std::vector<Event> events;
        EventStore::Position pos;
    };
    std::vector<Stored> stored;
    size_t total = 0;
    for (int j = 0; j < 3000; ++j) {
        Stored s;
        s.events = journey(rng, 1 + rng() % 40, 1'000'000'000ULL * (1 + rng() % 1000));
        s.pos = store.append(s.events, kSkb, s.events.front().ts_ns);
        total += s.events.size();
        stored.push_back(std::move(s));
        if (j == 1500) {
            store.shrink(); // what flush() does; appending goes on in a new block
        }
    }
    std::vector<Event> out;
    for (const Stored &s : stored) {
        store.read(s.pos, static_cast<uint32_t>(s.events.size()), kSkb, s.events.front().ts_ns,
                   out);
        ASSERT_EQ(out.size(), s.events.size());
        for (size_t i = 0; i < out.size(); ++i) {
            ASSERT_TRUE(same(out[i], s.events[i])) << "event " << i;
        }
    }
    // Random fields compress less than real ones, yet far below 56 bytes.
    EXPECT_LT(static_cast<double>(store.memoryBytes()) / static_cast<double>(total), 40.0);
}

TEST(EventStore, TypicalEventsTakeAFewBytes) {
    // Ten events of one packet: same cpu, device, namespace and length, microseconds apart.
    EventStore store;
    std::vector<Event> ev(10);
    for (size_t i = 0; i < ev.size(); ++i) {
        ev[i].type = NT_REC_EVENT;
        ev[i].probe = static_cast<uint16_t>(1 + i);
        ev[i].cpu = 1;
        ev[i].protocol = 0x0800;
        ev[i].ts_ns = 5'000'000'000ULL + i * 700;
        ev[i].skb = kSkb;
        ev[i].netns = 4026531840U;
        ev[i].ifindex = 2;
        ev[i].len = 60;
    }
    const auto before = store.memoryBytes();
    for (int j = 0; j < 10000; ++j) {
        store.append(ev, kSkb, ev.front().ts_ns);
    }
    store.shrink();
    const double perEvent = static_cast<double>(store.memoryBytes() - before) /
                            (10000.0 * static_cast<double>(ev.size()));
    EXPECT_LT(perEvent, 8.0);
}

TEST(EventStore, EventsThatDoNotFitTheEncodingAreKeptWhole) {
    std::mt19937_64 rng(11);
    EventStore store;
    std::vector<Event> other = journey(rng, 5, 1000);
    other[3].skb = kSkb + 0x100; // not the journey's skb
    std::vector<Event> backwards = journey(rng, 5, 1000);
    std::swap(backwards[1].ts_ns, backwards[2].ts_ns); // not sorted
    if (backwards[1].ts_ns == backwards[2].ts_ns) {
        backwards[2].ts_ns += 1;
    }
    std::vector<Event> early = journey(rng, 3, 1000); // starts before the base time
    std::vector<Event> typed = journey(rng, 3, 1000);
    typed[0].type = NT_REC_PACKET;
    const auto p1 = store.append(other, kSkb, other.front().ts_ns);
    const auto p2 = store.append(backwards, kSkb, backwards.front().ts_ns);
    const auto p3 = store.append(early, kSkb, early.front().ts_ns + 1);
    const auto p4 = store.append(typed, kSkb, typed.front().ts_ns);
    std::vector<Event> out;
    for (const auto &[pos, ev, base] : {std::tuple{p1, &other, other.front().ts_ns},
                                        std::tuple{p2, &backwards, backwards.front().ts_ns},
                                        std::tuple{p3, &early, early.front().ts_ns + 1},
                                        std::tuple{p4, &typed, typed.front().ts_ns}}) {
        store.read(pos, static_cast<uint32_t>(ev->size()), kSkb, base, out);
        ASSERT_EQ(out.size(), ev->size());
        for (size_t i = 0; i < out.size(); ++i) {
            EXPECT_TRUE(same(out[i], (*ev)[i])) << i;
        }
    }
}

TEST(EventStore, AJourneyBiggerThanABlockGetsItsOwn) {
    std::mt19937_64 rng(3);
    EventStore store;
    const std::vector<Event> small = journey(rng, 4, 10);
    const std::vector<Event> huge = journey(rng, 200'000, 10); // several MiB encoded
    const auto ps = store.append(small, kSkb, small.front().ts_ns);
    const auto ph = store.append(huge, kSkb, huge.front().ts_ns);
    const auto ps2 = store.append(small, kSkb, small.front().ts_ns);
    std::vector<Event> out;
    store.read(ph, static_cast<uint32_t>(huge.size()), kSkb, huge.front().ts_ns, out);
    ASSERT_EQ(out.size(), huge.size());
    EXPECT_TRUE(same(out.back(), huge.back()));
    EXPECT_TRUE(same(out[123'456], huge[123'456]));
    for (const auto pos : {ps, ps2}) {
        store.read(pos, 4, kSkb, small.front().ts_ns, out);
        ASSERT_EQ(out.size(), 4u);
        EXPECT_TRUE(same(out[3], small[3]));
    }
    store.read(ps, 0, kSkb, 0, out);
    EXPECT_TRUE(out.empty());
}

} // namespace
