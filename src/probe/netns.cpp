// Opening and entering network namespaces (setns), with errors a user can act on.
#include "netns.h"

#include "error.h"

#include <QCoreApplication>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <linux/magic.h>
#include <linux/nsfs.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/vfs.h>

namespace nt {

namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

QString errnoText(int err) {
    return QString::fromLocal8Bit(std::strerror(err));
}

constexpr const char *kNetnsRunDir = "/run/netns/";

} // namespace

NetnsHandle NetnsHandle::open(const std::string &path, const std::string &displayName) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) {
        const int err = errno;
        if (err == ENOENT && !displayName.empty()) {
            throw Error(QCoreApplication::translate(
                            "nt::Netns",
                            "network namespace '%1' not found (looked in %2): create it with `ip "
                            "netns add %1` or pass a path")
                            .arg(q(displayName), q(path)));
        }
        if (err == EACCES || err == EPERM) {
            throw Error(QCoreApplication::translate(
                            "nt::Netns", "cannot open network namespace %1: %2; run as root")
                            .arg(q(path), errnoText(err)));
        }
        throw Error(QCoreApplication::translate("nt::Netns", "cannot open network namespace %1: %2")
                        .arg(q(path), errnoText(err)));
    }
    struct statfs sfs {};
    if (fstatfs(fd.get(), &sfs) != 0 || sfs.f_type != NSFS_MAGIC) {
        throw Error(QCoreApplication::translate(
                        "nt::Netns",
                        "%1 is not a namespace file: pass a name from `ip netns list` or a path "
                        "like /proc/PID/ns/net")
                        .arg(q(path)));
    }
    // NS_GET_NSTYPE exists since Linux 4.11; an older kernel cannot tell us, so trust the caller.
    const int type = ioctl(fd.get(), NS_GET_NSTYPE);
    if (type >= 0 && type != CLONE_NEWNET) {
        throw Error(QCoreApplication::translate(
                        "nt::Netns",
                        "%1 is a namespace, but not a network namespace: pass /proc/PID/ns/net")
                        .arg(q(path)));
    }
    struct stat st {};
    if (fstat(fd.get(), &st) != 0) {
        throw Error(QCoreApplication::translate("nt::Netns", "cannot stat network namespace %1: %2")
                        .arg(q(path), errnoText(errno)));
    }
    return NetnsHandle(std::move(fd), static_cast<uint32_t>(st.st_ino), path);
}

NetnsHandle NetnsHandle::byName(const std::string &name) {
    if (name.empty() || name.size() > NAME_MAX || name == "." || name == ".." ||
        name.find('/') != std::string::npos) {
        throw Error(QCoreApplication::translate(
                        "nt::Netns",
                        "'%1' is not a valid network namespace name: use a name from `ip netns "
                        "list`, or pass a path")
                        .arg(q(name)));
    }
    return open(kNetnsRunDir + name, name);
}

NetnsHandle NetnsHandle::byPath(const std::string &path) {
    if (path.empty()) {
        throw Error(QCoreApplication::translate(
            "nt::Netns", "empty network namespace path: pass a path like /proc/PID/ns/net"));
    }
    return open(path, {});
}

NetnsHandle NetnsHandle::current() {
    return open("/proc/thread-self/ns/net", {});
}

uint32_t currentNetnsInode() {
    struct stat st {};
    if (stat("/proc/thread-self/ns/net", &st) != 0) {
        throw Error(
            QCoreApplication::translate(
                "nt::Netns", "cannot read the current network namespace: %1; is /proc mounted?")
                .arg(errnoText(errno)));
    }
    return static_cast<uint32_t>(st.st_ino);
}

NetnsGuard::NetnsGuard(const NetnsHandle *target) {
    if (target == nullptr) {
        return;
    }
    NetnsHandle here = NetnsHandle::current();
    if (here.inode() == target->inode()) {
        return;
    }
    if (setns(target->fd(), CLONE_NEWNET) != 0) {
        const int err = errno;
        if (err == EPERM) {
            throw Error(QCoreApplication::translate(
                            "nt::Netns",
                            "cannot enter network namespace %1: permission denied; entering a "
                            "namespace needs root (CAP_SYS_ADMIN)")
                            .arg(q(target->path())));
        }
        throw Error(
            QCoreApplication::translate("nt::Netns", "cannot enter network namespace %1: %2")
                .arg(q(target->path()), errnoText(err)));
    }
    original_ = UniqueFd(dup(here.fd()));
    if (!original_) {
        const int err = errno;
        // Without a way back we must not stay here: the thread would silently work elsewhere.
        if (setns(here.fd(), CLONE_NEWNET) != 0) {
            std::fprintf(stderr, "nt::NetnsGuard: cannot return to the original network "
                                 "namespace, aborting\n");
            std::abort();
        }
        throw Error(
            QCoreApplication::translate("nt::Netns", "cannot enter network namespace %1: %2")
                .arg(q(target->path()), errnoText(err)));
    }
}

NetnsGuard::~NetnsGuard() {
    if (!original_) {
        return;
    }
    if (setns(original_.get(), CLONE_NEWNET) != 0) {
        // A thread left in a foreign namespace would open later sockets there, as root:
        // stopping is the only safe answer, and it cannot happen while we keep CAP_SYS_ADMIN.
        std::fprintf(stderr,
                     "nt::NetnsGuard: cannot return to the original network namespace (%s), "
                     "aborting\n",
                     std::strerror(errno));
        std::abort();
    }
}

std::optional<uint32_t> ifindexByName(const std::string &name) {
    if (name.empty() || name.size() >= IF_NAMESIZE) {
        return std::nullopt;
    }
    const unsigned idx = if_nametoindex(name.c_str());
    if (idx == 0) {
        return std::nullopt;
    }
    return idx;
}

} // namespace nt
