// PacketListModel: row texts on demand, id-vector sorting and filtering.
#include "packet_list_model.h"

#include "assembler.h"
#include "gui_style.h"
#include "trace.h"
#include "trace_document.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>
#include <functional>
#include <iterator>
#include <numeric>

namespace nt {

// A background filter/sort: its input is a copy, its output delivered by the job runner.
struct PacketListModel::Job {
    bool refilter = false; // input: every listed journey; else the shown rows
    std::vector<JourneyId> input;
    size_t inputEnd = 0; // all_ or rows_ size when it started
    Filter filter;
    std::optional<RuleFilter> rule;
    int column = -1;
    Qt::SortOrder order = Qt::AscendingOrder;
};

struct PacketListModel::JobResult {
    std::vector<JourneyId> rows;
    std::vector<Key> keys;
};

PacketListModel::PacketListModel(QObject *parent) : QAbstractTableModel(parent), cache_(1024) {}

PacketListModel::~PacketListModel() {
    stopJob();
}

void PacketListModel::setDocument(const TraceDocument *document) {
    auto rebind = [this, document] {
        setSource(document->trace(), document->assembler(), document->report(),
                  &document->readGuard(), document->interfaceNames());
    };
    // The worker reads the records the document is about to destroy.
    connect(document, &TraceDocument::aboutToReplace, this, &PacketListModel::stopJob);
    connect(document, &TraceDocument::replaced, this, rebind);
    connect(document, &TraceDocument::journeysAppended, this,
            [this, document](qsizetype first, qsizetype count) {
                const auto &ids = document->journeys();
                appendJourneys(std::span<const JourneyId>(ids).subspan(static_cast<size_t>(first),
                                                                       static_cast<size_t>(count)));
            });
    if (document->hasTrace()) {
        rebind();
        appendJourneys(document->journeys());
    }
}

void PacketListModel::setSource(const Trace *trace, const Assembler *assembler,
                                const Report *report, std::shared_mutex *guard,
                                const InterfaceNames *names) {
    stopJob();
    beginResetModel();
    asm_ = assembler;
    ownNames_.reset();
    if (names == nullptr && trace != nullptr) {
        ownNames_ = std::make_unique<InterfaceNames>(trace->interfaces);
        names = ownNames_.get();
    }
    packets_ = PacketRows(trace, assembler, report, names);
    guard_ = assembler ? guard : nullptr;
    all_.clear();
    rows_.clear();
    keys_.clear();
    cache_.clear();
    endResetModel();
    Q_EMIT countsChanged(0, 0);
}

void PacketListModel::stopJob() {
    if (!job_) {
        return;
    }
    jobs_.cancel();
    job_.reset();
    jobs_.wait();
    Q_EMIT busyChanged(false);
}

void PacketListModel::appendJourneys(std::span<const JourneyId> ids) {
    if (!asm_ || ids.empty()) {
        return;
    }
    // Live: journeys listed before may have gained late nft records.
    cache_.clear();
    all_.insert(all_.end(), ids.begin(), ids.end());
    if (job_ && job_->refilter) {
        return; // the filter's result takes them in when it is shown
    }
    std::vector<JourneyId> shown;
    shown.reserve(ids.size());
    for (JourneyId id : ids) {
        if (accepts(id)) {
            shown.push_back(id);
        }
    }
    if (!shown.empty()) {
        const int first = static_cast<int>(rows_.size());
        beginInsertRows({}, first, first + static_cast<int>(shown.size()) - 1);
        rows_.insert(rows_.end(), shown.begin(), shown.end());
        endInsertRows();
        if (!job_) {
            if (shown.size() >= backgroundRows_ && rows_.size() > shown.size()) {
                startJob(false);
            } else {
                // Into place: only the new rows need keys. Usually they all go last.
                const size_t old = rows_.size() - shown.size();
                std::vector<Key> shownKeys;
                sortWithKeys(shown, shownKeys, orderColumn(), orderDirection());
                const bool keyed = orderColumn() != NumberColumn;
                const bool last =
                    old == 0 || !goesBefore(shown.front(), keyed ? &shownKeys.front() : nullptr,
                                            rows_[old - 1], keyed ? &keys_.back() : nullptr);
                if (last) {
                    const bool inPlace = std::equal(shown.begin(), shown.end(),
                                                    rows_.begin() + static_cast<long>(old));
                    std::move(shownKeys.begin(), shownKeys.end(), std::back_inserter(keys_));
                    if (!inPlace) {
                        std::vector<JourneyId> rows(rows_.begin(),
                                                    rows_.begin() + static_cast<long>(old));
                        rows.insert(rows.end(), shown.begin(), shown.end());
                        applyOrder(std::move(rows), std::move(keys_));
                    }
                } else {
                    std::vector<JourneyId> rows(rows_.begin(),
                                                rows_.begin() + static_cast<long>(old));
                    std::vector<Key> keys = std::move(keys_);
                    mergeSorted(rows, keys, std::move(shown));
                    applyOrder(std::move(rows), std::move(keys));
                }
            }
        }
    }
    Q_EMIT countsChanged(static_cast<qsizetype>(rows_.size()), totalCount());
}

bool PacketListModel::accepts(JourneyId id) const {
    return asm_ && packets_.passes(id, filter_, rule_);
}

void PacketListModel::setFilter(const Filter &filter) {
    filter_ = filter;
    rebuildRows();
}

void PacketListModel::setRuleFilter(const std::optional<RuleFilter> &rule) {
    if (rule == rule_) {
        return;
    }
    rule_ = rule;
    rebuildRows();
}

void PacketListModel::rebuildRows() {
    if (!asm_) {
        return;
    }
    if (all_.size() >= backgroundRows_) {
        startJob(true);
        return;
    }
    stopJob();
    std::vector<JourneyId> rows;
    rows.reserve(all_.size());
    for (JourneyId id : all_) {
        if (accepts(id)) {
            rows.push_back(id);
        }
    }
    std::vector<Key> keys;
    sortWithKeys(rows, keys, orderColumn(), orderDirection());
    beginResetModel();
    rows_ = std::move(rows);
    keys_ = std::move(keys);
    endResetModel();
    Q_EMIT countsChanged(static_cast<qsizetype>(rows_.size()), totalCount());
}

JourneyId PacketListModel::journeyAt(int row) const {
    return row >= 0 && static_cast<size_t>(row) < rows_.size() ? rows_[static_cast<size_t>(row)]
                                                               : kNoJourney;
}

int PacketListModel::rowOf(JourneyId id) const {
    const auto it = std::find(rows_.begin(), rows_.end(), id);
    return it == rows_.end() ? -1 : static_cast<int>(it - rows_.begin());
}

int PacketListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int PacketListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const PacketRowText &PacketListModel::rowText(JourneyId id) const {
    if (const PacketRowText *cached = cache_.object(id)) {
        return *cached;
    }
    auto r = std::make_unique<PacketRowText>(packets_.text(id));
    PacketRowText *raw = r.get();
    cache_.insert(id, r.release());
    return *raw;
}

QVariant PacketListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || !asm_ || index.row() >= rowCount() || index.column() >= ColumnCount) {
        return {};
    }
    const JourneyId id = rows_[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return rowText(id).text[static_cast<size_t>(index.column())];
    case Qt::ToolTipRole:
        return index.column() == FateColumn || index.column() == DropReasonColumn ||
                       index.column() == VerdictColumn
                   ? QVariant(rowText(id).fateTip)
                   : QVariant();
    case JourneyIdRole:
        return QVariant::fromValue<quint32>(id);
    case FateRole:
        return static_cast<int>(asm_->record(id).fate);
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case NumberColumn:
        case TimeColumn:
        case LengthColumn:
        case DurationColumn:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        default:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
        }
    case Qt::BackgroundRole: {
        const Fate fate = asm_->record(id).fate;
        if (fate != Fate::Dropped && fate != Fate::DroppedByRule) {
            return {};
        }
        const bool dark = gui::isDarkPalette(QGuiApplication::palette());
        return QBrush(dark ? QColor(0x5a, 0x22, 0x22) : QColor(0xfd, 0xe2, 0xe0));
    }
    case Qt::ForegroundRole: {
        const Fate fate = asm_->record(id).fate;
        if (index.column() == FateColumn &&
            (fate == Fate::Dropped || fate == Fate::DroppedByRule)) {
            return QBrush(gui::verdictColor(verdict::Drop, QGuiApplication::palette()));
        }
        if (fate == Fate::InFlight) {
            return QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
        }
        return {};
    }
    case Qt::FontRole:
        if (index.column() == FateColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant PacketListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (section) {
    case NumberColumn:
        return role == Qt::DisplayRole ? tr("No.") : tr("Journey number");
    case TimeColumn:
        return role == Qt::DisplayRole ? tr("Time") : tr("Seconds since the trace started");
    case SourceColumn:
        return tr("Source");
    case DestinationColumn:
        return tr("Destination");
    case ProtocolColumn:
        return tr("Protocol");
    case LengthColumn:
        return role == Qt::DisplayRole ? tr("Length") : tr("Packet length in bytes");
    case LayersColumn:
        return role == Qt::DisplayRole ? tr("Layers") : tr("Kernel layers crossed, in order");
    case FateColumn:
        return role == Qt::DisplayRole ? tr("Fate") : tr("How the packet's journey ended");
    case VerdictColumn:
        return role == Qt::DisplayRole ? tr("Verdict") : tr("The final nftables verdict");
    case DropReasonColumn:
        return tr("Drop reason");
    case DurationColumn:
        return role == Qt::DisplayRole ? tr("Total time")
                                       : tr("Time from the first to the last event");
    case InfoColumn:
        return tr("Info");
    default:
        return {};
    }
}

