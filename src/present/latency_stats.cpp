// Per-layer latency statistics: plain functions, so tests check the numbers the charts show.
#include "latency_stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace nt {

double percentileSorted(std::span<const double> sorted, double p) {
    if (sorted.empty()) {
        return 0;
    }
    const double rank = std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(sorted.size() - 1);
    const size_t lo = static_cast<size_t>(std::floor(rank));
    const size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double frac = rank - static_cast<double>(lo);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
}

LatencySummary summarize(std::vector<double> &values) {
    LatencySummary s;
    if (values.empty()) {
        return s;
    }
    std::sort(values.begin(), values.end());
    s.count = values.size();
    s.min = values.front();
    s.max = values.back();
    s.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(s.count);
    s.q1 = percentileSorted(values, 25);
    s.median = s.p50 = percentileSorted(values, 50);
    s.q3 = percentileSorted(values, 75);
    s.p90 = percentileSorted(values, 90);
    s.p99 = percentileSorted(values, 99);
    const double iqr = s.q3 - s.q1;
    const double loFence = s.q1 - 1.5 * iqr, hiFence = s.q3 + 1.5 * iqr;
    s.lowerWhisker = *std::lower_bound(values.begin(), values.end(), loFence);
    s.upperWhisker = *(std::upper_bound(values.begin(), values.end(), hiFence) - 1);
    return s;
}

std::vector<HistogramBin> latencyHistogram(std::span<const double> durationsUs) {
    std::vector<HistogramBin> bins;
    if (durationsUs.empty()) {
        return bins;
    }
    const auto [mn, mx] = std::minmax_element(durationsUs.begin(), durationsUs.end());
    // Edges 0.1, 0.2, 0.5, 1, 2, 5, ... µs: from the last edge at or below the minimum to the
    // first one above the maximum.
    auto edgeAt = [](int k) {
        static constexpr double kMantissa[] = {1, 2, 5};
        return kMantissa[k % 3] * 0.1 * std::pow(10.0, k / 3);
    };
    const double lowest = std::max(*mn, 0.1);
    int k = 0;
    while (edgeAt(k + 1) <= lowest) {
        ++k;
    }
    std::vector<double> edges{edgeAt(k)};
    do {
        edges.push_back(edgeAt(++k));
    } while (edges.back() <= *mx);
    edges.front() = std::min(edges.front(), *mn);
    for (size_t i = 0; i + 1 < edges.size(); ++i) {
        bins.push_back({edges[i], edges[i + 1], 0});
    }
    for (double d : durationsUs) {
        auto it = std::upper_bound(edges.begin(), edges.end(), d);
        size_t bin = it == edges.begin() ? 0 : static_cast<size_t>(it - edges.begin()) - 1;
        bins[std::min(bin, bins.size() - 1)].count++;
    }
    return bins;
}

LayerLatencyStats computeLayerLatency(const Assembler &assembler, std::span<const JourneyId> ids,
                                      const std::function<bool()> &cancelled,
                                      std::shared_mutex *guard) {
    LayerLatencyStats out;
    std::array<std::vector<double>, kLayerCount> perLayer;
    std::vector<double> total;
    total.reserve(ids.size());
    constexpr size_t kSlice = 1024;
    for (size_t begin = 0; begin < ids.size(); begin += kSlice) {
        if (cancelled && cancelled()) {
            out.cancelled = true;
            return out;
        }
        std::shared_lock<std::shared_mutex> lock;
        if (guard) {
            lock = std::shared_lock(*guard);
        }
        for (const JourneyId id : ids.subspan(begin, std::min(kSlice, ids.size() - begin))) {
            if (id >= assembler.journeyCount()) {
                continue;
            }
            const Journey j = assembler.journey(id);
            for (size_t l = 0; l < kLayerCount; ++l) {
                if (j.layerNs[l] > 0) {
                    perLayer[l].push_back(static_cast<double>(j.layerNs[l]) / 1000.0);
                }
            }
            total.push_back(static_cast<double>(j.durationNs()) / 1000.0);
        }
    }
    for (size_t l = 0; l < kLayerCount; ++l) {
        out.layers[l] = summarize(perLayer[l]);
    }
    out.histogram = latencyHistogram(total);
    out.endToEnd = summarize(total);
    out.journeys = total.size();
    return out;
}

} // namespace nt
