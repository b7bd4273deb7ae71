// Latency statistics: percentile arithmetic, quartiles and whiskers, the 1-2-5 histogram.
#include "latency_stats.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

using namespace nt;

TEST(LatencyStats, PercentilesInterpolateBetweenRanks) {
    const std::vector<double> v = {1, 2, 3, 4};
    EXPECT_DOUBLE_EQ(percentileSorted(v, 0), 1);
    EXPECT_DOUBLE_EQ(percentileSorted(v, 50), 2.5);
    EXPECT_DOUBLE_EQ(percentileSorted(v, 90), 3.7);
    EXPECT_DOUBLE_EQ(percentileSorted(v, 100), 4);
    EXPECT_DOUBLE_EQ(percentileSorted(std::vector<double>{7}, 99), 7);
    EXPECT_DOUBLE_EQ(percentileSorted({}, 50), 0);
}

TEST(LatencyStats, SummaryQuartilesAndTukeyWhiskers) {
    std::vector<double> v = {10, 1, 2, 3, 4, 5, 6, 7, 8, 100};
    const LatencySummary s = summarize(v);
    EXPECT_EQ(s.count, 10u);
    EXPECT_DOUBLE_EQ(s.min, 1);
    EXPECT_DOUBLE_EQ(s.max, 100);
    EXPECT_DOUBLE_EQ(s.median, 5.5);
    EXPECT_DOUBLE_EQ(s.q1, 3.25);
    EXPECT_DOUBLE_EQ(s.q3, 7.75);
    EXPECT_DOUBLE_EQ(s.mean, 14.6);
    // Fences at 3.25 - 6.75 and 7.75 + 6.75 = 14.5: 100 is an outlier, 10 the upper whisker.
    EXPECT_DOUBLE_EQ(s.lowerWhisker, 1);
    EXPECT_DOUBLE_EQ(s.upperWhisker, 10);
}

TEST(LatencyStats, HistogramBinsAreOneTwoFive) {
    const std::vector<double> d = {0.05, 3, 3.5, 40, 1999};
    const auto bins = latencyHistogram(d);
    ASSERT_FALSE(bins.empty());
    EXPECT_LE(bins.front().lowUs, 0.05);
    EXPECT_GT(bins.back().highUs, 1999);
    size_t total = 0;
    for (size_t i = 0; i < bins.size(); ++i) {
        total += bins[i].count;
        if (i > 0) {
            EXPECT_DOUBLE_EQ(bins[i].lowUs, bins[i - 1].highUs);
            const double ratio = bins[i].highUs / bins[i].lowUs;
            EXPECT_TRUE(std::abs(ratio - 2) < 1e-9 || std::abs(ratio - 2.5) < 1e-9) << ratio;
        }
        for (double x : d) {
            if (x >= bins[i].lowUs && x < bins[i].highUs && i > 0) {
                EXPECT_GT(bins[i].count, 0u);
            }
        }
    }
    EXPECT_EQ(total, d.size());
    // 3 and 3.5 share [2, 5).
    const auto two =
        std::find_if(bins.begin(), bins.end(), [](const HistogramBin &b) { return b.lowUs == 2; });
    ASSERT_NE(two, bins.end());
    EXPECT_EQ(two->count, 2u);
    EXPECT_TRUE(latencyHistogram({}).empty());
}

} // namespace
