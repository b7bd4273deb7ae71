// The desktop app's live tracing end to end: MainWindow, run offscreen as an unprivileged user,
// starts a trace through the real helper on a private bus with a real polkitd; the packets this
// test sends between two namespaces appear in its packet list while the trace runs, and Save As
// writes a file that tells their journeys. Refused and missing helpers give the user a message
// and leave the window working for files.
#include "assembler.h"
#include "helper_trace_fixture.h"
#include "netns.h"
#include "packet.h"
#include "tracefile.h"
#include "unique_fd.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <initializer_list>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

using namespace nt::test;

namespace {

constexpr int kOpenPort = 8080, kDroppedPort = 8082;
// Waits are generous: the helper loads BPF programs on a 2-core machine others build on.
constexpr int kStartMs = 60000, kRowsMs = 30000, kStopMs = 30000;

std::string missingGuiClient() {
#ifndef NT_DBUS_GUI_CLIENT_PATH
    return "the desktop app (target nt_gui) is not part of this build";
#else
    if (::access(NT_DBUS_GUI_CLIENT_PATH, X_OK) != 0) {
        return std::string("the GUI test client is not built: ") + NT_DBUS_GUI_CLIENT_PATH;
    }
    return {};
#endif
}

// "key=value" fields of a tab-separated ROW line.
std::map<std::string, std::string> fields(const std::string &line) {
    std::map<std::string, std::string> f;
    size_t from = 0;
    while (from <= line.size()) {
        const size_t tab = std::min(line.find('\t', from), line.size());
        const std::string part = line.substr(from, tab - from);
        const size_t eq = part.find('=');
        if (eq != std::string::npos) {
            f[part.substr(0, eq)] = part.substr(eq + 1);
        }
        from = tab + 1;
    }
    return f;
}

// The first journey (by time) whose header matches `pred`.
template <class Pred>
std::optional<nt::Journey> findJourney(const nt::Assembler &a, const nt::Trace &t, Pred pred) {
    std::optional<nt::Journey> best;
    for (nt::JourneyId id = 0; id < a.journeyCount(); ++id) {
        nt::Journey j = a.journey(id);
        if (j.header == nt::kNoIndex || j.header >= t.packets.size()) {
            continue;
        }
        nt::PacketFields f;
        const nt::PacketHeader &h = t.packets[j.header];
        if (!nt::parsePacket(h.data, h.protocol, f) || !pred(f)) {
            continue;
        }
        if (!best || j.firstTs < best->firstTs) {
            best = std::move(j);
        }
    }
    return best;
}

bool isSynTo(const nt::PacketFields &f, int port) {
    return f.family == 4 && f.l4proto == IPPROTO_TCP && f.dport == port &&
           (f.tcpFlags & 0x12) == 0x02;
}

class GuiLiveTrace : public HelperTraceTest {
protected:
    void SetUp() override {
        NT_REQUIRE(missingGuiClient());
        HelperTraceTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) {
            return;
        }
        char tmpl[] = "/tmp/nt-gui-e2e-XXXXXX";
        ASSERT_NE(::mkdtemp(tmpl), nullptr);
        home = tmpl;
    }
    void TearDown() override {
        HelperTraceTest::TearDown();
        if (!home.empty()) {
            std::error_code ec;
            fs::remove_all(home, ec);
        }
    }

    // The desktop app as `user`, with a home of its own (settings, the saved trace); the
    // harness stages the program where the user can run it.
    bool runGui(Child &child, const char *user, const std::vector<std::string> &args) {
        // Staged first: it looks users up too, and getpwnam's answer is overwritten by the next.
        std::string error;
        const std::string program = harness->stagedProgram(NT_DBUS_GUI_CLIENT_PATH, &error);
        EXPECT_EQ(error, "");
        const passwd *pw = ::getpwnam(user);
        if (program.empty() || pw == nullptr ||
            ::chown(home.c_str(), pw->pw_uid, pw->pw_gid) != 0 ||
            ::chmod(home.c_str(), 0700) != 0) {
            return false;
        }
        std::vector<std::string> argv = {program};
        argv.insert(argv.end(), args.begin(), args.end());
        return child.start(
            argv,
            {harness->busEnv(), "HOME=" + home.string(), "TMPDIR=" + home.string(),
             "XDG_RUNTIME_DIR=" + home.string(), "XDG_CONFIG_HOME=" + (home / ".config").string(),
             "LANG=C.UTF-8", "LC_ALL=C.UTF-8",
             "LANGUAGE=", "DBUS_SESSION_BUS_ADDRESS=", "QT_QPA_PLATFORM=offscreen",
             "QT_QPA_PLATFORMTHEME=", "DISPLAY=", "WAYLAND_DISPLAY=", "NFT_TRACER_DEBUG="},
            pw->pw_uid, pw->pw_gid);
    }

