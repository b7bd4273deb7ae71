// The object at /io/github/nfttracer/Helper: authorises, validates and runs trace sessions for
// D-Bus clients, and watches them so nothing outlives its client.
#pragma once

#include "polkit.h"
#include "registry.h"
#include "session.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusServiceWatcher>
#include <QDBusUnixFileDescriptor>
#include <QObject>
#include <QTimer>
#include <QVariantMap>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class Session1Adaptor;

namespace nt::helper {

class HelperService : public QObject, protected QDBusContext {
    Q_OBJECT
public:
    static constexpr size_t kMaxSessions = 4;
    // Authorisation requests waiting for polkit (each may be a password dialog).
    static constexpr int kMaxPendingPerClient = 2;
    static constexpr int kMaxPending = 32;

    // idleMs: quit (the idle() signal) after this long with no session and no call; 0 = never.
    HelperService(const QDBusConnection &bus, int idleMs, QObject *parent = nullptr);
    ~HelperService() override;

    // Stops every session and waits until their probes and nft tables are gone.
    void shutdown();

public Q_SLOTS: // called by the generated Helper1Adaptor
    QVariantMap Capabilities();
    QString ReadRuleset(const QString &netns);
    QDBusObjectPath StartTrace(const QVariantMap &options, QDBusUnixFileDescriptor &events);
    void StopTrace(const QDBusObjectPath &session);

Q_SIGNALS:
    void idle();

private:
    struct Running {
        std::unique_ptr<Session> session;
        std::unique_ptr<Session1Adaptor> adaptor; // a child of session: destroyed before it
        std::optional<QDBusMessage> startCall;    // StartTrace's call until it is answered
        UniqueFd clientEnd;                       // handed over in that answer
        std::vector<QDBusMessage> stopCalls;      // StopTrace calls answered when it ends
    };

    // Checks the per-client and global limits on waiting authorisations, then asks polkit and
    // calls `then` with the delayed call and polkit's answer (a refusal is already answered
    // with NotAuthorized then). False when the limits refused the call (answered with Busy).
    bool authorize(const QString &actionId, const QString &what,
                   std::function<void(const QDBusMessage &, bool authorized)> then);
    void startAuthorized(const QDBusMessage &call, const QVariantMap &options);
    void onSetupFinished(const QString &path, bool ok, const QString &error);
    void onFinished(const QString &path, const QString &state, const QString &message);
    void onClientGone(const QString &name);
    void sendState(const Running &r, const QString &state, const QString &message);
    void sendError(const QDBusMessage &call, const char *name, const QString &message);
    void touch();
    void checkIdle();
    void unwatchIfDone(const QString &name);

    QDBusConnection bus_;
    PolkitAuthority authority_;
    SessionRegistry registry_{kMaxSessions};
    QDBusServiceWatcher watcher_;
    std::map<QString, Running> running_;  // by session path
    std::map<QString, int> pendingAuth_;  // by caller: authorisations waiting for polkit
    std::map<QString, int> pendingStart_; // by caller: StartTrace calls not yet answered
    std::optional<QVariantMap> capabilities_;
    QTimer idleTimer_;
    bool shuttingDown_ = false;
};

} // namespace nt::helper
