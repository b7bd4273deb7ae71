// Asks polkit whether a D-Bus caller may perform an action, without blocking the helper.
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>

#include <functional>

namespace nt::helper {

enum class AuthResult {
    Authorized,
    Denied,     // polkit said no (or the user dismissed the password dialog)
    NoAgent,    // a password is needed but no polkit agent is there to ask for it
    Unavailable // polkit could not be asked: treated as denied
};

class PolkitAuthority : public QObject {
    Q_OBJECT
public:
    explicit PolkitAuthority(const QDBusConnection &bus, QObject *parent = nullptr);

    // CheckAuthorization for the subject ("system-bus-name", {"name": busName}) with
    // AllowUserInteraction, so the desktop's agent may ask for a password: the answer can take
    // minutes and arrives through `done` on this thread. `message` explains Unavailable.
    void check(const QString &busName, const QString &actionId,
               std::function<void(AuthResult, const QString &message)> done);

    // How long polkit may take, password dialog included.
    static constexpr int kTimeoutMs = 5 * 60 * 1000;

private:
    QDBusConnection bus_;
};

} // namespace nt::helper
