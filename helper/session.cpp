// The worker of a trace session: recorder -> encoder -> bounded non-blocking stream writer.
#include "session.h"

#include "error.h"
#include "event_stream.h"
#include "recorder.h"
#include "recording_loop.h"

#include <QCoreApplication>
#include <QStringList>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <poll.h>
#include <sys/eventfd.h>
#include <vector>

namespace nt::helper {
namespace {

QVariantMap countersMap(const stream::CountersFrame &c) {
    return {
        {QStringLiteral("bpf_events"), QVariant::fromValue<qulonglong>(c.loss.bpfEvents)},
        {QStringLiteral("ringbuf_full"), QVariant::fromValue<qulonglong>(c.loss.ringbufFull)},
        {QStringLiteral("track_full"), QVariant::fromValue<qulonglong>(c.loss.trackFull)},
        {QStringLiteral("nft_lost"), QVariant::fromValue<qulonglong>(c.loss.nftLost)},
        {QStringLiteral("filtered"), QVariant::fromValue<qulonglong>(c.loss.filtered)},
        {QStringLiteral("excluded"), QVariant::fromValue<qulonglong>(c.loss.excluded)},
        {QStringLiteral("stream_dropped_events"),
         QVariant::fromValue<qulonglong>(c.streamDroppedEvents)},
        {QStringLiteral("stream_dropped_frames"),
         QVariant::fromValue<qulonglong>(c.streamDroppedFrames)},
        {QStringLiteral("events_per_second"), c.eventsPerSecond},
    };
}

// How long the end of the stream may wait for a client that reads slowly: the probes are
// already gone by then, so this only delays closing the socket.
constexpr auto kFinalFlushTime = std::chrono::seconds(2);
constexpr int kPollMs = RecordingLoop::kWaitMs;
// While more than this waits for the client, the ring buffer is not read: a slow client then
// shows as ring-buffer loss, counted by the BPF side, instead of records read, encoded and
// thrown away (the queue limit stays a last resort for bursts).
constexpr size_t kReadBelowBytes = 2u << 20;
constexpr uint64_t kCountersIntervalNs = 1'000'000'000;

// Kernel functions were asked for, "auto" found no backend to trace them with: a session that
// silently traced tracepoints only would look like a kernel that never calls them.
void refuseWithoutFunctionBackend(const Recorder &recorder, const TraceOptions &options) {
    if (!options.functions.any() || options.backend || recorder.backend() != Backend::Tracepoint) {
        return;
    }
    QStringList reasons;
    for (const BackendCheck &c : recorder.backendChecks()) {
        if (!c.available && c.backend != Backend::Tracepoint) {
            reasons << QStringLiteral("%1: %2").arg(QString::fromLatin1(backendName(c.backend)),
                                                    QString::fromStdString(c.reason));
        }
    }
    throw Error(QCoreApplication::translate(
                    "nt::Helper", "kernel functions were chosen, but this kernel offers no way to "
                                  "trace them (%1); choose tracepoints only")
                    .arg(reasons.join(QStringLiteral("; "))));
}

} // namespace

// Records and counters onto the client's stream; a stop request or a closed stream ends the
// loop.
class Session::StreamSink : public RecordingSink {
public:
    StreamSink(Session &session, Recorder &recorder, FrameWriter &writer)
        : session_(session), recorder_(recorder), writer_(writer), lastCounters_(monotonicNs()) {}

