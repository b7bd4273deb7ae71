// Latency charts: Qt Charts views over LayerLatencyStats, recomputed off the GUI thread.
#include "latency_charts.h"

#include "gui_style.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QChartView>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QMessageBox>
#include <QPixmap>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace nt {

// ---- LatencyTableModel ----

LatencyTableModel::LatencyTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void LatencyTableModel::setStats(const LayerLatencyStats &stats) {
    beginResetModel();
    rows_.clear();
    for (int l = 0; l < kLayerCount; ++l) {
        if (stats.layers[static_cast<size_t>(l)].count > 0) {
            rows_.push_back({l, stats.layers[static_cast<size_t>(l)]});
        }
    }
    if (stats.endToEnd.count > 0) {
        rows_.push_back({-1, stats.endToEnd});
    }
    endResetModel();
}

int LatencyTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int LatencyTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LatencyTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size())) {
        return {};
    }
    const Row &row = rows_[static_cast<size_t>(index.row())];
    const LatencySummary &s = row.summary;
    double value = 0;
    switch (index.column()) {
    case CountColumn:
        value = static_cast<double>(s.count);
        break;
    case P50Column:
        value = s.p50;
        break;
    case P90Column:
        value = s.p90;
        break;
    case P99Column:
        value = s.p99;
        break;
    case MaxColumn:
        value = s.max;
        break;
    default:
        break;
    }
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == LayerColumn) {
            return row.layer < 0 ? tr("End to end")
                                 : layerDisplayName(static_cast<Layer>(row.layer));
        }
        if (index.column() == CountColumn) {
            return QString::number(s.count);
        }
        return QString::number(value, 'f', 3);
    case ValueRole:
        return index.column() == LayerColumn ? QVariant(row.layer) : QVariant(value);
    case Qt::TextAlignmentRole:
        return index.column() == LayerColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                             : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (row.layer < 0) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        return tr("%1 packets; mean %2, min %3")
            .arg(s.count)
            .arg(gui::formatMicros(s.mean), gui::formatMicros(s.min));
    default:
        return {};
    }
}

QVariant LatencyTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case LayerColumn:
        return tr("Layer");
    case CountColumn:
        return tr("Packets");
    case P50Column:
        return tr("p50 (µs)");
    case P90Column:
        return tr("p90 (µs)");
    case P99Column:
        return tr("p99 (µs)");
    case MaxColumn:
        return tr("max (µs)");
    default:
        return {};
    }
}

// ---- LatencyCharts ----

namespace {

QChartView *makeView(QWidget *parent) {
    auto *chart = new QChart();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(260, 160);
    return view;
}

// 0.5, 2, 50, 1k, 20k, 5M: 1-2-5 bin edges short enough for a category label.
QString compactEdge(double us) {
    if (us >= 1e6) {
        return QString::number(us / 1e6, 'g', 3) + QLatin1Char('M');
    }
    if (us >= 1e3) {
        return QString::number(us / 1e3, 'g', 3) + QLatin1Char('k');
    }
    return QString::number(us, 'g', 3);
}

void clearChart(QChart *chart) {
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis; // removeAxis() hands ownership back
    }
}

} // namespace

LatencyCharts::LatencyCharts(QWidget *parent) : QWidget(parent) {
    setAccessibleName(tr("Latency charts"));

    boxView_ = makeView(this);
    journeyView_ = makeView(this);
    histView_ = makeView(this);
    boxView_->setAccessibleName(tr("Per-layer latency box plot"));
    journeyView_->setAccessibleName(tr("Selected packet's time per layer"));
    histView_->setAccessibleName(tr("End-to-end latency histogram"));
    journeyView_->chart()->legend()->setVisible(true);
    journeyView_->chart()->legend()->setAlignment(Qt::AlignBottom);
    journeyView_->setMinimumHeight(150);

    tableModel_ = new LatencyTableModel(this);
    table_ = new QTableView(this);
    table_->setModel(tableModel_);
    table_->setAccessibleName(tr("Latency percentiles per layer"));
    table_->verticalHeader()->hide();
    table_->setAlternatingRowColors(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);

    status_ = new QLabel(this);
    saveButton_ = new QToolButton(this);
    saveButton_->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as")));
    saveButton_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(saveButton_, &QToolButton::clicked, this, &LatencyCharts::saveWithDialog);

    auto *top = new QHBoxLayout();
    top->addWidget(status_, 1);
    top->addWidget(saveButton_);
    auto *grid = new QGridLayout();
    grid->addWidget(boxView_, 0, 0);
    grid->addWidget(histView_, 0, 1);
    grid->addWidget(journeyView_, 1, 0);
    grid->addWidget(table_, 1, 1);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addLayout(grid, 1);

    retranslate();
    applyStats({});
    rebuildJourneyBar();
}

