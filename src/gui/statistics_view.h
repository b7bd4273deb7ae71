// The statistics page: what nt::Report::stats() computes (events by layer, packets by fate and
// verdict, kernel functions and tracepoints hit, nft chains and rules, top drop reasons, loss),
// refreshed live.
#pragma once

#include "report.h"

#include <QWidget>

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
    void scheduleRefresh();
    void render();

    const TraceDocument *doc_ = nullptr;
    TraceStats stats_;
    std::vector<std::pair<QString, uint64_t>> probeCounts_; // tracepoints
    std::vector<std::pair<QString, uint64_t>> functionCounts_;
    std::vector<std::pair<QString, uint64_t>> ruleCounts_;
    QTreeWidget *tree_ = nullptr;
    QTimer *timer_ = nullptr;
};

} // namespace nt
