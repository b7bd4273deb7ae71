// Test preconditions: skip when missing, except under NFT_TRACER_CI=1, where a skip would hide
// a broken CI setup and is a failure instead.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace nt::test {

inline bool ciMode() {
    const char *v = std::getenv("NFT_TRACER_CI");
    return v != nullptr && std::strcmp(v, "1") == 0;
}

struct CommandResult {
    int status = -1;    // exit status, or -1 when it did not exit normally
    std::string output; // stdout and stderr
};

// Runs a shell command (test code only: arguments are ours, never user input).
inline CommandResult runCommand(const std::string &cmd) {
    CommandResult r;
    std::unique_ptr<FILE, int (*)(FILE *)> p(popen((cmd + " 2>&1").c_str(), "r"), pclose);
    if (!p) {
        return r;
    }
    std::array<char, 4096> buf{};
    size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), p.get())) > 0) {
        r.output.append(buf.data(), n);
    }
    const int st = pclose(p.release());
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

// Each returns an empty string when the precondition holds, or why it does not.
inline std::string missingRoot() {
    return geteuid() == 0 ? std::string() : "needs root (run the privileged tests with sudo)";
}

} // namespace nt::test

// Skip (or, with NFT_TRACER_CI=1, fail) the current test when `reason` is not empty. Use in a
// test body or SetUp(): both GTEST_SKIP and FAIL return from the enclosing void function.
#define NT_REQUIRE(reason)                                                                         \
    do {                                                                                           \
        const std::string nt_reason_ = (reason);                                                   \
        if (!nt_reason_.empty()) {                                                                 \
            if (nt::test::ciMode()) {                                                              \
                FAIL() << "NFT_TRACER_CI=1 forbids skipping: " << nt_reason_;                      \
            } else {                                                                               \
                GTEST_SKIP() << nt_reason_;                                                        \
            }                                                                                      \
        }                                                                                          \
    } while (0)

#define NT_REQUIRE_ROOT() NT_REQUIRE(nt::test::missingRoot())
