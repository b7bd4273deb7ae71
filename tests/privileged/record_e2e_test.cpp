// End to end: nft-tracer-cli records real traffic between two namespaces, with an accepting
// and a dropping nftables rule, and the trace file tells each packet's journey.
#include "assembler.h"
#include "netns.h"
#include "packet.h"
#include "sockets.h"
#include "subprocess.h"
#include "testnet.h"
#include "tracefile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <filesystem>
#include <gtest/gtest.h>
#include <vector>

namespace {

using nt::test::listenIn;
using nt::test::sh;

constexpr int kOpenPort = 8080, kAcceptedPort = 8081, kDroppedPort = 8082;

// Handle of the rule in `chain` whose text contains `needle`, from nft's JSON.
uint64_t ruleHandle(const nt::test::TestNet &net, const std::string &chain, int dport) {
    std::string out;
    if (sh(net.inB("nft -j -a list chain inet fw " + chain), &out) != 0) {
        return 0;
    }
    const QJsonArray items = QJsonDocument::fromJson(QByteArray::fromStdString(out))
                                 .object()[QStringLiteral("nftables")]
                                 .toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject rule = v.toObject()[QStringLiteral("rule")].toObject();
        if (rule.isEmpty()) {
            continue;
        }
        const QByteArray expr = QJsonDocument(rule[QStringLiteral("expr")].toArray()).toJson();
        if (expr.contains(QByteArray::number(dport))) {
            return static_cast<uint64_t>(rule[QStringLiteral("handle")].toInteger());
        }
    }
    return 0;
}

bool tracerTableExists(const nt::test::TestNet &net) {
    std::string out;
    sh(net.inB("nft list tables"), &out);
    return out.find("nft_tracer_") != std::string::npos;
}

struct Found {
    nt::JourneyId id = nt::kNoJourney;
    nt::Journey journey;
};

class RecordE2E : public ::testing::Test {
protected:
    void SetUp() override {
        NT_REQUIRE_ROOT();
        NT_REQUIRE_NETNS();
        NT_REQUIRE_NFTABLES();
        NT_REQUIRE_BPF();
        net = std::make_unique<nt::test::TestNet>();
        ASSERT_TRUE(net->ok) << net->error;
        const std::string ruleset =
            "table inet fw { chain input { type filter hook input priority 0; policy accept; "
            "tcp dport " +
            std::to_string(kAcceptedPort) + " accept; tcp dport " + std::to_string(kDroppedPort) +
            " drop; }; }";
        std::string out;
        ASSERT_EQ(sh("printf '%s\\n' '" + ruleset + "' | " + net->inB("nft -f -"), &out), 0) << out;
        listeners = listenIn(net->b, {kOpenPort, kAcceptedPort, kDroppedPort});
        file = (std::filesystem::temp_directory_path() /
                ("nt-e2e-" + std::to_string(getpid()) + ".nftrace"))
                   .string();
    }
    void TearDown() override {
        for (int fd : listeners) {
            close(fd);
        }
        nt::TraceWriter::discard(file);
    }

    std::unique_ptr<nt::test::Subprocess> startRecorder(const std::string &duration) {
        auto p = std::make_unique<nt::test::Subprocess>(std::vector<std::string>{
            NT_CLI_PATH, "record", "--netns", net->b, "--duration", duration, "-o", file,
            "--filter", "host " + net->addrA() + " or host " + net->addr6A()});
        return p;
    }

    void traffic() {
        sh(net->inA("ping -c 2 -i 0.2 -W 1 " + net->addrB()));
        sh(net->inA("ping -6 -c 1 -W 1 " + net->addr6B()));
        for (int port : {kOpenPort, kAcceptedPort, kDroppedPort}) {
            sh(net->inA("nc -z -w 1 " + net->addrB() + " " + std::to_string(port)));
        }
        sh(net->inA("nc -6 -z -w 1 " + net->addr6B() + " " + std::to_string(kOpenPort)));
    }

    std::unique_ptr<nt::test::TestNet> net;
    std::vector<int> listeners;
    std::string file;
};

