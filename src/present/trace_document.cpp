// TraceDocument: loading on a worker thread, live appends, saving.
#include "trace_document.h"

#include "error.h"
#include "export.h"
#include "trace_set.h"
#include "tracefile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <deque>
#include <fstream>
#include <mutex>
#include <optional>
#include <utility>

namespace nt {

namespace {
// Records assembled per slice before the clock is looked at, and the time a slice may take:
// the event loop paints and answers input between slices.
constexpr size_t kSliceRecords = 4096;
constexpr qint64 kSliceMs = 20;
// Chunks read ahead of assembly: bounds the memory a fast disk can fill.
constexpr size_t kQueuedChunks = 4;
// A live trace's journeys complete when the records' clock passes their grace period; on a
// quiet network no record comes to move it, so the wall clock does, this far behind now (records
// still on their way through the helper are never older than that).
constexpr uint64_t kLiveLagNs = 500'000'000;
// Records whose times are further than this from now are not on this host's monotonic clock
// (a replay): the wall clock must not complete their journeys.
constexpr uint64_t kSameClockNs = 60'000'000'000;
// The default live budget: a share of the memory available, within these bounds.
constexpr uint64_t kMinLiveBudget = 64ULL << 20;
constexpr uint64_t kMaxLiveBudget = 4ULL << 30;
constexpr uint64_t kLiveBudgetShare = 4;
} // namespace

// A live trace's records, written as they arrive to a file in a private temporary folder;
// both are removed with the spool.
struct TraceDocument::Spool {
    QTemporaryDir dir;
    std::string path;
    std::optional<TraceWriter> writer;
    bool finished = false;
    QString error; // writing failed: the spool lacks the records since

    explicit Spool(const Trace &header) {
        if (!dir.isValid()) {
            throw Error(
                QCoreApplication::translate(
                    "nt::TraceDocument", "cannot create a temporary folder for the live trace: %1")
                    .arg(dir.errorString()));
        }
        path = dir.filePath(QStringLiteral("live.nftrace")).toStdString();
        writer.emplace(path, header.meta);
        writer->setProbes(header.probes);
        writer->setDropReasons(header.dropReasons);
        writer->addSymbols(header.symbols);
        writer->setRuleset(header.rulesetJson);
        writer->addInterfaces(header.interfaces);
        for (const LossMark &m : header.lossMarks) {
            writer->appendLossMark(m.tsNs, m.ringbufFull);
        }
        writer->commit();
    }
};

// Between the reading worker and this object's thread.
struct TraceDocument::LoadQueue {
    std::mutex mutex;
    std::condition_variable space;
    std::deque<TraceChunk> chunks;
    std::atomic_bool stop{false}; // cancelled, or the document is gone (read unlocked too)
    bool ended = false;           // the worker is done (error says how)
    bool drainPosted = false;     // a drain() call is on its way
    QString error;

