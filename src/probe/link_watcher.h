// Interface names of one network namespace: listed at start, then followed as links are added
// or renamed (rtnetlink), so a trace can name the device of every event it holds.
#pragma once

#include "trace.h"
#include "unique_fd.h"

#include <cstdint>
#include <vector>

namespace nt {

class NetnsHandle;

class LinkWatcher {
public:
    // Subscribes to link changes inside `netns` (nullptr: the calling thread's), then lists
    // every interface. Throws nt::Error naming what failed.
    explicit LinkWatcher(const NetnsHandle *netns);
    LinkWatcher(const LinkWatcher &) = delete;
    LinkWatcher &operator=(const LinkWatcher &) = delete;

    int fd() const { return fd_.get(); }
    uint32_t netnsInode() const { return inode_; }
    // Reads what is waiting (never blocks) and appends the names that are new or changed, with
    // the time they were read (CLOCK_MONOTONIC).
    void drain(std::vector<InterfaceName> &out);

private:
    void parse(const char *buf, size_t len, uint64_t ts, std::vector<InterfaceName> &out);

    UniqueFd fd_;
    uint32_t inode_ = 0;
    std::vector<std::pair<uint32_t, std::string>> known_; // ifindex → current name
};

} // namespace nt
