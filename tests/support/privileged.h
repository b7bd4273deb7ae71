// Preconditions for privileged tests (root, BPF, network namespaces, nf_tables) and a scratch
// netns.
//
// A missing precondition skips the test, except when NFT_TRACER_CI=1: the CI machine is meant
// to run everything, so there a skip would hide a broken setup and is a failure instead.
#pragma once

#include "require.h"

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <linux/bpf.h>
#include <linux/netlink.h>
#include <memory>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace nt::test {

inline std::string missingNetns() {
    if (std::string r = missingRoot(); !r.empty()) {
        return r;
    }
    if (runCommand("ip netns list").status != 0) {
        return "needs iproute2 (`ip netns`) to create test network namespaces";
    }
    return {};
}

inline std::string missingNfTables() {
    if (std::string r = missingRoot(); !r.empty()) {
        return r;
    }
    const int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_NETFILTER);
    if (fd < 0) {
        return std::string("needs nf_tables: cannot open a NETLINK_NETFILTER socket (") +
               std::strerror(errno) + ")";
    }
    close(fd);
    if (runCommand("nft --version").status != 0) {
        return "needs the nft command (Debian package nftables)";
    }
    return {};
}

inline std::string missingBpf() {
    if (std::string r = missingRoot(); !r.empty()) {
        return r;
    }
    union bpf_attr attr;
    std::memset(&attr, 0, sizeof attr);
    attr.map_type = BPF_MAP_TYPE_ARRAY;
    attr.key_size = 4;
    attr.value_size = 4;
    attr.max_entries = 1;
    const long fd = syscall(__NR_bpf, BPF_MAP_CREATE, &attr, sizeof attr);
    if (fd < 0) {
        return std::string("needs the bpf() syscall: creating a BPF map failed (") +
               std::strerror(errno) + ")";
    }
    close(static_cast<int>(fd));
    return {};
}

// A network namespace "nt-test-<pid>-<n>" with lo up, deleted in the destructor (so also when
// an assertion fails). Namespaces left by killed test processes are removed on creation.
class ScopedNetns {
public:
    ScopedNetns() {
        removeStale();
        static std::atomic<int> counter{0};
        name_ = "nt-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
        CommandResult r = runCommand("ip netns add " + name_);
        if (r.status != 0) {
            throw std::runtime_error("cannot create test netns " + name_ + ": " + r.output);
        }
        r = runCommand("ip -n " + name_ + " link set lo up");
        if (r.status != 0) {
            runCommand("ip netns del " + name_);
            throw std::runtime_error("cannot bring lo up in " + name_ + ": " + r.output);
        }
    }
    ~ScopedNetns() { runCommand("ip netns del " + name_); }
    ScopedNetns(const ScopedNetns &) = delete;
    ScopedNetns &operator=(const ScopedNetns &) = delete;

    const std::string &name() const { return name_; }
    // Runs a command inside the namespace.
    CommandResult exec(const std::string &cmd) const {
        return runCommand("ip netns exec " + name_ + " " + cmd);
    }

private:
    static void removeStale() {
        std::unique_ptr<DIR, int (*)(DIR *)> dir(opendir("/run/netns"), closedir);
        if (!dir) {
            return;
        }
        while (const dirent *e = readdir(dir.get())) {
            const std::string n = e->d_name;
            if (n.rfind("nt-test-", 0) != 0) {
                continue;
            }
            const long pid = std::strtol(n.c_str() + 8, nullptr, 10);
            if (pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
                runCommand("ip netns del " + n);
            }
        }
    }

    std::string name_;
};

} // namespace nt::test

#define NT_REQUIRE_NETNS() NT_REQUIRE(nt::test::missingNetns())
#define NT_REQUIRE_NFTABLES() NT_REQUIRE(nt::test::missingNfTables())
#define NT_REQUIRE_BPF() NT_REQUIRE(nt::test::missingBpf())