    std::vector<pollfd> waitFds() override {
        // POLLOUT only while frames wait; POLLHUP/POLLERR are always reported.
        return {{session_.wake_.get(), POLLIN, 0},
                {writer_.fd(), static_cast<short>(writer_.pending() ? POLLOUT : 0), 0}};
    }
    bool afterWait(std::span<const pollfd> fds) override {
        if (session_.stop_.load() != StopReason::None) {
            return false;
        }
        if (!writer_.flush() || (fds[1].revents & (POLLHUP | POLLERR)) != 0) {
            session_.requestStop(StopReason::StreamClosed);
            return false;
        }
        return true;
    }
    bool readyForRecords() override { return writer_.queuedBytes() < kReadBelowBytes; }
    // At stop the ring buffer is drained in one go: that last batch must not be dropped for
    // being bigger than the queue's room (it is bounded by the ring buffer size).
    void records(const RecordBatch &batch, const std::vector<NftTraceRecord> &nft,
                 const std::vector<InterfaceName> &interfaces,
                 const std::vector<KernelSymbol> &symbols, bool final) override {
        // Interface names are few and rare: always sent, so every device keeps its name.
        if (!interfaces.empty()) {
            writer_.push(stream::encodeInterfaces(interfaces), 0, true);
        }
        if (batch.empty() && nft.empty()) {
            return;
        }
        const uint64_t n = batch.events.size() + nft.size();
        eventsSinceCounters_ += batch.events.size();
        writer_.push(stream::encodeRecords(batch, nft, symbols), n, final);
    }
    // Loss marks are small and at most one per loss check: always sent, so the client can
    // tell nft records lost with their packets from records that found none.
    void lost(uint64_t nowNs, uint64_t total) override {
        const LossMark mark{nowNs, total};
        writer_.push(stream::encodeLossMarks(std::span(&mark, 1)), 0, true);
    }
    void tick(uint64_t nowNs) override {
        if (nowNs - lastCounters_ >= kCountersIntervalNs) {
            sendCounters(nowNs, false);
        }
    }
    void sendCounters(uint64_t nowNs, bool essential) {
        const double seconds = static_cast<double>(nowNs - lastCounters_) / 1e9;
        lastCounters_ = nowNs;
        counters_.loss = recorder_.counters();
        counters_.streamDroppedEvents = writer_.droppedEvents();
        counters_.streamDroppedFrames = writer_.droppedFrames();
        counters_.eventsPerSecond =
            seconds > 0 ? static_cast<double>(eventsSinceCounters_) / seconds : 0.0;
        eventsSinceCounters_ = 0;
        // Counters are cumulative: a dropped Counters frame is made good by the next one.
        writer_.push(stream::encodeCounters(counters_), 0, essential);
        const QVariantMap map = countersMap(counters_);
        Session *session = &session_;
        QMetaObject::invokeMethod(
            session, [session, map] { Q_EMIT session->countersChanged(map); },
            Qt::QueuedConnection);
    }

private:
    Session &session_;
    Recorder &recorder_;
    FrameWriter &writer_;
    uint64_t lastCounters_;
    uint64_t eventsSinceCounters_ = 0;
    stream::CountersFrame counters_;
};

Session::Session(QString path, QString owner, TraceOptions options, UniqueFd stream,
                 QObject *parent)
    : QObject(parent), path_(std::move(path)), owner_(std::move(owner)),
      options_(std::move(options)), stream_(std::move(stream)),
      wake_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}

Session::~Session() {
    requestStop(StopReason::Shutdown);
    join();
}

void Session::start() {
    running_ = true;
    worker_ = std::thread([this] { run(); });
}

void Session::requestStop(StopReason reason) {
    StopReason expected = StopReason::None;
    // The first reason wins: a client that vanishes after asking to stop asked to stop.
    stop_.compare_exchange_strong(expected, reason);
    if (wake_) {
        const uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(wake_.get(), &one, sizeof one);
    }
}

void Session::join() {
    if (worker_.joinable()) {
        worker_.join();
    }
    running_ = false;
}

QString Session::stopMessage(StopReason reason) const {
    switch (reason) {
    case StopReason::Requested:
        return QCoreApplication::translate("nt::Helper", "stopped by the client");
    case StopReason::ClientVanished:
        return QCoreApplication::translate("nt::Helper", "the client left the bus");
    case StopReason::StreamClosed:
        return QCoreApplication::translate("nt::Helper", "the client closed the event stream");
    case StopReason::Duration:
        return QCoreApplication::translate("nt::Helper", "the requested duration (%1 s) is over")
            .arg(options_.durationS);
    case StopReason::MaxPackets:
        return QCoreApplication::translate("nt::Helper",
                                           "the requested number of packets (%1) was reached")
            .arg(options_.maxPackets);
    case StopReason::Shutdown:
        return QCoreApplication::translate("nt::Helper", "the helper is shutting down");
    case StopReason::None:
        break;
    }
    return {};
}