// The first journey (by time) whose header matches `pred`.
template <class Pred> Found findJourney(const nt::Assembler &a, const nt::Trace &t, Pred pred) {
    Found best;
    for (nt::JourneyId id = 0; id < a.journeyCount(); ++id) {
        const nt::Journey j = a.journey(id);
        if (j.header == nt::kNoIndex || j.header >= t.packets.size()) {
            continue;
        }
        nt::PacketFields f;
        const auto &h = t.packets[j.header];
        if (!nt::parsePacket(h.data, h.protocol, f) || !pred(f)) {
            continue;
        }
        if (best.id == nt::kNoJourney || j.firstTs < best.journey.firstTs) {
            best = {id, j};
        }
    }
    return best;
}

bool isSynTo(const nt::PacketFields &f, int port, uint8_t family = 4) {
    return f.family == family && f.l4proto == IPPROTO_TCP && f.dport == port &&
           (f.tcpFlags & 0x12) == 0x02;
}

void expectOrderedAndNonNegative(const nt::Assembler &a, nt::JourneyId id) {
    const nt::Journey j = a.journey(id);
    uint64_t sum = 0;
    for (uint64_t ns : j.layerNs) {
        sum += ns; // unsigned: non-negative by type; the sum must match the duration
    }
    EXPECT_EQ(sum, j.lastTs - j.firstTs);
    uint64_t prev = 0;
    for (const nt::Event &e : a.events(id)) {
        EXPECT_GE(e.ts_ns, prev);
        prev = e.ts_ns;
    }
    EXPECT_GE(j.lastTs, j.firstTs);
}

