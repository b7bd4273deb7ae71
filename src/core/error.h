// Typed errors with messages a user can act on (already translated when thrown).
#pragma once

#include <QString>
#include <stdexcept>

namespace nt {

class Error : public std::runtime_error {
public:
    explicit Error(const QString &message) : std::runtime_error(message.toStdString()) {}
    QString message() const { return QString::fromUtf8(what()); }
};

} // namespace nt