LatencyCharts::~LatencyCharts() = default;

void LatencyCharts::retranslate() {
    saveButton_->setText(tr("Save as PNG…"));
    saveButton_->setToolTip(tr("Save the charts and the table as a PNG image"));
    boxView_->chart()->setTitle(tr("Time per layer (µs), visible packets"));
    histView_->chart()->setTitle(tr("End-to-end latency"));
    if (status_ != nullptr) {
        updateStatus();
    }
}

void LatencyCharts::setTrace(const Trace *trace, const Assembler *assembler,
                             std::shared_mutex *guard) {
    // A running job reads the old assembler: stop it before the caller may free it.
    jobs_.cancel();
    jobs_.wait();
    trace_ = trace && assembler ? trace : nullptr;
    asm_ = trace_ ? assembler : nullptr;
    guard_ = asm_ ? guard : nullptr;
    visible_.clear();
    selected_ = kNoJourney;
    applyStats({});
    rebuildJourneyBar();
}

void LatencyCharts::setVisibleJourneys(const std::vector<JourneyId> &ids) {
    visible_ = asm_ ? ids : std::vector<JourneyId>{};
    startComputation();
}

void LatencyCharts::setSelectedJourney(JourneyId id) {
    selected_ = asm_ && id < asm_->journeyCount() ? id : kNoJourney;
    rebuildJourneyBar();
}

void LatencyCharts::startComputation() {
    if (!asm_ || visible_.size() <= kBackgroundThreshold) {
        jobs_.cancel(); // a running job for an older selection is stale
        applyStats(asm_ ? computeLayerLatency(*asm_, visible_) : LayerLatencyStats{});
        return;
    }
    status_->setText(tr("Computing latency statistics for %n packet(s)…", nullptr,
                        static_cast<int>(visible_.size())));
    // The job owns copies of what it reads except the assembler, which the destructor and
    // setTrace() outlive by waiting for the runner.
    jobs_.start(
        [ids = visible_, assembler = asm_, guard = guard_](const JobContext &job) {
            return computeLayerLatency(
                *assembler, ids, [&job] { return job.cancelled(); }, guard);
        },
        [this](LayerLatencyStats result) { applyStats(std::move(result)); });
}

void LatencyCharts::applyStats(LayerLatencyStats stats) {
    stats_ = std::move(stats);
    tableModel_->setStats(stats_);
    rebuildBoxPlot();
    rebuildHistogram();
    updateStatus();
    Q_EMIT statsUpdated();
}

void LatencyCharts::updateStatus() {
    if (jobs_.busy()) {
        return; // the "computing" text stays until the result arrives
    }
    if (stats_.journeys == 0) {
        status_->setText(asm_ ? tr("No packets selected") : tr("No trace"));
    } else {
        status_->setText(tr("%n packet(s): median %1, p99 %2 end to end", nullptr,
                            static_cast<int>(stats_.journeys))
                             .arg(gui::formatMicros(stats_.endToEnd.median),
                                  gui::formatMicros(stats_.endToEnd.p99)));
    }
}

