// A recording split over several trace files (rotation: --max-size, --max-duration, --ring):
// the files written while it ran, each readable on its own, and opened together as one trace.
#pragma once

#include "tracefile.h"

#include <cstdint>
#include <string>
#include <vector>

namespace nt {

// Where and when a recording starts a new file, and how many it keeps.
struct RotationOptions {
    // Close a file once its database holds this much (its write-ahead log takes up to ~64 MB
    // more while it is written); 0: no cap.
    uint64_t maxBytes = 0;
    uint64_t maxDurationNs = 0; // close a file after this long; 0: no cap
    uint32_t ring = 0;          // keep the newest N files (the oldest are removed); 0: keep all
    bool rotates() const { return maxBytes != 0 || maxDurationNs != 0; }
};

// The name of the `sequence`th file (from 1) of a rotating recording asked for as `path`,
// started at `startWallNs` (UTC): "trace.nftrace" -> "trace_00001_20261203T114500Z.nftrace".
// Sorting the names sorts the files in recording order.
std::string rotatedFileName(const std::string &path, uint32_t sequence, int64_t startWallNs);

// Writes a trace while it is recorded, into one file or, with rotation, into a sequence of files
// each of which opens on its own: every file holds the header (meta, probes, drop reasons,
// ruleset, every interface name and kernel symbol known when it was started), the records
// appended while it was the current file, the loss counters of its own time span, and its own
// start and stop times. A journey in flight at a rotation is split: each file holds the events
// it received; opened together (openTraceSet) the parts are joined again.
// Errors are TraceFileError (Io), e.g. when the disk is full; the files closed before and the
// batches committed before stay readable.
class TraceFileSet {
public:
    // Creates the first file now (an existing file is never replaced), so an unwritable target
    // fails before anything else is set up.
    TraceFileSet(const std::string &path, const RotationOptions &rotation);
    ~TraceFileSet();
    TraceFileSet(const TraceFileSet &) = delete;
    TraceFileSet &operator=(const TraceFileSet &) = delete;

    // The header every file gets (meta, probes, drop reasons, ruleset, the interface names and
    // symbols known so far); call once, before the first commit().
    void setHeader(const Trace &header);
    void addInterfaces(std::span<const InterfaceName> names);
    void addSymbols(std::span<const KernelSymbol> symbols);
    void append(std::span<const Event> events);
    void append(const PacketHeader &packet);
    void append(const NftTraceRecord &record);
    void appendLossMark(uint64_t tsNs, uint64_t ringbufFull);
    // Ends the current batch: what was appended survives a crash from now on.
    void commit();
    // The current file reached its size or its duration (checked after commit()).
    bool rotationDue() const;
    // Finishes the current file and starts the next one (the ring then removes the oldest).
    // `meta`: the recording's meta now, with its loss counters so far.
    void rotate(const TraceMeta &meta);
    // Finishes the current file with the recording's final meta.
    void finish(const TraceMeta &finalMeta);
    // Removes the files created so far (setting up the recording failed).
    void discard() noexcept;

    // Every file written and still on disk, oldest first.
    const std::vector<std::string> &files() const { return files_; }
    // Files removed by the ring.
    uint64_t removed() const { return removed_; }

private:
    void open(int64_t startWallNs, uint64_t startMonoNs);
    void close(const TraceMeta &meta);
    uint64_t currentBytes() const;
    TraceMeta fileMeta(const TraceMeta &meta) const;

    std::string path_;
    RotationOptions rotation_;
    std::unique_ptr<TraceWriter> writer_;
    Trace header_; // meta, probes, drop reasons, ruleset, interfaces, symbols
    std::vector<std::string> files_;
    uint32_t sequence_ = 0;
    uint64_t removed_ = 0;
    uint64_t fileStartMono_ = 0;
    int64_t fileStartWall_ = 0;
    LossCounters lossAtFileStart_;
};

// The trace files to open for `paths`: each a file or a directory (its *.nftrace files).
// Throws TraceFileError (NotFound) for a missing path or a directory without trace files.
std::vector<std::string> traceSetFiles(const std::vector<std::string> &paths);

// Opens several trace files of one recording as one trace: their records merged in time order
// (journeys split by a rotation are joined again by the assembler), meta from the earliest
// start to the latest stop, loss counters summed, header tables united. A single path works as
// readTrace(); a directory stands for its *.nftrace files. Throws TraceFileError: what
// readTrace() throws, and Corrupt when the files come from different hosts or overlap in time
// (not one recording). The trace is complete only when every file is. A truncated file throws
// unless `damage` is given: then what its complete pages hold is kept and *damage says, file by
// file, what was lost (empty when nothing was).
Trace openTraceSet(const std::vector<std::string> &paths, const TraceProgress &progress = {},
                   QString *damage = nullptr);

} // namespace nt
