// The swimlane diagram's layout, without a widget: one track per shown journey (its points on
// the layer lanes, in µs from its start) and, for a few journeys, the markers with their labels.
// SwimlaneView builds one per selection and only paints it.
#pragma once

#include "assembler.h"
#include "journey.h"
#include "layers.h"
#include "swimlane_item_kind.h"

#include <QString>

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace nt {

class Report;

// One marker of the diagram, laid out in diagram time (µs).
struct SwimlaneItem {
    JourneyId journey = kNoJourney;
    int timelineIndex = -1; // index into Assembler::timeline(journey)
    Layer layer = Layer::Device;
    SwimlaneItemKind kind = SwimlaneItemKind::Tracepoint;
    uint64_t tsNs = 0;
    double timeUs = 0; // x: from the journey's start (aligned) or the earliest shown journey
    int stack = 0;     // rank among visible items of the same journey at the same time and lane
    QString label;     // probe name, "input #3 DROP", or the drop reason
    int32_t verdict = 0x7fffffff; // nft items: the effective verdict
    uint64_t ruleHandle = 0;
};

// A shown journey: its points in SwimlaneLayout::points, its markers in SwimlaneLayout::items.
struct SwimlaneTrack {
    JourneyId id = kNoJourney;
    double startUs = 0; // diagram time of its first point
    double durationUs = 0;
    uint32_t pointBegin = 0, pointCount = 0;
    uint32_t itemBegin = 0, itemCount = 0; // detailed: its range in items
    uint32_t hue = 0;                      // detailed: its rank, for a colour of its own
    Fate fate = Fate::InFlight;            // many journeys: the line is coloured by fate
};

struct SwimlanePoint {
    float offsetUs; // from the track's start
    Layer layer;
};

struct SwimlaneLayout {
    // Up to this many journeys get markers (items); more are only polylines (points).
    static constexpr size_t kDetailLimit = 24;

    // Lays out `ids` (valid ids of `assembler`). `alignStarts`: every journey starts at 0;
    // otherwise at its time after the earliest one. `report` names probes and drop reasons in
    // the labels (nullptr: no labels for events).
    static SwimlaneLayout build(const Assembler &assembler, const Report *report,
                                std::span<const JourneyId> ids, bool alignStarts);

    bool detailed = false;      // ids.size() <= kDetailLimit
    bool singleJourney = false; // one journey asked for: a neutral line, verdict-coloured marks
    // Detailed: in the order asked; otherwise sorted by startUs (stable).
    std::vector<SwimlaneTrack> tracks;
    std::vector<SwimlanePoint> points;
    // Detailed only: journey by journey, each in time order.
    std::vector<SwimlaneItem> items;
    std::vector<uint32_t> byTime; // items indices sorted by timeUs (stable)
    double maxDurationUs = 0;
    double endUs = 0; // last diagram time of any track

    // The layers some point lies on.
    std::array<bool, kLayerCount> usedLayers() const;
};

} // namespace nt
