// Ruleset tree: model invariants, the sample trace's tree shape and hit counts, and the rules'
// text in the tree checked against real `nft -a list ruleset` output (tests/data/ruleset).
#include "event.h"
#include "nft_listing.h"
#include "ruleset_model.h"
#include "ruleset_view.h"
#include "sample_trace_fixture.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTreeView>

#include <map>
#include <tuple>

namespace {

using namespace nt;
using nt::testing::SampleTrace;

class Ruleset : public SampleTrace {};

QModelIndex child(const QAbstractItemModel &m, const QModelIndex &parent, int row) {
    return m.index(row, 0, parent);
}

std::map<int32_t, int> hits(const QModelIndex &idx) {
    std::map<int32_t, int> out;
    const QVariantList list = idx.data(RulesetModel::HitsRole).toList();
    for (const QVariant &v : list) {
        const QVariantMap m = v.toMap();
        out[m.value(QStringLiteral("verdict")).toInt()] = m.value(QStringLiteral("count")).toInt();
    }
    return out;
}

TEST_F(Ruleset, ModelPassesTheItemModelTester) {
    RulesetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(model.setRulesetJson(QString::fromStdString(trace->rulesetJson)));
    model.setHits(assembler.get());
    EXPECT_EQ(model.rowCount(), 1);
    model.setHits(nullptr);
    ASSERT_TRUE(model.setRulesetJson(QString()));
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(Ruleset, SampleTreeShape) {
    RulesetModel model;
    ASSERT_TRUE(model.setRulesetJson(QString::fromStdString(trace->rulesetJson)));
    ASSERT_EQ(model.rowCount(), 1);
    const QModelIndex table = model.index(0, 0);
    EXPECT_EQ(table.data(RulesetModel::KindRole).toInt(), RulesetModel::TableNode);
    EXPECT_EQ(table.data(RulesetModel::FamilyRole).toString(), QStringLiteral("inet"));
    EXPECT_EQ(table.data(RulesetModel::TableRole).toString(), QStringLiteral("fw"));

    ASSERT_EQ(model.rowCount(table), 1);
    const QModelIndex chain = child(model, table, 0);
    EXPECT_EQ(chain.data(RulesetModel::KindRole).toInt(), RulesetModel::ChainNode);
    EXPECT_EQ(chain.data(RulesetModel::ChainRole).toString(), QStringLiteral("input"));
    const QString details = model.index(0, RulesetModel::DetailsColumn, table).data().toString();
    EXPECT_TRUE(details.contains(QStringLiteral("hook input"))) << details.toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("policy accept"))) << details.toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("priority filter"))) << details.toStdString();

    ASSERT_EQ(model.rowCount(chain), 2);
    const QModelIndex r2 = child(model, chain, 0), r3 = child(model, chain, 1);
    EXPECT_EQ(r2.data(RulesetModel::HandleRole).toULongLong(), 2u);
    EXPECT_EQ(r3.data(RulesetModel::HandleRole).toULongLong(), 3u);
    EXPECT_EQ(r2.data().toString(), QStringLiteral("tcp dport 8081 accept"));
    EXPECT_EQ(r3.data().toString(), QStringLiteral("tcp dport 8082 drop"));
    EXPECT_EQ(model.rowCount(r2), 0);
    EXPECT_EQ(
        model.findRule(QStringLiteral("inet"), QStringLiteral("fw"), QStringLiteral("input"), 3),
        r3);
    EXPECT_FALSE(
        model.findRule(QStringLiteral("inet"), QStringLiteral("fw"), QStringLiteral("input"), 9)
            .isValid());
}

