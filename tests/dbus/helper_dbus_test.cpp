// The helper over a real private system bus with a real polkitd: D-Bus activation, polkit
// allow/deny, the event stream through the fd, cleanup when a client is killed, option refusals.
#include "helper_trace_fixture.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>

using namespace nt::test;

namespace {

class HelperDbus : public HelperTraceTest {
protected:
    // ICMP echo and one TCP connection from A to B.
    void traffic() const {
        EXPECT_EQ(sh(net->inA("ping -c 3 -i 0.2 -W 1 " + net->addrB())), 0);
        sh(net->inB("sh -c 'timeout 5 nc -l 5555 >/dev/null 2>&1 &'"));
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        EXPECT_EQ(sh(net->inA("sh -c 'echo hello | nc -w 1 -N " + net->addrB() + " 5555'")), 0);
    }

    // Starts a trace in namespace B as `user` and waits until it runs.
    void startTrace(Child &c, const char *user, std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"trace", "--stop-on-stdin", "netns:s=" + net->b};
        args.insert(args.end(), extra.begin(), extra.end());
        ASSERT_TRUE(harness->runClient(c, user, args));
        ASSERT_TRUE(c.waitForLine("STATE Running", 30000))
            << c.out() << c.err() << "\nhelper running: " << harness->helperPid();
    }
};

TEST_F(HelperDbus, AllowedUserTracesTrafficThroughTheStream) {
    ASSERT_FALSE(harness->nameHasOwner(kHelperName)) << "the helper must start by activation";
    Child c;
    startTrace(c, kAllowUser, {"filter:s=host " + net->addrA()});
    const pid_t helper = harness->helperPid();
    ASSERT_GT(helper, 0) << "D-Bus activation started the helper";
    EXPECT_GT(bpfObjectsHeldBy(helper), 0) << "the helper holds the probes";
    EXPECT_TRUE(tracerTableIn(net->b));
    const auto header = c.waitForLine("HEADER ", 5000);
    ASSERT_TRUE(header) << c.out();
    EXPECT_NE(header->find("netns=" + net->b), std::string::npos) << *header;
    EXPECT_NE(header->find("filter=host " + net->addrA()), std::string::npos) << *header;

    traffic();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    c.write("stop\n");
    const auto fin = c.waitForLine("FINISHED ", 15000);
    ASSERT_TRUE(fin) << c.out() << c.err();
    EXPECT_EQ(c.wait(), 0) << c.out();
    EXPECT_EQ(fin->find("events=0 "), std::string::npos) << *fin;

    const std::string icmpIn = "PACKET proto=1 src=" + net->addrA() + " dst=" + net->addrB();
    const std::string icmpOut = "PACKET proto=1 src=" + net->addrB() + " dst=" + net->addrA();
    const std::string tcpIn = "PACKET proto=6 src=" + net->addrA() + " dst=" + net->addrB();
    EXPECT_GE(c.lines(icmpIn).size(), 3u) << c.out();
    EXPECT_GE(c.lines(icmpOut).size(), 3u) << c.out();
    EXPECT_GE(c.lines(tcpIn).size(), 3u) << "SYN, ACK, data, FIN at least\n" << c.out();
    EXPECT_FALSE(c.lines("NFT table=nft_tracer_").empty()) << c.out();
    // The filter kept the other namespace's unrelated packets out: every packet involves A.
    for (const std::string &l : c.lines("PACKET ")) {
        EXPECT_NE(l.find(net->addrA()), std::string::npos) << l;
    }
    // Stopped: no probe and no table left, and the helper still runs (until idle).
    EXPECT_FALSE(tracerTableIn(net->b));
    EXPECT_EQ(bpfObjectsHeldBy(helper), 0);
    EXPECT_EQ(harness->helperPid(), helper);
}

TEST_F(HelperDbus, DeniedUserIsNotAuthorizedAndNothingIsInstalled) {
    Child c;
    ASSERT_TRUE(harness->runClient(c, kDenyUser, {"trace", "netns:s=" + net->b}));
    const auto err = c.waitForLine("ERROR ", 30000);
    ASSERT_TRUE(err) << c.out() << c.err();
    EXPECT_EQ(err->rfind("ERROR NotAuthorized ", 0), 0u) << *err;
    EXPECT_EQ(c.wait(), 3);
    EXPECT_FALSE(c.waitForLine("STATE Running", 0));
    EXPECT_FALSE(tracerTableIn(net->b));
    EXPECT_EQ(bpfObjectsHeldBy(harness->helperPid()), 0);

    Child r;
    ASSERT_TRUE(harness->runClient(r, kDenyUser, {"ruleset", net->b}));
    const auto rerr = r.waitForLine("ERROR ", 30000);
    ASSERT_TRUE(rerr) << r.out() << r.err();
    EXPECT_EQ(rerr->rfind("ERROR NotAuthorized ", 0), 0u) << *rerr;

    // Capabilities need no authorisation.
    Child caps;
    ASSERT_TRUE(harness->runClient(caps, kDenyUser, {"capabilities"}));
    EXPECT_EQ(caps.wait(), 0) << caps.out() << caps.err();
    EXPECT_TRUE(caps.waitForLine("CAP kernel=", 0)) << caps.out();
}

