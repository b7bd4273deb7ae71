// `nft-tracer-cli show` and `export --format json` on a recorded trace print the rules' text
// from the trace's ruleset snapshot; `export --format sqlite` gives the same trace as rows
// (tests/data/recorded/two-namespaces.nftrace: inet fw input accepts tcp dport 8081 with rule 2 and
// drops tcp dport 8082 with rule 3).
#include "require.h"
#include "tracefile.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <string>

namespace {

using nt::test::CommandResult;
using nt::test::runCommand;

const std::string kCli = std::string("'") + NT_CLI_PATH + "'";
const std::string kFixture =
    std::string("'") + NT_TEST_DATA_DIR + "/recorded/two-namespaces.nftrace'";
// English output whatever the test's environment says.
const std::string kEnv = "env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=C.UTF-8 ";

TEST(CliShow, PacketTraceShowsTheRuleText) {
    const CommandResult r = runCommand(kEnv + kCli + " show " + kFixture);
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("inet fw input: rule #3 DROP  \u27e8tcp dport 8082 drop\u27e9\n"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("inet fw input: rule #2 ACCEPT  \u27e8tcp dport 8081 accept\u27e9\n"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("Fate: DROPPED by rule handle 3 \u27e8tcp dport 8082 drop\u27e9 in "
                            "chain inet fw input ("),
              std::string::npos)
        << r.output;
}

TEST(CliShow, OnePacketShowsTheRuleText) {
    // The journey `show --json` says rule 3 dropped.
    const CommandResult all = runCommand(kEnv + kCli + " show --json " + kFixture);
    ASSERT_EQ(all.status, 0) << all.output;
    const QJsonArray journeys = QJsonDocument::fromJson(QByteArray::fromStdString(all.output))
                                    .object()
                                    .value(QLatin1String("journeys"))
                                    .toArray();
    qint64 dropped = -1;
    for (const QJsonValue &v : journeys) {
        const QJsonObject verdict = v.toObject().value(QLatin1String("verdict")).toObject();
        if (verdict.value(QLatin1String("rule_handle")).toInteger() == 3) {
            dropped = v.toObject().value(QLatin1String("id")).toInteger();
            break;
        }
    }
    ASSERT_GE(dropped, 0) << all.output.substr(0, 2000);
    const CommandResult one =
        runCommand(kEnv + kCli + " show --packet " + std::to_string(dropped) + " " + kFixture);
    ASSERT_EQ(one.status, 0) << one.output;
    EXPECT_EQ(one.output.rfind("=====", 0), 0u) << one.output;
    EXPECT_NE(one.output.find("rule #3 DROP  \u27e8tcp dport 8082 drop\u27e9\n"), std::string::npos)
        << one.output;
}

TEST(CliShow, JsonExportHasTheRuleText) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("t.json"));
    const CommandResult r = runCommand(kEnv + kCli + " export --format json -o '" +
                                       out.toStdString() + "' " + kFixture);
    ASSERT_EQ(r.status, 0) << r.output;
    QFile f(out);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QJsonArray journeys =
        QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("journeys")).toArray();
    ASSERT_FALSE(journeys.isEmpty());
    int dropped = 0, accepted = 0;
    for (const QJsonValue &v : journeys) {
        const QJsonObject verdict = v.toObject().value(QLatin1String("verdict")).toObject();
        const qint64 handle = verdict.value(QLatin1String("rule_handle")).toInteger();
        const QString text = verdict.value(QLatin1String("rule_text")).toString();
        if (verdict.isEmpty() || verdict.value(QLatin1String("by_policy")).toBool()) {
            continue;
        }
        if (handle == 3) {
            EXPECT_EQ(text, QStringLiteral("tcp dport 8082 drop"));
            ++dropped;
        } else if (handle == 2) {
            EXPECT_EQ(text, QStringLiteral("tcp dport 8081 accept"));
            ++accepted;
        }
        for (const QJsonValue &n : v.toObject().value(QLatin1String("nft")).toArray()) {
            const QJsonObject o = n.toObject();
            if (o.value(QLatin1String("type")).toString() == QLatin1String("rule") &&
                o.value(QLatin1String("rule_handle")).toInteger() == 3) {
                EXPECT_EQ(o.value(QLatin1String("rule_text")).toString(),
                          QStringLiteral("tcp dport 8082 drop"));
            }
        }
    }
    EXPECT_GE(dropped, 1);
    EXPECT_GE(accepted, 1);
}