    // A rule dropping SYNs to kDroppedPort in B's input hook, and a listener on kOpenPort.
    void firewallAndListener() {
        const std::string ruleset = "table inet fw { chain input { type filter hook input "
                                    "priority 0; policy accept; tcp dport " +
                                    std::to_string(kDroppedPort) + " drop; }; }";
        std::string out;
        ASSERT_EQ(sh("printf '%s\\n' '" + ruleset + "' | " + net->inB("nft -f -"), &out), 0) << out;
        const nt::NetnsHandle ns = nt::NetnsHandle::byName(net->b);
        nt::NetnsGuard guard(&ns);
        listener = nt::UniqueFd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        ASSERT_TRUE(listener);
        const int one = 1;
        ::setsockopt(listener.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(kOpenPort);
        ASSERT_EQ(::bind(listener.get(), reinterpret_cast<sockaddr *>(&a), sizeof a), 0);
        ASSERT_EQ(::listen(listener.get(), 16), 0);
    }

    uint64_t dropRuleHandle() const {
        std::string out;
        sh(net->inB("nft -a list chain inet fw input"), &out);
        std::smatch m;
        const std::regex re("dport " + std::to_string(kDroppedPort) + " drop # handle ([0-9]+)");
        return std::regex_search(out, m, re) ? std::stoull(m[1]) : 0;
    }

    // Starts a trace that must fail, checks the message box the user got and that the window
    // then opens the sample trace.
    void expectRefusedThenSampleOpens(const char *user, const std::string &messagePart) {
        Child gui;
        ASSERT_TRUE(runGui(gui, user, {"refused", net->b}));
        const auto box = gui.waitForLine("MESSAGEBOX ", kStartMs);
        ASSERT_TRUE(box) << gui.out() << gui.err();
        const size_t tab = box->find('\t');
        ASSERT_NE(tab, std::string::npos) << *box;
        EXPECT_EQ(box->substr(0, tab), "MESSAGEBOX Live tracing failed") << *box;
        const std::string text = box->substr(tab + 1);
        EXPECT_NE(text.find(messagePart), std::string::npos) << text;
        EXPECT_NE(text.find("trace files can still be opened"), std::string::npos) << text;

        const auto error = gui.waitForLine("ERROR ", kStopMs);
        ASSERT_TRUE(error) << gui.out();
        EXPECT_EQ(*error, "ERROR " + text) << "lastError() is what the box said";
        const auto actions = gui.waitForLine("ACTIONS ", kStopMs);
        ASSERT_TRUE(actions) << gui.out();
        EXPECT_EQ(*actions, "ACTIONS start=1 stop=0 live=0") << "Start is offered again";
        // The status bar repeats the message for the user who dismissed the box.
        bool statusShown = false;
        for (const std::string &l : gui.lines("STATUS ")) {
            statusShown |= l.find("message=" + text) != std::string::npos;
        }
        EXPECT_TRUE(statusShown) << gui.out();

        const auto loaded = gui.waitForLine("LOADED ", kStopMs);
        ASSERT_TRUE(loaded) << gui.out() << gui.err();
        std::smatch m;
        ASSERT_TRUE(std::regex_search(*loaded, m, std::regex("rows=([0-9]+)"))) << *loaded;
        EXPECT_GT(std::stoi(m[1]), 0) << *loaded;
        EXPECT_NE(loaded->find("title=Sample trace"), std::string::npos) << *loaded;
        EXPECT_EQ(gui.wait(kStopMs), 0) << gui.out() << gui.err();
        EXPECT_EQ(gui.lines("MESSAGEBOX ").size(), 1u) << "one message, no follow-up error\n"
                                                       << gui.out();
        EXPECT_TRUE(gui.lines("MODAL ").empty()) << gui.out();
        EXPECT_TRUE(gui.lines("RUNNING").empty()) << gui.out();
        EXPECT_FALSE(tracerTableIn(net->b));
    }

    fs::path home;
    nt::UniqueFd listener;
};

TEST_F(GuiLiveTrace, AllowedUserSeesPacketsLiveAndSavesTheTrace) {
    firewallAndListener();
    const uint64_t dropHandle = dropRuleHandle();
    ASSERT_NE(dropHandle, 0u);
    const std::string filter = "host " + net->addrA();
    const fs::path saved = home / "live.nftrace";

    Child gui;
    ASSERT_TRUE(runGui(gui, kAllowUser, {"trace", net->b, filter, saved.string()}));
    const auto dialog = gui.waitForLine("DIALOG ", kStartMs);
    ASSERT_TRUE(dialog) << gui.out() << gui.err();
    EXPECT_EQ(*dialog, "DIALOG netns_listed=1 start_enabled=1 filter_error=")
        << "the Start Trace dialog offers the test namespace and accepts the filter";
    const auto running = gui.waitForLine("RUNNING ", kStartMs);
    ASSERT_TRUE(running) << gui.out() << gui.err() << "\nhelper running: " << harness->helperPid();
    EXPECT_NE(running->find("stop_enabled=1 start_enabled=0"), std::string::npos) << *running;
    EXPECT_NE(running->find("title=Live trace"), std::string::npos) << *running;
    const pid_t helper = harness->helperPid();
    ASSERT_GT(helper, 0) << "D-Bus activation started the helper";
    EXPECT_GT(bpfObjectsHeldBy(helper), 0) << "the helper holds the probes";
    EXPECT_TRUE(tracerTableIn(net->b));

    // Traffic from A to B, sent by this (root) process while the window traces.
    EXPECT_EQ(sh(net->inA("ping -c 3 -i 0.2 -W 1 " + net->addrB())), 0);
    sh(net->inA("nc -z -w 1 " + net->addrB() + " " + std::to_string(kDroppedPort)));
    EXPECT_EQ(sh(net->inA("nc -z -w 2 " + net->addrB() + " " + std::to_string(kOpenPort))), 0);

    // The journeys appear in the packet list while the trace still runs, with no more traffic:
    // the last ones too (their grace period ends with the clock, not with a later record).
    auto liveRow = [&](const Child &c, const std::string &proto, const std::string &dst,
                       std::initializer_list<nt::Fate> fates) {
        for (const std::string &l : c.lines("ROW live=1\t")) {
            auto f = fields(l);
            if (f["src"].rfind(net->addrA(), 0) != 0 || f["dst"].rfind(dst, 0) != 0 ||
                f["proto"] != proto) {
                continue;
            }
            for (nt::Fate fate : fates) {
                if (f["fate"] == std::to_string(static_cast<int>(fate))) {
                    return true;
                }
            }
        }
        return false;
    };
    const std::string droppedDst = net->addrB() + ":" + std::to_string(kDroppedPort);
    const std::string openDst = net->addrB() + ":" + std::to_string(kOpenPort);
    EXPECT_TRUE(gui.waitUntil(
        [&](const Child &c) {
            // The echo request ends in the ICMP layer: delivered or consumed, by kernel.
            return liveRow(c, "ICMP", net->addrB(), {nt::Fate::Delivered, nt::Fate::Consumed}) &&
                   liveRow(c, "TCP", droppedDst, {nt::Fate::DroppedByRule}) &&
                   liveRow(c, "TCP", openDst, {nt::Fate::Delivered});
        },
        kRowsMs))
        << "rows for the ping, the dropped SYN and the accepted connection while live\n"
        << gui.out();
    // The status bar names the backend and counts the packets, live.
    std::string liveBackend;
    EXPECT_TRUE(gui.waitUntil(
        [&](const Child &c) {
            for (const std::string &l : c.lines("STATUS live=1 ")) {
                std::smatch m;
                if (std::regex_search(l, m, std::regex("Backend: ([^|]+) \\| Packets: ([0-9]+)")) &&
                    std::stoi(m[2]) >= 5) {
                    liveBackend = m[1];
                    return true;
                }
            }
            return false;
        },
        kRowsMs))
        << gui.out();
    while (!liveBackend.empty() && liveBackend.back() == ' ') {
        liveBackend.pop_back();
    }
    EXPECT_FALSE(liveBackend.empty());
    EXPECT_NE(liveBackend, "unknown");

    gui.write("stop\n");
    const auto stopped = gui.waitForLine("STOPPED ", kStopMs);
    ASSERT_TRUE(stopped) << gui.out() << gui.err();
    EXPECT_TRUE(gui.waitForLine("STOP stop_enabled=1", 0)) << gui.out();
    EXPECT_NE(stopped->find("save_enabled=1"), std::string::npos) << *stopped;
    const auto done = gui.waitForLine("SAVED ", kStopMs);
    ASSERT_TRUE(done) << gui.out() << gui.err();
    EXPECT_EQ(*done, "SAVED exists=1 title=live.nftrace — nft-tracer error=") << gui.out();
    EXPECT_TRUE(gui.waitForLine("FILEDIALOG ", 0)) << "saved through File ▸ Save As's dialog";
    EXPECT_EQ(gui.wait(kStopMs), 0) << gui.out() << gui.err();
    EXPECT_TRUE(gui.lines("MESSAGEBOX ").empty()) << gui.out();
    EXPECT_TRUE(gui.lines("MODAL ").empty()) << gui.out();
    // Stopped: no probe and no table left; the helper stays until it is idle.
    EXPECT_FALSE(tracerTableIn(net->b));
    EXPECT_EQ(bpfObjectsHeldBy(helper), 0);
    // The filter kept every other packet out of the list.
    const std::vector<std::string> rows = gui.lines("FINALROW\t");
    for (const std::string &l : rows) {
        EXPECT_NE(l.find(net->addrA()), std::string::npos) << l;
    }

    // The saved file tells the same journeys, with the drop by the rule.
    ASSERT_TRUE(fs::exists(saved));
    const nt::Trace trace = nt::readTrace(saved.string());
    EXPECT_EQ(trace.meta.netns, net->b);
    EXPECT_EQ(trace.meta.filter, filter);
    EXPECT_EQ(trace.meta.backend, liveBackend);
    EXPECT_GT(trace.meta.stopWallNs, 0);
    EXPECT_FALSE(trace.rulesetJson.empty());
    const nt::Assembler a = nt::Assembler::assemble(trace);
    EXPECT_EQ(a.journeyCount(), rows.size()) << "the file has the journeys the list showed";

    const auto dropped = findJourney(a, trace, [](auto &f) { return isSynTo(f, kDroppedPort); });
    ASSERT_TRUE(dropped) << "no journey for the SYN to the dropped port";
    EXPECT_EQ(dropped->fate, nt::Fate::DroppedByRule);
    EXPECT_EQ(dropped->verdict, nt::verdict::Drop);
    EXPECT_EQ(dropped->ruleHandle, dropHandle);
    EXPECT_EQ(dropped->table, "fw");
    EXPECT_EQ(dropped->chain, "input");
    ASSERT_LT(dropped->dropReason, trace.dropReasons.size());
    EXPECT_EQ(trace.dropReasons[dropped->dropReason], "NETFILTER_DROP");

    const auto open = findJourney(a, trace, [](auto &f) { return isSynTo(f, kOpenPort); });
    ASSERT_TRUE(open) << "no journey for the SYN to the open port";
    EXPECT_EQ(open->fate, nt::Fate::Delivered);

    const auto echo = findJourney(a, trace, [](auto &f) {
        return f.family == 4 && f.l4proto == IPPROTO_ICMP && f.icmpType == 8;
    });
    ASSERT_TRUE(echo) << "no journey for the ICMP echo request";
    EXPECT_NE(echo->fate, nt::Fate::Dropped);
    EXPECT_NE(echo->fate, nt::Fate::InFlight);

    // The list showed these journeys with the same fates (ids are the file's ids).
    auto finalFate = [&](nt::JourneyId id) {
        for (const std::string &l : rows) {
            const auto f = fields(l);
            if (f.count("id") && std::stoul(f.at("id")) == id) {
                return std::stoi(f.at("fate"));
            }
        }
        return -1;
    };
    EXPECT_EQ(finalFate(dropped->id), static_cast<int>(nt::Fate::DroppedByRule)) << gui.out();
    EXPECT_EQ(finalFate(open->id), static_cast<int>(nt::Fate::Delivered)) << gui.out();
    EXPECT_EQ(finalFate(echo->id), static_cast<int>(echo->fate)) << gui.out();
}

TEST_F(GuiLiveTrace, DeniedUserIsToldAndTheWindowStillOpensFiles) {
    expectRefusedThenSampleOpens(kDenyUser, "Tracing was not authorised");
    EXPECT_EQ(bpfObjectsHeldBy(harness->helperPid()), 0);
}

TEST_F(GuiLiveTrace, MissingHelperIsToldAndTheWindowStillOpensFiles) {
    ASSERT_EQ(harness->setActivationFile(std::nullopt), "");
    ASSERT_NE(harness->startHelperByName().find("ServiceUnknown"), std::string::npos)
        << "the bus must not know the helper now: " << harness->startHelperByName();
    expectRefusedThenSampleOpens(kAllowUser, "needs the nft-tracer helper");
    EXPECT_FALSE(harness->nameHasOwner(kHelperName));
}

TEST_F(GuiLiveTrace, HelperThatCannotStartIsToldAndTheWindowStillOpensFiles) {
    ASSERT_EQ(harness->setActivationFile("[D-BUS Service]\nName=" + std::string(kHelperName) +
                                         "\nExec=/bin/false\nUser=root\n"),
              "");
    ASSERT_NE(harness->startHelperByName().find("Spawn"), std::string::npos)
        << "activation must fail now: " << harness->startHelperByName();
    expectRefusedThenSampleOpens(kAllowUser, "needs the nft-tracer helper");
    EXPECT_FALSE(harness->nameHasOwner(kHelperName));
}

} // namespace
