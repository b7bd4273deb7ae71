// Latency charts: the sample trace's chart series against numbers computed here from
// Journey::layerNs, background computation, PNG export (the arithmetic: latency_stats_test).
#include "latency_charts.h"
#include "latency_stats.h"
#include "sample_trace_fixture.h"

#include <QBarSeries>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QFileInfo>
#include <QHorizontalStackedBarSeries>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <numeric>

namespace {

using namespace nt;

class Charts : public nt::testing::SampleTrace {
protected:
    static std::vector<JourneyId> all() {
        std::vector<JourneyId> ids(assembler->journeyCount());
        std::iota(ids.begin(), ids.end(), 0);
        return ids;
    }
    // The Device layer's times in µs over journeys that spent time there, sorted.
    static std::vector<double> deviceTimes(const std::vector<JourneyId> &ids) {
        std::vector<double> v;
        for (JourneyId id : ids) {
            const uint64_t ns = assembler->journey(id).layerNs[static_cast<size_t>(Layer::Device)];
            if (ns > 0) {
                v.push_back(static_cast<double>(ns) / 1000.0);
            }
        }
        std::sort(v.begin(), v.end());
        return v;
    }
};

TEST_F(Charts, SeriesMatchTheSampleNumbers) {
    LatencyCharts charts;
    charts.resize(1100, 700);
    charts.setTrace(trace.get(), assembler.get());
    const auto ids = all();
    charts.setVisibleJourneys(ids);
    ASSERT_FALSE(charts.computing());

    const std::vector<double> dev = deviceTimes(ids);
    ASSERT_GE(dev.size(), 4u);
    const double n = static_cast<double>(dev.size());
    // Median by hand (type 7 = the middle value or the mean of the two middle ones).
    const double median =
        dev.size() % 2 ? dev[dev.size() / 2] : (dev[dev.size() / 2 - 1] + dev[dev.size() / 2]) / 2;
    EXPECT_DOUBLE_EQ(charts.stats().layers[0].median, median);
    EXPECT_EQ(charts.stats().layers[0].count, dev.size());
    EXPECT_DOUBLE_EQ(charts.stats().layers[0].max, dev.back());
    const double rank90 = 0.9 * (n - 1);
    const size_t lo = static_cast<size_t>(rank90);
    const double p90 = dev[lo] + (dev[std::min(lo + 1, dev.size() - 1)] - dev[lo]) *
                                     (rank90 - static_cast<double>(lo));
    EXPECT_NEAR(charts.stats().layers[0].p90, p90, 1e-9);

    // Box plot: one box per layer with data, Device first, its median the hand-computed one.
    QBoxPlotSeries *box = charts.boxPlotSeries();
    ASSERT_NE(box, nullptr);
    ASSERT_EQ(static_cast<size_t>(box->count()), charts.boxPlotLayers().size());
    ASSERT_EQ(charts.boxPlotLayers().front(), Layer::Device);
    const QBoxSet *device = box->boxSets().front();
    EXPECT_DOUBLE_EQ(device->at(QBoxSet::Median), median);
    EXPECT_DOUBLE_EQ(device->at(QBoxSet::LowerQuartile), percentileSorted(dev, 25));
    EXPECT_DOUBLE_EQ(device->at(QBoxSet::UpperQuartile), percentileSorted(dev, 75));
    EXPECT_LE(device->at(QBoxSet::UpperExtreme), dev.back());
    EXPECT_GE(device->at(QBoxSet::LowerExtreme), dev.front());
    EXPECT_EQ(device->label(), layerDisplayName(Layer::Device));

    // Percentile table: Device row, then the end-to-end row last.
    QAbstractItemModel *table = charts.percentileModel();
    ASSERT_EQ(static_cast<size_t>(table->rowCount()), charts.boxPlotLayers().size() + 1);
    EXPECT_EQ(table->index(0, LatencyTableModel::LayerColumn).data().toString(),
              layerDisplayName(Layer::Device));
    EXPECT_DOUBLE_EQ(
        table->index(0, LatencyTableModel::P50Column).data(LatencyTableModel::ValueRole).toDouble(),
        median);
    EXPECT_NEAR(
        table->index(0, LatencyTableModel::P90Column).data(LatencyTableModel::ValueRole).toDouble(),
        p90, 1e-9);
    EXPECT_EQ(table->index(0, LatencyTableModel::CountColumn).data().toString(),
              QString::number(dev.size()));
    const int last = table->rowCount() - 1;
    EXPECT_EQ(table->index(last, LatencyTableModel::CountColumn).data().toString(),
              QString::number(ids.size()));

    // Histogram: every journey in exactly one bin.
    QBarSeries *hist = charts.histogramSeries();
    ASSERT_EQ(hist->count(), 1);
    double binned = 0;
    for (int i = 0; i < hist->barSets().front()->count(); ++i) {
        binned += hist->barSets().front()->at(i);
    }
    EXPECT_EQ(binned, static_cast<double>(ids.size()));
}

TEST_F(Charts, SelectedJourneyBarIsItsLayerTimes) {
    LatencyCharts charts;
    charts.setTrace(trace.get(), assembler.get());
    JourneyId dropped = kNoJourney;
    for (JourneyId id = 0; id < assembler->journeyCount(); ++id) {
        if (assembler->journey(id).fate == Fate::DroppedByRule) {
            dropped = id;
        }
    }
    ASSERT_NE(dropped, kNoJourney);
    charts.setSelectedJourney(dropped);
    const Journey j = assembler->journey(dropped);
    QHorizontalStackedBarSeries *bar = charts.journeySeries();
    const int layersUsed = static_cast<int>(
        std::count_if(j.layerNs.begin(), j.layerNs.end(), [](uint64_t ns) { return ns > 0; }));
    ASSERT_EQ(bar->count(), layersUsed);
    double sum = 0;
    const auto sets = bar->barSets();
    for (const QBarSet *set : sets) {
        ASSERT_EQ(set->count(), 1);
        sum += set->at(0);
    }
    EXPECT_NEAR(sum, static_cast<double>(j.durationNs()) / 1000.0, 1e-6);
    EXPECT_EQ(sets.front()->label(), layerDisplayName(Layer::Device));
    EXPECT_DOUBLE_EQ(sets.front()->at(0), static_cast<double>(j.layerNs[0]) / 1000.0);
    charts.setSelectedJourney(kNoJourney);
    EXPECT_EQ(charts.journeySeries()->count(), 0);
}

TEST_F(Charts, LargeSelectionsAreComputedInTheBackgroundAndStaleResultsDropped) {
    LatencyCharts charts;
    charts.setTrace(trace.get(), assembler.get());
    // Repeating the sample's journeys makes a selection above the threshold.
    std::vector<JourneyId> big;
    while (big.size() <= LatencyCharts::kBackgroundThreshold * 2) {
        for (JourneyId id = 0; id < assembler->journeyCount(); ++id) {
            big.push_back(id);
        }
    }
    QSignalSpy spy(&charts, &LatencyCharts::statsUpdated);
    charts.setVisibleJourneys(big);
    EXPECT_TRUE(charts.computing());
    ASSERT_TRUE(spy.wait(10000));
    EXPECT_FALSE(charts.computing());
    EXPECT_EQ(charts.stats().journeys, big.size());
    const double median = charts.stats().layers[0].median;
    EXPECT_DOUBLE_EQ(median, percentileSorted(deviceTimes(all()), 50));

    // A big selection replaced at once by a small one: only the small one's result is shown.
    spy.clear();
    charts.setVisibleJourneys(big);
    charts.setVisibleJourneys({0, 1});
    EXPECT_EQ(charts.stats().journeys, 2u);
    spy.wait(500); // a stale result, if it were delivered, would arrive here
    EXPECT_EQ(charts.stats().journeys, 2u);
}

TEST_F(Charts, SavePngWritesTheCharts) {
    LatencyCharts charts;
    charts.resize(1100, 700);
    charts.setTrace(trace.get(), assembler.get());
    std::vector<JourneyId> ids(assembler->journeyCount());
    std::iota(ids.begin(), ids.end(), 0);
    charts.setVisibleJourneys(ids);
    for (JourneyId id = 0; id < assembler->journeyCount(); ++id) {
        if (assembler->journey(id).fate == Fate::DroppedByRule) {
            charts.setSelectedJourney(id);
        }
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("latency.png"));
    ASSERT_TRUE(charts.savePng(path));
    EXPECT_GT(QFileInfo(path).size(), 1000);
    const QImage image(path);
    EXPECT_EQ(image.size(), QSize(1100, 700));
    EXPECT_FALSE(charts.savePng(dir.filePath(QStringLiteral("missing/dir/x.png"))));
    ASSERT_TRUE(charts.savePng(nt::testing::screenshotPath(QStringLiteral("latency.png"))));
}

} // namespace

NT_GUI_TEST_MAIN()
