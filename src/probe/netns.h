// Network namespaces by name or path, and a guard that runs code inside one.
#pragma once

#include "unique_fd.h"

#include <cstdint>
#include <optional>
#include <string>

namespace nt {

// An open reference to a network namespace. Holding the fd keeps the namespace alive even if
// `ip netns del` removes its name while we record.
class NetnsHandle {
public:
    // A namespace created by `ip netns add NAME` (/run/netns/NAME). NAME must be a plain file
    // name: no '/', not "." or "..".
    static NetnsHandle byName(const std::string &name);
    // Any nsfs file that refers to a network namespace, e.g. /proc/PID/ns/net.
    static NetnsHandle byPath(const std::string &path);
    // The calling thread's namespace (/proc/thread-self/ns/net, not the process's main thread).
    static NetnsHandle current();

    NetnsHandle(NetnsHandle &&) noexcept = default;
    NetnsHandle &operator=(NetnsHandle &&) noexcept = default;

    int fd() const { return fd_.get(); }
    // st_ino of the namespace file: the same number BPF reads as net->ns.inum.
    uint32_t inode() const { return inode_; }
    // What the handle was opened from, for messages.
    const std::string &path() const { return path_; }

private:
    NetnsHandle(UniqueFd fd, uint32_t inode, std::string path)
        : fd_(std::move(fd)), inode_(inode), path_(std::move(path)) {}
    static NetnsHandle open(const std::string &path, const std::string &displayName);

    UniqueFd fd_;
    uint32_t inode_ = 0;
    std::string path_;
};

// Moves the CALLING THREAD into a network namespace and back when destroyed. setns() changes
// only the calling thread: other threads stay where they are, and sockets opened inside the
// guard stay bound to the target namespace after it ends, and threads started inside it
// inherit the target namespace. Never let a guard cross threads
// or outlive a coroutine suspension. A null target (or the namespace we are already in) is a
// no-op and needs no privileges.
class NetnsGuard {
public:
    explicit NetnsGuard(const NetnsHandle *target);
    ~NetnsGuard();
    NetnsGuard(const NetnsGuard &) = delete;
    NetnsGuard &operator=(const NetnsGuard &) = delete;

private:
    UniqueFd original_; // invalid when nothing was switched
};

// ifindex of an interface in the calling thread's namespace: call it inside a NetnsGuard.
std::optional<uint32_t> ifindexByName(const std::string &name);

// Inode of the calling thread's network namespace.
uint32_t currentNetnsInode();

} // namespace nt
