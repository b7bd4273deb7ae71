// Latency charts: per-layer box plot, the selected journey's per-layer bar, end-to-end
// histogram and a percentile table, computed off the GUI thread for large selections.
#pragma once

#include "assembler.h"
#include "job_runner.h"
#include "journey.h"
#include "latency_stats.h"
#include "trace.h"

#include <QAbstractTableModel>
#include <QWidget>

#include <memory>
#include <shared_mutex>
#include <vector>

class QBarSeries;
class QBoxPlotSeries;
class QChart;
class QChartView;
class QHorizontalStackedBarSeries;
class QLabel;
class QTableView;
class QToolButton;

namespace nt {

// Rows: the layers with data, then end to end. Columns: layer, packets, p50, p90, p99, max (µs).
class LatencyTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        LayerColumn,
        CountColumn,
        P50Column,
        P90Column,
        P99Column,
        MaxColumn,
        ColumnCount
    };
    static constexpr int ValueRole = Qt::UserRole + 1; // the number as a double (µs or count)

    explicit LatencyTableModel(QObject *parent = nullptr);
    void setStats(const LayerLatencyStats &stats);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        int layer; // -1: end to end
        LatencySummary summary;
    };
    std::vector<Row> rows_;
};

class LatencyCharts : public QWidget {
    Q_OBJECT
public:
    // Above this many visible journeys the statistics are computed on a worker thread.
    static constexpr size_t kBackgroundThreshold = 4000;

    explicit LatencyCharts(QWidget *parent = nullptr);
    ~LatencyCharts() override;

    // A background computation reads the assembler holding `guard` shared (a slice at a time):
    // whoever changes the assembler meanwhile (a live trace, a file still loading) must hold it
    // exclusively. Without a guard the assembler must not change. setTrace() waits for a
    // running computation: call it (with nullptrs) before the assembler is destroyed.
    void setTrace(const nt::Trace *trace, const nt::Assembler *assembler,
                  std::shared_mutex *guard = nullptr);
    void setVisibleJourneys(const std::vector<nt::JourneyId> &ids);
    void setSelectedJourney(nt::JourneyId id);
    // The whole panel (all charts and the table) as shown.
    bool savePng(const QString &path);

    const LayerLatencyStats &stats() const { return stats_; }
    bool computing() const { return jobs_.busy(); }
    QBoxPlotSeries *boxPlotSeries() const { return boxSeries_; }
    QHorizontalStackedBarSeries *journeySeries() const { return journeySeries_; }
    QBarSeries *histogramSeries() const { return histSeries_; }
    QAbstractItemModel *percentileModel() const { return tableModel_; }
    // Layers in the box plot's category order.
    const std::vector<Layer> &boxPlotLayers() const { return boxLayers_; }

Q_SIGNALS:
    // New statistics are shown (after a background computation: when its result arrived).
    void statsUpdated();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateStatus();
    void startComputation();
    void applyStats(LayerLatencyStats stats);
    void rebuildBoxPlot();
    void rebuildHistogram();
    void rebuildJourneyBar();
    void styleChart(QChart *chart) const;
    void saveWithDialog();
    void retranslate();

    const Trace *trace_ = nullptr;
    const Assembler *asm_ = nullptr;
    std::shared_mutex *guard_ = nullptr;
    std::vector<JourneyId> visible_;
    JourneyId selected_ = kNoJourney;
    LayerLatencyStats stats_;
    std::vector<Layer> boxLayers_;

    QChartView *boxView_ = nullptr;
    QChartView *journeyView_ = nullptr;
    QChartView *histView_ = nullptr;
    QBoxPlotSeries *boxSeries_ = nullptr;
    QHorizontalStackedBarSeries *journeySeries_ = nullptr;
    QBarSeries *histSeries_ = nullptr;
    QTableView *table_ = nullptr;
    LatencyTableModel *tableModel_ = nullptr;
    QLabel *status_ = nullptr;
    QToolButton *saveButton_ = nullptr;
    // Large selections are summarised here; a newer selection makes a running one stale. Last
    // member: destroyed (waiting for the worker) before anything the worker's results touch.
    JobRunner jobs_{this};
};

} // namespace nt
