// HelperClient: asynchronous D-Bus calls to the helper and the event stream read from its fd.
#include "helper_client.h"

#include "helper_interface.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace nt {
namespace {

// QtDBus leaves maps nested in a variant as QDBusArgument: turn "unavailable" (a{ss}) and
// "function_counts" (a{sv}) into plain QVariantMaps, so callers need no QtDBus.
QVariantMap plainCapabilities(QVariantMap caps) {
    for (auto it = caps.begin(); it != caps.end(); ++it) {
        if (it.value().metaType() != QMetaType::fromType<QDBusArgument>()) {
            continue;
        }
        const auto arg = it.value().value<QDBusArgument>();
        QVariantMap plain;
        if (arg.currentSignature() == QLatin1String("a{ss}")) {
            const auto map = qdbus_cast<QMap<QString, QString>>(arg);
            for (auto m = map.begin(); m != map.end(); ++m) {
                plain.insert(m.key(), m.value());
            }
        } else if (arg.currentSignature() == QLatin1String("a{sv}")) {
            plain = qdbus_cast<QVariantMap>(arg);
        } else {
            continue;
        }
        it.value() = plain;
    }
    return caps;
}

constexpr const char *kSessionInterface = "io.github.nfttracer.Session1";
// Calls that may wait for a polkit password dialog: give the user time to type.
constexpr int kInteractiveTimeoutMs = 10 * 60 * 1000;
// Read at most this much per wake-up so a flood cannot starve the GUI's event loop.
constexpr size_t kReadChunk = 256u << 10;
constexpr size_t kMaxReadPerWakeup = 4u << 20;

} // namespace

void HelperClient::registerMetaTypes() {
    qRegisterMetaType<nt::Trace>("nt::Trace");
    qRegisterMetaType<nt::TraceMeta>("nt::TraceMeta");
    qRegisterMetaType<nt::RecordBatch>("nt::RecordBatch");
    qRegisterMetaType<std::vector<nt::NftTraceRecord>>("std::vector<nt::NftTraceRecord>");
    qRegisterMetaType<std::vector<nt::KernelSymbol>>("std::vector<nt::KernelSymbol>");
    qRegisterMetaType<nt::stream::CountersFrame>("nt::stream::CountersFrame");
    qRegisterMetaType<nt::HelperClient::ErrorKind>("nt::HelperClient::ErrorKind");
    qRegisterMetaType<nt::HelperClient::State>("nt::HelperClient::State");
}

HelperClient::HelperClient(QObject *parent) : HelperClient(QDBusConnection::systemBus(), parent) {}

HelperClient::HelperClient(const QDBusConnection &bus, QObject *parent)
    : QObject(parent), bus_(bus) {
    registerMetaTypes();
    helper_ = std::make_unique<IoGithubNfttracerHelper1Interface>(QLatin1String(kService),
                                                                  QLatin1String(kPath), bus_);
    helper_->setTimeout(kInteractiveTimeoutMs);
    // Any session path: the path is known only from StartTrace's reply, and the first state
    // signal may follow it closely. onSessionState keeps only our session's.
    bus_.connect(QLatin1String(kService), QString(), QLatin1String(kSessionInterface),
                 QStringLiteral("StateChanged"), this,
                 SLOT(onSessionState(QString, QString, QDBusMessage)));
    bus_.connect(QLatin1String(kService), QString(), QLatin1String(kSessionInterface),
                 QStringLiteral("FunctionsSkipped"), this,
                 SLOT(onFunctionsSkipped(QStringList, QDBusMessage)));
    readBuf_.resize(kReadChunk);
}

HelperClient::~HelperClient() {
    if (!sessionPath_.isEmpty() &&
        (state_ == State::Running || state_ == State::Stopping || state_ == State::Starting)) {
        // Not waited for: the helper also stops the session when our end of the stream closes
        // or our bus name goes away.
        helper_->StopTrace(QDBusObjectPath(sessionPath_));
    }
    closeStream();
}

HelperClient::ErrorKind HelperClient::kindOf(const QString &name) {
    if (name == QLatin1String("io.github.nfttracer.Error.NotAuthorized") ||
        name == QLatin1String("org.freedesktop.DBus.Error.AccessDenied")) {
        return ErrorKind::NotAuthorized;
    }
    if (name == QLatin1String("io.github.nfttracer.Error.InvalidOption") ||
        name == QLatin1String("org.freedesktop.DBus.Error.InvalidArgs")) {
        return ErrorKind::InvalidOption;
    }
    if (name == QLatin1String("io.github.nfttracer.Error.Busy") ||
        name == QLatin1String("org.freedesktop.DBus.Error.LimitsExceeded")) {
        return ErrorKind::Busy;
    }
    if (name == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown") ||
        name == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner") ||
        name == QLatin1String("org.freedesktop.DBus.Error.UnknownObject") ||
        name == QLatin1String("org.freedesktop.DBus.Error.UnknownInterface") ||
        name == QLatin1String("org.freedesktop.DBus.Error.UnknownMethod") ||
        name.startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn."))) {
        return ErrorKind::NoHelper;
    }
    if (name == QLatin1String("org.freedesktop.DBus.Error.NoReply") ||
        name == QLatin1String("org.freedesktop.DBus.Error.Timeout") ||
        name == QLatin1String("org.freedesktop.DBus.Error.Disconnected") ||
        name == QLatin1String("org.freedesktop.DBus.Error.NoServer")) {
        return ErrorKind::Disconnected;
    }
    return ErrorKind::Failed;
}