TEST_F(HelperDbus, CapabilitiesCountTheKernelFunctionsAndExplainMissingBackends) {
    Child caps;
    ASSERT_TRUE(harness->runClient(caps, kDenyUser, {"capabilities"}));
    EXPECT_EQ(caps.wait(), 0) << caps.out() << caps.err();
    const auto total = caps.waitForLine("CAP functions_total=", 0);
    ASSERT_TRUE(total) << caps.out();
    EXPECT_GT(std::stoul(total->substr(std::string("CAP functions_total=").size())), 100u)
        << "discovery found the sk_buff functions of this kernel";
    const auto counts = caps.waitForLine("CAP function_counts=", 0);
    ASSERT_TRUE(counts) << caps.out();
    EXPECT_NE(counts->find("IPv4/0:"), std::string::npos) << *counts;
    EXPECT_NE(counts->find("Netfilter/"), std::string::npos) << *counts;
    // Every function backend is either usable or explained.
    const auto usable = caps.waitForLine("CAP function_backends=", 0);
    const auto unavailable = caps.waitForLine("CAP unavailable=", 0);
    ASSERT_TRUE(usable && unavailable) << caps.out();
    for (const char *backend : {"kprobe-multi", "kprobe", "fentry"}) {
        const bool listed = usable->find(backend) != std::string::npos;
        const bool explained = unavailable->find(std::string(backend) + ":") != std::string::npos;
        EXPECT_TRUE(listed != explained) << backend << ": " << *usable << "\n" << *unavailable;
    }
}

