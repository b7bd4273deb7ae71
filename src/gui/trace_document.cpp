// TraceDocument: loading on a worker thread, live appends, saving.
#include "trace_document.h"

#include "error.h"
#include "tracefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace nt {

struct TraceDocument::Result {
    std::unique_ptr<Trace> trace;
    std::unique_ptr<Assembler> assembler;
    QString path;
    QString error;
    bool cancelled = false;
};

TraceDocument::TraceDocument(QObject *parent) : QObject(parent) {}

TraceDocument::~TraceDocument() {
    if (cancel_) {
        *cancel_ = true;
    }
    for (auto &w : workers_) {
        w->wait();
    }
}

void TraceDocument::open(const QString &path) {
    cancel();
    const uint64_t gen = ++generation_;
    auto flag = std::make_shared<std::atomic_bool>(false);
    cancel_ = flag;
    loading_ = true;
    Q_EMIT loadingStarted(path);

    // The worker talks back only through queued calls on this object, stamped with its
    // generation: the destructor joins it, so `this` outlives every call it posts.
    std::unique_ptr<QThread> thread(QThread::create([this, gen, flag, path] {
        auto result = std::make_shared<Result>();
        result->path = path;
        try {
            uint64_t reported = 0;
            auto progress = [&](uint64_t done, uint64_t total) {
                if (*flag) {
                    return false;
                }
                // At most ~100 reports per load, whatever the file size.
                if (done == total || done < reported || done - reported >= total / 100 + 1) {
                    reported = done;
                    QMetaObject::invokeMethod(
                        this,
                        [this, gen, done, total] {
                            if (gen == generation_) {
                                Q_EMIT loadingProgress(done, total);
                            }
                        },
                        Qt::QueuedConnection);
                }
                return true;
            };
            result->trace = std::make_unique<Trace>(readTrace(path.toStdString(), progress));
            if (*flag) {
                throw TraceFileCancelled();
            }
            result->assembler = std::make_unique<Assembler>(Assembler::assemble(*result->trace));
            // The assembler holds every event, time-sorted per journey; the file holds them in
            // arrival order (Save As copies the file). A second copy would cost 56 B/event.
            result->trace->events.clear();
            result->trace->events.shrink_to_fit();
        } catch (const TraceFileCancelled &) {
            result->cancelled = true;
        } catch (const Error &e) {
            result->error = e.message();
        } catch (const std::exception &e) {
            result->error = QCoreApplication::translate("nt::TraceDocument", "cannot open %1: %2")
                                .arg(path, QString::fromLocal8Bit(e.what()));
        }
        QMetaObject::invokeMethod(
            this, [this, gen, result] { finishLoad(gen, result); }, Qt::QueuedConnection);
    }));
    connect(thread.get(), &QThread::finished, this, &TraceDocument::reapWorkers,
            Qt::QueuedConnection);
    thread->start();
    workers_.push_back(std::move(thread));
}

void TraceDocument::reapWorkers() {
    std::erase_if(workers_, [](const std::unique_ptr<QThread> &t) {
        if (!t->isFinished()) {
            return false;
        }
        t->wait();
        return true;
    });
}

void TraceDocument::cancel() {
    if (!loading_) {
        return;
    }
    *cancel_ = true;
    ++generation_; // whatever the worker still delivers is stale now
    loading_ = false;
    Q_EMIT cancelled();
}

void TraceDocument::finishLoad(uint64_t generation, const std::shared_ptr<Result> &result) {
    if (generation != generation_) {
        return;
    }
    loading_ = false;
    if (result->cancelled) {
        Q_EMIT cancelled();
        return;
    }
    if (!result->error.isEmpty() || !result->trace || !result->assembler) {
        Q_EMIT failed(result->error);
        return;
    }
    adopt(std::move(result->trace), std::move(result->assembler), result->path, State::Loaded);
}

void TraceDocument::setTrace(Trace trace, const QString &path) {
    cancel();
    ++generation_;
    auto t = std::make_unique<Trace>(std::move(trace));
    auto a = std::make_unique<Assembler>(Assembler::assemble(*t));
    adopt(std::move(t), std::move(a), path, State::Loaded);
}

void TraceDocument::adopt(std::unique_ptr<Trace> trace, std::unique_ptr<Assembler> assembler,
                          const QString &path, State state) {
    // The report refers to both: it goes first, the new ones are built in place.
    report_.reset();
    trace_ = std::move(trace);
    assembler_ = std::move(assembler);
    report_ = std::make_unique<Report>(*trace_, *assembler_);
    path_ = path;
    state_ = state;
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
    Q_EMIT loaded();
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
}

void TraceDocument::appendRecords(const RecordBatch &batch, std::span<const NftTraceRecord> nft,
                                  std::span<const KernelSymbol> symbols) {
    if (state_ != State::Live) {
        return;
    }
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
    listCompleted();
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
    trace_->meta = finalMeta;
    assembler_->flush();
    listCompleted();
    state_ = State::Loaded;
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
        if (!path_.isEmpty() && state_ != State::Live) {
            QFile src(path_);
            if (!src.copy(partial)) {
                throw Error(QCoreApplication::translate("nt::TraceDocument", "cannot save %1: %2")
                                .arg(path, src.errorString()));
            }
        } else {
            TraceWriter w(p, trace_->meta);
            w.setProbes(trace_->probes);
            w.setDropReasons(trace_->dropReasons);
            w.addSymbols(trace_->symbols);
            w.setRuleset(trace_->rulesetJson);
            w.append(trace_->events);
            for (const PacketHeader &h : trace_->packets) {
                w.append(h);
            }
            for (const NftTraceRecord &r : trace_->nft) {
                w.append(r);
            }
            w.finish(trace_->meta);
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

} // namespace nt
