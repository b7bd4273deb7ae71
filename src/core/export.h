// Exports of a loaded trace for other tools: JSON (journeys, statistics, ruleset) and pcapng.
#pragma once

#include "assembler.h"
#include "journey.h"
#include "trace.h"

#include <QByteArray>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace nt {

// Told (journeys done, journeys in all) as an export goes; returning false stops it: the
// export then writes nothing and returns false.
using ExportProgress = std::function<bool(uint64_t done, uint64_t total)>;

// The JSON document of a trace: { "format": "nft-tracer-journeys", "version": 1, "meta": …,
// "journeys": [Report::journeyJson…], "stats": Report::statsJson, "ruleset": … (when recorded) }.
// `only` keeps one journey. Empty when `progress` stopped it.
QByteArray traceJson(const Trace &trace, const Assembler &assembler,
                     std::optional<JourneyId> only = std::nullopt,
                     const ExportProgress &progress = {});

// Writes traceJson() to `path` atomically: the file is complete or untouched. Throws nt::Error.
bool exportJson(const Trace &trace, const Assembler &assembler, const std::string &path,
                const ExportProgress &progress = {});

// One packet per journey that has a captured header (LINKTYPE_RAW), its PACKET TRACE block as
// the packet comment, stamped with the journey's first wall-clock time. Written beside `path`
// and renamed, so a failure leaves nothing behind. `application` names the writer in the
// section header. Throws nt::Error.
bool exportPcapng(const Trace &trace, const Assembler &assembler, const std::string &path,
                  const std::string &application = "nft-tracer",
                  const ExportProgress &progress = {});

// The trace as a file with one SQLite row per event (schema 1, with the `events_named` view for
// `sqlite3`; nft-tracer opens it too). Written beside `path` and renamed over it, so the file is
// complete or untouched. `progress` counts records (events, packet headers, nft records). Throws
// nt::Error.
bool exportSqlite(const Trace &trace, const std::string &path, const ExportProgress &progress = {});

} // namespace nt