TEST(CliShow, AFolderOpensAsOneTrace) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const std::string fixture = std::string(NT_TEST_DATA_DIR) + "/recorded/two-namespaces.nftrace";
    ASSERT_TRUE(
        QFile::copy(QString::fromStdString(fixture), dir.filePath(QStringLiteral("a.nftrace"))));
    const CommandResult one = runCommand(kEnv + kCli + " show " + kFixture);
    const CommandResult folder =
        runCommand(kEnv + kCli + " show '" + dir.path().toStdString() + "'");
    ASSERT_EQ(folder.status, 0) << folder.output;
    EXPECT_EQ(folder.output, one.output);
    EXPECT_NE(folder.output.find("TRACE STATISTICS"), std::string::npos);
}

// Real recordings of earlier versions print the same `show --json` as the same traces rewritten
// by this version: schema 1 (the first release's one row per event) and schema 2 (events in
// pages, packet headers and nft records in rows; router-nat-v2 was recorded by that version
// with make-router-fixture.sh). Files of earlier versions open and mean the same.
TEST(CliShow, EarlierRecordingsShowTheSameAsTheirRewrite) {
    for (auto [name, version] : {std::pair{"two-namespaces", 1}, std::pair{"router-nat", 1},
                                 std::pair{"router-nat-v2", 2}}) {
        const std::string v1 = std::string(NT_TEST_DATA_DIR) + "/recorded/" + name + ".nftrace";
        ASSERT_EQ(nt::TraceReader(v1).info().schemaVersion, version) << name;
        QTemporaryDir dir;
        ASSERT_TRUE(dir.isValid());
        const std::string v2 = dir.filePath(QStringLiteral("now.nftrace")).toStdString();
        const nt::Trace t = nt::readTrace(v1);
        nt::writeTrace(v2, t);
        ASSERT_EQ(nt::TraceReader(v2).info().schemaVersion, nt::kTraceSchemaVersion);
        const CommandResult before = runCommand(kEnv + kCli + " show --json '" + v1 + "'");
        const CommandResult after = runCommand(kEnv + kCli + " show --json '" + v2 + "'");
        ASSERT_EQ(before.status, 0) << before.output.substr(0, 2000);
        ASSERT_EQ(after.status, 0) << after.output.substr(0, 2000);
        EXPECT_GT(before.output.size(), 1000u) << name;
        EXPECT_EQ(before.output, after.output) << name;
    }
}

// The SQL export is a trace with one row per event: `show --json` prints the same as for the
// recorded file, `sqlite3` counts every event in `events_named`, and an existing file is kept.
TEST(CliShow, SqliteExportIsTheSameTraceInRows) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const std::string out = dir.filePath(QStringLiteral("t.sqlite")).toStdString();
    const CommandResult r =
        runCommand(kEnv + kCli + " export --format sqlite -o '" + out + "' " + kFixture);
    ASSERT_EQ(r.status, 0) << r.output;
    const CommandResult original = runCommand(kEnv + kCli + " show --json " + kFixture);
    const CommandResult exported = runCommand(kEnv + kCli + " show --json '" + out + "'");
    ASSERT_EQ(original.status, 0) << original.output;
    ASSERT_EQ(exported.status, 0) << exported.output;
    EXPECT_GT(original.output.size(), 1000u);
    EXPECT_EQ(exported.output, original.output);

    const nt::TraceFileInfo info = nt::readTraceInfo(out);
    EXPECT_EQ(info.schemaVersion, 1);
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(out.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT count(*), count(probe) FROM events_named", -1, &stmt,
                                 nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_EQ(uint64_t(sqlite3_column_int64(stmt, 0)), info.events);
    EXPECT_GT(info.events, 0u);
    EXPECT_EQ(sqlite3_column_int64(stmt, 1), sqlite3_column_int64(stmt, 0))
        << "every event's probe has a name";
    sqlite3_finalize(stmt);
    sqlite3_close(db);

    QFile f(QString::fromStdString(out));
    const qint64 size = f.size();
    const CommandResult again =
        runCommand(kEnv + kCli + " export --format sqlite -o '" + out + "' " + kFixture);
    EXPECT_NE(again.status, 0);
    EXPECT_NE(again.output.find("already exists"), std::string::npos) << again.output;
    EXPECT_EQ(f.size(), size);
}

} // namespace