void HelperClient::reportCallError(const QDBusMessage &reply) {
    const ErrorKind kind = kindOf(reply.errorName());
    QString message = reply.errorMessage();
    switch (kind) {
    case ErrorKind::NoHelper:
        message = QCoreApplication::translate(
                      "nt::HelperClient",
                      "The nft-tracer helper is not available (%1). Install the helper with "
                      "nft-tracer (its D-Bus service and polkit files), or open a saved trace "
                      "instead.")
                      .arg(message);
        break;
    case ErrorKind::Disconnected:
        message = QCoreApplication::translate(
                      "nt::HelperClient",
                      "The nft-tracer helper did not answer (%1). Check that the system bus is "
                      "running and look for nft-tracer-helper in the system log.")
                      .arg(message);
        break;
    default:
        break; // the helper's own messages already say what failed and what to do
    }
    Q_EMIT errorOccurred(kind, message);
}

void HelperClient::capabilities() {
    auto *w = new QDBusPendingCallWatcher(helper_->Capabilities(), this);
    connect(w, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        QDBusPendingReply<QVariantMap> reply = *w;
        if (reply.isError()) {
            reportCallError(reply.reply());
            return;
        }
        Q_EMIT capabilitiesReceived(plainCapabilities(reply.value()));
    });
}

void HelperClient::readRuleset(const QString &netns) {
    auto *w = new QDBusPendingCallWatcher(helper_->ReadRuleset(netns), this);
    connect(w, &QDBusPendingCallWatcher::finished, this, [this, netns](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        QDBusPendingReply<QString> reply = *w;
        if (reply.isError()) {
            reportCallError(reply.reply());
            return;
        }
        Q_EMIT rulesetReceived(netns, reply.value());
    });
}

void HelperClient::startTrace(const QVariantMap &options) {
    if (state_ == State::Starting || state_ == State::Running || state_ == State::Stopping) {
        Q_EMIT errorOccurred(ErrorKind::Busy,
                             QCoreApplication::translate(
                                 "nt::HelperClient",
                                 "A trace is already running; stop it before starting another."));
        return;
    }
    closeStream();
    decoder_ = stream::StreamDecoder();
    sessionPath_.clear();
    helperFailure_.clear();
    stopRequested_ = false;
    setState(State::Starting);
    auto *w = new QDBusPendingCallWatcher(helper_->StartTrace(options), this);
    connect(w, &QDBusPendingCallWatcher::finished, this, &HelperClient::onStartReply);
}

void HelperClient::onStartReply(QDBusPendingCallWatcher *w) {
    w->deleteLater();
    QDBusPendingReply<QDBusObjectPath, QDBusUnixFileDescriptor> reply = *w;
    if (state_ != State::Starting) {
        return;
    }
    if (reply.isError()) {
        reportCallError(reply.reply());
        setState(State::Failed, reply.error().message());
        return;
    }
    sessionPath_ = reply.argumentAt<0>().path();
    stream_ = reply.argumentAt<1>();
    const int fd = stream_.fileDescriptor();
    if (!stream_.isValid() || fd < 0) {
        fail(ErrorKind::Failed,
             QCoreApplication::translate("nt::HelperClient",
                                         "The helper started the trace but sent no event "
                                         "stream; the trace is stopped."));
        return;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    notifier_ = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
    connect(notifier_.get(), &QSocketNotifier::activated, this, &HelperClient::onReadable);
    setState(State::Running);
    if (stopRequested_) {
        stopTrace();
    }
}

void HelperClient::stopTrace() {
    if (state_ == State::Starting) {
        stopRequested_ = true; // sent once StartTrace answers: there is no session to name yet
        return;
    }
    if (state_ != State::Running || sessionPath_.isEmpty()) {
        return;
    }
    setState(State::Stopping);
    auto *w = new QDBusPendingCallWatcher(helper_->StopTrace(QDBusObjectPath(sessionPath_)), this);
    connect(w, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        QDBusPendingReply<> reply = *w;
        // A session that ended by itself meanwhile is no error: the stream says how it ended.
        if (reply.isError() && state_ == State::Stopping) {
            reportCallError(reply.reply());
        }
    });
}

