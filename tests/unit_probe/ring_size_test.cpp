// The ring buffer follows the expected event rate: more functions traced, more events per packet.
#include "recorder.h"

#include <gtest/gtest.h>

#include <bit>

namespace {

TEST(RingSize, FollowsTheProbesTraced) {
    EXPECT_EQ(nt::ringBytesFor(0), size_t{16} << 20); // ~6 events per packet
    EXPECT_EQ(nt::ringBytesFor(150), size_t{128} << 20);
    EXPECT_EQ(nt::ringBytesFor(100000), size_t{256} << 20); // capped
    size_t last = 0;
    for (size_t n : {0, 10, 40, 100, 150, 400, 5000}) {
        const size_t bytes = nt::ringBytesFor(n);
        EXPECT_TRUE(std::has_single_bit(bytes)) << n; // the kernel wants a power of two
        EXPECT_GE(bytes, last) << n;
        EXPECT_GE(bytes, size_t{8} << 20) << n;
        last = bytes;
    }
}

} // namespace