void LatencyCharts::styleChart(QChart *chart) const {
    const QPalette &pal = palette();
    chart->setTheme(gui::isDarkPalette(pal) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(pal.color(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(pal.color(QPalette::Text));
    QFont title = font();
    title.setBold(true);
    chart->setTitleFont(title);
    chart->legend()->setLabelColor(pal.color(QPalette::Text));
    chart->legend()->setFont(font());
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsBrush(pal.color(QPalette::Text));
        axis->setLabelsFont(font());
        axis->setTitleBrush(pal.color(QPalette::Text));
        QColor grid = pal.color(QPalette::Mid);
        grid.setAlpha(90);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(pal.color(QPalette::Mid));
    }
}

void LatencyCharts::rebuildBoxPlot() {
    QChart *chart = boxView_->chart();
    clearChart(chart);
    boxLayers_.clear();
    boxSeries_ = new QBoxPlotSeries();
    boxSeries_->setName(tr("Time per layer"));
    boxSeries_->setBoxWidth(0.55);
    QStringList categories;
    double top = 0;
    for (int l = 0; l < kLayerCount; ++l) {
        const LatencySummary &s = stats_.layers[static_cast<size_t>(l)];
        if (s.count == 0) {
            continue;
        }
        const Layer layer = static_cast<Layer>(l);
        auto *set = new QBoxSet(s.lowerWhisker, s.q1, s.median, s.q3, s.upperWhisker,
                                layerDisplayName(layer));
        QColor c = gui::layerColor(layer, palette());
        set->setPen(QPen(c.darker(gui::isDarkPalette(palette()) ? 100 : 140), 1.5));
        c.setAlpha(150);
        set->setBrush(c);
        boxSeries_->append(set);
        boxLayers_.push_back(layer);
        categories << layerDisplayName(layer);
        top = std::max(top, s.upperWhisker);
    }
    chart->addSeries(boxSeries_);
    auto *x = new QBarCategoryAxis();
    x->append(categories.isEmpty() ? QStringList{tr("no data")} : categories);
    auto *y = new QValueAxis();
    y->setRange(0, top > 0 ? top * 1.08 : 1);
    y->applyNiceNumbers();
    y->setLabelFormat(y->max() >= 10 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    y->setTitleText(tr("µs"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    boxSeries_->attachAxis(x);
    boxSeries_->attachAxis(y);
    styleChart(chart);
}

void LatencyCharts::rebuildHistogram() {
    QChart *chart = histView_->chart();
    clearChart(chart);
    histSeries_ = new QBarSeries();
    auto *set = new QBarSet(tr("Packets"));
    set->setColor(palette().color(QPalette::Highlight));
    set->setBorderColor(palette().color(QPalette::Highlight).darker(120));
    QStringList categories;
    size_t top = 0;
    for (const HistogramBin &b : stats_.histogram) {
        *set << static_cast<double>(b.count);
        categories << compactEdge(b.lowUs);
        top = std::max(top, b.count);
    }
    histSeries_->append(set);
    histSeries_->setBarWidth(0.9);
    chart->addSeries(histSeries_);
    auto *x = new QBarCategoryAxis();
    x->append(categories.isEmpty() ? QStringList{tr("no data")} : categories);
    // Labels are the bins' lower edges: ranges would not fit under narrow bars.
    x->setTitleText(tr("end-to-end time (µs, bins from)"));
    auto *y = new QValueAxis();
    y->setRange(0, top > 0 ? static_cast<double>(top) * 1.1 : 1);
    y->setLabelFormat(QStringLiteral("%d"));
    y->applyNiceNumbers();
    y->setTitleText(tr("packets"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    histSeries_->attachAxis(x);
    histSeries_->attachAxis(y);
    styleChart(chart);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.8); // "500" and "2k" must fit under narrow bars
    x->setLabelsFont(small);
}

void LatencyCharts::rebuildJourneyBar() {
    QChart *chart = journeyView_->chart();
    clearChart(chart);
    journeySeries_ = new QHorizontalStackedBarSeries();
    journeySeries_->setBarWidth(0.6);
    double total = 0;
    if (asm_ && selected_ != kNoJourney) {
        const Journey j = asm_->journey(selected_);
        for (int l = 0; l < kLayerCount; ++l) {
            const uint64_t ns = j.layerNs[static_cast<size_t>(l)];
            if (ns == 0) {
                continue;
            }
            const Layer layer = static_cast<Layer>(l);
            auto *set = new QBarSet(layerDisplayName(layer));
            *set << static_cast<double>(ns) / 1000.0;
            set->setColor(gui::layerColor(layer, palette()));
            set->setBorderColor(palette().color(QPalette::Base));
            journeySeries_->append(set);
        }
        total = static_cast<double>(j.durationNs()) / 1000.0;
        chart->setTitle(tr("Packet %1: %2 per layer").arg(selected_).arg(gui::formatMicros(total)));
    } else {
        chart->setTitle(tr("Select a packet to see its time per layer"));
    }
    chart->addSeries(journeySeries_);
    auto *y = new QBarCategoryAxis();
    y->append(selected_ != kNoJourney ? QString::number(selected_) : QString());
    auto *x = new QValueAxis();
    x->setRange(0, total > 0 ? total : 1);
    x->applyNiceNumbers();
    x->setLabelFormat(x->max() >= 10 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    x->setTitleText(tr("µs"));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    journeySeries_->attachAxis(x);
    journeySeries_->attachAxis(y);
    styleChart(chart);
}

bool LatencyCharts::savePng(const QString &path) {
    const QPixmap pixmap = grab();
    return !pixmap.isNull() && pixmap.save(path, "PNG");
}

void LatencyCharts::saveWithDialog() {
    QString path = QFileDialog::getSaveFileName(this, tr("Save Latency Charts"), QString(),
                                                tr("PNG images (*.png)"));
    if (path.isEmpty()) {
        return;
    }
    if (!path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
        path += QLatin1String(".png");
    }
    if (!savePng(path)) {
        QMessageBox::warning(this, tr("Save Latency Charts"),
                             tr("Could not write %1. Check that the folder exists and is writable, "
                                "then try again.")
                                 .arg(path));
    }
}

void LatencyCharts::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange) {
        tableModel_->setStats(stats_);
        rebuildBoxPlot();
        rebuildHistogram();
        rebuildJourneyBar();
    }
}

} // namespace nt
