// StatisticsView: sections of counts with a share bar, recomputed off the hot path by a timer.
#include "statistics_view.h"

#include "assembler.h"
#include "gui_style.h"
#include "trace.h"
#include "trace_document.h"

#include <QEvent>
#include <QHeaderView>
#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace nt {
namespace {

constexpr int kShareRole = Qt::UserRole + 1; // double 0..1, drawn as a bar
constexpr int kColorRole = Qt::UserRole + 2;

class ShareDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *p, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override {
        QStyledItemDelegate::paint(p, option, index);
        const QVariant share = index.data(kShareRole);
        if (!share.isValid()) {
            return;
        }
        const QRect r = option.rect.adjusted(4, 5, -60, -5);
        if (r.width() <= 0) {
            return;
        }
        QColor c = index.data(kColorRole).value<QColor>();
        if (!c.isValid()) {
            c = option.palette.color(QPalette::Highlight);
        }
        p->save();
        p->setPen(Qt::NoPen);
        QColor bg = option.palette.color(QPalette::Mid);
        bg.setAlpha(60);
        p->setBrush(bg);
        p->drawRoundedRect(r, 2, 2);
        QRect fill = r;
        fill.setWidth(std::max(1, static_cast<int>(r.width() * share.toDouble())));
        p->setBrush(c);
        p->drawRoundedRect(fill, 2, 2);
        p->setPen(option.palette.color(QPalette::Text));
        p->drawText(option.rect.adjusted(r.width() + 10, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                    QStringLiteral("%1 %").arg(share.toDouble() * 100.0, 0, 'f', 1));
        p->restore();
    }
};

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

} // namespace

StatisticsView::StatisticsView(QWidget *parent) : QWidget(parent) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    tree_ = new QTreeWidget(this);
    tree_->setColumnCount(3);
    tree_->setRootIsDecorated(false);
    tree_->setUniformRowHeights(true);
    tree_->setItemDelegateForColumn(2, new ShareDelegate(tree_));
    tree_->header()->setStretchLastSection(true);
    tree_->setColumnWidth(0, 250);
    tree_->setColumnWidth(1, 90);
    layout->addWidget(tree_);
    timer_ = new QTimer(this);
    timer_->setSingleShot(true);
    timer_->setInterval(500);
    connect(timer_, &QTimer::timeout, this, &StatisticsView::refresh);
    render();
}

void StatisticsView::setDocument(const TraceDocument *document) {
    doc_ = document;
    connect(document, &TraceDocument::replaced, this, &StatisticsView::refresh);
    connect(document, &TraceDocument::loaded, this, &StatisticsView::refresh);
    connect(document, &TraceDocument::journeysAppended, this, &StatisticsView::scheduleRefresh);
    connect(document, &TraceDocument::statusChanged, this, &StatisticsView::scheduleRefresh);
    refresh();
}

void StatisticsView::scheduleRefresh() {
    if (!timer_->isActive()) {
        timer_->start();
    }
}

void StatisticsView::refresh() {
    timer_->stop();
    stats_ = TraceStats();
    probeCounts_.clear();
    functionCounts_.clear();
    ruleCounts_.clear();
    if (doc_ && doc_->hasTrace()) {
        const Report &report = *doc_->report();
        const Assembler &a = *doc_->assembler();
        stats_ = report.stats();
        const std::span<const uint64_t> probes = a.eventsByProbe();
        for (size_t probe = 0; probe < probes.size(); ++probe) {
            if (probes[probe] != 0) {
                // By function, as the seed's statistics: kernel functions apart from tracepoints.
                (probe >= NT_PROBE_FUNCTION_BASE ? functionCounts_ : probeCounts_)
                    .emplace_back(q(report.probeName(static_cast<uint16_t>(probe))), probes[probe]);
            }
        }
        std::map<std::string, uint64_t> rules;
        for (size_t i = 0; i < a.nftCount(); ++i) {
            const NftStep &s = a.nftStep(static_cast<uint32_t>(i));
            if (s.hidden || (s.type != static_cast<uint8_t>(NftTraceType::Rule) &&
                             s.type != static_cast<uint8_t>(NftTraceType::Policy))) {
                continue;
            }
            std::string key =
                nfFamilyName(s.family) + ' ' + a.name(s.table) + ' ' + a.name(s.chain);
            key += s.type == static_cast<uint8_t>(NftTraceType::Rule)
                       ? " #" + std::to_string(s.ruleHandle)
                       : std::string(" policy");
            key += ' ' + verdictName(effectiveVerdict(s));
            ++rules[key];
        }
        for (const auto &[k, n] : rules) {
            ruleCounts_.emplace_back(q(k), n);
        }
        auto byCount = [](const auto &x, const auto &y) { return x.second > y.second; };
        std::stable_sort(probeCounts_.begin(), probeCounts_.end(), byCount);
        std::stable_sort(functionCounts_.begin(), functionCounts_.end(), byCount);
        std::stable_sort(ruleCounts_.begin(), ruleCounts_.end(), byCount);
    }
    render();
}

void StatisticsView::render() {
    const int scroll = tree_->verticalScrollBar() ? tree_->verticalScrollBar()->value() : 0;
    tree_->clear();
    tree_->setHeaderLabels({tr("Statistic"), tr("Count"), tr("Share")});
    renderSummary();
    renderPackets();
    renderEventsByLayer();
    addCounts(tr("Events by kernel function"), functionCounts_);
    addCounts(tr("Events by tracepoint"), probeCounts_);
    renderNftAndDrops();
    renderLoss();
    tree_->verticalScrollBar()->setValue(scroll);
}

