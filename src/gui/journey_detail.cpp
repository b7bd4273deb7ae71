// JourneyDetail: a tree of the journey's path, nft decisions, headers and time per layer.
#include "journey_detail.h"

#include "assembler.h"
#include "gui_style.h"
#include "packet.h"
#include "report.h"
#include "trace.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <unordered_map>

namespace nt {
namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

QString offset(uint64_t ts, uint64_t base) {
    const double us = ts >= base ? static_cast<double>(ts - base) / 1000.0 : 0.0;
    return QStringLiteral("+%1 µs").arg(us, 0, 'f', 3);
}

QTreeWidgetItem *row(QTreeWidgetItem *parent, const QString &a, const QString &b,
                     const QString &c = {}) {
    auto *item = new QTreeWidgetItem(parent, QStringList{a, b, c});
    item->setToolTip(2, c);
    return item;
}

QTreeWidgetItem *section(QTreeWidget *tree, const QString &title) {
    auto *item = new QTreeWidgetItem(tree, QStringList{title});
    item->setFirstColumnSpanned(true);
    QFont f = item->font(0);
    f.setBold(true);
    item->setFont(0, f);
    item->setExpanded(true);
    return item;
}

} // namespace

JourneyDetail::JourneyDetail(QWidget *parent) : QWidget(parent) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("journeyTitle"));
    title_->setTextFormat(Qt::PlainText);
    title_->setWordWrap(true); // a long summary must not widen the window
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont tf = title_->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.1);
    title_->setFont(tf);
    fate_ = new QLabel(this);
    fate_->setObjectName(QStringLiteral("journeyFate"));
    fate_->setWordWrap(true);
    fate_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tree_ = new QTreeWidget(this);
    tree_->setColumnCount(3);
    tree_->setUniformRowHeights(true);
    tree_->setAlternatingRowColors(true);
    tree_->header()->setStretchLastSection(true);
    tree_->header()->setSectionResizeMode(QHeaderView::Interactive);
    tree_->setColumnWidth(0, 150);
    tree_->setColumnWidth(1, 160);
    layout->addWidget(title_);
    layout->addWidget(fate_);
    layout->addWidget(tree_, 1);
    rebuild();
}

void JourneyDetail::setSource(const Trace *trace, const Assembler *assembler,
                              const Report *report) {
    trace_ = trace;
    asm_ = assembler;
    report_ = report;
    id_ = kNoJourney;
    rebuild();
}

void JourneyDetail::showJourney(JourneyId id) {
    id_ = asm_ && id < asm_->journeyCount() ? id : kNoJourney;
    rebuild();
}

QString JourneyDetail::nftDescription(uint32_t ordinal, bool withRuleText) const {
    const NftStep &s = asm_->nftStep(ordinal);
    const QString family = q(nfFamilyName(s.family));
    const QString table = q(asm_->name(s.table));
    const QString chain = q(asm_->name(s.chain));
    const int32_t v = effectiveVerdict(s);
    QString what;
    switch (static_cast<NftTraceType>(s.type)) {
    case NftTraceType::Rule:
        what = tr("rule %1 → %2").arg(s.ruleHandle).arg(gui::verdictDisplayName(v));
        break;
    case NftTraceType::Policy:
        what = tr("policy → %1").arg(gui::verdictDisplayName(v));
        break;
    case NftTraceType::Return:
        what = tr("return");
        break;
    case NftTraceType::Chain:
        what = tr("chain verdict → %1").arg(gui::verdictDisplayName(v));
        break;
    case NftTraceType::Unspec:
        what = tr("trace");
        break;
    }
    if (v == verdict::Jump || v == verdict::Goto) {
        what += QLatin1Char(' ') + q(asm_->name(s.jumpTarget));
    }
    QString text = QStringLiteral("%1 %2 %3: %4").arg(family, table, chain, what);
    if (withRuleText && s.type == static_cast<uint8_t>(NftTraceType::Rule)) {
        const QString rule = report_->ruleTexts().ruleText(family, table, chain, s.ruleHandle);
        if (!rule.isEmpty()) {
            text += QStringLiteral("  ⟨%1⟩").arg(rule);
        }
    }
    return text;
}

