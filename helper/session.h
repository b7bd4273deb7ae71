// One trace session: a worker thread that runs the recorder and streams its records to the
// client's socket, while the main thread keeps serving D-Bus.
#pragma once

#include "frame_writer.h"
#include "options.h"
#include "unique_fd.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <atomic>
#include <mutex>
#include <thread>

namespace nt::helper {

class Session : public QObject {
    Q_OBJECT
public:
    // Why a session ends; decides the message and how long the end of the stream may wait for
    // the client.
    enum class StopReason {
        None,
        Requested,
        ClientVanished,
        StreamClosed,
        Duration,
        MaxPackets,
        Shutdown
    };

    // `stream` is the helper's end of the socket pair (non-blocking).
    Session(QString path, QString owner, TraceOptions options, UniqueFd stream,
            QObject *parent = nullptr);
    // Stops and joins the worker: never returns with probes still attached.
    ~Session() override;
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    // Starts the worker. It installs the probes and then emits setupFinished (on this
    // object's thread, like every signal here).
    void start();
    // Asks the worker to stop: probes detached, nft table removed, End frame written. Returns
    // at once; `finished` follows.
    void requestStop(StopReason reason);
    // Waits for the worker to end (after requestStop).
    void join();

    const QString &path() const { return path_; }
    const QString &owner() const { return owner_; }
    bool running() const { return running_; }
    // Functions the options named that this kernel lacks (skipped); set with setupFinished.
    const QStringList &skippedFunctions() const { return skippedFunctions_; }

    // Bytes the frame queue may hold for a slow client before frames are dropped.
    static constexpr size_t kMaxQueuedBytes = 8u << 20;

Q_SIGNALS:
    void setupFinished(bool ok, const QString &error);
    void countersChanged(const QVariantMap &counters);
    // Probes detached and nft table removed; the end of the stream is still being written.
    void tornDown();
    // "stopped" or "failed", with a message saying why.
    void finished(const QString &state, const QString &message);

private:
    class StreamSink;
    void run();
    QString stopMessage(StopReason reason) const;

    QString path_, owner_;
    TraceOptions options_;
    UniqueFd stream_;
    UniqueFd wake_; // eventfd: wakes the worker's poll when a stop is requested
    std::atomic<StopReason> stop_{StopReason::None};
    bool running_ = false;
    QStringList skippedFunctions_;
    std::thread worker_;
};

} // namespace nt::helper
