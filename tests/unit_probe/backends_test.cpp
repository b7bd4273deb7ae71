// Choosing a function-tracing backend: the best available one, or the forced one with the
// kernel's reason when it is missing; backend names.
#include "backends.h"
#include "error.h"

#include <gtest/gtest.h>

using namespace nt;

namespace {

std::vector<BackendCheck> checks(bool multi, bool kprobe, bool fentry) {
    return {{Backend::KprobeMulti, multi, multi ? "" : "built without CONFIG_FPROBE"},
            {Backend::Kprobe, kprobe, kprobe ? "" : "built without CONFIG_KPROBES"},
            {Backend::Fentry, fentry, fentry ? "" : "fentry refused (EPERM)"},
            {Backend::Tracepoint, true, ""}};
}

} // namespace

TEST(Backends, AutoTakesTheBestAvailable) {
    EXPECT_EQ(chooseBackend(std::nullopt, checks(true, true, true)), Backend::KprobeMulti);
    EXPECT_EQ(chooseBackend(std::nullopt, checks(false, true, true)), Backend::Kprobe);
    EXPECT_EQ(chooseBackend(std::nullopt, checks(false, false, true)), Backend::Fentry);
    EXPECT_EQ(chooseBackend(std::nullopt, checks(false, false, false)), Backend::Tracepoint);
}

TEST(Backends, ForcedAvailableBackendIsUsed) {
    EXPECT_EQ(chooseBackend(Backend::Fentry, checks(true, true, true)), Backend::Fentry);
    EXPECT_EQ(chooseBackend(Backend::Tracepoint, checks(true, true, true)), Backend::Tracepoint);
}

TEST(Backends, ForcedMissingBackendFailsWithTheKernelsReason) {
    try {
        (void)chooseBackend(Backend::Kprobe, checks(true, false, true));
        FAIL() << "expected an error";
    } catch (const Error &e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("kprobe backend is not available"), std::string::npos) << m;
        EXPECT_NE(m.find("CONFIG_KPROBES"), std::string::npos) << m;
    }
}

TEST(Backends, NamesRoundTripAndAutoMeansNone) {
    bool ok = false;
    for (Backend b :
         {Backend::KprobeMulti, Backend::Kprobe, Backend::Fentry, Backend::Tracepoint}) {
        EXPECT_EQ(backendFromName(backendName(b), &ok), b);
        EXPECT_TRUE(ok);
    }
    EXPECT_EQ(backendFromName("auto", &ok), std::nullopt);
    EXPECT_TRUE(ok);
    EXPECT_EQ(backendFromName("kprobes", &ok), std::nullopt);
    EXPECT_FALSE(ok);
}

TEST(Backends, WithoutAFunctionToTryNothingIsClaimed) {
    for (const BackendCheck &c : checkBackends("")) {
        if (c.backend != Backend::Tracepoint) {
            EXPECT_FALSE(c.available) << backendName(c.backend);
            EXPECT_FALSE(c.reason.empty()) << backendName(c.backend);
        }
    }
}
