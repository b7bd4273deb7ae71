// Rule text from a ruleset snapshot: every rule of real `nft -j list ruleset` output rendered as
// `nft -a list ruleset` prints it (tests/data/ruleset), and the report's use of it.
#include "nft_expr_text.h"
#include "nft_listing.h"
#include "report.h"
#include "rule_text.h"

#include "unit/journey_fixtures.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

using namespace nt;
using namespace nt::testing;

class RuleTextListing : public ::testing::TestWithParam<const char *> {};

TEST_P(RuleTextListing, RuleTextMatchesNft) {
    const QString base =
        QStringLiteral(NT_TEST_DATA_DIR "/ruleset/") + QString::fromLatin1(GetParam());
    const QString json = readTextFile(base + QStringLiteral(".json"));
    ASSERT_FALSE(json.isEmpty()) << base.toStdString();
    const RuleTextIndex index(json.toStdString());
    const auto expected = parseNftListing(readTextFile(base + QStringLiteral(".txt")));
    ASSERT_GE(expected.size(), 5u);
    size_t rules = 0;
    const QJsonArray items =
        QJsonDocument::fromJson(json.toUtf8()).object().value(QLatin1String("nftables")).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject r = item.toObject().value(QLatin1String("rule")).toObject();
        if (r.isEmpty()) {
            continue;
        }
        const auto key = std::make_tuple(
            r.value(QLatin1String("family")).toString(), r.value(QLatin1String("table")).toString(),
            r.value(QLatin1String("chain")).toString(),
            static_cast<quint64>(r.value(QLatin1String("handle")).toInteger()));
        const QString text =
            index.ruleText(std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key));
        ASSERT_TRUE(expected.count(key)) << text.toStdString();
        EXPECT_EQ(text.toStdString(), expected.at(key).toStdString());
        ++rules;
    }
    EXPECT_EQ(rules, expected.size());
}

INSTANTIATE_TEST_SUITE_P(NftListings, RuleTextListing,
                         ::testing::Values("inet-filter-nat", "inet-tracer-misc", "ip6-bridge",
                                           "netdev-bridge"));

TEST(RuleTextIndex, ChainsAndUnknownRules) {
    const RuleTextIndex index(
        readTextFile(QStringLiteral(NT_TEST_DATA_DIR "/ruleset/ip6-bridge.json")).toStdString());
    EXPECT_FALSE(index.empty());
    EXPECT_EQ(
        index.chainText(QStringLiteral("ip6"), QStringLiteral("filter6"), QStringLiteral("input")),
        QStringLiteral("hook input priority filter + 10 policy accept"));
    EXPECT_TRUE(index
                    .ruleText(QStringLiteral("ip6"), QStringLiteral("filter6"),
                              QStringLiteral("input"), 999)
                    .isEmpty());
    EXPECT_TRUE(RuleTextIndex("{not json").empty());
    EXPECT_TRUE(RuleTextIndex().empty());
}

TEST(NftExprText, UnknownStatementsFallBackToJson) {
    const QJsonObject unknown{
        {QStringLiteral("synproxy"), QJsonObject{{QStringLiteral("mss"), 1460}}}};
    EXPECT_EQ(nftStatementText(unknown), QStringLiteral("{\"synproxy\":{\"mss\":1460}}"));
}

TEST(NftExprText, PriorityNames) {
    EXPECT_EQ(nftPriorityText(QStringLiteral("inet"), QStringLiteral("input"), 0),
              QStringLiteral("filter"));
    EXPECT_EQ(nftPriorityText(QStringLiteral("ip"), QStringLiteral("prerouting"), -100),
              QStringLiteral("dstnat"));
    EXPECT_EQ(nftPriorityText(QStringLiteral("ip"), QStringLiteral("forward"), -100),
              QStringLiteral("-100"));
    EXPECT_EQ(nftPriorityText(QStringLiteral("ip6"), QStringLiteral("input"), 10),
              QStringLiteral("filter + 10"));
    EXPECT_EQ(nftPriorityText(QStringLiteral("bridge"), QStringLiteral("forward"), -200),
              QStringLiteral("filter"));
    EXPECT_EQ(nftPriorityText(QStringLiteral("bridge"), QStringLiteral("prerouting"), -300),
              QStringLiteral("dstnat"));
    // netdev knows only "filter": -300 is no "raw" there.
    EXPECT_EQ(nftPriorityText(QStringLiteral("netdev"), QStringLiteral("ingress"), 5),
              QStringLiteral("filter + 5"));
    EXPECT_EQ(nftPriorityText(QStringLiteral("netdev"), QStringLiteral("ingress"), -300),
              QStringLiteral("-300"));
}

