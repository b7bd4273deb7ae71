// Per-layer latency statistics over a set of journeys: quartiles, whiskers, percentiles, histogram.
#pragma once

#include "assembler.h"
#include "journey.h"
#include "layers.h"

#include <array>
#include <cstdint>
#include <functional>
#include <shared_mutex>
#include <span>
#include <vector>

namespace nt {

// Summary of one sample of latencies, in µs.
struct LatencySummary {
    size_t count = 0;
    double min = 0, max = 0, mean = 0;
    double q1 = 0, median = 0, q3 = 0;
    // Tukey whiskers: the most extreme values within 1.5 × IQR of the quartiles.
    double lowerWhisker = 0, upperWhisker = 0;
    double p50 = 0, p90 = 0, p99 = 0;
};

// Percentile `p` (0..100) of sorted values, linear interpolation between closest ranks (the
// "type 7" definition spreadsheets and numpy use). 0 for an empty sample.
double percentileSorted(std::span<const double> sorted, double p);
// Sorts `values` in place and summarises them.
LatencySummary summarize(std::vector<double> &values);

// A bin of the end-to-end histogram: [lowUs, highUs).
struct HistogramBin {
    double lowUs = 0, highUs = 0;
    size_t count = 0;
};

struct LayerLatencyStats {
    // Per layer, over the journeys that spent time in it (layerNs > 0): a layer a packet never
    // crossed says nothing about that layer's latency.
    std::array<LatencySummary, kLayerCount> layers{};
    LatencySummary endToEnd;             // Journey::durationNs over all journeys
    std::vector<HistogramBin> histogram; // 1-2-5 bins covering endToEnd, empty ones inside kept
    size_t journeys = 0;
    bool cancelled = false;
};

// Log-like 1-2-5 bins (…, 1, 2, 5, 10, 20, 50 µs, …) from below the smallest to above the
// largest duration; durations below 0.1 µs share the first bin.
std::vector<HistogramBin> latencyHistogram(std::span<const double> durationsUs);

// Reads each journey's per-layer time (Journey::layerNs) and summarises. `cancelled`, when given,
// is polled so that a background computation stops early (the result is then marked). `guard`,
// when given, is held shared while journeys are read, a slice at a time, so that the owner of a
// growing assembler can add to it between slices.
LayerLatencyStats computeLayerLatency(const Assembler &assembler, std::span<const JourneyId> ids,
                                      const std::function<bool()> &cancelled = {},
                                      std::shared_mutex *guard = nullptr);

} // namespace nt