// This host's kernel has no kprobes and refuses fentry: the helper says so instead of
// tracing tracepoints only, and installs nothing.
TEST_F(HelperDbus, MissingFunctionBackendsAreRefusedWithTheKernelsReason) {
    Child caps;
    ASSERT_TRUE(harness->runClient(caps, kDenyUser, {"capabilities"}));
    EXPECT_EQ(caps.wait(), 0);
    const auto usable = caps.waitForLine("CAP function_backends=", 0);
    ASSERT_TRUE(usable) << caps.out();
    if (*usable != "CAP function_backends=") {
        GTEST_SKIP() << "this kernel offers function backends (" << *usable
                     << "); the VM tests cover them";
    }
    const std::vector<std::vector<std::string>> refused = {
        {"backend:s=kprobe"},
        {"backend:s=fentry", "layers:as=IPv4"},
        {"layers:as=IPv4,TCP", "priority:u=0"}, // auto, with functions chosen
    };
    pid_t helper = 0;
    for (const auto &opts : refused) {
        std::vector<std::string> args = {"trace", "netns:s=" + net->b};
        args.insert(args.end(), opts.begin(), opts.end());
        Child c;
        ASSERT_TRUE(harness->runClient(c, kAllowUser, args));
        const auto err = c.waitForLine("ERROR ", 30000);
        ASSERT_TRUE(err) << opts[0] << ": " << c.out() << c.err();
        EXPECT_EQ(err->rfind("ERROR Failed ", 0), 0u) << *err;
        EXPECT_TRUE(err->find("kprobe") != std::string::npos ||
                    err->find("fentry") != std::string::npos)
            << "names the backend: " << *err;
        EXPECT_EQ(c.wait(), 3);
        if (helper == 0) {
            helper = harness->helperPid();
        }
        EXPECT_EQ(bpfObjectsHeldBy(helper), 0) << opts[0];
        EXPECT_FALSE(tracerTableIn(net->b)) << opts[0];
    }
    // Tracepoints still trace, with the function options' syntax accepted.
    Child good;
    startTrace(good, kAllowUser, {"backend:s=tracepoint", "nft_trace:b=false"});
    EXPECT_EQ(sh(net->inA("ping -c 2 -i 0.2 -W 1 " + net->addrB())), 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    good.write("stop\n");
    const auto fin = good.waitForLine("FINISHED ", 15000);
    ASSERT_TRUE(fin) << good.out() << good.err();
    EXPECT_EQ(good.wait(), 0);
    EXPECT_EQ(fin->find("events=0 "), std::string::npos) << *fin;
}

TEST_F(HelperDbus, MaxPacketsCountsJourneys) {
    Child c;
    ASSERT_TRUE(harness->runClient(
        c, kAllowUser, {"trace", "netns:s=" + net->b, "filter:s=icmp", "max_packets:t=2"}));
    ASSERT_TRUE(c.waitForLine("STATE Running", 30000)) << c.out() << c.err();
    EXPECT_EQ(sh(net->inA("ping -c 4 -i 0.3 -W 1 " + net->addrB())), 0);
    const auto fin = c.waitForLine("FINISHED ", 15000);
    ASSERT_TRUE(fin) << "the session stopped by itself\n" << c.out() << c.err();
    EXPECT_EQ(c.wait(), 0);
    // Stopped after the first request and its reply, long before the 4 pings' 8 packets.
    EXPECT_LT(c.lines("PACKET proto=1 ").size(), 8u) << c.out();
}

TEST_F(HelperDbus, AllowedUserReadsTheRuleset) {
    sh(net->inB("nft add table inet nt_dbus_test"));
    Child r;
    ASSERT_TRUE(harness->runClient(r, kAllowUser, {"ruleset", net->b}));
    const auto line = r.waitForLine("RULESET ", 30000);
    ASSERT_TRUE(line) << r.out() << r.err();
    EXPECT_NE(line->find("nt_dbus_test"), std::string::npos) << *line;
    EXPECT_EQ(r.wait(), 0);
}

TEST_F(HelperDbus, KilledClientLeavesNoProbeAndNoTable) {
    Child c;
    startTrace(c, kAllowUser);
    const pid_t helper = harness->helperPid();
    ASSERT_GT(bpfObjectsHeldBy(helper), 0);
    ASSERT_TRUE(tracerTableIn(net->b));
    EXPECT_EQ(sh(net->inA("ping -c 2 -i 0.2 -W 1 " + net->addrB())), 0);
    c.signal(SIGKILL);
    EXPECT_EQ(c.wait(), -SIGKILL);
    const auto killed = std::chrono::steady_clock::now();
    bool clean = false;
    while (!clean && std::chrono::steady_clock::now() - killed < std::chrono::seconds(2)) {
        clean = bpfObjectsHeldBy(helper) == 0 && !tracerTableIn(net->b);
        if (!clean) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    EXPECT_TRUE(clean) << "probes held: " << bpfObjectsHeldBy(helper)
                       << ", table left: " << tracerTableIn(net->b);
    EXPECT_EQ(harness->helperPid(), helper) << "the helper survives its client";
}

TEST_F(HelperDbus, BadOptionsAreRefusedAndTheHelperKeepsServing) {
    const std::vector<std::vector<std::string>> bad = {
        {"bogus:s=1"},                           // unknown name
        {"ringbuf_mb:s=four"},                   // wrong type
        {"ringbuf_mb:i=4"},                      // "i" where "u" is required
        {"ringbuf_mb:u=100000"},                 // out of range
        {"filter:s=" + std::string(70000, 'x')}, // oversized
        {"filter:s=host and and"},               // malformed
        {"netns:s=/proc/1/ns/net"},              // a path, never accepted
        {"netns:s=../../proc/1/ns/net"},         // same
        {"netns:s=nt-no-such-namespace"},        // does not exist
        {"duration_s:u=4000000000"},             // out of range
        {"nft_trace:s=yes"},                     // wrong type
    };
    pid_t helper = 0;
    for (const auto &opts : bad) {
        std::vector<std::string> args = {"trace"};
        args.insert(args.end(), opts.begin(), opts.end());
        Child c;
        ASSERT_TRUE(harness->runClient(c, kAllowUser, args));
        const auto err = c.waitForLine("ERROR ", 30000);
        const std::string what = opts[0].substr(0, 60);
        ASSERT_TRUE(err) << what << ": " << c.out() << c.err();
        EXPECT_EQ(err->rfind("ERROR InvalidOption ", 0), 0u) << what << ": " << *err;
        EXPECT_GT(err->size(), std::string("ERROR InvalidOption ").size() + 10)
            << "a message saying what is wrong: " << *err;
        EXPECT_EQ(c.wait(), 3);
        if (helper == 0) {
            helper = harness->helperPid();
        }
        EXPECT_EQ(harness->helperPid(), helper) << "the helper survived " << what;
        EXPECT_EQ(bpfObjectsHeldBy(helper), 0) << what;
    }
    EXPECT_FALSE(tracerTableIn(net->b));
    // And the next client is served.
    Child good;
    startTrace(good, kAllowUser, {"ringbuf_mb:u=4", "nft_trace:b=false"});
    good.write("stop\n");
    EXPECT_TRUE(good.waitForLine("FINISHED ", 15000)) << good.out() << good.err();
    EXPECT_EQ(good.wait(), 0);
    EXPECT_EQ(harness->helperPid(), helper);
}

} // namespace
