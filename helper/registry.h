// Who owns which trace session: one per D-Bus client, a global cap, paths never reused.
#pragma once

#include "error.h"

#include <QString>

#include <cstdint>
#include <map>
#include <optional>

namespace nt::helper {

constexpr const char *kSessionPathPrefix = "/io/github/nfttracer/Helper/session/";

// The caller already has a session or the helper is full: io.github.nfttracer.Error.Busy.
class BusyError : public Error {
public:
    using Error::Error;
};

class SessionRegistry {
public:
    explicit SessionRegistry(size_t maxSessions) : max_(maxSessions) {}

    // Throws BusyError when `owner` already has a session or all sessions are taken.
    void checkCanStart(const QString &owner) const;
    // Takes a session for `owner` (after checkCanStart's checks, made again) and returns its
    // object path. Numbers are never reused, so a stale path never reaches a newer session.
    QString reserve(const QString &owner);
    // Frees the session at `path`; false when there is none.
    bool release(const QString &path);

    // The caller's own session at `path`, or nothing: other clients' sessions and unknown
    // paths look the same, so a caller learns nothing about other clients.
    bool ownedBy(const QString &path, const QString &caller) const;
    std::optional<QString> pathOf(const QString &owner) const;
    std::optional<QString> ownerOf(const QString &path) const;

    size_t size() const { return byPath_.size(); }
    size_t max() const { return max_; }

private:
    size_t max_;
    uint64_t next_ = 1;
    std::map<QString, QString> byPath_; // path -> owner's unique bus name
};

} // namespace nt::helper
