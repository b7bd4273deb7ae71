// Session bookkeeping of the helper.
#include "registry.h"

#include <QCoreApplication>

namespace nt::helper {

void SessionRegistry::checkCanStart(const QString &owner) const {
    if (pathOf(owner)) {
        throw BusyError(QCoreApplication::translate(
            "nt::Helper", "this client already has a trace session; stop it before starting "
                          "another"));
    }
    if (byPath_.size() >= max_) {
        throw BusyError(QCoreApplication::translate("nt::Helper",
                                                    "the helper already runs %1 trace sessions, "
                                                    "its limit; try again when one has stopped")
                            .arg(max_));
    }
}

QString SessionRegistry::reserve(const QString &owner) {
    checkCanStart(owner);
    QString path = QLatin1String(kSessionPathPrefix) + QString::number(next_++);
    byPath_.emplace(path, owner);
    return path;
}

bool SessionRegistry::release(const QString &path) {
    return byPath_.erase(path) > 0;
}

bool SessionRegistry::ownedBy(const QString &path, const QString &caller) const {
    const auto it = byPath_.find(path);
    return it != byPath_.end() && it->second == caller;
}

std::optional<QString> SessionRegistry::pathOf(const QString &owner) const {
    for (const auto &[path, o] : byPath_) {
        if (o == owner) {
            return path;
        }
    }
    return std::nullopt;
}

std::optional<QString> SessionRegistry::ownerOf(const QString &path) const {
    const auto it = byPath_.find(path);
    if (it == byPath_.end()) {
        return std::nullopt;
    }
    return it->second;
}

} // namespace nt::helper