// The droppedSyn fixture's ruleset: rule 2 of input jumps to tcp_in, whose rule 4 drops.
const char *const kDroppedSynRuleset = R"({"nftables": [
  {"table": {"family": "inet", "name": "fw", "handle": 1}},
  {"chain": {"family": "inet", "table": "fw", "name": "input", "handle": 1, "type": "filter",
             "hook": "input", "prio": 0, "policy": "accept"}},
  {"chain": {"family": "inet", "table": "fw", "name": "tcp_in", "handle": 2}},
  {"rule": {"family": "inet", "table": "fw", "chain": "input", "handle": 2,
            "expr": [{"match": {"op": "==", "left": {"meta": {"key": "l4proto"}}, "right": "tcp"}},
                     {"jump": {"target": "tcp_in"}}]}},
  {"rule": {"family": "inet", "table": "fw", "chain": "tcp_in", "handle": 4,
            "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "tcp",
                      "field": "dport"}}, "right": 22}}, {"drop": null}]}}]})";

TEST(Report, RuleTextFromTheRuleset) {
    Trace trace = droppedSyn().trace();
    trace.rulesetJson = kDroppedSynRuleset;
    const Assembler a = Assembler::assemble(trace);
    const Report r(trace, a);
    const std::string text = r.packetTrace(0);
    EXPECT_NE(text.find("inet fw input: rule #2 JUMP \u2192 tcp_in  \u27e8meta l4proto tcp jump "
                        "tcp_in\u27e9\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("inet fw tcp_in: rule #4 DROP  \u27e8tcp dport 22 drop\u27e9\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Fate: DROPPED by rule handle 4 \u27e8tcp dport 22 drop\u27e9 in chain "
                        "inet fw tcp_in (NETFILTER_DROP at nf_hook_slow+0x9c)\n"),
              std::string::npos)
        << text;

    const QJsonObject j = r.journeyJson(0);
    EXPECT_EQ(j[QStringLiteral("verdict")].toObject()[QStringLiteral("rule_text")].toString(),
              QStringLiteral("tcp dport 22 drop"));
    const QJsonArray nft = j[QStringLiteral("nft")].toArray();
    ASSERT_EQ(nft.size(), 2);
    EXPECT_EQ(nft[0].toObject()[QStringLiteral("rule_text")].toString(),
              QStringLiteral("meta l4proto tcp jump tcp_in"));
    EXPECT_TRUE(j[QStringLiteral("summary")].toString().contains(
        QStringLiteral("\u27e8tcp dport 22 drop\u27e9")));
}

TEST(Report, RuleTextFallsBackToTheHandle) {
    // The snapshot lacks rule 4 (changed since): the text names the handle only.
    Trace trace = droppedSyn().trace();
    trace.rulesetJson = kDroppedSynRuleset;
    trace.rulesetJson.replace(trace.rulesetJson.find("\"handle\": 4"), 11, "\"handle\": 5");
    const Assembler a = Assembler::assemble(trace);
    const Report r(trace, a);
    const std::string text = r.packetTrace(0);
    EXPECT_NE(text.find("inet fw tcp_in: rule #4 DROP\n"), std::string::npos) << text;
    EXPECT_NE(text.find("Fate: DROPPED by rule handle 4 in chain inet fw tcp_in ("),
              std::string::npos)
        << text;
    const QJsonObject j = r.journeyJson(0);
    EXPECT_TRUE(j[QStringLiteral("verdict")].toObject()[QStringLiteral("rule_text")].isNull());
    EXPECT_TRUE(
        j[QStringLiteral("nft")].toArray()[1].toObject()[QStringLiteral("rule_text")].isNull());
}

} // namespace
