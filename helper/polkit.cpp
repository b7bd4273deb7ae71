// polkit's D-Bus API (org.freedesktop.PolicyKit1.Authority), called asynchronously.
#include "polkit.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QMap>

namespace {

// polkit's subject: (sa{sv}).
struct PolkitSubject {
    QString kind;
    QVariantMap details;
};

QDBusArgument &operator<<(QDBusArgument &arg, const PolkitSubject &s) {
    arg.beginStructure();
    arg << s.kind << s.details;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, PolkitSubject &s) {
    arg.beginStructure();
    arg >> s.kind >> s.details;
    arg.endStructure();
    return arg;
}

// polkit's answer: (bba{ss}) is_authorized, is_challenge, details.
struct PolkitResult {
    bool authorized = false;
    bool challenge = false;
    QMap<QString, QString> details;
};

QDBusArgument &operator<<(QDBusArgument &arg, const PolkitResult &r) {
    arg.beginStructure();
    arg << r.authorized << r.challenge << r.details;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, PolkitResult &r) {
    arg.beginStructure();
    arg >> r.authorized >> r.challenge >> r.details;
    arg.endStructure();
    return arg;
}

} // namespace

Q_DECLARE_METATYPE(PolkitSubject)
Q_DECLARE_METATYPE(PolkitResult)

namespace nt::helper {

PolkitAuthority::PolkitAuthority(const QDBusConnection &bus, QObject *parent)
    : QObject(parent), bus_(bus) {
    qDBusRegisterMetaType<PolkitSubject>();
    qDBusRegisterMetaType<PolkitResult>();
    qDBusRegisterMetaType<QMap<QString, QString>>();
}

void PolkitAuthority::check(const QString &busName, const QString &actionId,
                            std::function<void(AuthResult, const QString &)> done) {
    QDBusMessage call =
        QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.PolicyKit1"),
                                       QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
                                       QStringLiteral("org.freedesktop.PolicyKit1.Authority"),
                                       QStringLiteral("CheckAuthorization"));
    // The unique bus name, not a PID: polkit asks the bus who owns it, so the answer cannot
    // be raced by a process that exits and has its PID reused.
    PolkitSubject subject{QStringLiteral("system-bus-name"), {{QStringLiteral("name"), busName}}};
    constexpr uint32_t kAllowUserInteraction = 1;
    call << QVariant::fromValue(subject) << actionId
         << QVariant::fromValue(QMap<QString, QString>()) << kAllowUserInteraction << QString();
    auto *watcher = new QDBusPendingCallWatcher(bus_.asyncCall(call, kTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [done = std::move(done)](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                const QDBusPendingReply<PolkitResult> reply = *w;
                if (reply.isError()) {
                    done(AuthResult::Unavailable,
                         reply.error().name() + QStringLiteral(": ") + reply.error().message());
                    return;
                }
                const PolkitResult r = reply.value();
                if (r.authorized) {
                    done(AuthResult::Authorized, {});
                } else if (r.challenge) {
                    done(AuthResult::NoAgent, {});
                } else {
                    done(AuthResult::Denied, {});
                }
            });
}

} // namespace nt::helper