void PacketListModel::sortWithKeys(std::vector<JourneyId> &rows, std::vector<Key> &keys, int column,
                                   Qt::SortOrder order) const {
    if (column == NumberColumn) {
        // The id is the key: nothing to keep beside the rows.
        keys.clear();
        if (order == Qt::DescendingOrder) {
            std::sort(rows.begin(), rows.end(), std::greater<>());
        } else {
            std::sort(rows.begin(), rows.end());
        }
        return;
    }
    keys.resize(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        keys[i] = packets_.key(rows[i], column);
    }
    orderByKeys(rows, keys, order);
}

void PacketListModel::orderByKeys(std::vector<JourneyId> &rows, std::vector<Key> &keys,
                                  Qt::SortOrder order) {
    std::vector<uint32_t> perm(rows.size());
    std::iota(perm.begin(), perm.end(), 0U);
    const bool desc = order == Qt::DescendingOrder;
    std::stable_sort(perm.begin(), perm.end(), [&](uint32_t a, uint32_t b) {
        return desc ? keys[b] < keys[a] : keys[a] < keys[b];
    });
    std::vector<JourneyId> sortedRows(rows.size());
    std::vector<Key> sortedKeys(rows.size());
    for (size_t i = 0; i < perm.size(); ++i) {
        sortedRows[i] = rows[perm[i]];
        sortedKeys[i] = std::move(keys[perm[i]]);
    }
    rows = std::move(sortedRows);
    keys = std::move(sortedKeys);
}