QTreeWidgetItem *StatisticsView::addSection(const QString &title) {
    auto *item = new QTreeWidgetItem(tree_, QStringList{title});
    item->setFirstColumnSpanned(true);
    QFont f = item->font(0);
    f.setBold(true);
    item->setFont(0, f);
    item->setBackground(0, palette().brush(QPalette::AlternateBase));
    return item;
}

QTreeWidgetItem *StatisticsView::addLine(const QString &name, uint64_t n, uint64_t total,
                                         const QColor &color) {
    auto *item =
        new QTreeWidgetItem(tree_, QStringList{QStringLiteral("    ") + name, QString::number(n)});
    item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    if (total) {
        item->setData(2, kShareRole, static_cast<double>(n) / static_cast<double>(total));
        item->setData(2, kColorRole, color);
    }
    return item;
}

void StatisticsView::addNone() {
    auto *item = new QTreeWidgetItem(tree_, QStringList{QStringLiteral("    ") + tr("(none)")});
    item->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
}

void StatisticsView::addCounts(const QString &title, const Counts &list) {
    addSection(title);
    uint64_t total = 0;
    for (const auto &[name, n] : list) {
        total += n;
    }
    for (const auto &[name, n] : list) {
        addLine(name, n, total);
    }
    if (list.empty()) {
        addNone();
    }
}

// Totals of the whole trace.
void StatisticsView::renderSummary() {
    const TraceStats &s = stats_;
    addSection(tr("Summary"));
    addLine(tr("Total events"), s.totalEvents);
    addLine(tr("Packets (journeys)"), s.packets);
    addLine(tr("Probes hit"), s.probesHit);
    addLine(tr("Kernel functions hit"), functionCounts_.size());
    addLine(tr("nft chain walks"), s.nftChains);
    addLine(tr("nft rule decisions"), s.nftRules);
}

// Packets by fate, then by nftables verdict, coloured as the verdicts elsewhere.
void StatisticsView::renderPackets() {
    const TraceStats &s = stats_;
    const QPalette &pal = palette();
    addSection(tr("Packets by fate"));
    for (int f = 0; f < kFateCount; ++f) {
        const uint64_t n = s.packetsByFate[static_cast<size_t>(f)];
        if (n) {
            const auto fate = static_cast<Fate>(f);
            const bool dropped = fate == Fate::Dropped || fate == Fate::DroppedByRule;
            addLine(fateDisplayLabel(fate), n, s.packets,
                    dropped ? gui::verdictColor(verdict::Drop, pal)
                            : (fate == Fate::InFlight ? pal.color(QPalette::Mid)
                                                      : gui::verdictColor(verdict::Accept, pal)));
        }
    }
    if (!s.packets) {
        addNone();
    }

    addSection(tr("Packets by nftables verdict"));
    uint64_t judged = 0;
    for (const auto &[name, n] : s.packetsByVerdict) {
        judged += n;
    }
    for (const auto &[name, n] : s.packetsByVerdict) {
        const int32_t code = name == "DROP"     ? verdict::Drop
                             : name == "ACCEPT" ? verdict::Accept
                                                : verdict::Queue;
        addLine(q(name), n, judged, gui::verdictColor(code, pal));
    }
    if (s.packetsByVerdict.empty()) {
        addNone();
    }
}

// Events per layer, in the layers' colours.
void StatisticsView::renderEventsByLayer() {
    const TraceStats &s = stats_;
    addSection(tr("Events by layer"));
    for (int l = 0; l < kLayerCount; ++l) {
        const uint64_t n = s.eventsByLayer[static_cast<size_t>(l)];
        if (n) {
            addLine(layerDisplayName(static_cast<Layer>(l)), n, s.totalEvents,
                    gui::layerColor(static_cast<Layer>(l), palette()));
        }
    }
    if (!s.totalEvents) {
        addNone();
    }
}

// nftables rule and policy decisions, then the most frequent drop reasons.
void StatisticsView::renderNftAndDrops() {
    const TraceStats &s = stats_;
    addSection(tr("nftables chains and rules"));
    for (const auto &[name, n] : ruleCounts_) {
        addLine(name, n);
    }
    if (ruleCounts_.empty()) {
        addNone();
    }

    addSection(tr("Top drop reasons"));
    uint64_t drops = 0;
    for (const auto &[name, n] : s.topDropReasons) {
        drops += n;
    }
    for (const auto &[name, n] : s.topDropReasons) {
        addLine(q(name), n, drops, gui::verdictColor(verdict::Drop, palette()));
    }
    if (s.topDropReasons.empty()) {
        addNone();
    }
}

// What the trace is missing or left out; real losses are coloured when not 0.
void StatisticsView::renderLoss() {
    const TraceStats &s = stats_;
    addSection(tr("Loss"));
    auto loss = [&](const QString &name, uint64_t n) {
        QTreeWidgetItem *item = addLine(name, n);
        if (n) {
            item->setForeground(1, gui::verdictColor(verdict::Drop, palette()));
        }
    };
    loss(tr("Events lost: ring buffer full"), s.loss.ringbufFull);
    loss(tr("Packets not followed: tracking map full"), s.loss.trackFull);
    loss(tr("nft trace messages lost"), s.loss.nftLost);
    loss(tr("nft records joined to no packet"), s.unjoinedNft);
    loss(tr("Packet headers never claimed"), s.unusedHeaders);
    addLine(tr("Events skipped by the filter"), s.loss.filtered);
    addLine(tr("Events excluded: netlink/AF_UNIX messages, buffers without a protocol"),
            s.loss.excluded);
    addLine(tr("Events submitted by BPF"), s.loss.bpfEvents);
}

void StatisticsView::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        render();
    }
    QWidget::changeEvent(event);
}

} // namespace nt
