// Test network: two namespaces joined by a veth pair, created and removed by the tests.
#pragma once

#include "privileged.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace nt::test {

// Runs a shell command; returns its exit status and (optionally) its output.
inline int sh(const std::string &cmd, std::string *out = nullptr) {
    CommandResult r = runCommand(cmd);
    if (out != nullptr) {
        *out = std::move(r.output);
    }
    return r.status;
}

// Namespaces A (10.99.x.1, fd99:x::1) and B (10.99.x.2, fd99:x::2) on one veth pair.
class TestNet {
public:
    TestNet() {
        const std::string id = std::to_string(getpid() % 100000);
        a = "nt-a-" + id;
        b = "nt-b-" + id;
        subnet = std::to_string(getpid() % 200 + 20);
        const std::string s = subnet;
        const std::string cmds[] = {
            "ip netns add " + a,
            "ip netns add " + b,
            "ip -n " + a + " link add veth-a type veth peer name veth-b netns " + b,
            "ip -n " + a + " addr add 10.99." + s + ".1/24 dev veth-a",
            "ip -n " + b + " addr add 10.99." + s + ".2/24 dev veth-b",
            "ip -n " + a + " addr add fd99:" + s + "::1/64 dev veth-a nodad",
            "ip -n " + b + " addr add fd99:" + s + "::2/64 dev veth-b nodad",
            "ip -n " + a + " link set lo up",
            "ip -n " + b + " link set lo up",
            "ip -n " + a + " link set veth-a up",
            "ip -n " + b + " link set veth-b up",
        };
        for (const std::string &c : cmds) {
            std::string out;
            if (sh(c, &out) != 0) {
                error = c + ": " + out;
                return;
            }
        }
        ok = true;
    }
    ~TestNet() {
        sh("ip netns del " + a);
        sh("ip netns del " + b);
    }
    TestNet(const TestNet &) = delete;
    TestNet &operator=(const TestNet &) = delete;

    std::string addrA() const { return "10.99." + subnet + ".1"; }
    std::string addrB() const { return "10.99." + subnet + ".2"; }
    std::string addr6A() const { return "fd99:" + subnet + "::1"; }
    std::string addr6B() const { return "fd99:" + subnet + "::2"; }
    std::string inA(const std::string &cmd) const { return "ip netns exec " + a + " " + cmd; }
    std::string inB(const std::string &cmd) const { return "ip netns exec " + b + " " + cmd; }

    std::string a, b, subnet, error;
    bool ok = false;
};

} // namespace nt::test
