// Event pages: every value survives the varint layout, typical events take few bytes, and
// damaged pages are refused with a reason, never read as other events.
#include "event_pages.h"

#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <tuple>

namespace {

using nt::Event;

auto fields(const Event &e) {
    return std::make_tuple(e.type, e.flags, e.probe, e.cpu, e.protocol, e.ts_ns, e.skb, e.location,
                           e.netns, e.ifindex, e.len, e.mark, e.aux, e.aux2);
}

std::span<const uint8_t> bytes(const std::string &s) {
    return {reinterpret_cast<const uint8_t *>(s.data()), s.size()};
}

// A packet's life: a few events of one skb among others, times rising, one netns.
std::vector<Event> traffic(size_t n) {
    std::vector<Event> v(n);
    for (size_t i = 0; i < n; ++i) {
        Event &e = v[i];
        e.type = NT_REC_EVENT;
        e.flags = i % 6 == 0 ? 1 : 0;
        e.probe = uint16_t(1 + i % 6);
        e.cpu = uint16_t(i / 6 % 2);
        e.protocol = 0x0800;
        e.ts_ns = 7'000'000'000ull + i * 900;
        e.skb = 0xffff888104000000ull + (i / 6) * 0x100;
        e.location = i % 6 == 5 ? 0xffffffff81c0ffeeull : 0;
        e.netns = 4026531840u;
        e.ifindex = uint32_t(2 + i / 6 % 2);
        e.len = uint32_t(84 + i % 3);
        e.aux = i % 6 == 5 ? 2 : 0;
    }
    return v;
}

TEST(EventPages, ExtremeValuesRoundTrip) {
    std::vector<Event> v(4);
    constexpr uint64_t u64 = std::numeric_limits<uint64_t>::max();
    constexpr uint32_t u32 = std::numeric_limits<uint32_t>::max();
    v[0] = Event{255, 255, 65535, 65535, 65535, u64, u64, u64, u32, u32, u32, u32, u32, u32};
    v[2] = v[0];
    v[3].ts_ns = 1; // far back from u64: the difference wraps
    std::string page;
    const nt::pages::Stats st = nt::encodeEventPage(v, page);
    EXPECT_EQ(st.minTs, 0u);
    EXPECT_EQ(st.maxTs, u64);
    std::vector<Event> back;
    nt::pages::Stats got;
    ASSERT_EQ(nt::decodeEventPage(bytes(page), back, &got), QString());
    ASSERT_EQ(back.size(), v.size());
    for (size_t i = 0; i < v.size(); ++i) {
        EXPECT_EQ(fields(back[i]), fields(v[i])) << i;
    }
    EXPECT_EQ(got.minTs, st.minTs);
    EXPECT_EQ(got.maxTs, st.maxTs);
}

TEST(EventPages, TypicalTrafficTakesFewBytesPerEvent) {
    const std::vector<Event> v = traffic(nt::kEventsPerPage);
    std::string page;
    nt::encodeEventPage(v, page);
    const double perEvent = double(page.size()) / double(v.size());
    EXPECT_LT(perEvent, 20.0) << "bytes per event";
    std::vector<Event> back;
    ASSERT_EQ(nt::decodeEventPage(bytes(page), back), QString());
    ASSERT_EQ(back.size(), v.size());
    for (size_t i = 0; i < v.size(); ++i) {
        ASSERT_EQ(fields(back[i]), fields(v[i])) << i;
    }
}

TEST(EventPages, EveryCutAndEveryFlippedByteIsRefusedOrStaysInRange) {
    const std::vector<Event> v = traffic(60);
    std::string page;
    nt::encodeEventPage(v, page);
    for (size_t n = 0; n < page.size(); ++n) {
        std::vector<Event> back;
        EXPECT_NE(nt::decodeEventPage(bytes(page.substr(0, n)), back), QString()) << "cut at " << n;
    }
    std::mt19937 rng(7);
    for (int round = 0; round < 2000; ++round) {
        std::string bad = page;
        bad[rng() % bad.size()] ^= char(1 + rng() % 255);
        std::vector<Event> back;
        const QString why = nt::decodeEventPage(bytes(bad), back);
        if (why.isEmpty()) {
            EXPECT_EQ(back.size(), v.size()) << "a page that reads holds what it says";
        }
    }
}

TEST(EventPages, RefusalsSayWhatIsWrong) {
    std::string page;
    nt::encodeEventPage(traffic(10), page);
    std::vector<Event> back;
    std::string other = page;
    other[0] = 9;
    EXPECT_TRUE(nt::decodeEventPage(bytes(other), back).contains(QStringLiteral("format 9")));
    EXPECT_TRUE(nt::decodeEventPage(bytes(page + '\0'), back).contains(QStringLiteral("after")));
    other = page;
    other[1] = char(0x7f); // 127 events promised, 10 held
    EXPECT_TRUE(nt::decodeEventPage(bytes(other), back).contains(QStringLiteral("127")));
    EXPECT_EQ(nt::decodeEventPage(bytes(std::string("\x01\x00\x00\x00", 4)), back), QString())
        << "an empty page is a page";
}

} // namespace
