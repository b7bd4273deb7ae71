// D-Bus methods of the helper: every privileged call is authorised by polkit first, then its
// input validated, then acted on. The polkit check answers later (the call's reply is delayed,
// the loop keeps serving). ReadRuleset then runs libnftables on the loop, which blocks it while
// the ruleset is listed; a trace runs on its session's worker thread.
#include "helper_service.h"

#include "capabilities.h"
#include "errors.h"
#include "netns.h"
#include "options.h"
#include "ruleset.h"
#include "session1adaptor.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>

#include <fcntl.h>
#include <sys/socket.h>

namespace nt::helper {
namespace {

constexpr const char *kActionTrace = "io.github.nfttracer.trace";
constexpr const char *kActionReadRuleset = "io.github.nfttracer.read-ruleset";
constexpr const char *kSessionInterface = "io.github.nfttracer.Session1";
// Socket buffer for the event stream: absorbs bursts between two writes of the worker.
constexpr int kStreamSendBuffer = 4 << 20;

} // namespace

HelperService::HelperService(const QDBusConnection &bus, int idleMs, QObject *parent)
    : QObject(parent), bus_(bus), authority_(bus),
      watcher_(QString(), bus, QDBusServiceWatcher::WatchForUnregistration) {
    connect(&watcher_, &QDBusServiceWatcher::serviceUnregistered, this,
            &HelperService::onClientGone);
    idleTimer_.setSingleShot(true);
    if (idleMs > 0) {
        idleTimer_.setInterval(idleMs);
        connect(&idleTimer_, &QTimer::timeout, this, &HelperService::checkIdle);
        idleTimer_.start();
    }
}

HelperService::~HelperService() {
    shutdown();
}

void HelperService::shutdown() {
    shuttingDown_ = true;
    for (auto &[path, r] : running_) {
        r.session->requestStop(Session::StopReason::Shutdown);
    }
    for (auto &[path, r] : running_) {
        r.session->join();
        if (r.startCall) {
            sendError(*r.startCall, errors::kFailed,
                      QCoreApplication::translate("nt::Helper", "the helper is shutting down"));
        }
        for (const QDBusMessage &call : r.stopCalls) {
            bus_.send(call.createReply());
        }
        sendState(r, QStringLiteral("stopped"),
                  QCoreApplication::translate("nt::Helper", "the helper is shutting down"));
        bus_.unregisterObject(path);
    }
    running_.clear();
}

void HelperService::touch() {
    if (idleTimer_.interval() > 0) {
        idleTimer_.start();
    }
}

void HelperService::checkIdle() {
    if (running_.empty() && pendingAuth_.empty() && pendingStart_.empty()) {
        Q_EMIT idle();
    } else {
        idleTimer_.start();
    }
}

void HelperService::sendError(const QDBusMessage &call, const char *name, const QString &message) {
    bus_.send(call.createErrorReply(QLatin1String(name), message));
}

void HelperService::sendState(const Running &r, const QString &state, const QString &message) {
    // Targeted: only the owner hears about its session.
    QDBusMessage signal = QDBusMessage::createTargetedSignal(r.session->owner(), r.session->path(),
                                                             QLatin1String(kSessionInterface),
                                                             QStringLiteral("StateChanged"));
    signal << state << message;
    bus_.send(signal);
}

QVariantMap HelperService::Capabilities() {
    touch();
    // Computed once: unauthenticated callers must not make the helper parse BTF in a loop.
    if (!capabilities_) {
        capabilities_ = helperCapabilities(kMaxSessions);
    }
    return *capabilities_;
}

bool HelperService::authorize(const QString &actionId, const QString &what,
                              std::function<void(const QDBusMessage &, bool)> then) {
    const QDBusMessage call = message();
    const QString caller = call.service();
    int total = 0;
    for (const auto &[name, n] : pendingAuth_) {
        total += n;
    }
    if (pendingAuth_[caller] >= kMaxPendingPerClient || total >= kMaxPending) {
        if (pendingAuth_[caller] == 0) {
            pendingAuth_.erase(caller);
        }
        sendErrorReply(QLatin1String(errors::kBusy),
                       QCoreApplication::translate(
                           "nt::Helper", "too many requests are waiting for authorisation; "
                                         "answer the open password dialog first"));
        return false;
    }
    ++pendingAuth_[caller];
    watcher_.addWatchedService(caller);
    setDelayedReply(true);
    authority_.check(
        caller, actionId,
        [this, call, caller, what, then = std::move(then)](AuthResult result,
                                                           const QString &detail) {
            const auto it = pendingAuth_.find(caller);
            if (it == pendingAuth_.end()) {
                return; // the client left while polkit was deciding: nobody to answer
            }
            if (--it->second == 0) {
                pendingAuth_.erase(it);
            }
            touch();
            switch (result) {
            case AuthResult::Authorized:
                break;
            case AuthResult::Denied:
                sendError(call, errors::kNotAuthorized,
                          QCoreApplication::translate(
                              "nt::Helper", "not authorised to %1: polkit denied it. Ask an "
                                            "administrator to allow it, or run from an active "
                                            "local session.")
                              .arg(what));
                break;
            case AuthResult::NoAgent:
                sendError(call, errors::kNotAuthorized,
                          QCoreApplication::translate(
                              "nt::Helper", "not authorised to %1: an administrator password "
                                            "is needed, but no polkit authentication agent is "
                                            "running in your session to ask for it.")
                              .arg(what));
                break;
            case AuthResult::Unavailable:
                sendError(call, errors::kNotAuthorized,
                          QCoreApplication::translate(
                              "nt::Helper", "not authorised to %1: polkit could not be asked "
                                            "(%2). Check that polkitd is running.")
                              .arg(what, detail));
                break;
            }
            then(call, result == AuthResult::Authorized);
            unwatchIfDone(caller);
        });
    return true;
}

QString HelperService::ReadRuleset(const QString &netns) {
    touch();
    authorize(QLatin1String(kActionReadRuleset),
              QCoreApplication::translate("nt::Helper", "read the nftables ruleset"),
              [this, netns](const QDBusMessage &call, bool authorized) {
                  if (!authorized) {
                      return;
                  }
                  try {
                      const std::string name = validateNetnsName(netns);
                      std::optional<NetnsHandle> ns;
                      if (!name.empty()) {
                          ns.emplace(NetnsHandle::byName(name));
                      }
                      const std::string json = readRulesetJson(ns ? &*ns : nullptr);
                      bus_.send(call.createReply(QString::fromStdString(json)));
                  } catch (const OptionError &e) {
                      sendError(call, errors::kInvalidOption, e.message());
                  } catch (const Error &e) {
                      sendError(call, errors::kFailed, e.message());
                  }
              });
    return {};
}

QDBusObjectPath HelperService::StartTrace(const QVariantMap &options, QDBusUnixFileDescriptor &) {
    touch();
    const QString caller = message().service();
    if (shuttingDown_) {
        sendErrorReply(QLatin1String(errors::kFailed),
                       QCoreApplication::translate("nt::Helper", "the helper is shutting down"));
        return {};
    }
    // Limits before polkit: no password dialog for a request that cannot run.
    try {
        registry_.checkCanStart(caller);
        if (pendingStart_.count(caller) > 0) {
            throw BusyError(QCoreApplication::translate(
                "nt::Helper", "this client is already starting a trace session"));
        }
    } catch (const BusyError &e) {
        sendErrorReply(QLatin1String(errors::kBusy), e.message());
        return {};
    }
    if (authorize(QLatin1String(kActionTrace),
                  QCoreApplication::translate("nt::Helper", "trace packets"),
                  [this, options](const QDBusMessage &call, bool authorized) {
                      pendingStart_.erase(call.service()); // at most one per client
                      if (authorized) {
                          startAuthorized(call, options);
                      }
                  })) {
        ++pendingStart_[caller];
    }
    return {};
}

void HelperService::startAuthorized(const QDBusMessage &call, const QVariantMap &options) {
    const QString caller = call.service();
    TraceOptions validated;
    QString path;
    try {
        validated = validateTraceOptions(options);
        path = registry_.reserve(caller);
    } catch (const OptionError &e) {
        sendError(call, errors::kInvalidOption, e.message());
        return;
    } catch (const BusyError &e) {
        sendError(call, errors::kBusy, e.message());
        return;
    } catch (const Error &e) {
        sendError(call, errors::kFailed, e.message());
        return;
    }

    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        registry_.release(path);
        sendError(call, errors::kFailed,
                  QCoreApplication::translate("nt::Helper", "cannot create the event stream: %1")
                      .arg(QString::fromUtf8(strerror(errno))));
        return;
    }
    UniqueFd ours(fds[0]), theirs(fds[1]);
    ::fcntl(ours.get(), F_SETFL, ::fcntl(ours.get(), F_GETFL) | O_NONBLOCK);
    // Root may exceed net.core.wmem_max; a bigger buffer means fewer drops for bursty traffic.
    const int size = kStreamSendBuffer;
    if (::setsockopt(ours.get(), SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof size) != 0) {
        ::setsockopt(ours.get(), SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    }
    ::shutdown(ours.get(), SHUT_RD); // the stream goes one way; the client cannot feed us

    Running r;
    r.session = std::make_unique<Session>(path, caller, validated, std::move(ours));
    r.adaptor = std::make_unique<Session1Adaptor>(r.session.get());
    r.startCall = call;
    r.clientEnd = std::move(theirs);
    Session *s = r.session.get();
    // Queued: the session object may be destroyed by the handler, never inside its own emit.
    connect(
        s, &Session::setupFinished, this,
        [this, path](bool ok, const QString &error) { onSetupFinished(path, ok, error); },
        Qt::QueuedConnection);
    connect(
        s, &Session::finished, this,
        [this, path](const QString &state, const QString &message) {
            onFinished(path, state, message);
        },
        Qt::QueuedConnection);
    // StopTrace is answered once nothing is installed any more, not when the stream is
    // flushed: the client may only start reading the rest of the stream after that answer.
    connect(
        s, &Session::tornDown, this,
        [this, path] {
            const auto it = running_.find(path);
            if (it != running_.end()) {
                for (const QDBusMessage &call : it->second.stopCalls) {
                    bus_.send(call.createReply());
                }
                it->second.stopCalls.clear();
            }
        },
        Qt::QueuedConnection);
    connect(s, &Session::countersChanged, this, [this, s](const QVariantMap &counters) {
        QDBusMessage signal = QDBusMessage::createTargetedSignal(
            s->owner(), s->path(), QLatin1String(kSessionInterface), QStringLiteral("Counters"));
        signal << counters;
        bus_.send(signal);
    });
    running_.emplace(path, std::move(r));
    s->start();
}

void HelperService::onSetupFinished(const QString &path, bool ok, const QString &error) {
    const auto it = running_.find(path);
    if (it == running_.end() || !it->second.startCall) {
        return;
    }
    Running &r = it->second;
    const QDBusMessage call = *r.startCall;
    r.startCall.reset();
    if (!ok) {
        r.session->join();
        sendError(call, errors::kFailed, error);
        running_.erase(it);
        registry_.release(path);
        unwatchIfDone(call.service());
        touch();
        return;
    }
    bus_.registerObject(path, r.session.get(), QDBusConnection::ExportAdaptors);
    // QDBusUnixFileDescriptor duplicates the fd; ours closes right after the reply is queued.
    bus_.send(call.createReply({QVariant::fromValue(QDBusObjectPath(path)),
                                QVariant::fromValue(QDBusUnixFileDescriptor(r.clientEnd.get()))}));
    r.clientEnd.reset();
    sendState(r, QStringLiteral("running"), {});
    if (const QStringList &skipped = r.session->skippedFunctions(); !skipped.isEmpty()) {
        QDBusMessage signal = QDBusMessage::createTargetedSignal(
            r.session->owner(), path, QLatin1String(kSessionInterface),
            QStringLiteral("FunctionsSkipped"));
        signal << skipped;
        bus_.send(signal);
    }
}

void HelperService::onFinished(const QString &path, const QString &state, const QString &message) {
    const auto it = running_.find(path);
    if (it == running_.end()) {
        return;
    }
    Running &r = it->second;
    r.session->join();
    sendState(r, state, message);
    for (const QDBusMessage &call : r.stopCalls) {
        bus_.send(call.createReply());
    }
    const QString owner = r.session->owner();
    bus_.unregisterObject(path);
    running_.erase(it);
    registry_.release(path);
    unwatchIfDone(owner);
    touch();
}

void HelperService::StopTrace(const QDBusObjectPath &session) {
    touch();
    const QString caller = message().service();
    const QString path = session.path();
    const auto it = running_.find(path);
    // Only the owner's own sessions: another client's session and an unknown path get the
    // same answer.
    if (!registry_.ownedBy(path, caller) || it == running_.end()) {
        sendErrorReply(
            QLatin1String(errors::kInvalidOption),
            QCoreApplication::translate("nt::Helper", "there is no trace session %1 of this client")
                .arg(path.left(128)));
        return;
    }
    // No polkit question here: stopping only removes what this client was allowed to install,
    // and a password prompt must never stand between a user and stopping a trace.
    setDelayedReply(true);
    it->second.stopCalls.push_back(message());
    it->second.session->requestStop(Session::StopReason::Requested);
}

void HelperService::onClientGone(const QString &name) {
    pendingAuth_.erase(name);
    pendingStart_.erase(name);
    if (const auto path = registry_.pathOf(name)) {
        const auto it = running_.find(*path);
        if (it != running_.end()) {
            it->second.session->requestStop(Session::StopReason::ClientVanished);
        }
    } else {
        watcher_.removeWatchedService(name);
    }
}

void HelperService::unwatchIfDone(const QString &name) {
    if (pendingAuth_.count(name) == 0 && pendingStart_.count(name) == 0 &&
        !registry_.pathOf(name)) {
        watcher_.removeWatchedService(name);
    }
}

} // namespace nt::helper
