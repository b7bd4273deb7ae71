// One open trace (a file or a live recording): the records, their journeys and a report over
// them. A file is read on a worker thread and assembled here in short slices, so its journeys
// are listed while the rest is still read; progress, cancellation, stale-result guarding.
#pragma once

#include "assembler.h"
#include "interfaces.h"
#include "job_runner.h"
#include "journey.h"
#include "report.h"
#include "trace.h"
#include "trace_stream.h"
#include "tracefile.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <span>
#include <vector>

class QTimer;

namespace nt {

class TraceDocument : public QObject {
    Q_OBJECT
public:
    enum class State { Empty, Loading, Loaded, Live };

    explicit TraceDocument(QObject *parent = nullptr);
    // Cancels a load in progress and waits for its worker.
    ~TraceDocument() override;

    // Starts loading `path`: a worker reads it, this object assembles it in slices on its own
    // thread, listing journeys as they complete. A load already running is cancelled. The
    // current trace stays until the file's header has been read; then replaced() binds the
    // views to the new trace, which grows until loaded() (or failed()).
    void open(const QString &path);
    // The same for several files of one recording (a rotated set: `record --ring`) or a folder
    // of them (core's openTraceSet): they are read whole on the worker, merged in time order,
    // then assembled here in slices as a file is. One plain file is open(path).
    void open(const QStringList &paths);
    // Stops the running load and emits cancelled() at once. Before replaced(), the previous
    // trace stays; after it, what was read so far stays, completed (partial() is then true).
    void cancel();
    bool loading() const { return loading_; }
    // The trace shows only part of its file: the load was cancelled or hit damage.
    bool partial() const { return partial_; }
    // Replaces the content with an already built trace (tests, benchmarks); synchronous.
    void setTrace(Trace trace, const QString &path = {});

    // Live mode: `header` is what the recording knows at start (meta, probes, drop reasons,
    // symbols, ruleset); records then arrive with appendRecords(), and endLive() completes
    // every journey. Journeys are listed as they complete.
    void beginLive(Trace header);
    void appendRecords(const RecordBatch &batch, std::span<const NftTraceRecord> nft = {},
                       std::span<const KernelSymbol> symbols = {});
    void setLiveLoss(const LossCounters &loss, double eventsPerSecond);
    // Interface names observed while recording (all at start, then added or renamed ones).
    void appendInterfaces(std::span<const InterfaceName> interfaces);
    // Times the recorder found ring-buffer loss: nft records near them that find no packet
    // are unjoined for that reason; saved with the trace.
    void appendLossMarks(std::span<const LossMark> marks);
    void endLive(const TraceMeta &finalMeta);

    // The memory a live trace may hold (records, journeys): beyond it the oldest journeys leave
    // memory (they stay in the spool file and in what saveAs() writes). 0: unbounded. Takes
    // effect from the next beginLive(). Default: defaultLiveBudget().
    void setLiveBudget(uint64_t bytes) { liveBudget_ = bytes; }
    uint64_t liveBudget() const { return liveBudget_; }
    // A quarter of MemAvailable (/proc/meminfo), between 64 MiB and 4 GiB.
    static uint64_t defaultLiveBudget();
    // Journeys of this live trace no longer held in memory (listed, then dropped).
    uint64_t droppedJourneys() const { return droppedJourneys_; }
    // For the status bar: what the view shows when journeys were dropped; empty otherwise.
    QString windowStatus() const;

    State state() const { return state_; }
    bool hasTrace() const { return trace_ != nullptr; }
    bool isLive() const { return state_ == State::Live; }
    // The file the trace came from (empty for a live recording not yet saved); for a set, its
    // folder or first file (sources() has them all).
    QString path() const { return path_; }
    const QStringList &sources() const { return sources_; }
    void setPath(const QString &path) { path_ = path; }

    // Valid while hasTrace(); replaced (and the old ones destroyed) on every open/begin. Code
    // on another thread reading them holds readGuard() shared, in short slices: this object
    // holds it exclusively while it changes them (loading, live).
    std::shared_mutex &readGuard() const { return guard_; }
    const Trace *trace() const { return trace_.get(); }
    const Assembler *assembler() const { return assembler_.get(); }
    const Report *report() const { return report_.get(); }
    // Interface names of the trace by time (the `ifname` filter); same lifetime and guard.
    const InterfaceNames *interfaceNames() const { return names_.get(); }