TEST_F(Ruleset, SampleHitCounts) {
    RulesetModel model;
    ASSERT_TRUE(model.setRulesetJson(QString::fromStdString(trace->rulesetJson)));
    model.setHits(assembler.get());
    const QModelIndex chain = child(model, model.index(0, 0), 0);
    const QModelIndex r2 = child(model, chain, 0), r3 = child(model, chain, 1);

    // The recording sent one SYN to the dropped port 8082: one packet, judged DROP by rule 3.
    EXPECT_EQ(hits(r3), (std::map<int32_t, int>{{verdict::Drop, 1}}));
    EXPECT_EQ(model.index(1, RulesetModel::HitsColumn, chain).data().toString(),
              QStringLiteral("1 × DROP"));
    const auto h2 = hits(r2);
    ASSERT_EQ(h2.size(), 1u);
    EXPECT_GE(h2.at(verdict::Accept), 1);
    // Every packet that matched neither rule got the chain's policy.
    const auto policy = hits(chain);
    ASSERT_EQ(policy.size(), 1u);
    EXPECT_GE(policy.at(verdict::Accept), 1);
    EXPECT_TRUE(model.index(0, RulesetModel::HitsColumn, model.index(0, 0))
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("policy: ")));

    // Independent count: the journeys whose verdict came from rule 2.
    int byRule2 = 0;
    for (JourneyId id = 0; id < assembler->journeyCount(); ++id) {
        const Journey j = assembler->journey(id);
        byRule2 += j.verdictNft != kNoIndex && j.ruleHandle == 2 && !j.verdictByPolicy;
    }
    EXPECT_EQ(h2.at(verdict::Accept), byRule2);
}

TEST_F(Ruleset, ViewSelectionEmitsRuleSelected) {
    RulesetView view;
    view.resize(700, 300);
    view.setTrace(trace.get(), assembler.get());
    QSignalSpy spy(&view, &RulesetView::ruleSelected);
    view.selectRule(QStringLiteral("inet"), QStringLiteral("fw"), QStringLiteral("input"), 3);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toString(), QStringLiteral("inet"));
    EXPECT_EQ(spy.at(0).at(1).toString(), QStringLiteral("fw"));
    EXPECT_EQ(spy.at(0).at(2).toString(), QStringLiteral("input"));
    EXPECT_EQ(spy.at(0).at(3).toULongLong(), 3u);
    view.selectRule(QStringLiteral("inet"), QStringLiteral("fw"), QStringLiteral("input"), 0);
    ASSERT_EQ(spy.count(), 2);
    EXPECT_EQ(spy.at(1).at(3).toULongLong(), 0u);

    view.treeView()->clearSelection();
    view.treeView()->setCurrentIndex({});
    ASSERT_TRUE(view.grab().save(nt::testing::screenshotPath(QStringLiteral("ruleset.png"))));
    view.setTrace(nullptr, nullptr);
    EXPECT_EQ(view.model()->rowCount(), 0);
}

QString readFile(const QString &path) {
    const QString text = nt::testing::readTextFile(path);
    EXPECT_FALSE(text.isEmpty()) << path.toStdString();
    return text;
}

class RulesetFixture : public ::testing::TestWithParam<const char *> {};

TEST_P(RulesetFixture, RuleTextMatchesNft) {
    const QString base =
        QStringLiteral(NT_TEST_DATA_DIR "/ruleset/") + QString::fromLatin1(GetParam());
    RulesetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(model.setRulesetJson(readFile(base + QStringLiteral(".json"))));
    const auto expected = nt::testing::parseNftListing(readFile(base + QStringLiteral(".txt")));
    ASSERT_GE(expected.size(), 5u);
    size_t rules = 0;
    for (int t = 0; t < model.rowCount(); ++t) {
        const QModelIndex table = model.index(t, 0);
        for (int c = 0; c < model.rowCount(table); ++c) {
            const QModelIndex chain = model.index(c, 0, table);
            for (int r = 0; r < model.rowCount(chain); ++r) {
                const QModelIndex rule = model.index(r, 0, chain);
                const auto key = std::make_tuple(rule.data(RulesetModel::FamilyRole).toString(),
                                                 rule.data(RulesetModel::TableRole).toString(),
                                                 rule.data(RulesetModel::ChainRole).toString(),
                                                 rule.data(RulesetModel::HandleRole).toULongLong());
                ASSERT_TRUE(expected.count(key)) << rule.data().toString().toStdString();
                EXPECT_EQ(rule.data().toString().toStdString(), expected.at(key).toStdString());
                ++rules;
            }
        }
    }
    EXPECT_EQ(rules, expected.size());
}

