// SwimlaneLayout: the tracks, points and markers of the shown journeys.
#include "swimlane_layout.h"

#include "display_text.h"
#include "report.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace nt {
namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

// An nft record's marker: its kind and "input #3 DROP", "input policy ACCEPT", "fwd JUMP x".
void describeNft(SwimlaneItem &item, const Assembler &a, const NftStep &step) {
    item.layer = Layer::Netfilter;
    item.verdict = effectiveVerdict(step);
    item.ruleHandle = step.ruleHandle;
    const QString chain = q(a.name(step.chain));
    const QString verdictText = verdictDisplayName(item.verdict);
    switch (static_cast<NftTraceType>(step.type)) {
    case NftTraceType::Rule:
        item.kind = SwimlaneItemKind::NftRule;
        item.label = QCoreApplication::translate("nt::SwimlaneLayout", "%1 #%2 %3")
                         .arg(chain)
                         .arg(step.ruleHandle)
                         .arg(verdictText);
        break;
    case NftTraceType::Policy:
        item.kind = SwimlaneItemKind::NftPolicy;
        item.label = QCoreApplication::translate("nt::SwimlaneLayout", "%1 policy %2")
                         .arg(chain, verdictText);
        break;
    case NftTraceType::Chain:
        item.kind = SwimlaneItemKind::NftReturn;
        item.label = QCoreApplication::translate("nt::SwimlaneLayout", "%1 chain %2")
                         .arg(chain, verdictText);
        break;
    default:
        item.kind = SwimlaneItemKind::NftReturn;
        item.label =
            QCoreApplication::translate("nt::SwimlaneLayout", "%1 %2").arg(chain, verdictText);
        break;
    }
    if (item.verdict == verdict::Jump || item.verdict == verdict::Goto) {
        item.label += QLatin1Char(' ') + q(a.name(step.jumpTarget));
    }
}

// An event's marker: a drop with its reason, a free, a function or a tracepoint by name.
void describeEvent(SwimlaneItem &item, const Event &e, const Report *report) {
    if (e.probe == NT_PROBE_KFREE_SKB) {
        item.kind = SwimlaneItemKind::Drop;
        item.label = report ? q(report->dropReasonName(e.aux)) : QString();
        return;
    }
    item.kind = e.probe == NT_PROBE_CONSUME_SKB     ? SwimlaneItemKind::Free
                : e.probe >= NT_PROBE_FUNCTION_BASE ? SwimlaneItemKind::Function
                                                    : SwimlaneItemKind::Tracepoint;
    item.label = report ? q(report->probeName(e.probe)) : QString();
}

// Appends one journey's track, points and (detailed) items; nothing when it has no timeline.
void addTrack(SwimlaneLayout &out, const Assembler &a, const Report *report, JourneyId id,
              double startUs) {
    const JourneyRecord &rec = a.record(id);
    const std::vector<TimelineItem> timeline = a.timeline(id);
    if (timeline.empty()) {
        return;
    }
    // Events only for the markers that show them (one journey, or a few).
    const std::vector<Event> events = out.detailed ? a.events(id) : std::vector<Event>{};
    SwimlaneTrack t;
    t.id = id;
    t.fate = rec.fate;
    t.hue = static_cast<uint32_t>(out.tracks.size());
    t.startUs = startUs;
    t.pointBegin = static_cast<uint32_t>(out.points.size());
    t.itemBegin = static_cast<uint32_t>(out.items.size());
    const uint64_t base = rec.firstTs;
    uint64_t lastTs = base;
    std::array<int, kLayerCount> stackAt{};
    uint64_t stackTs = UINT64_MAX;
    for (size_t i = 0; i < timeline.size(); ++i) {
        const TimelineItem &ti = timeline[i];
        SwimlaneItem item;
        item.journey = id;
        item.timelineIndex = static_cast<int>(i);
        item.layer = ti.layer;
        item.tsNs = ti.tsNs;
        const uint64_t ts = std::max(ti.tsNs, base);
        item.timeUs = t.startUs + static_cast<double>(ts - base) / 1000.0;
        if (ti.nft) {
            const NftStep &step = a.nftStep(ti.index);
            if (step.hidden) {
                continue; // nft-tracer's own table and end-of-chain records
            }
            item.layer = Layer::Netfilter;
            if (out.detailed) {
                describeNft(item, a, step);
            }
        } else if (out.detailed) {
            // Timeline indices of events are slots in the assembler's store.
            describeEvent(item, events[ti.index - rec.eventBegin], report);
        }
        lastTs = std::max(lastTs, ts);
        out.points.push_back(
            SwimlanePoint{static_cast<float>(item.timeUs - t.startUs), item.layer});
        if (out.detailed) {
            if (ti.tsNs != stackTs) {
                stackAt.fill(0);
                stackTs = ti.tsNs;
            }
            item.stack = stackAt[static_cast<size_t>(item.layer)]++;
            out.items.push_back(std::move(item));
        }
    }
    t.pointCount = static_cast<uint32_t>(out.points.size()) - t.pointBegin;
    t.itemCount = static_cast<uint32_t>(out.items.size()) - t.itemBegin;
    t.durationUs = static_cast<double>(lastTs - base) / 1000.0;
    out.maxDurationUs = std::max(out.maxDurationUs, t.durationUs);
    out.endUs = std::max(out.endUs, t.startUs + t.durationUs);
    out.tracks.push_back(t);
}

} // namespace

SwimlaneLayout SwimlaneLayout::build(const Assembler &assembler, const Report *report,
                                     std::span<const JourneyId> ids, bool alignStarts) {
    SwimlaneLayout out;
    if (ids.empty()) {
        return out;
    }
    uint64_t origin = std::numeric_limits<uint64_t>::max();
    for (JourneyId id : ids) {
        origin = std::min(origin, assembler.record(id).firstTs);
    }
    out.detailed = ids.size() <= kDetailLimit;
    out.singleJourney = ids.size() == 1;
    out.tracks.reserve(ids.size());
    for (JourneyId id : ids) {
        const uint64_t first = assembler.record(id).firstTs;
        const double startUs = alignStarts ? 0.0 : static_cast<double>(first - origin) / 1000.0;
        addTrack(out, assembler, report, id, startUs);
    }
    if (!out.detailed) {
        std::stable_sort(
            out.tracks.begin(), out.tracks.end(),
            [](const SwimlaneTrack &a, const SwimlaneTrack &b) { return a.startUs < b.startUs; });
    }
    out.byTime.resize(out.items.size());
    for (size_t i = 0; i < out.items.size(); ++i) {
        out.byTime[i] = static_cast<uint32_t>(i);
    }
    std::stable_sort(out.byTime.begin(), out.byTime.end(), [&out](uint32_t a, uint32_t b) {
        return out.items[a].timeUs < out.items[b].timeUs;
    });
    return out;
}

std::array<bool, kLayerCount> SwimlaneLayout::usedLayers() const {
    std::array<bool, kLayerCount> used{};
    for (const SwimlanePoint &pt : points) {
        used[static_cast<size_t>(pt.layer)] = true;
    }
    return used;
}

} // namespace nt