void JourneyDetail::addPath(QTreeWidgetItem *parent) {
    const Journey j = asm_->journey(id_);
    const auto events = asm_->events(id_);
    const std::vector<TimelineItem> timeline = asm_->timeline(id_);
    QTreeWidgetItem *group = nullptr;
    Layer groupLayer = Layer::Device;
    uint64_t groupStart = 0;
    auto closeGroup = [&](uint64_t end) {
        if (group) {
            group->setText(1, gui::formatMicros(static_cast<double>(end - groupStart) / 1000.0));
        }
    };
    for (size_t i = 0; i < timeline.size(); ++i) {
        const TimelineItem &t = timeline[i];
        if (t.nft && asm_->nftStep(t.index).hidden) {
            continue; // nft-tracer's own trace table and end-of-chain records
        }
        if (!group || t.layer != groupLayer) {
            closeGroup(t.tsNs);
            group = row(parent, layerDisplayName(t.layer), QString());
            group->setForeground(0, gui::layerColor(t.layer, palette()));
            QFont f = group->font(0);
            f.setBold(true);
            group->setFont(0, f);
            group->setExpanded(true);
            groupLayer = t.layer;
            groupStart = t.tsNs;
        }
        QTreeWidgetItem *item = nullptr;
        if (t.nft) {
            const NftStep &s = asm_->nftStep(t.index);
            item = row(group, offset(t.tsNs, j.firstTs), tr("nft %1").arg(q(nftHookName(s.hook))),
                       QStringLiteral("%1  [%2]")
                           .arg(nftDescription(t.index, true), gui::nftSourceName(s.exact)));
            item->setForeground(1, gui::verdictColor(effectiveVerdict(s), palette()));
            item->setToolTip(1, gui::nftSourceExplanation(s.exact));
        } else {
            const Event &e =
                events[t.index - j.eventBegin < events.size() ? t.index - j.eventBegin : 0];
            QStringList details;
            details << tr("if %1").arg(e.ifindex) << tr("netns %1").arg(e.netns)
                    << tr("cpu %1").arg(e.cpu) << tr("len %1").arg(e.len);
            if (e.mark) {
                details << tr("mark 0x%1").arg(e.mark, 0, 16);
            }
            if (e.probe == NT_PROBE_KFREE_SKB) {
                details << tr("reason %1").arg(q(report_->dropReasonName(e.aux)));
            }
            if (e.location) {
                details << tr("at %1").arg(q(report_->symbolName(e.location)));
            }
            if (e.probe == NT_PROBE_NET_DEV_XMIT) {
                details << tr("rc %1").arg(static_cast<int32_t>(e.aux));
            }
            item = row(group, offset(t.tsNs, j.firstTs), q(report_->probeName(e.probe)),
                       details.join(QStringLiteral(", ")));
            if (e.probe == NT_PROBE_KFREE_SKB) {
                item->setForeground(1, gui::verdictColor(verdict::Drop, palette()));
            }
        }
        item->setData(0, TimelineIndexRole, static_cast<int>(i));
    }
    closeGroup(j.lastTs);
}