    // Waits for room; false once stopped.
    bool push(TraceChunk &&chunk) {
        std::unique_lock lock(mutex);
        space.wait(lock, [this] { return stop || chunks.size() < kQueuedChunks; });
        if (stop) {
            return false;
        }
        chunks.push_back(std::move(chunk));
        return true;
    }
    // The worker's outcome once it is done: its error (empty: success); nullopt while it runs.
    std::optional<QString> outcome() {
        const std::lock_guard lock(mutex);
        return ended ? std::optional<QString>(error) : std::nullopt;
    }
    void halt() {
        const std::lock_guard lock(mutex);
        stop = true;
        space.notify_all();
    }
};

TraceDocument::TraceDocument(QObject *parent) : QObject(parent), liveClock_(new QTimer(this)) {
    liveClock_->setInterval(250);
    connect(liveClock_, &QTimer::timeout, this, &TraceDocument::tickLive);
}

TraceDocument::~TraceDocument() {
    if (queue_) {
        queue_->halt();
    }
    // reader_, destroyed first, waits for the worker.
}

namespace {

// One plain file, read in a stream; anything else (several files, a folder) is a set.
bool isOneFile(const QStringList &paths) {
    return paths.size() == 1 && !QFileInfo(paths.front()).isDir();
}

// What the views call a set: its folder, or its first file.
QString setLabel(const QStringList &paths) {
    return paths.isEmpty() ? QString() : paths.front();
}

// Several files of one recording (or their folder), read whole and merged in time.
Trace readSet(const QStringList &paths, const TraceProgress &progress, QString &damage) {
    std::vector<std::string> files;
    files.reserve(static_cast<size_t>(paths.size()));
    for (const QString &p : paths) {
        files.push_back(p.toStdString());
    }
    return openTraceSet(files, progress, &damage);
}

// Moves the events, packet headers and nft records out of `trace`, leaving its header.
Trace takeRecords(Trace &trace) {
    Trace records;
    records.events = std::exchange(trace.events, {});
    records.packets = std::exchange(trace.packets, {});
    records.nft = std::exchange(trace.nft, {});
    return records;
}

} // namespace

void TraceDocument::open(const QString &path) {
    open(QStringList{path});
}

void TraceDocument::open(const QStringList &paths) {
    const QString path = setLabel(paths);
    cancel();
    const uint64_t gen = ++generation_;
    auto queue = std::make_shared<LoadQueue>();
    queue_ = queue;
    loading_ = true;
    Q_EMIT loadingStarted(path);
    reader_.start([this, gen, queue,
                   paths](const JobContext &job) { return readFile(job, gen, *queue, paths); },
                  [this, gen, queue](const QString &error) {
                      {
                          const std::lock_guard lock(queue->mutex);
                          queue->ended = true;
                          queue->error = error;
                      }
                      drain(gen);
                  });
}

// On the reader's worker. It talks back only through the job's posts, which the runner drops
// once the load is stale (cancelled, replaced); the runner waits for it before `this` goes.
QString TraceDocument::readFile(const JobContext &job, uint64_t gen, LoadQueue &queue,
                                const QStringList &paths) {
    const QString path = setLabel(paths);
    // Asks this object's thread to assemble what is queued, unless a call is on its way.
    auto wake = [this, gen, &queue, &job] {
        {
            const std::lock_guard lock(queue.mutex);
            if (queue.drainPosted) {
                return;
            }
            queue.drainPosted = true;
        }
        job.post([this, gen] { drain(gen); });
    };
    uint64_t reported = 0;
    auto progress = [&](uint64_t done, uint64_t total) {
        if (queue.stop) {
            return false;
        }
        // At most ~100 reports per load, whatever the file size.
        if (done == total || done < reported || done - reported >= total / 100 + 1) {
            reported = done;
            job.post([this, done, total] { Q_EMIT loadingProgress(done, total); });
        }
        return true;
    };
    // The header goes to this object's thread first (views rebind), then chunks as they are read.
    auto begin = [&](Trace header) {
        // Handed over whole: only this object's thread touches the header from now on.
        auto h = std::make_shared<Trace>(std::move(header));
        job.post([this, gen, h = std::move(h), path, paths] {
            beginLoad(gen, h, path);
            if (gen == generation_) {
                sources_ = paths;
            }
        });
    };
    auto sink = [&](TraceChunk &&chunk) {
        if (!queue.push(std::move(chunk))) {
            throw TraceFileCancelled();
        }
        wake();
    };
    try {
        if (!isOneFile(paths)) {
            QString damage;
            Trace header = readSet(paths, progress, damage);
            Trace records = takeRecords(header);
            begin(std::move(header));
            streamTrace(records, sink);
            return damage;
        }
        TraceReader reader(path.toStdString());
        begin(reader.readHeader());
        streamTrace(reader, sink, progress);
        // The whole-file integrity check runs last, beside assembly: the journeys read so
        // far are listed meanwhile; damage found now is reported over them.
        reader.check([&](uint64_t, uint64_t) { return !queue.stop; });
    } catch (const TraceFileCancelled &) {
        // cancel() already told the user.
    } catch (const Error &e) {
        return e.message();
    } catch (const std::exception &e) {
        return QCoreApplication::translate("nt::TraceDocument", "cannot open %1: %2")
            .arg(path, QString::fromLocal8Bit(e.what()));
    }
    return {};
}

void TraceDocument::cancel() {
    if (!loading_) {
        return;
    }
    queue_->halt();
    queue_.reset();
    reader_.cancel(); // whatever the worker still delivers is dropped
    ++generation_;
    loading_ = false;
    if (state_ == State::Loading) {
        // Keep what was read: the journeys still open are completed as they stand.
        partial_ = true;
        endLoad(QString());
    }
    Q_EMIT cancelled();
}

void TraceDocument::beginLoad(uint64_t generation, const std::shared_ptr<Trace> &header,
                              const QString &path) {
    if (generation != generation_) {
        return;
    }
    auto t = std::make_unique<Trace>(std::move(*header));
    auto a = std::make_unique<Assembler>(t->probes, t->dropReasons);
    chunk_ = TraceChunk();
    cursor_ = ChunkCursor();
    adopt(std::move(t), std::move(a), path, State::Loading);
}

void TraceDocument::drain(uint64_t generation) {
    if (generation != generation_ || !queue_) {
        return;
    }
    LoadQueue &q = *queue_;
    {
        const std::lock_guard lock(q.mutex);
        q.drainPosted = false;
    }
    if (state_ != State::Loading) {
        // Failed before the header was read: nothing was replaced.
        if (const std::optional<QString> error = q.outcome()) {
            queue_.reset(); // may destroy q
            loading_ = false;
            Q_EMIT failed(*error);
        }
        return;
    }
    QElapsedTimer clock;
    clock.start();
    bool more = true;
    {
        const std::unique_lock write(guard_);
        Trace &t = *trace_;
        Assembler &a = *assembler_;
        while (clock.elapsed() < kSliceMs) {
            if (cursor_.atEnd(chunk_)) {
                const std::lock_guard lock(q.mutex);
                if (q.chunks.empty()) {
                    more = false;
                    break;
                }
                chunk_ = std::move(q.chunks.front());
                q.chunks.pop_front();
                cursor_ = ChunkCursor();
                q.space.notify_all();
            }
            cursor_.visit(
                chunk_, kSliceRecords,
                [&](PacketHeader &&h) {
                    a.add(h);
                    t.packets.push_back(std::move(h));
                },
                [&](const Event &e) { a.add(e); },
                [&](NftTraceRecord &&r) {
                    a.add(r);
                    t.nft.push_back(std::move(r));
                });
        }
    }
    listCompleted();
    Q_EMIT statusChanged();
    if (more) {
        // Let the event loop paint and take input before the next slice.
        QTimer::singleShot(0, this, [this, generation] { drain(generation); });
        return;
    }
    if (const std::optional<QString> error = q.outcome()) {
        queue_.reset(); // may destroy q
        loading_ = false;
        endLoad(*error);
    }
}

void TraceDocument::endLoad(const QString &error) {
    {
        const std::unique_lock write(guard_);
        assembler_->flush();
        chunk_ = TraceChunk();
        cursor_ = ChunkCursor();
    }
    listCompleted();
    state_ = State::Loaded;
    if (!error.isEmpty()) {
        partial_ = true;
        Q_EMIT statusChanged();
        const auto n = static_cast<int>(listed_.size());
        const QString shown = QCoreApplication::translate(
            "nt::TraceDocument",
            "The %n packet(s) read before the damage are shown; they may be incomplete.", "", n);
        Q_EMIT failed(error + QLatin1Char('\n') + shown);
        return;
    }
    Q_EMIT statusChanged();
    if (!partial_) {
        Q_EMIT loaded();
    }
}

void TraceDocument::setTrace(Trace trace, const QString &path) {
    cancel();
    ++generation_;
    auto t = std::make_unique<Trace>(std::move(trace));
    auto a = std::make_unique<Assembler>(Assembler::assemble(*t));
    adopt(std::move(t), std::move(a), path, State::Loaded);
    Q_EMIT loaded();
}

void TraceDocument::adopt(std::unique_ptr<Trace> trace, std::unique_ptr<Assembler> assembler,
                          const QString &path, State state) {
    if (trace_) {
        Q_EMIT aboutToReplace();
    }
    // An export reads what is about to be destroyed.
    cancelExport();
    exporter_.wait();
    {
        const std::unique_lock write(guard_);
        // The report refers to both: it goes first, the new ones are built in place.
        report_.reset();
        trace_ = std::move(trace);
        assembler_ = std::move(assembler);
        report_ = std::make_unique<Report>(*trace_, *assembler_);
        names_ = std::make_unique<InterfaceNames>(trace_->interfaces);
    }
    spool_.reset();
    droppedJourneys_ = 0;
    path_ = path;
    sources_.clear();
    state_ = state;
    partial_ = false;
    listed_.clear();
    eventsPerSecond_ = 0;
    if (state == State::Loaded) {
        listed_.resize(assembler_->journeyCount());
        for (JourneyId id = 0; id < listed_.size(); ++id) {
            listed_[id] = id;
        }
        // Nothing left to complete; keeps takeCompleted() from listing them twice.
        (void)assembler_->takeCompleted();
    }
    Q_EMIT replaced();
    if (!listed_.empty()) {
        Q_EMIT journeysAppended(0, static_cast<qsizetype>(listed_.size()));
    }
    Q_EMIT statusChanged();
}

void TraceDocument::beginLive(Trace header) {
    cancel();
    ++generation_;
    header.events.clear();
    header.packets.clear();
    header.nft.clear();
    auto t = std::make_unique<Trace>(std::move(header));
    auto a = std::make_unique<Assembler>(t->probes, t->dropReasons);
    adopt(std::move(t), std::move(a), QString(), State::Live);
    if (liveBudget_ != 0) {
        // Without a spool nothing may leave memory: the window stays unbounded.
        try {
            spool_ = std::make_unique<Spool>(*trace_);
        } catch (const Error &e) {
            qWarning("%s", qPrintable(e.message()));
        }
    }
    liveClock_->start();
}

uint64_t TraceDocument::defaultLiveBudget() {
    uint64_t availableKb = 0;
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    uint64_t value = 0;
    std::string unit;
    while (meminfo >> key >> value >> unit) {
        if (key == "MemAvailable:") {
            availableKb = value;
            break;
        }
    }
    return std::clamp(availableKb * 1024 / kLiveBudgetShare, kMinLiveBudget, kMaxLiveBudget);
}

uint64_t TraceDocument::liveBytes() const {
    const Trace &t = *trace_;
    return assembler_->memoryBytes() + t.events.capacity() * sizeof(Event) +
           t.packets.capacity() * sizeof(PacketHeader) + t.nft.capacity() * sizeof(NftTraceRecord);
}

// The assembler cannot forget single journeys, so the live trace is held in windows: once the
// current one reaches the budget, its journeys are completed (those still open continue as new
// journeys in the next window), the records and journeys leave memory and a fresh trace and
// assembler take over, announced as a replacement so every view rebinds. Memory then holds at
// most one budget's worth; every record is in the spool, which saveAs() writes.
void TraceDocument::startNextWindow() {
    Q_EMIT aboutToReplace();
    cancelExport();
    exporter_.wait();
    {
        const std::unique_lock write(guard_);
        assembler_->flush();
        // Journeys still open are completed here and leave with the window, never listed.
        droppedJourneys_ += listed_.size() + assembler_->takeCompleted().size();
        report_.reset();
        auto header = std::make_unique<Trace>(std::move(*trace_));
        header->events = {};
        header->packets = {};
        header->nft = {};
        trace_ = std::move(header);
        assembler_ = std::make_unique<Assembler>(trace_->probes, trace_->dropReasons);
        report_ = std::make_unique<Report>(*trace_, *assembler_);
        for (const LossMark &m : trace_->lossMarks) {
            assembler_->noteLoss(m.tsNs);
        }
    }
    ++generation_;
    listed_.clear();
    Q_EMIT replaced();
    Q_EMIT statusChanged();
}

QString TraceDocument::windowStatus() const {
    if (droppedJourneys_ == 0) {
        return {};
    }
    return tr("Showing the last %1 journeys; %2 older ones left memory and are in the saved trace")
        .arg(listed_.size())
        .arg(droppedJourneys_);
}

void TraceDocument::toSpool(const std::function<void(TraceWriter &)> &write) {
    if (!spool_ || !spool_->writer) {
        return;
    }
    try {
        write(*spool_->writer);
    } catch (const Error &e) {
        // Memory keeps everything from now on (no new window without the spool); saveAs()
        // refuses to pass a partial spool off as the whole trace.
        spool_->error = e.message();
        spool_->writer.reset();
        qWarning("%s", qPrintable(e.message()));
    }
}

void TraceDocument::spoolRecords(const RecordBatch &batch, std::span<const NftTraceRecord> nft,
                                 std::span<const KernelSymbol> symbols) {
    toSpool([&](TraceWriter &w) {
        w.addSymbols(symbols);
        w.append(batch.events);
        for (const PacketHeader &h : batch.packets) {
            w.append(h);
        }
        for (const NftTraceRecord &r : nft) {
            w.append(r);
        }
        w.commit();
    });
}

void TraceDocument::tickLive() {
    if (state_ != State::Live) {
        liveClock_->stop();
        return;
    }
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    const uint64_t now =
        static_cast<uint64_t>(ts.tv_sec) * 1'000'000'000ULL + static_cast<uint64_t>(ts.tv_nsec);
    const uint64_t seen = assembler_->now();
    if (seen == 0 || now < kLiveLagNs || seen + kSameClockNs < now || seen > now + kSameClockNs) {
        return;
    }
    {
        const std::unique_lock write(guard_);
        assembler_->advanceTo(now - kLiveLagNs);
    }
    listCompleted();
}

void TraceDocument::appendRecords(const RecordBatch &batch, std::span<const NftTraceRecord> nft,
                                  std::span<const KernelSymbol> symbols) {
    if (state_ != State::Live) {
        return;
    }
    {
        const std::unique_lock write(guard_);
        Trace &t = *trace_;
        Assembler &a = *assembler_;
        for (const KernelSymbol &s : symbols) {
            t.symbols.push_back(s);
        }
        batch.visit(
            [&](const PacketHeader &h) {
                t.packets.push_back(h);
                a.add(h);
            },
            [&](const Event &e) {
                t.events.push_back(e);
                a.add(e);
            });
        for (const NftTraceRecord &r : nft) {
            t.nft.push_back(r);
            a.add(r);
        }
    }
    spoolRecords(batch, nft, symbols);
    listCompleted();
    if (spool_ && spool_->writer && liveBudget_ != 0 && liveBytes() >= liveBudget_) {
        startNextWindow();
    }
}

void TraceDocument::listCompleted() {
    const std::vector<JourneyId> done = assembler_->takeCompleted();
    if (done.empty()) {
        return;
    }
    const auto first = static_cast<qsizetype>(listed_.size());
    listed_.insert(listed_.end(), done.begin(), done.end());
    Q_EMIT journeysAppended(first, static_cast<qsizetype>(done.size()));
}

void TraceDocument::appendInterfaces(std::span<const InterfaceName> interfaces) {
    if (state_ != State::Live || interfaces.empty()) {
        return;
    }
    const std::unique_lock write(guard_);
    trace_->interfaces.insert(trace_->interfaces.end(), interfaces.begin(), interfaces.end());
    names_->add(interfaces);
    toSpool([&](TraceWriter &w) { w.addInterfaces(interfaces); });
}

void TraceDocument::appendLossMarks(std::span<const LossMark> marks) {
    if (state_ != State::Live || marks.empty()) {
        return;
    }
    const std::unique_lock write(guard_);
    for (const LossMark &m : marks) {
        assembler_->noteLoss(m.tsNs);
        trace_->lossMarks.push_back(m);
        toSpool([&](TraceWriter &w) { w.appendLossMark(m.tsNs, m.ringbufFull); });
    }
}

void TraceDocument::setLiveLoss(const LossCounters &loss, double eventsPerSecond) {
    if (state_ != State::Live) {
        return;
    }
    trace_->meta.loss = loss;
    eventsPerSecond_ = eventsPerSecond;
    Q_EMIT statusChanged();
}

void TraceDocument::endLive(const TraceMeta &finalMeta) {
    if (state_ != State::Live) {
        return;
    }
    {
        const std::unique_lock write(guard_);
        trace_->meta = finalMeta;
        assembler_->flush();
    }
    toSpool([&](TraceWriter &w) {
        w.finish(finalMeta);
        spool_->writer.reset();
        spool_->finished = true;
    });
    listCompleted();
    state_ = State::Loaded;
    liveClock_->stop();
    eventsPerSecond_ = 0;
    Q_EMIT statusChanged();
    Q_EMIT liveEnded();
}

uint64_t TraceDocument::lostEvents() const {
    if (!trace_) {
        return 0;
    }
    const LossCounters &l = trace_->meta.loss;
    return l.ringbufFull + l.trackFull + l.nftLost + assembler_->counters().unjoinedNft;
}

void TraceDocument::saveAs(const QString &path) const {
    if (!trace_) {
        return;
    }
    if (!path_.isEmpty() && state_ != State::Live && QFileInfo(path) == QFileInfo(path_)) {
        return;
    }
    // Written beside the destination and renamed over it: a failure leaves the old file.
    const QString partial = path + QStringLiteral(".partial");
    const std::string p = partial.toStdString();
    TraceWriter::discard(p);
    try {
        if (sources_.size() > 1 || (sources_.size() == 1 && QFileInfo(sources_.front()).isDir())) {
            // A set is written as one file: read again from its files (the assembler holds the
            // events of a loaded trace, not the trace).
            std::vector<std::string> files;
            for (const QString &f : sources_) {
                files.push_back(f.toStdString());
            }
            writeTrace(p, openTraceSet(files));
        } else if (spool_ && droppedJourneys_ != 0) {
            writeSpool(p);
        } else if (!path_.isEmpty() && state_ != State::Live) {
            QFile src(path_);
            if (!src.copy(partial)) {
                throw Error(QCoreApplication::translate("nt::TraceDocument", "cannot save %1: %2")
                                .arg(path, src.errorString()));
            }
        } else {
            writeTrace(p, *trace_);
        }
        if (std::rename(p.c_str(), path.toStdString().c_str()) != 0) {
            throw Error(
                QCoreApplication::translate("nt::TraceDocument",
                                            "cannot save %1: %2; choose a folder you can write to")
                    .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
        }
    } catch (...) {
        TraceWriter::discard(p);
        throw;
    }
}

// Every record of a live trace whose oldest journeys left memory: the spool, copied once it is
// finished, else read back (its last batch is committed) and written with the current meta.
void TraceDocument::writeSpool(const std::string &dest) const {
    if (!spool_->error.isEmpty()) {
        throw Error(QCoreApplication::translate(
                        "nt::TraceDocument",
                        "cannot save %1: the live trace's older journeys were in a temporary file "
                        "that could not be written (%2); only the newest journeys are in memory")
                        .arg(QString::fromStdString(dest), spool_->error));
    }
    if (spool_->finished) {
        QFile src(QString::fromStdString(spool_->path));
        if (!src.copy(QString::fromStdString(dest))) {
            throw Error(QCoreApplication::translate("nt::TraceDocument", "cannot save %1: %2")
                            .arg(QString::fromStdString(dest), src.errorString()));
        }
        return;
    }
    Trace all = readTrace(spool_->path);
    all.meta = trace_->meta;
    writeTrace(dest, all);
}

void TraceDocument::exportTrace(ExportFormat format, const QString &path,
                                const QString &application) {
    if (!trace_ || state_ != State::Loaded || loading_) {
        Q_EMIT exportFinished(
            path, QCoreApplication::translate("nt::TraceDocument",
                                              "cannot export %1: the trace is still being read or "
                                              "recorded; export it once it is complete")
                      .arg(path));
        return;
    }
    if (droppedJourneys_ != 0) {
        // Memory holds the newest window only: an export of it would silently miss the rest.
        Q_EMIT exportFinished(
            path, QCoreApplication::translate(
                      "nt::TraceDocument",
                      "cannot export %1: the oldest journeys of this live trace left memory; save "
                      "it (File ▸ Save As), open the saved file and export that")
                      .arg(path));
        return;
    }
    // The trace does not change while loaded; adopt() and the destructor wait for the worker.
    exporter_.start(
        [trace = trace_.get(), assembler = assembler_.get(), format, path,
         app = application.toStdString(), this](const JobContext &job) {
            uint64_t reported = 0;
            auto progress = [&](uint64_t done, uint64_t total) {
                if (job.cancelled()) {
                    return false;
                }
                // At most ~100 reports per export.
                if (done < reported || done - reported >= total / 100 + 1) {
                    reported = done;
                    job.post([this, done, total] { Q_EMIT exportProgress(done, total); });
                }
                return true;
            };
            try {
                const std::string p = path.toStdString();
                switch (format) {
                case ExportFormat::Json:
                    exportJson(*trace, *assembler, p, progress);
                    break;
                case ExportFormat::Pcapng:
                    exportPcapng(*trace, *assembler, p, app, progress);
                    break;
                case ExportFormat::Sqlite:
                    exportSqlite(*trace, p, progress);
                    break;
                }
            } catch (const Error &e) {
                return e.message();
            }
            return QString();
        },
        [this, path](const QString &error) { Q_EMIT exportFinished(path, error); });
}

void TraceDocument::cancelExport() {
    if (!exporter_.busy()) {
        return;
    }
    exporter_.cancel();
    Q_EMIT exportCancelled();
}

} // namespace nt