INSTANTIATE_TEST_SUITE_P(NftListings, RulesetFixture,
                         ::testing::Values("inet-filter-nat", "inet-tracer-misc", "ip6-bridge",
                                           "netdev-bridge"));

QString details(const RulesetModel &model, const char *family, const char *table,
                const char *chain) {
    const QModelIndex c = model.findChain(QString::fromLatin1(family), QString::fromLatin1(table),
                                          QString::fromLatin1(chain));
    EXPECT_TRUE(c.isValid()) << family << " " << table << " " << chain;
    return model.index(c.row(), RulesetModel::DetailsColumn, c.parent()).data().toString();
}

TEST(RulesetTree, BridgeAndNetdevTablesAndChains) {
    RulesetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(model.setRulesetJson(
        readFile(QStringLiteral(NT_TEST_DATA_DIR "/ruleset/netdev-bridge.json"))));
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0, 0).data().toString(), QStringLiteral("table netdev edge"));
    EXPECT_EQ(model.index(1, 0).data().toString(), QStringLiteral("table bridge br"));
    EXPECT_EQ(model.rowCount(model.index(0, 0)), 2);
    // libnftables 1.0.6 writes no device into its JSON: the tree shows what it has.
    EXPECT_EQ(details(model, "netdev", "edge", "egress"),
              QStringLiteral("filter hook egress priority filter + 5; policy accept"));
    EXPECT_EQ(details(model, "bridge", "br", "pre"),
              QStringLiteral("filter hook prerouting priority dstnat; policy accept"));
    EXPECT_EQ(details(model, "bridge", "br", "forward"),
              QStringLiteral("filter hook forward priority filter; policy drop"));
}

TEST(RulesetTree, NetdevChainsShowTheirDevices) {
    // Later libnftables versions name the device: one as a string, several as a list.
    const QString json = QStringLiteral(R"({"nftables": [
      {"table": {"family": "netdev", "name": "edge", "handle": 1}},
      {"chain": {"family": "netdev", "table": "edge", "name": "in", "handle": 1, "type": "filter",
                 "hook": "ingress", "prio": 0, "policy": "accept", "dev": "veth0"}},
      {"chain": {"family": "netdev", "table": "edge", "name": "out", "handle": 2, "type": "filter",
                 "hook": "egress", "prio": 5, "policy": "drop", "dev": ["veth0", "veth1"]}}]})");
    RulesetModel model;
    ASSERT_TRUE(model.setRulesetJson(json));
    EXPECT_EQ(details(model, "netdev", "edge", "in"),
              QStringLiteral("filter hook ingress device veth0 priority filter; policy accept"));
    EXPECT_EQ(details(model, "netdev", "edge", "out"),
              QStringLiteral("filter hook egress devices = { veth0, veth1 } priority filter + 5; "
                             "policy drop"));
}

TEST(NftExprText, ChainDetailsUsePriorityNames) {
    RulesetModel model;
    ASSERT_TRUE(model.setRulesetJson(
        readFile(QStringLiteral(NT_TEST_DATA_DIR "/ruleset/ip6-bridge.json"))));
    const QModelIndex chain =
        model.findChain(QStringLiteral("ip6"), QStringLiteral("filter6"), QStringLiteral("input"));
    ASSERT_TRUE(chain.isValid());
    EXPECT_EQ(
        model.index(chain.row(), RulesetModel::DetailsColumn, chain.parent()).data().toString(),
        QStringLiteral("filter hook input priority filter + 10; policy accept"));
    EXPECT_FALSE(model.setRulesetJson(QStringLiteral("{not json")));
    EXPECT_EQ(model.rowCount(), 0);
}

} // namespace

NT_GUI_TEST_MAIN()