    // Journeys listed so far, in completion order (a file: 0..n-1). journeysAppended(first,
    // count) refers to positions in this list.
    const std::vector<JourneyId> &journeys() const { return listed_; }
    double eventsPerSecond() const { return eventsPerSecond_; }
    // Events lost or not followed: the recorder's loss counters plus nft records that joined
    // no journey.
    uint64_t lostEvents() const;
    // Increased on every open/setTrace/beginLive: results of an older job are dropped.
    uint64_t generation() const { return generation_; }

    // Writes the trace: a file-backed trace is copied, a live one written with TraceWriter.
    // Throws nt::Error.
    void saveAs(const QString &path) const;

    enum class ExportFormat { Json, Pcapng, Sqlite };
    // Exports the loaded trace to `path` on a worker (core's exportJson/exportPcapng/
    // exportSqlite): exportProgress() as journeys (SQLite: records) are written, then
    // exportFinished() (error empty: written).
    // Only a loaded trace (not loading, not live, no journeys dropped from memory): anything
    // else finishes with an error at once.
    // `application` names the writer in a pcapng file.
    void exportTrace(ExportFormat format, const QString &path, const QString &application);
    // Stops the running export (its file is not written) and emits exportCancelled().
    void cancelExport();
    bool exporting() const { return exporter_.busy(); }

Q_SIGNALS:
    void loadingStarted(const QString &path);
    // Rows read out of the total (events + packets + nft records).
    void loadingProgress(quint64 done, quint64 total);
    // The current trace, assembler and report are about to be destroyed: stop reading them.
    void aboutToReplace();
    // A new trace replaced the previous one (a file started loading, or live started): views
    // rebind; journeysAppended() follows as journeys complete.
    void replaced();
    // A file was read and assembled completely (setTrace() too).
    void loaded();
    void failed(const QString &message);
    void cancelled();
    void journeysAppended(qsizetype first, qsizetype count);
    // Counters changed (live): events/s, loss, meta.
    void statusChanged();
    void liveEnded();
    // Journeys written out of the total.
    void exportProgress(quint64 done, quint64 total);
    void exportFinished(const QString &path, const QString &error);
    void exportCancelled();

private:
    struct LoadQueue;
    QString readFile(const JobContext &job, uint64_t gen, LoadQueue &queue,
                     const QStringList &paths);
    void beginLoad(uint64_t generation, const std::shared_ptr<Trace> &header, const QString &path);
    void drain(uint64_t generation);
    void endLoad(const QString &error);
    void adopt(std::unique_ptr<Trace> trace, std::unique_ptr<Assembler> assembler,
               const QString &path, State state);
    void listCompleted();
    void tickLive();
    void toSpool(const std::function<void(TraceWriter &)> &write);
    void spoolRecords(const RecordBatch &batch, std::span<const NftTraceRecord> nft,
                      std::span<const KernelSymbol> symbols);
    uint64_t liveBytes() const;
    void startNextWindow();
    void writeSpool(const std::string &dest) const;

    State state_ = State::Empty;
    QString path_;
    QStringList sources_; // the files (or folder) of a loaded trace, as opened
    std::unique_ptr<Trace> trace_;
    std::unique_ptr<Assembler> assembler_;
    std::unique_ptr<Report> report_;
    std::unique_ptr<InterfaceNames> names_;
    std::vector<JourneyId> listed_;
    double eventsPerSecond_ = 0;
    uint64_t generation_ = 0;
    bool loading_ = false;
    bool partial_ = false;
    std::shared_ptr<LoadQueue> queue_; // of the running load
    TraceChunk chunk_;                 // being assembled, up to cursor_
    ChunkCursor cursor_;
    mutable std::shared_mutex guard_;
    QTimer *liveClock_ = nullptr;
    // A live trace's records on disk as they arrive (all of them; memory holds a window).
    struct Spool;
    std::unique_ptr<Spool> spool_;
    uint64_t liveBudget_ = defaultLiveBudget();
    uint64_t droppedJourneys_ = 0;
    // The file reader and the exporter. Last members: destroyed (waiting for their workers)
    // first.
    JobRunner reader_{this};
    JobRunner exporter_{this};
};

} // namespace nt