void JourneyDetail::addRules(QTreeWidgetItem *parent) {
    const Journey j = asm_->journey(id_);
    // nft records arrive over netlink after the fact: show them where the timeline placed them
    // (their hook's boundary), not at their receive time.
    std::unordered_map<uint32_t, uint64_t> placed;
    for (const TimelineItem &t : asm_->timeline(id_)) {
        if (t.nft) {
            placed.emplace(t.index, t.tsNs);
        }
    }
    for (uint32_t ordinal : asm_->nftOf(id_)) {
        const NftStep &s = asm_->nftStep(ordinal);
        const auto at = placed.find(ordinal);
        const uint64_t ts = at == placed.end() ? s.tsNs : at->second;
        const QString family = q(nfFamilyName(s.family));
        const QString table = q(asm_->name(s.table));
        const QString chain = q(asm_->name(s.chain));
        const int32_t v = effectiveVerdict(s);
        QString where = QStringLiteral("%1 %2 %3").arg(family, table, chain);
        QString rule;
        if (s.type == static_cast<uint8_t>(NftTraceType::Rule)) {
            rule = report_->ruleTexts().ruleText(family, table, chain, s.ruleHandle);
            rule = rule.isEmpty() ? tr("handle %1").arg(s.ruleHandle)
                                  : tr("handle %1: %2").arg(s.ruleHandle).arg(rule);
        } else if (s.type == static_cast<uint8_t>(NftTraceType::Policy)) {
            rule =
                tr("chain policy (%1)").arg(report_->ruleTexts().chainText(family, table, chain));
        } else if (s.type == static_cast<uint8_t>(NftTraceType::Chain)) {
            rule = tr("chain verdict");
        } else {
            rule = tr("return");
        }
        auto *item =
            row(parent, QStringLiteral("%1  %2").arg(offset(ts, j.firstTs), q(nftHookName(s.hook))),
                QStringLiteral("%1  [%2]").arg(where, gui::nftSourceName(s.exact)),
                QStringLiteral("%1  →  %2").arg(rule, gui::verdictDisplayName(v)));
        item->setForeground(2, gui::verdictColor(v, palette()));
        item->setToolTip(1, gui::nftSourceExplanation(s.exact));
        item->setData(1, NftExactRole, s.exact);
        if (ordinal == j.verdictNft) {
            QFont f = item->font(2);
            f.setBold(true);
            item->setFont(2, f);
            item->setToolTip(2, tr("This decision gave the final verdict"));
        }
    }
    if (parent->childCount() == 0) {
        row(parent, tr("none"),
            tr("no nftables rule traced this packet (nft tracing off, or no ruleset hook)"));
    }
}

void JourneyDetail::addHeaders(QTreeWidgetItem *parent) {
    const auto f = report_->fields(id_);
    if (!f) {
        row(parent, tr("not captured"), tr("no IP header was captured for this packet"));
        return;
    }
    QTreeWidgetItem *ip = nullptr;
    if (f->family == 4) {
        ip = row(parent, tr("IPv4"),
                 QStringLiteral("%1 → %2").arg(q(addressToString(4, f->saddr)),
                                               q(addressToString(4, f->daddr))));
        row(ip, tr("Identification"),
            QStringLiteral("0x%1 (%2)").arg(f->ipId, 4, 16, QLatin1Char('0')).arg(f->ipId));
    } else {
        ip = row(parent, tr("IPv6"),
                 QStringLiteral("%1 → %2").arg(q(addressToString(6, f->saddr)),
                                               q(addressToString(6, f->daddr))));
    }
    ip->setExpanded(true);
    row(ip, tr("Source"), q(addressToString(f->family, f->saddr)));
    row(ip, tr("Destination"), q(addressToString(f->family, f->daddr)));
    row(ip, f->family == 4 ? tr("TTL") : tr("Hop limit"), QString::number(f->ttl));
    row(ip, tr("Total length"), QString::number(f->totalLen));
    if (f->fragment) {
        row(ip, tr("Fragment"), tr("not the first fragment: no transport header"));
        return;
    }
    const QString proto = q(protocolName(f->l4proto));
    QTreeWidgetItem *l4 = nullptr;
    if (f->hasPorts) {
        l4 = row(parent, proto, QStringLiteral("%1 → %2").arg(f->sport).arg(f->dport));
        row(l4, tr("Source port"), QString::number(f->sport));
        row(l4, tr("Destination port"), QString::number(f->dport));
        if (f->l4proto == 6) {
            static const std::array<std::pair<uint8_t, const char *>, 6> names = {
                {{2, "SYN"}, {16, "ACK"}, {1, "FIN"}, {4, "RST"}, {8, "PSH"}, {32, "URG"}}};
            QStringList flags;
            for (const auto &[bit, name] : names) {
                if (f->tcpFlags & bit) {
                    flags << QLatin1String(name);
                }
            }
            row(l4, tr("Flags"),
                QStringLiteral("0x%1 %2")
                    .arg(f->tcpFlags, 2, 16, QLatin1Char('0'))
                    .arg(flags.join(QLatin1Char(' '))));
            row(l4, tr("Sequence number"), QString::number(f->tcpSeq));
            row(l4, tr("Acknowledgment number"), QString::number(f->tcpAck));
        }
    } else if (f->l4proto == 1 || f->l4proto == 58) {
        l4 = row(parent, proto, tr("type %1 code %2").arg(f->icmpType).arg(f->icmpCode));
        row(l4, tr("Type"), QString::number(f->icmpType));
        row(l4, tr("Code"), QString::number(f->icmpCode));
        row(l4, tr("Identifier"), QString::number(f->icmpId));
        row(l4, tr("Sequence"), QString::number(f->icmpSeq));
    } else {
        l4 = row(parent, tr("Protocol"), proto);
    }
    l4->setExpanded(true);
}

