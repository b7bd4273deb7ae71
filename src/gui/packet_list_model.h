// The packet list: a virtual table over journey ids; text is produced on demand from the
// compact records, rows come in batches, sorting and filtering reorder ids, never data.
#pragma once

#include "filter.h"
#include "interfaces.h"
#include "job_runner.h"
#include "journey.h"
#include "packet_rows.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QCache>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <span>
#include <vector>

namespace nt {

class Assembler;
class Report;
class TraceDocument;
struct Trace;

class PacketListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using Column = PacketColumn;
    using enum PacketColumn;
    enum Role {
        JourneyIdRole = Qt::UserRole + 1, // quint32
        FateRole,                         // int (nt::Fate)
    };

    // From this many rows on, filtering and sorting run on a worker: the list keeps its old
    // content (busy() is true) until the new one is ready.
    static constexpr size_t kBackgroundRows = 20'000;

    explicit PacketListModel(QObject *parent = nullptr);
    ~PacketListModel() override;

    // Follows a document: rebinds when it loads, appends rows when journeys are listed.
    void setDocument(const TraceDocument *document);
    // Without a document: the records to show (nullptr clears); all must outlive the model.
    // `guard`: held shared by the worker while it reads them, when they may grow meanwhile.
    // `names`: interface names by time, for `ifname` (nullptr: made from trace->interfaces).
    void setSource(const Trace *trace, const Assembler *assembler, const Report *report,
                   std::shared_mutex *guard = nullptr, const InterfaceNames *names = nullptr);
    // Lists more journeys (a batch: one beginInsertRows, then a re-sort when sorted).
    void appendJourneys(std::span<const JourneyId> ids);

    // The filter language over the decoded header; `ifindex`/`mark` tests match when any
    // event of the journey was on that device or had that mark.
    void setFilter(const Filter &filter);
    const Filter &filter() const { return filter_; }
    void setRuleFilter(const std::optional<RuleFilter> &rule);
    const std::optional<RuleFilter> &ruleFilter() const { return rule_; }
    // Does a journey pass both filters?
    bool accepts(JourneyId id) const;

    JourneyId journeyAt(int row) const;
    int rowOf(JourneyId id) const; // -1 when hidden or unknown
    // Journeys listed (shown or not) / shown.
    qsizetype totalCount() const { return static_cast<qsizetype>(all_.size()); }
    const std::vector<JourneyId> &visibleJourneys() const { return rows_; }
    int sortColumn() const { return sortColumn_; }
    Qt::SortOrder sortOrder() const { return sortOrder_; }
    // A filter or sort is being worked out on the worker.
    bool busy() const { return job_ != nullptr; }
    // Changes kBackgroundRows (SIZE_MAX: always on this thread; tests compare both ways).
    void setBackgroundRows(size_t rows) { backgroundRows_ = rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Texts depend on the language: call on QEvent::LanguageChange.
    void retranslate();

Q_SIGNALS:
    // After a filter change or appended rows: visible / total.
    void countsChanged(qsizetype visible, qsizetype total);
    // A background filter/sort started (true) or its rows are shown (false).
    void busyChanged(bool busy);

private:
    using Key = PacketSortKey;
    struct Job;
    struct JobResult;
    const PacketRowText &rowText(JourneyId id) const;
    // Keys of `rows`, then rows (and keys) stably sorted by them.
    void sortWithKeys(std::vector<JourneyId> &rows, std::vector<Key> &keys, int column,
                      Qt::SortOrder order) const;
    // Rows and their keys reordered by the keys (stable).
    static void orderByKeys(std::vector<JourneyId> &rows, std::vector<Key> &keys,
                            Qt::SortOrder order);
    // Does row a (key ka) sort strictly before row b (key kb) in the current order? The keys
    // are only read when the order is not by number.
    bool goesBefore(JourneyId a, const Key *ka, JourneyId b, const Key *kb) const;
    // Sorted `extra` merged into the sorted rows/keys (equal keys: the older rows first).
    void mergeSorted(std::vector<JourneyId> &rows, std::vector<Key> &keys,
                     std::vector<JourneyId> extra) const;
    // Without a sort column the rows are in journey number order (the order packets started,
    // as a capture lists them), whatever order journeys completed in.
    int orderColumn() const { return sortColumn_ < 0 ? NumberColumn : sortColumn_; }
    Qt::SortOrder orderDirection() const {
        return sortColumn_ < 0 ? Qt::AscendingOrder : sortOrder_;
    }
    // `rows` by number: a sort keeps equal rows in that order, whatever came before.
    std::vector<JourneyId> inNumberOrder(const std::vector<JourneyId> &rows) const;
    void rebuildRows();
    void resort();
    // Rows reordered in place (same set): persistent indexes follow their journeys.
    void applyOrder(std::vector<JourneyId> rows, std::vector<Key> keys);
    void startJob(bool refilter);
    JobResult runJob(const Job &job, const JobContext &ctx, std::shared_mutex *guard) const;
    void finishJob(const std::shared_ptr<Job> &job, JobResult result);
    void stopJob();

    const Assembler *asm_ = nullptr;
    PacketRows packets_;                       // texts, keys and filter matches (the worker's too)
    std::unique_ptr<InterfaceNames> ownNames_; // when the caller gave none
    std::vector<JourneyId> all_;               // every journey listed, in the order it was listed
    std::vector<JourneyId> rows_;              // shown, in display order
    // Sort keys of rows_ (empty when ordered by number: the id is the key; stale while a job
    // reorders the rows).
    std::vector<Key> keys_;
    Filter filter_;
    std::optional<RuleFilter> rule_;
    int sortColumn_ = -1;
    Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
    // Texts of recently shown rows: a view asks for every column and role of a row in turn.
    mutable QCache<JourneyId, PacketRowText> cache_;
    std::shared_mutex *guard_ = nullptr;
    std::shared_ptr<Job> job_; // running
    size_t backgroundRows_ = kBackgroundRows;
    // Last member: destroyed (waiting for the worker) before what the worker reads.
    JobRunner jobs_{this};
};

} // namespace nt