void Session::run() {
    // Signals are posted to this object's thread; if the object is gone the posts are dropped.
    auto post = [this](auto fn) {
        QMetaObject::invokeMethod(this, std::move(fn), Qt::QueuedConnection);
    };

    std::unique_ptr<Recorder> recorder;
    try {
        RecorderOptions ro;
        ro.filter = options_.filter;
        ro.netns = options_.netns; // a validated name: looked up under /run/netns only
        ro.ringbufBytes = static_cast<size_t>(options_.ringbufMb) << 20;
        ro.nftTrace = options_.nftTrace;
        ro.functions = options_.functions;
        ro.backend = options_.backend;
        ro.discoveryCache = false; // the helper writes no files
        recorder = std::make_unique<Recorder>(ro);
        refuseWithoutFunctionBackend(*recorder, options_);
    } catch (const std::exception &e) {
        const QString message = QString::fromUtf8(e.what());
        post([this, message] { Q_EMIT setupFinished(false, message); });
        return;
    }

    FrameWriter writer(std::move(stream_), kMaxQueuedBytes);
    QString failure;
    StopReason reason = StopReason::None;
    StreamSink sink(*this, *recorder, writer);

    try {
        Trace header;
        header.meta = recorder->meta();
        header.probes = recorder->probes();
        header.dropReasons = recorder->dropReasons();
        header.rulesetJson = recorder->rulesetJson();
        writer.push(stream::encodeStreamStart(), 0, true);
        writer.push(stream::encodeHeader(header), 0, true);
        if (const auto names = recorder->takeInterfaces(); !names.empty()) {
            writer.push(stream::encodeInterfaces(names), 0, true);
        }
        QStringList skipped;
        for (const std::string &name : recorder->missingFunctions()) {
            skipped << QString::fromStdString(name);
        }
        post([this, skipped] {
            skippedFunctions_ = skipped;
            Q_EMIT setupFinished(true, {});
        });

        RecordingLimits limits;
        limits.durationNs = uint64_t{options_.durationS} * 1'000'000'000;
        limits.maxJourneys = options_.maxPackets;
        RecordingLoop loop(*recorder, limits, false);
        switch (loop.run(sink)) {
        case LoopEnd::Duration:
            requestStop(StopReason::Duration);
            break;
        case LoopEnd::MaxJourneys:
            requestStop(StopReason::MaxPackets);
            break;
        case LoopEnd::Stopped:
            break;
        }
        reason = stop_.load();
        sink.sendCounters(monotonicNs(), true);
        writer.push(stream::encodeEnd(recorder->meta()), 0, true);
        post([this] { Q_EMIT tornDown(); });
    } catch (const std::exception &e) {
        failure = QString::fromUtf8(e.what());
        reason = StopReason::None;
        if (!recorder->stopped()) {
            RecordBatch ignored;
            std::vector<NftTraceRecord> ignoredNft;
            try {
                recorder->stop(ignored, ignoredNft);
            } catch (const std::exception &) {
                // The destructor below tears down what stop() could not.
            }
        }
        writer.push(stream::encodeError(failure.toStdString()), 0, true);
    }
    recorder.reset();

    // A vanished client or a closed stream gets nothing more; others get the end of the
    // stream, as long as they read it within kFinalFlushTime.
    if (reason != StopReason::ClientVanished && reason != StopReason::StreamClosed) {
        const auto until = std::chrono::steady_clock::now() + kFinalFlushTime;
        while (writer.flush() && writer.pending() && std::chrono::steady_clock::now() < until) {
            pollfd p{writer.fd(), POLLOUT, 0};
            ::poll(&p, 1, kPollMs);
        }
    }
    writer.close();

    const QString state = failure.isEmpty() ? QStringLiteral("stopped") : QStringLiteral("failed");
    const QString message = failure.isEmpty() ? stopMessage(reason) : failure;
    post([this, state, message] { Q_EMIT finished(state, message); });
}

} // namespace nt::helper