void JourneyDetail::addLayerTimes(QTreeWidgetItem *parent) {
    const Journey j = asm_->journey(id_);
    for (int l = 0; l < kLayerCount; ++l) {
        const uint64_t ns = j.layerNs[static_cast<size_t>(l)];
        if (ns == 0) {
            continue;
        }
        const double share =
            j.durationNs() ? 100.0 * static_cast<double>(ns) / static_cast<double>(j.durationNs())
                           : 0.0;
        auto *item = row(parent, layerDisplayName(static_cast<Layer>(l)),
                         gui::formatMicros(static_cast<double>(ns) / 1000.0),
                         QStringLiteral("%1 %").arg(share, 0, 'f', 1));
        item->setForeground(0, gui::layerColor(static_cast<Layer>(l), palette()));
    }
    row(parent, tr("Total"), gui::formatMicros(static_cast<double>(j.durationNs()) / 1000.0));
}

void JourneyDetail::rebuild() {
    tree_->clear();
    tree_->setHeaderLabels({tr("Offset / field"), tr("Event / value"), tr("Details")});
    if (!asm_ || !report_ || id_ == kNoJourney) {
        title_->setText(tr("No packet selected"));
        fate_->setText(tr("Select a packet in the list to see its journey through the kernel."));
        fate_->setStyleSheet(QString());
        return;
    }
    const Journey j = asm_->journey(id_);
    QString what;
    if (const auto f = report_->fields(id_)) {
        what = QStringLiteral("%1  %2 → %3")
                   .arg(q(protocolName(f->l4proto)),
                        q(endpointsToString(*f)).section(QStringLiteral(" → "), 0, 0),
                        q(endpointsToString(*f)).section(QStringLiteral(" → "), 1));
    } else {
        what = tr("skb 0x%1").arg(j.skb, 0, 16);
    }
    title_->setText(tr("Journey %1 · %2 · events: %3 · %4")
                        .arg(id_)
                        .arg(what)
                        .arg(j.eventCount)
                        .arg(gui::formatMicros(static_cast<double>(j.durationNs()) / 1000.0)));
    fate_->setText(q(report_->fateText(id_)));
    const bool dropped = j.fate == Fate::Dropped || j.fate == Fate::DroppedByRule;
    fate_->setStyleSheet(dropped ? QStringLiteral("color: %1; font-weight: bold;")
                                       .arg(gui::verdictColor(verdict::Drop, palette()).name())
                                 : QString());
    addPath(section(tree_, tr("Path through the kernel")));
    addRules(section(tree_, tr("nftables rules evaluated")));
    addHeaders(section(tree_, tr("Headers")));
    auto *times = section(tree_, tr("Time per layer"));
    addLayerTimes(times);
    times->setExpanded(false);
}

QTreeWidgetItem *JourneyDetail::itemForTimeline(int timelineIndex) const {
    if (tree_->topLevelItemCount() == 0) {
        return nullptr;
    }
    QTreeWidgetItem *path = tree_->topLevelItem(0);
    for (int g = 0; g < path->childCount(); ++g) {
        QTreeWidgetItem *group = path->child(g);
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            if (item->data(0, TimelineIndexRole).toInt() == timelineIndex) {
                return item;
            }
        }
    }
    return nullptr;
}

void JourneyDetail::selectTimelineItem(int timelineIndex) {
    if (QTreeWidgetItem *item = itemForTimeline(timelineIndex)) {
        tree_->setCurrentItem(item);
        tree_->scrollToItem(item);
    }
}

void JourneyDetail::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        rebuild();
    }
    QWidget::changeEvent(event);
}

} // namespace nt
