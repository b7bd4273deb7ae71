// The packet list: a virtual table over journey ids; text is produced on demand from the
// compact records, rows come in batches, sorting and filtering reorder ids, never data.
#pragma once

#include "filter.h"
#include "journey.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QString>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace nt {

class Assembler;
class Report;
class TraceDocument;
struct Trace;

// Show only the journeys an nft rule judged: steps in that chain with that rule handle (0: any
// rule or policy of the chain).
struct RuleFilter {
    QString family, table, chain;
    uint64_t handle = 0;
    bool operator==(const RuleFilter &) const = default;
};

class PacketListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        TimeColumn,
        SourceColumn,
        DestinationColumn,
        ProtocolColumn,
        LengthColumn,
        LayersColumn,
        FateColumn,
        VerdictColumn,
        DropReasonColumn,
        DurationColumn,
        InfoColumn,
        ColumnCount
    };
    enum Role {
        JourneyIdRole = Qt::UserRole + 1, // quint32
        FateRole,                         // int (nt::Fate)
    };

    explicit PacketListModel(QObject *parent = nullptr);
    ~PacketListModel() override;

    // Follows a document: rebinds when it loads, appends rows when journeys are listed.
    void setDocument(const TraceDocument *document);
    // Without a document: the records to show (nullptr clears); all must outlive the model.
    void setSource(const Trace *trace, const Assembler *assembler, const Report *report);
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

private:
    struct RowText;
    const RowText &rowText(JourneyId id) const;
    void rebuildRows();
    void sortRows(std::vector<JourneyId> &rows) const;
    void resort();
    uint64_t baseTs() const;

    const Trace *trace_ = nullptr;
    const Assembler *asm_ = nullptr;
    const Report *report_ = nullptr;
    std::vector<JourneyId> all_;  // listing order
    std::vector<JourneyId> rows_; // shown, in display order
    Filter filter_;
    std::optional<RuleFilter> rule_;
    int sortColumn_ = -1;
    Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
    // Texts of recently shown rows: a view asks for every column and role of a row in turn.
    mutable QCache<JourneyId, RowText> cache_;
};

} // namespace nt