bool PacketListModel::goesBefore(JourneyId a, const Key *ka, JourneyId b, const Key *kb) const {
    const bool desc = orderDirection() == Qt::DescendingOrder;
    if (orderColumn() == NumberColumn) {
        return desc ? b < a : a < b;
    }
    return desc ? *kb < *ka : *ka < *kb;
}

void PacketListModel::mergeSorted(std::vector<JourneyId> &rows, std::vector<Key> &keys,
                                  std::vector<JourneyId> extra) const {
    std::vector<Key> extraKeys;
    sortWithKeys(extra, extraKeys, orderColumn(), orderDirection());
    const bool keyed = orderColumn() != NumberColumn;
    std::vector<JourneyId> outRows;
    std::vector<Key> outKeys;
    outRows.reserve(rows.size() + extra.size());
    outKeys.reserve(keyed ? rows.size() + extra.size() : 0);
    size_t i = 0, j = 0;
    while (i < rows.size() || j < extra.size()) {
        // An older row goes first unless the new one sorts strictly before it.
        if (j < extra.size() &&
            (i >= rows.size() || goesBefore(extra[j], keyed ? &extraKeys[j] : nullptr, rows[i],
                                            keyed ? &keys[i] : nullptr))) {
            outRows.push_back(extra[j]);
            if (keyed) {
                outKeys.push_back(std::move(extraKeys[j]));
            }
            ++j;
        } else {
            outRows.push_back(rows[i]);
            if (keyed) {
                outKeys.push_back(std::move(keys[i]));
            }
            ++i;
        }
    }
    rows = std::move(outRows);
    keys = std::move(outKeys);
}

