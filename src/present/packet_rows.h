// The packet list's content without a view: each journey's row texts, its sort key per column
// and whether it passes the list's filters, all read from the compact records on demand.
#pragma once

#include "filter.h"
#include "interfaces.h"
#include "journey.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>

namespace nt {

class Assembler;
class Report;
struct Trace;

enum PacketColumn : int {
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

// Show only the journeys an nft rule judged: steps in that chain with that rule handle (0: any
// rule or policy of the chain).
struct RuleFilter {
    QString family, table, chain;
    uint64_t handle = 0;
    bool operator==(const RuleFilter &) const = default;
};

// Sort key: a number, then bytes (addresses compare by value, not by text).
struct PacketSortKey {
    uint64_t num = 0;
    QByteArray bytes;
    bool operator<(const PacketSortKey &o) const {
        return num != o.num ? num < o.num : bytes < o.bytes;
    }
};

struct PacketRowText {
    std::array<QString, ColumnCount> text;
    QString fateTip; // the report's fate sentence
    Fate fate = Fate::InFlight;
};

// Reads one trace's records (all must outlive it). key() and passes() read the records only:
// safe on a worker that holds the trace's read guard.
class PacketRows {
public:
    PacketRows() = default;
    // `names`: interface names by time, for the `ifname` filter (nullptr: no names).
    PacketRows(const Trace *trace, const Assembler *assembler, const Report *report,
               const InterfaceNames *names);

    bool valid() const { return asm_ != nullptr; }
    PacketRowText text(JourneyId id) const;
    PacketSortKey key(JourneyId id, int column) const;
    // Does the journey pass the rule filter and the filter language (`ifindex`, `ifname`,
    // `mark` match when any event of the journey was on that device or had that mark)?
    bool passes(JourneyId id, const Filter &filter, const std::optional<RuleFilter> &rule) const;
    // Times are shown from here: the recording's start, or the first journey's.
    uint64_t baseTs() const;

private:
    const Trace *trace_ = nullptr;
    const Assembler *asm_ = nullptr;
    const Report *report_ = nullptr;
    const InterfaceNames *names_ = nullptr;
};

} // namespace nt
