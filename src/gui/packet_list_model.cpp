// PacketListModel: row texts on demand, id-vector sorting and filtering.
#include "packet_list_model.h"

#include "assembler.h"
#include "gui_style.h"
#include "packet.h"
#include "report.h"
#include "trace.h"
#include "trace_document.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <iterator>
#include <numeric>

namespace nt {

struct PacketListModel::RowText {
    std::array<QString, ColumnCount> text;
    QString fateTip;
    Fate fate = Fate::InFlight;
};

namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

QString endpoint(const PacketFields &f, bool source) {
    QString addr = q(addressToString(f.family, source ? f.saddr : f.daddr));
    if (!f.hasPorts) {
        return addr;
    }
    const quint16 port = source ? f.sport : f.dport;
    return f.family == 6 ? QStringLiteral("[%1]:%2").arg(addr).arg(port)
                         : QStringLiteral("%1:%2").arg(addr).arg(port);
}

QString tcpFlags(uint8_t flags) {
    static const std::array<std::pair<uint8_t, const char *>, 6> names = {
        {{2, "SYN"}, {16, "ACK"}, {1, "FIN"}, {4, "RST"}, {8, "PSH"}, {32, "URG"}}};
    QStringList out;
    for (const auto &[bit, name] : names) {
        if (flags & bit) {
            out << QLatin1String(name);
        }
    }
    return out.join(QStringLiteral(", "));
}

QString icmpText(const PacketFields &f) {
    const bool v6 = f.l4proto == 58;
    const int t = f.icmpType;
    auto echo = [&](const char *what) {
        return PacketListModel::tr("%1 id=%2 seq=%3")
            .arg(QCoreApplication::translate("nt::PacketListModel", what))
            .arg(f.icmpId)
            .arg(f.icmpSeq);
    };
    if ((!v6 && t == 8) || (v6 && t == 128)) {
        return echo(QT_TRANSLATE_NOOP("nt::PacketListModel", "Echo request"));
    }
    if ((!v6 && t == 0) || (v6 && t == 129)) {
        return echo(QT_TRANSLATE_NOOP("nt::PacketListModel", "Echo reply"));
    }
    if ((!v6 && t == 3) || (v6 && t == 1)) {
        return PacketListModel::tr("Destination unreachable (code %1)").arg(f.icmpCode);
    }
    if (v6 && t == 135) {
        return PacketListModel::tr("Neighbor solicitation");
    }
    if (v6 && t == 136) {
        return PacketListModel::tr("Neighbor advertisement");
    }
    if (v6 && t == 133) {
        return PacketListModel::tr("Router solicitation");
    }
    if (v6 && t == 134) {
        return PacketListModel::tr("Router advertisement");
    }
    return PacketListModel::tr("type %1 code %2").arg(t).arg(f.icmpCode);
}

QString infoText(const PacketFields &f) {
    if (f.fragment) {
        return PacketListModel::tr("Fragment (id %1)").arg(f.ipId);
    }
    switch (f.l4proto) {
    case 6:
        return PacketListModel::tr("%1 → %2 [%3] Seq=%4 Ack=%5")
            .arg(f.sport)
            .arg(f.dport)
            .arg(tcpFlags(f.tcpFlags))
            .arg(f.tcpSeq)
            .arg(f.tcpAck);
    case 17:
        return PacketListModel::tr("%1 → %2").arg(f.sport).arg(f.dport);
    case 1:
    case 58:
        return icmpText(f);
    default:
        return {};
    }
}

QByteArray addressKey(const PacketFields &f, bool source) {
    QByteArray k;
    k.append(static_cast<char>(f.family));
    const auto &a = source ? f.saddr : f.daddr;
    k.append(reinterpret_cast<const char *>(a.data()), static_cast<qsizetype>(a.size()));
    const uint16_t port = source ? f.sport : f.dport;
    k.append(static_cast<char>(port >> 8));
    k.append(static_cast<char>(port & 0xff));
    return k;
}

} // namespace

// A background filter/sort: its input is a copy, its output delivered by a queued call.
struct PacketListModel::Job {
    bool refilter = false; // input: every listed journey; else the shown rows
    std::vector<JourneyId> input;
    size_t inputEnd = 0; // all_ or rows_ size when it started
    Filter filter;
    std::optional<RuleFilter> rule;
    int column = -1;
    Qt::SortOrder order = Qt::AscendingOrder;
    std::atomic_bool cancel{false};
    std::vector<JourneyId> rows;
    std::vector<Key> keys;
};