void PacketListModel::applyOrder(std::vector<JourneyId> rows, std::vector<Key> keys) {
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<JourneyId> ids;
    ids.reserve(static_cast<size_t>(before.size()));
    for (const QModelIndex &i : before) {
        ids.push_back(journeyAt(i.row()));
    }
    rows_ = std::move(rows);
    keys_ = std::move(keys);
    if (!before.isEmpty()) {
        std::vector<int> rowOfId(asm_->journeyCount(), -1);
        for (size_t r = 0; r < rows_.size(); ++r) {
            rowOfId[rows_[r]] = static_cast<int>(r);
        }
        QModelIndexList after;
        after.reserve(before.size());
        for (qsizetype i = 0; i < before.size(); ++i) {
            const JourneyId id = ids[static_cast<size_t>(i)];
            const int row = id < rowOfId.size() ? rowOfId[id] : -1;
            after.push_back(row < 0 ? QModelIndex() : index(row, before[i].column()));
        }
        changePersistentIndexList(before, after);
    }
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

std::vector<JourneyId> PacketListModel::inNumberOrder(const std::vector<JourneyId> &rows) const {
    std::vector<bool> shown(asm_ ? asm_->journeyCount() : 0);
    for (JourneyId id : rows) {
        if (id < shown.size()) {
            shown[id] = true;
        }
    }
    std::vector<JourneyId> out;
    out.reserve(rows.size());
    for (JourneyId id = 0; id < shown.size(); ++id) {
        if (shown[id]) {
            out.push_back(id);
        }
    }
    return out;
}

void PacketListModel::resort() {
    if (!asm_) {
        return;
    }
    if (rows_.size() >= backgroundRows_) {
        startJob(false);
        return;
    }
    stopJob();
    std::vector<JourneyId> rows = inNumberOrder(rows_);
    std::vector<Key> keys;
    sortWithKeys(rows, keys, orderColumn(), orderDirection());
    applyOrder(std::move(rows), std::move(keys));
}

void PacketListModel::startJob(bool refilter) {
    // A filter job replaces a sort job (it sorts too); a sort job keeps a running filter job.
    const bool wasBusy = job_ != nullptr;
    if (job_) {
        refilter = refilter || job_->refilter;
    }
    auto job = std::make_shared<Job>();
    job->refilter = refilter;
    job->input = inNumberOrder(refilter ? all_ : rows_);
    job->inputEnd = job->input.size();
    job->filter = filter_;
    job->rule = rule_;
    job->column = orderColumn();
    job->order = orderDirection();
    job_ = job;
    if (!wasBusy) {
        Q_EMIT busyChanged(true);
    }
    // setSource() and the destructor wait for the runner, so `this` and the records outlive
    // the job; starting makes the previous job stale.
    jobs_.start(
        [this, job, guard = guard_](const JobContext &ctx) { return runJob(*job, ctx, guard); },
        [this, job](JobResult result) { finishJob(job, std::move(result)); });
}

// On the worker: reads the records in slices, holding the guard shared.
PacketListModel::JobResult PacketListModel::runJob(const Job &job, const JobContext &ctx,
                                                   std::shared_mutex *guard) const {
    constexpr size_t kSlice = 4096;
    JobResult out;
    // Calls fn(i) for i in [0, n), a slice at a time under the guard; false once cancelled.
    auto sliced = [&](size_t n, const auto &fn) {
        for (size_t begin = 0; begin < n; begin += kSlice) {
            if (ctx.cancelled()) {
                return false;
            }
            std::shared_lock<std::shared_mutex> lock;
            if (guard) {
                lock = std::shared_lock(*guard);
            }
            const size_t end = std::min(n, begin + kSlice);
            for (size_t i = begin; i < end; ++i) {
                fn(i);
            }
        }
        return true;
    };
    out.rows.reserve(job.input.size());
    const bool filtered = sliced(job.input.size(), [&](size_t i) {
        const JourneyId id = job.input[i];
        if (!job.refilter || packets_.passes(id, job.filter, job.rule)) {
            out.rows.push_back(id);
        }
    });
    if (!filtered || job.column == NumberColumn) {
        sortWithKeys(out.rows, out.keys, NumberColumn, job.order);
        return out;
    }
    out.keys.resize(out.rows.size());
    if (sliced(out.rows.size(),
               [&](size_t i) { out.keys[i] = packets_.key(out.rows[i], job.column); })) {
        orderByKeys(out.rows, out.keys, job.order);
    }
    return out; // when cancelled, dropped by the runner
}

void PacketListModel::finishJob(const std::shared_ptr<Job> &job, JobResult result) {
    if (job != job_) {
        return;
    }
    job_.reset();
    std::vector<JourneyId> rows = std::move(result.rows);
    std::vector<Key> keys = std::move(result.keys);
    // Journeys listed while it ran.
    std::vector<JourneyId> extra;
    if (job->refilter) {
        for (size_t i = job->inputEnd; i < all_.size(); ++i) {
            if (accepts(all_[i])) {
                extra.push_back(all_[i]);
            }
        }
    } else {
        extra.assign(rows_.begin() + static_cast<long>(std::min(job->inputEnd, rows_.size())),
                     rows_.end());
    }
    mergeSorted(rows, keys, std::move(extra));
    if (job->refilter) {
        beginResetModel();
        rows_ = std::move(rows);
        keys_ = std::move(keys);
        endResetModel();
    } else {
        applyOrder(std::move(rows), std::move(keys));
    }
    Q_EMIT countsChanged(static_cast<qsizetype>(rows_.size()), totalCount());
    Q_EMIT busyChanged(false);
}

void PacketListModel::sort(int column, Qt::SortOrder order) {
    if (column < -1 || column >= ColumnCount) {
        return;
    }
    sortColumn_ = column;
    sortOrder_ = order;
    if (job_ && job_->refilter) {
        startJob(true); // the running filter has to sort by the new column
        return;
    }
    resort();
}

void PacketListModel::retranslate() {
    cache_.clear();
    if (!rows_.empty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace nt