TEST_F(RecordE2E, DroppedAcceptedAndOpenPortsHaveTheirJourneys) {
    const uint64_t dropHandle = ruleHandle(*net, "input", kDroppedPort);
    const uint64_t acceptHandle = ruleHandle(*net, "input", kAcceptedPort);
    ASSERT_NE(dropHandle, 0u);
    ASSERT_NE(acceptHandle, 0u);

    auto rec = startRecorder("30");
    ASSERT_TRUE(rec->waitForStderr("Recording", 20000)) << rec->err();
    EXPECT_TRUE(tracerTableExists(*net));
    traffic();
    rec->signal(SIGINT);
    ASSERT_EQ(rec->wait(), 0) << rec->err();
    EXPECT_FALSE(tracerTableExists(*net)) << "the trace table must be gone after the recorder";

    const nt::Trace trace = nt::readTrace(file);
    EXPECT_GT(trace.meta.stopWallNs, 0);
    EXPECT_FALSE(trace.rulesetJson.empty());
    EXPECT_EQ(trace.rulesetJson.find("nft_tracer_"), std::string::npos);
    const nt::Assembler a = nt::Assembler::assemble(trace);

    const Found dropped = findJourney(a, trace, [](auto &f) { return isSynTo(f, kDroppedPort); });
    ASSERT_NE(dropped.id, nt::kNoJourney) << rec->out();
    EXPECT_EQ(dropped.journey.fate, nt::Fate::DroppedByRule) << rec->out();
    EXPECT_EQ(dropped.journey.verdict, nt::verdict::Drop);
    EXPECT_EQ(dropped.journey.ruleHandle, dropHandle);
    EXPECT_EQ(dropped.journey.table, "fw");
    EXPECT_EQ(dropped.journey.chain, "input");
    ASSERT_LT(dropped.journey.dropReason, trace.dropReasons.size());
    EXPECT_EQ(trace.dropReasons[dropped.journey.dropReason], "NETFILTER_DROP");
    expectOrderedAndNonNegative(a, dropped.id);

    for (int port : {kOpenPort, kAcceptedPort}) {
        const Found syn = findJourney(a, trace, [port](auto &f) { return isSynTo(f, port); });
        ASSERT_NE(syn.id, nt::kNoJourney) << "no journey for the SYN to " << port;
        EXPECT_EQ(syn.journey.fate, nt::Fate::Delivered) << "SYN to " << port << "\n" << rec->out();
        expectOrderedAndNonNegative(a, syn.id);
        if (port == kAcceptedPort) {
            EXPECT_EQ(syn.journey.ruleHandle, acceptHandle);
            EXPECT_EQ(syn.journey.verdict, nt::verdict::Accept);
        }
    }
    const Found syn6 = findJourney(a, trace, [](auto &f) { return isSynTo(f, kOpenPort, 6); });
    ASSERT_NE(syn6.id, nt::kNoJourney) << "no journey for the IPv6 SYN";
    EXPECT_EQ(syn6.journey.fate, nt::Fate::Delivered);

    const Found echo = findJourney(a, trace, [](auto &f) {
        return f.family == 4 && f.l4proto == IPPROTO_ICMP && f.icmpType == 8;
    });
    ASSERT_NE(echo.id, nt::kNoJourney);
    EXPECT_NE(echo.journey.fate, nt::Fate::Dropped);
    EXPECT_NE(echo.journey.fate, nt::Fate::InFlight);
    expectOrderedAndNonNegative(a, echo.id);

    // The file opens to the same journeys the recorder printed live.
    nt::test::Subprocess show({NT_CLI_PATH, "show", file});
    ASSERT_EQ(show.wait(), 0) << show.err();
    const auto blocks = [](const std::string &s) {
        const size_t from = s.find("PACKET TRACE");
        const size_t to = s.find("TRACE STATISTICS");
        return from == std::string::npos ? std::string() : s.substr(from, to - from);
    };
    EXPECT_FALSE(blocks(rec->out()).empty());
    EXPECT_EQ(blocks(show.out()), blocks(rec->out()));

    // Exports read back: JSON by Qt, pcapng by tshark, both telling the dropped SYN's story.
    const std::string json = file + ".json", pcap = file + ".pcapng";
    nt::test::Subprocess exJson({NT_CLI_PATH, "export", file, "--format", "json", "-o", json});
    ASSERT_EQ(exJson.wait(), 0) << exJson.err();
    QFile jf(QString::fromStdString(json));
    ASSERT_TRUE(jf.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(jf.readAll()).object();
    const QJsonObject dj =
        root[QStringLiteral("journeys")].toArray()[static_cast<int>(dropped.id)].toObject();
    EXPECT_EQ(dj[QStringLiteral("fate")].toString(), QStringLiteral("dropped_by_rule"));
    EXPECT_EQ(dj[QStringLiteral("verdict")].toObject()[QStringLiteral("rule_handle")].toInteger(),
              static_cast<qint64>(dropHandle));
    EXPECT_EQ(dj[QStringLiteral("drop")].toObject()[QStringLiteral("reason")].toString(),
              QStringLiteral("NETFILTER_DROP"));
    std::filesystem::remove(json);

    nt::test::Subprocess exPcap({NT_CLI_PATH, "export", file, "--format", "pcapng", "-o", pcap});
    ASSERT_EQ(exPcap.wait(), 0) << exPcap.err();
    std::string tshark;
    ASSERT_EQ(sh("tshark -r " + pcap + " -T fields -e tcp.dstport -e frame.comment", &tshark), 0)
        << tshark;
    EXPECT_NE(tshark.find(std::to_string(kDroppedPort)), std::string::npos) << tshark;
    EXPECT_NE(tshark.find("DROPPED by rule handle " + std::to_string(dropHandle)),
              std::string::npos)
        << tshark;
    std::filesystem::remove(pcap);
}

// Datagrams from an unconnected UDP socket: each send looks its route up in A before the skb
// exists, while the datagram before it may still wait in B's socket queue, still followed and
// still this CPU's latest skb. That lookup is another packet's: every datagram's journey has
// its own input route lookup in B, on B's device, and no other. The datagrams have one header
// (IP id 0), and none is taken for a clone of the one before.
TEST_F(RecordE2E, RouteLookupsBelongToTheirOwnDatagram) {
    constexpr int kUdpPort = 9999;
    constexpr int kDatagrams = 20;
    for (int fd : listenIn(net->b, {kUdpPort}, SOCK_DGRAM)) {
        listeners.push_back(fd); // never read: the datagrams stay queued, their skbs followed
    }
    auto rec = startRecorder("30");
    ASSERT_TRUE(rec->waitForStderr("Recording", 20000)) << rec->err();
    {
        const nt::NetnsHandle a = nt::NetnsHandle::byName(net->a);
        nt::NetnsGuard guard(&a);
        const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        ASSERT_GE(fd, 0);
        sockaddr_in dst{};
        dst.sin_family = AF_INET;
        dst.sin_port = htons(kUdpPort);
        ASSERT_EQ(inet_pton(AF_INET, net->addrB().c_str(), &dst.sin_addr), 1);
        for (int i = 0; i < kDatagrams; ++i) {
            EXPECT_EQ(sendto(fd, "datagram", 8, 0, reinterpret_cast<sockaddr *>(&dst), sizeof dst),
                      8);
        }
        close(fd);
    }
    rec->signal(SIGINT);
    ASSERT_EQ(rec->wait(), 0) << rec->err();

    const nt::Trace trace = nt::readTrace(file);
    const nt::Assembler a = nt::Assembler::assemble(trace);
    int datagrams = 0;
    for (nt::JourneyId id = 0; id < a.journeyCount(); ++id) {
        const nt::Journey j = a.journey(id);
        nt::PacketFields f;
        if (j.header == nt::kNoIndex || j.header >= trace.packets.size() ||
            !nt::parsePacket(trace.packets[j.header].data, trace.packets[j.header].protocol, f) ||
            f.l4proto != IPPROTO_UDP || f.dport != kUdpPort) {
            continue;
        }
        ++datagrams;
        uint32_t received = 0;
        std::vector<uint32_t> lookups; // the device of each route lookup event
        for (const nt::Event &e : a.events(id)) {
            if (e.probe == NT_PROBE_NETIF_RECEIVE_SKB) {
                received = e.ifindex;
            } else if (e.probe == NT_PROBE_FIB_TABLE_LOOKUP) {
                lookups.push_back(e.ifindex);
            }
        }
        EXPECT_NE(received, 0u) << "journey " << id;
        // Equal datagrams (IP id 0 from an unconnected socket), one still queued when the
        // next comes in: packets of their own, each delivered, none a clone.
        EXPECT_FALSE(j.flags & nt::JourneyCloned) << "journey " << id;
        EXPECT_EQ(j.parent, nt::kNoJourney) << "journey " << id;
        EXPECT_EQ(lookups, std::vector<uint32_t>{received})
            << "journey " << id << ": one route lookup, B's input lookup\n"
            << rec->out();
    }
    EXPECT_EQ(datagrams, kDatagrams) << rec->out();
}

TEST_F(RecordE2E, KilledRecorderLeavesNoTableAndNoProbes) {
    auto rec = startRecorder("60");
    ASSERT_TRUE(rec->waitForStderr("Recording", 20000)) << rec->err();
    ASSERT_TRUE(tracerTableExists(*net));
    std::string progs;
    sh("bpftool prog show", &progs);
    EXPECT_NE(progs.find("nt_netif_receive"), std::string::npos);
    traffic();
    rec->signal(SIGKILL);
    EXPECT_EQ(rec->wait(), -SIGKILL);
    EXPECT_FALSE(tracerTableExists(*net)) << "the kernel removes an owner table with its socket";
    // BPF links die with the process's descriptors; give the kernel's deferred release a moment.
    bool gone = false;
    for (int i = 0; i < 50 && !gone; ++i) {
        sh("bpftool prog show", &progs);
        gone = progs.find("nt_netif_receive") == std::string::npos;
        if (!gone) {
            usleep(100000);
        }
    }
    EXPECT_TRUE(gone) << progs;
    // What was committed before the kill is still readable.
    const nt::Trace trace = nt::readTrace(file);
    EXPECT_EQ(trace.meta.stopWallNs, 0) << "a killed recording is marked unfinished";
}

// --max-packets counts packets, i.e. journeys (the same limit as the helper's max_packets): the
// recording stops by itself after the first echo request and its reply, long before the
// pings are over, and the file holds about that many.
TEST_F(RecordE2E, MaxPacketsStopsAfterThatManyJourneys) {
    nt::test::Subprocess rec(std::vector<std::string>{
        NT_CLI_PATH, "record", "--netns", net->b, "--duration", "60", "--max-packets", "2", "-o",
        file, "--quiet", "--filter", "icmp and host " + net->addrA()});
    ASSERT_TRUE(rec.waitForStderr("Recording", 20000)) << rec.err();
    sh(net->inA("ping -c 6 -i 0.3 -W 1 " + net->addrB()));
    EXPECT_EQ(rec.wait(10000), 0) << "stopped by itself\n" << rec.err();
    const nt::Trace trace = nt::readTrace(file);
    const nt::Assembler a = nt::Assembler::assemble(trace);
    EXPECT_GE(a.journeyCount(), 2u);
    EXPECT_LT(a.journeyCount(), 12u) << "6 requests and 6 replies were sent";
}

} // namespace
