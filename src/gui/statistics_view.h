// The statistics page: what nt::Report::stats() computes (events by layer, packets by fate and
// verdict, kernel functions and tracepoints hit, nft chains and rules, top drop reasons, loss),
// refreshed live.
#pragma once

#include "report.h"

#include <QWidget>

class QColor;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace nt {

class TraceDocument;

class StatisticsView : public QWidget {
    Q_OBJECT
public:
    explicit StatisticsView(QWidget *parent = nullptr);

    // Follows the document: refreshes (at most twice a second) when it loads or grows.
    void setDocument(const TraceDocument *document);
    // Recomputes now.
    void refresh();
    const TraceStats &stats() const { return stats_; }
    // Events per kernel function and per tracepoint, most first (as shown).
    const std::vector<std::pair<QString, uint64_t>> &functionCounts() const {
        return functionCounts_;
    }
    const std::vector<std::pair<QString, uint64_t>> &tracepointCounts() const {
        return probeCounts_;
    }
    QTreeWidget *tree() const { return tree_; }

protected:
    void changeEvent(QEvent *event) override;

private:
    using Counts = std::vector<std::pair<QString, uint64_t>>;

    void scheduleRefresh();
    // Rebuilds the tree from the counts, keeping the scroll position.
    void render();
    // The rows: a bold section title, a counted line (with a share bar when total is not 0),
    // "(none)" for an empty section.
    QTreeWidgetItem *addSection(const QString &title);
    QTreeWidgetItem *addLine(const QString &name, uint64_t n, uint64_t total = 0,
                             const QColor &color = QColor());
    void addNone();
    // A section of named counts, each with its share of the section's sum.
    void addCounts(const QString &title, const Counts &list);
    // The sections, in the order shown.
    void renderSummary();
    void renderPackets();
    void renderEventsByLayer();
    void renderNftAndDrops();
    void renderLoss();

    const TraceDocument *doc_ = nullptr;
    TraceStats stats_;
    Counts probeCounts_; // tracepoints
    Counts functionCounts_;
    Counts ruleCounts_;
    QTreeWidget *tree_ = nullptr;
    QTimer *timer_ = nullptr;
};

} // namespace nt