PacketListModel::PacketListModel(QObject *parent) : QAbstractTableModel(parent), cache_(1024) {
    pool_.setMaxThreadCount(1);
}

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
    trace_ = trace;
    asm_ = assembler;
    report_ = report;
    ownNames_.reset();
    if (names == nullptr && trace != nullptr) {
        ownNames_ = std::make_unique<InterfaceNames>(trace->interfaces);
        names = ownNames_.get();
    }
    names_ = names;
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
    job_->cancel = true;
    job_.reset();
    ++generation_;
    pool_.waitForDone();
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
    return asm_ && passes(id, filter_, rule_);
}

bool PacketListModel::passes(JourneyId id, const Filter &filter,
                             const std::optional<RuleFilter> &rule) const {
    if (rule) {
        bool judged = false;
        for (uint32_t ordinal : asm_->nftOf(id)) {
            const NftStep &s = asm_->nftStep(ordinal);
            if ((rule->handle == 0 || s.ruleHandle == rule->handle) &&
                q(asm_->name(s.chain)) == rule->chain && q(asm_->name(s.table)) == rule->table &&
                q(nfFamilyName(s.family)) == rule->family) {
                judged = true;
                break;
            }
        }
        if (!judged) {
            return false;
        }
    }
    if (filter.empty()) {
        return true;
    }
    PacketFields f;
    if (report_) {
        if (auto parsed = report_->fields(id)) {
            f = *parsed;
        }
    }
    const auto events = asm_->events(id);
    if (events.empty()) {
        return filter.matches(f, 0, std::string(), 0);
    }
    // The packet passes when it passed at any point of its path (device and mark change); the
    // device's name is the one it had at that moment.
    static const std::string kNoName;
    uint32_t lastIf = UINT32_MAX, lastNs = UINT32_MAX, lastMark = UINT32_MAX;
    for (const Event &e : events) {
        if (e.ifindex == lastIf && e.netns == lastNs && e.mark == lastMark) {
            continue;
        }
        lastIf = e.ifindex;
        lastNs = e.netns;
        lastMark = e.mark;
        const std::string &name = names_ != nullptr && e.ifindex != 0
                                      ? names_->name(e.netns, e.ifindex, e.ts_ns)
                                      : kNoName;
        if (filter.matches(f, e.ifindex, name, e.mark)) {
            return true;
        }
    }
    return false;
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

uint64_t PacketListModel::baseTs() const {
    if (trace_ && trace_->meta.startMonoNs) {
        return trace_->meta.startMonoNs;
    }
    return asm_ && asm_->journeyCount() ? asm_->record(0).firstTs : 0;
}

const PacketListModel::RowText &PacketListModel::rowText(JourneyId id) const {
    if (const RowText *cached = cache_.object(id)) {
        return *cached;
    }
    auto r = std::make_unique<RowText>();
    const Journey j = asm_->journey(id);
    const std::optional<PacketFields> f = report_ ? report_->fields(id) : std::nullopt;
    auto &t = r->text;
    t[NumberColumn] = QString::number(id);
    const uint64_t base = baseTs();
    const double secs = j.firstTs >= base ? static_cast<double>(j.firstTs - base) / 1e9
                                          : -static_cast<double>(base - j.firstTs) / 1e9;
    t[TimeColumn] = QString::number(secs, 'f', 6);
    uint32_t len = 0;
    if (j.header < (trace_ ? trace_->packets.size() : 0)) {
        len = trace_->packets[j.header].len;
    } else if (const auto ev = asm_->events(id); !ev.empty()) {
        len = ev.front().len;
    }
    t[LengthColumn] = QString::number(len);
    if (f) {
        t[SourceColumn] = endpoint(*f, true);
        t[DestinationColumn] = endpoint(*f, false);
        t[ProtocolColumn] = q(protocolName(f->l4proto));
        t[InfoColumn] = infoText(*f);
    } else {
        t[SourceColumn] = QStringLiteral("skb 0x%1").arg(j.skb, 0, 16);
        t[ProtocolColumn] = tr("unknown");
    }
    std::vector<Layer> layers;
    for (const TimelineItem &item : asm_->timeline(id)) {
        if (std::find(layers.begin(), layers.end(), item.layer) == layers.end()) {
            layers.push_back(item.layer);
        }
    }
    QStringList names;
    for (Layer l : layers) {
        names << layerDisplayName(l);
    }
    t[LayersColumn] = names.join(QStringLiteral(" › "));
    r->fate = j.fate;
    t[FateColumn] = fateDisplayLabel(j.fate);
    if (j.verdictNft != kNoIndex) {
        const QString v = gui::verdictDisplayName(j.verdict);
        t[VerdictColumn] = j.verdictByPolicy
                               ? tr("%1 (policy, %2)").arg(v, q(j.chain))
                               : tr("%1 (rule %2, %3)").arg(v).arg(j.ruleHandle).arg(q(j.chain));
    }
    if ((j.fate == Fate::Dropped || j.fate == Fate::DroppedByRule) && report_) {
        t[DropReasonColumn] = q(report_->dropReasonName(j.dropReason));
    }
    t[DurationColumn] = gui::formatMicros(static_cast<double>(j.durationNs()) / 1000.0);
    if (report_) {
        r->fateTip = q(report_->fateText(id));
    }
    RowText *raw = r.get();
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

PacketListModel::Key PacketListModel::key(JourneyId id, int column) const {
    Key k;
    const JourneyRecord &rec = asm_->record(id);
    const uint64_t base = column == TimeColumn ? baseTs() : 0;
    switch (column) {
    case NumberColumn:
        k.num = id;
        break;
    case TimeColumn:
        k.num = rec.firstTs - std::min(base, rec.firstTs);
        break;
    case DurationColumn:
        k.num = rec.lastTs - rec.firstTs;
        break;
    case FateColumn:
        k.num = static_cast<uint64_t>(rec.fate);
        break;
    case SourceColumn:
    case DestinationColumn:
    case ProtocolColumn: {
        const auto f = report_ ? report_->fields(id) : std::nullopt;
        if (!f) {
            k.num = UINT64_MAX;
        } else if (column == ProtocolColumn) {
            k.bytes = QByteArray::fromStdString(protocolName(f->l4proto));
        } else {
            k.bytes = addressKey(*f, column == SourceColumn);
        }
        break;
    }
    case LengthColumn:
        if (trace_ && rec.header < trace_->packets.size()) {
            k.num = trace_->packets[rec.header].len;
        }
        break;
    default:
        // Derived text columns: the journey's texts (not cached: a sort sees every row).
        {
            const Journey j = asm_->journey(id);
            if (column == VerdictColumn && j.verdictNft != kNoIndex) {
                k.bytes = QByteArray::fromStdString(verdictName(j.verdict));
                k.num = 1;
            } else if (column == DropReasonColumn &&
                       (j.fate == Fate::Dropped || j.fate == Fate::DroppedByRule) && report_) {
                k.bytes = QByteArray::fromStdString(report_->dropReasonName(j.dropReason));
                k.num = 1;
            } else if (column == LayersColumn) {
                k.num = asm_->timeline(id).size();
            } else if (column == InfoColumn) {
                const auto f = report_ ? report_->fields(id) : std::nullopt;
                k.bytes = f ? infoText(*f).toUtf8() : QByteArray();
            }
        }
        break;
    }
    return k;
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
        keys[i] = key(rows[i], column);
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
        job_->cancel = true;
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
    const uint64_t gen = ++generation_;
    if (!wasBusy) {
        Q_EMIT busyChanged(true);
    }
    // The job reads the records in slices, holding the guard shared; setSource() and the
    // destructor wait for it, so `this` and the records outlive it.
    pool_.start([this, job, gen, guard = guard_] {
        constexpr size_t kSlice = 4096;
        std::vector<JourneyId> rows;
        rows.reserve(job->input.size());
        for (size_t begin = 0; begin < job->input.size(); begin += kSlice) {
            if (job->cancel) {
                return;
            }
            std::shared_lock<std::shared_mutex> lock;
            if (guard) {
                lock = std::shared_lock(*guard);
            }
            const size_t end = std::min(job->input.size(), begin + kSlice);
            for (size_t i = begin; i < end; ++i) {
                const JourneyId id = job->input[i];
                if (!job->refilter || passes(id, job->filter, job->rule)) {
                    rows.push_back(id);
                }
            }
        }
        if (job->column == NumberColumn) {
            std::vector<Key> none;
            sortWithKeys(rows, none, NumberColumn, job->order);
            job->rows = std::move(rows);
            QMetaObject::invokeMethod(
                this, [this, gen, job] { finishJob(gen, job); }, Qt::QueuedConnection);
            return;
        }
        std::vector<Key> keys(rows.size());
        for (size_t begin = 0; begin < rows.size(); begin += kSlice) {
            if (job->cancel) {
                return;
            }
            std::shared_lock<std::shared_mutex> lock;
            if (guard) {
                lock = std::shared_lock(*guard);
            }
            const size_t end = std::min(rows.size(), begin + kSlice);
            for (size_t i = begin; i < end; ++i) {
                keys[i] = key(rows[i], job->column);
            }
        }
        orderByKeys(rows, keys, job->order);
        job->rows = std::move(rows);
        job->keys = std::move(keys);
        QMetaObject::invokeMethod(
            this, [this, gen, job] { finishJob(gen, job); }, Qt::QueuedConnection);
    });
}

void PacketListModel::finishJob(uint64_t generation, const std::shared_ptr<Job> &job) {
    if (generation != generation_ || job != job_) {
        return;
    }
    job_.reset();
    std::vector<JourneyId> rows = std::move(job->rows);
    std::vector<Key> keys = std::move(job->keys);
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