void HelperClient::onSessionState(const QString &state, const QString &message,
                                  const QDBusMessage &msg) {
    if (msg.path() != sessionPath_ || sessionPath_.isEmpty()) {
        return;
    }
    // The stream is authoritative for how a trace ends; the signals only add what it cannot.
    if (state == QLatin1String("stopping") && state_ == State::Running) {
        setState(State::Stopping, message);
    } else if (state == QLatin1String("failed")) {
        helperFailure_ = message;
    }
}

void HelperClient::onFunctionsSkipped(const QStringList &functions, const QDBusMessage &msg) {
    if (msg.path() == sessionPath_ && !sessionPath_.isEmpty() && !functions.isEmpty()) {
        Q_EMIT functionsSkipped(functions);
    }
}

void HelperClient::onReadable() {
    std::vector<stream::StreamItem> items;
    size_t total = 0;
    bool eof = false;
    while (stream_.isValid() && total < kMaxReadPerWakeup) {
        const ssize_t n = ::read(stream_.fileDescriptor(), readBuf_.data(), readBuf_.size());
        if (n > 0) {
            total += static_cast<size_t>(n);
            try {
                decoder_.feed(readBuf_.data(), static_cast<size_t>(n), items);
            } catch (const stream::StreamError &e) {
                dispatch(items);
                fail(ErrorKind::StreamCorrupt, e.message());
                return;
            }
            continue;
        }
        if (n == 0) {
            eof = true;
        } else if (errno == EINTR) {
            continue;
        } else if (errno != EAGAIN && errno != EWOULDBLOCK) {
            dispatch(items);
            fail(ErrorKind::Disconnected,
                 QCoreApplication::translate("nt::HelperClient",
                                             "Reading the event stream from the helper failed: "
                                             "%1. The trace is stopped.")
                     .arg(QString::fromUtf8(std::strerror(errno))));
            return;
        }
        break;
    }
    dispatch(items);
    if (eof) {
        onEndOfStream();
    }
}

void HelperClient::dispatch(std::vector<stream::StreamItem> &items) {
    for (stream::StreamItem &item : items) {
        if (auto *h = std::get_if<stream::HeaderFrame>(&item)) {
            Q_EMIT headerReceived(h->trace);
        } else if (auto *r = std::get_if<stream::RecordsFrame>(&item)) {
            Q_EMIT recordsReceived(r->batch, r->nft, r->symbols);
        } else if (auto *c = std::get_if<stream::CountersFrame>(&item)) {
            Q_EMIT countersChanged(*c);
        } else if (auto *i = std::get_if<stream::InterfacesFrame>(&item)) {
            Q_EMIT interfacesReceived(i->interfaces);
        } else if (auto *l = std::get_if<stream::LossMarksFrame>(&item)) {
            Q_EMIT lossMarksReceived(l->marks);
        } else if (auto *e = std::get_if<stream::EndFrame>(&item)) {
            closeStream();
            sessionPath_.clear();
            setState(State::Stopped);
            Q_EMIT finished(e->meta);
        } else if (auto *err = std::get_if<stream::ErrorFrame>(&item)) {
            closeStream();
            sessionPath_.clear();
            const QString message = QString::fromStdString(err->message);
            setState(State::Failed, message);
            Q_EMIT errorOccurred(ErrorKind::Failed, message);
        }
    }
    items.clear();
}

void HelperClient::onEndOfStream() {
    if (!stream_.isValid()) {
        return; // End or Error already closed it
    }
    try {
        decoder_.finish();
    } catch (const stream::StreamError &e) {
        fail(ErrorKind::Disconnected, e.message());
        return;
    }
    fail(ErrorKind::Disconnected,
         helperFailure_.isEmpty()
             ? QCoreApplication::translate("nt::HelperClient",
                                           "The helper closed the event stream without ending "
                                           "the trace. Look for nft-tracer-helper in the system "
                                           "log.")
             : helperFailure_);
}

void HelperClient::fail(ErrorKind kind, const QString &message) {
    const QString path = sessionPath_;
    closeStream();
    sessionPath_.clear();
    if (!path.isEmpty()) {
        // Whatever the helper still runs for us is of no use now: have it removed.
        helper_->StopTrace(QDBusObjectPath(path));
    }
    setState(State::Failed, message);
    Q_EMIT errorOccurred(kind, message);
}

void HelperClient::closeStream() {
    notifier_.reset();
    stream_ = QDBusUnixFileDescriptor();
}

void HelperClient::setState(State s, const QString &message) {
    if (s == state_ && message.isEmpty()) {
        return;
    }
    state_ = s;
    Q_EMIT stateChanged(s, message);
}

} // namespace nt
