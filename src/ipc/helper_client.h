// The GUI's asynchronous client of nft-tracer-helper: D-Bus calls for control, the returned fd
// for the event stream, decoded batches delivered as signals. Never blocks the calling thread.
#pragma once

#include "event_stream.h"
#include "trace.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusUnixFileDescriptor>
#include <QObject>
#include <QString>
#include <QVariantMap>

#include <memory>
#include <vector>

class IoGithubNfttracerHelper1Interface;
class QDBusPendingCallWatcher;
class QSocketNotifier;

namespace nt {

class HelperClient : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kService = "io.github.nfttracer.Helper";
    static constexpr const char *kPath = "/io/github/nfttracer/Helper";

    enum class ErrorKind {
        NoHelper,      // the helper is not installed (ServiceUnknown) or cannot be started
        NotAuthorized, // polkit refused
        InvalidOption, // an option (or the session) was refused
        Busy,          // a session is already running, or the helper is full
        Failed,        // the helper could not do it (the message says why)
        Disconnected,  // the helper or the bus went away mid-trace
        StreamCorrupt, // the event stream did not decode
    };
    Q_ENUM(ErrorKind)

    enum class State { Idle, Starting, Running, Stopping, Stopped, Failed };
    Q_ENUM(State)

    // Uses the system bus (DBUS_SYSTEM_BUS_ADDRESS when set).
    explicit HelperClient(QObject *parent = nullptr);
    HelperClient(const QDBusConnection &bus, QObject *parent = nullptr);
    ~HelperClient() override;

    // Calls Qt's metatype registration for the signal argument types (idempotent); the
    // constructor calls it, so queued connections work once a client exists.
    static void registerMetaTypes();

    // Each starts an asynchronous call; the answer comes as a signal (or errorOccurred).
    void capabilities();
    void readRuleset(const QString &netns);
    // Options as in the D-Bus contract ("filter", "netns", "nft_trace", "ringbuf_mb",
    // "duration_s", "max_packets"). One trace at a time per client.
    void startTrace(const QVariantMap &options);
    void stopTrace();

    State state() const { return state_; }
    QString sessionPath() const { return sessionPath_; }

Q_SIGNALS:
    void capabilitiesReceived(const QVariantMap &capabilities);
    void rulesetReceived(const QString &netns, const QString &json);
    void stateChanged(nt::HelperClient::State state, const QString &message);
    // The trace as known at start (meta, probes, drop reasons, symbols, ruleset).
    void headerReceived(const nt::Trace &header);
    // One decoded Records frame: order semantics of RecordBatch hold within it.
    void recordsReceived(const nt::RecordBatch &batch, const std::vector<nt::NftTraceRecord> &nft,
                         const std::vector<nt::KernelSymbol> &symbols);
    void countersChanged(const nt::stream::CountersFrame &counters);
    // Interface names: all of them after the header, then each one added or renamed.
    void interfacesReceived(const std::vector<nt::InterfaceName> &interfaces);
    // Times at which the recorder found ring-buffer loss, with the loss counted by then.
    void lossMarksReceived(const std::vector<nt::LossMark> &marks);
    // The trace stopped and its stream ended cleanly: the final metadata.
    void finished(const nt::TraceMeta &meta);
    void errorOccurred(nt::HelperClient::ErrorKind kind, const QString &message);
    // Functions the trace options named that the kernel lacks: the helper skipped them.
    void functionsSkipped(const QStringList &functions);

private Q_SLOTS:
    void onSessionState(const QString &state, const QString &message, const QDBusMessage &msg);
    void onFunctionsSkipped(const QStringList &functions, const QDBusMessage &msg);

private:
    void onStartReply(QDBusPendingCallWatcher *w);
    void onReadable();
    void onEndOfStream();
    void setState(State s, const QString &message = {});
    void fail(ErrorKind kind, const QString &message);
    void closeStream();
    void dispatch(std::vector<stream::StreamItem> &items);
    // The helper's error name mapped to our kinds; anything unknown is Failed.
    static ErrorKind kindOf(const QString &dbusErrorName);
    void reportCallError(const QDBusMessage &reply);

    QDBusConnection bus_;
    std::unique_ptr<IoGithubNfttracerHelper1Interface> helper_;
    std::unique_ptr<QSocketNotifier> notifier_;
    QDBusUnixFileDescriptor stream_; // owns the event stream's read end
    stream::StreamDecoder decoder_;
    std::vector<char> readBuf_;
    State state_ = State::Idle;
    QString sessionPath_;
    bool stopRequested_ = false;
    QString helperFailure_; // the "failed" state's message, for a stream that just stops
};

} // namespace nt

Q_DECLARE_METATYPE(nt::Trace)
Q_DECLARE_METATYPE(nt::TraceMeta)
Q_DECLARE_METATYPE(nt::RecordBatch)
Q_DECLARE_METATYPE(std::vector<nt::NftTraceRecord>)
Q_DECLARE_METATYPE(std::vector<nt::KernelSymbol>)
Q_DECLARE_METATYPE(nt::stream::CountersFrame)
