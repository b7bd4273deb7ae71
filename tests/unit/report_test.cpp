// Tests of the journey text (live lines, PACKET TRACE, TRACE STATISTICS) and its JSON form.
#include "report.h"

#include "unit/journey_fixtures.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>

using namespace nt;
using namespace nt::testing;

namespace {

TEST(Report, PacketTraceText) {
    const Stream s = droppedSyn();
    const Trace trace = s.trace();
    const Assembler a = Assembler::assemble(trace);
    const Report r(trace, a);
    const std::string expected =
        "================================================================================\n"
        "PACKET TRACE: 0xffff888100abc000\n"
        "================================================================================\n"
        "[TCP] 10.0.0.1:40000 \u2192 10.0.0.2:22 | Events: 3, Probes: 3, NFT Chains: 1, Rules: 2 | "
        "Verdict: DROP | Fate: DROPPED BY RULE\n"
        "\n"
        "Device Layer:\n"
        "  [     0.000\u00b5s] netif_receive_skb            if=2 ns=4026531840\n"
        "\n"
        "Routing Layer:\n"
        "  [     2.000\u00b5s] fib_table_lookup             if=2 ns=4026531840\n"
        "\n"
        "Drop Layer:\n"
        "  [     9.000\u00b5s] kfree_skb                    if=2 ns=4026531840 drop=NETFILTER_DROP "
        "at "
        "nf_hook_slow+0x9c\n"
        "\n"
        "NFT Rules Evaluated:\n"
        "  [     2.000\u00b5s] input       inet fw input: rule #2 JUMP \u2192 tcp_in\n"
        "  [     2.000\u00b5s] input       inet fw tcp_in: rule #4 DROP\n"
        "\n"
        "Fate: DROPPED by rule handle 4 in chain inet fw tcp_in (NETFILTER_DROP at "
        "nf_hook_slow+0x9c)\n"
        "\n"
        "Time per Layer:\n"
        "  Device         :        2.000\u00b5s\n"
        "  Netfilter      :        7.000\u00b5s\n"
        "  Total          :        9.000\u00b5s\n";
    EXPECT_EQ(r.packetTrace(0), expected);
    EXPECT_EQ(r.summary(0),
              "journey 0: [TCP] 10.0.0.1:40000 \u2192 10.0.0.2:22, 3 events, 9.000\u00b5s: "
              "DROPPED by rule handle 4 in chain inet fw tcp_in (NETFILTER_DROP at "
              "nf_hook_slow+0x9c)");
}

TEST(Report, LiveEventLines) {
    const Stream s = droppedSyn();
    Trace trace = s.trace();
    Assembler a({}, trace.dropReasons);
    const Report r(trace, a);
    a.add(trace.packets[0]);
    a.add(trace.events[0]);
    EXPECT_EQ(r.eventLine(1, trace.events[0], us(0)),
              "[   1]          0.000\u00b5s  TP    Device     netif_receive_skb            "
              "10.0.0.1:40000 \u2192 10.0.0.2:22 TCP  if=2 ns=4026531840 len=84");
    a.add(trace.events[2]);
    EXPECT_EQ(
        r.eventLine(3, trace.events[2], us(0)),
        "[   3]          9.000\u00b5s  TP    Drop       kfree_skb                    "
        "10.0.0.1:40000 \u2192 10.0.0.2:22 TCP  if=2 ns=4026531840 len=84 drop=NETFILTER_DROP "
        "at nf_hook_slow+0x9c");
    Event unknown = trace.events[0];
    unknown.skb = 0x1234;
    unknown.probe = NT_PROBE_NET_DEV_XMIT;
    unknown.aux = 16;
    EXPECT_EQ(
        r.eventLine(4, unknown, nullptr, us(0)),
        "[   4]          0.000\u00b5s  TP    Xmit       net_dev_xmit                 skb 0x1234  "
        "if=2 ns=4026531840 len=84 rc=16");
}

TEST(Report, StatisticsAlwaysShowLoss) {
    const Stream s = droppedSyn();
    Trace trace = s.trace();
    const Assembler a = Assembler::assemble(trace);
    const Report r(trace, a);
    const TraceStats st = r.stats();
    EXPECT_EQ(st.totalEvents, 3u);
    EXPECT_EQ(st.packets, 1u);
    EXPECT_EQ(st.nftChains, 1u);
    EXPECT_EQ(st.nftRules, 2u);
    const std::string text = Report::statisticsText(st);
    EXPECT_EQ(text.rfind("TRACE STATISTICS\n=====", 0), 0u) << text;
    EXPECT_NE(text.find("Total events:       3\n"), std::string::npos);
    EXPECT_NE(text.find("  DROP           :      1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  DROPPED BY RULE:      1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  NETFILTER_DROP :      1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  Events lost (ring buffer full)            : 0\n"), std::string::npos)
        << text;
    EXPECT_NE(text.find("  NFT trace messages lost                   : 0\n"), std::string::npos);
    EXPECT_NE(text.find("  NFT records not joined to a packet        : 0\n"), std::string::npos);

    trace.meta.loss.ringbufFull = 12;
    trace.meta.loss.nftLost = 3;
    const std::string lossy = Report::statisticsText(r.stats());
    EXPECT_NE(lossy.find("  Events lost (ring buffer full)            : 12\n"), std::string::npos);
    EXPECT_NE(lossy.find("  NFT trace messages lost                   : 3\n"), std::string::npos);
    const QJsonObject js = Report::statsJson(r.stats());
    EXPECT_EQ(js[QStringLiteral("loss")].toObject()[QStringLiteral("ringbuf_full")].toInteger(),
              12);
    EXPECT_EQ(js[QStringLiteral("packets_by_fate")]
                  .toObject()[QStringLiteral("dropped_by_rule")]
                  .toInteger(),
              1);
    EXPECT_EQ(js[QStringLiteral("events_by_layer")].toObject()[QStringLiteral("drop")].toInteger(),
              1);
}

TEST(Report, JourneyJson) {
    const Stream s = droppedSyn();
    const Trace trace = s.trace();
    const Assembler a = Assembler::assemble(trace);
    const Report r(trace, a);
    const QJsonObject j = r.journeyJson(0);
    EXPECT_EQ(j[QStringLiteral("fate")].toString(), QStringLiteral("dropped_by_rule"));
    EXPECT_EQ(j[QStringLiteral("skb")].toString(), QStringLiteral("0xffff888100abc000"));
    EXPECT_EQ(j[QStringLiteral("first_ts_ns")].toInteger(), static_cast<qint64>(us(0)));
    EXPECT_EQ(j[QStringLiteral("duration_ns")].toInteger(), 9000);
    const QJsonObject v = j[QStringLiteral("verdict")].toObject();
    EXPECT_EQ(v[QStringLiteral("rule_handle")].toInteger(), 4);
    EXPECT_EQ(v[QStringLiteral("chain")].toString(), QStringLiteral("tcp_in"));
    EXPECT_EQ(j[QStringLiteral("drop")].toObject()[QStringLiteral("reason")].toString(),
              QStringLiteral("NETFILTER_DROP"));
    EXPECT_EQ(j[QStringLiteral("packet")].toObject()[QStringLiteral("dport")].toInt(), 22);
    EXPECT_TRUE(j[QStringLiteral("parent_id")].isNull());
    EXPECT_EQ(j[QStringLiteral("layer_ns")].toObject()[QStringLiteral("netfilter")].toInteger(),
              7000);
    const QJsonArray events = j[QStringLiteral("events")].toArray();
    ASSERT_EQ(events.size(), 3);
    EXPECT_EQ(events[2].toObject()[QStringLiteral("probe")].toString(),
              QStringLiteral("kfree_skb"));
    EXPECT_EQ(events[2].toObject()[QStringLiteral("location")].toString(),
              QStringLiteral("nf_hook_slow+0x9c"));
    const QJsonArray nft = j[QStringLiteral("nft")].toArray();
    ASSERT_EQ(nft.size(), 2);
    EXPECT_EQ(nft[0].toObject()[QStringLiteral("jump_target")].toString(),
              QStringLiteral("tcp_in"));
    EXPECT_EQ(nft[1].toObject()[QStringLiteral("verdict")].toString(), QStringLiteral("DROP"));
    EXPECT_EQ(nft[1].toObject()[QStringLiteral("hook")].toString(), QStringLiteral("input"));
    // Integers stay exact through a round trip (timestamps exceed a double's 53 bits of ns).
    const QJsonObject back = QJsonDocument::fromJson(QJsonDocument(j).toJson()).object();
    EXPECT_EQ(back[QStringLiteral("last_ts_ns")].toInteger(), static_cast<qint64>(us(9)));
}

TEST(Report, NamesFallBackWhenUnknown) {
    const Trace trace;
    const Assembler a;
    const Report r(trace, a);
    EXPECT_EQ(r.probeName(NT_PROBE_CONSUME_SKB), "consume_skb");
    EXPECT_EQ(r.probeName(NT_PROBE_FUNCTION_BASE + 5), "probe#261");
    EXPECT_EQ(r.dropReasonName(77), "reason 77");
    EXPECT_EQ(r.symbolName(0xffffffff81000000), "0xffffffff81000000");
}

} // namespace
