// Tests that every user-visible string is translated into Vietnamese and that the translations
// reach the text output (report, Qt's command-line parser, the CLI).
#include "journey.h"
#include "layers.h"
#include "report.h"
#include "textwidth.h"

#include "require.h"
#include "unit/journey_fixtures.h"

#include <gtest/gtest.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>

#include <memory>
#include <string>
#include <vector>

using namespace nt;
using namespace nt::testing;

namespace {

const QString kSourceDir = QStringLiteral(NT_SOURCE_DIR);
const QString kViTs = kSourceDir + QStringLiteral("/translations/nft-tracer_vi.ts");
const QString kEnTs = kSourceDir + QStringLiteral("/translations/nft-tracer_en.ts");

struct TsMessage {
    QString context;
    QString source;
    QString type;             // the translation's type attribute: "", "unfinished", ...
    QStringList translations; // one, or one per numerus form
    qint64 line = 0;          // where the message starts, for failure messages
    QString where() const { return context + QStringLiteral(" / ") + source.left(60); }
};

struct TsFile {
    QString language;
    std::vector<TsMessage> messages;
    QString error; // empty when the file parsed
};

TsFile readTs(const QString &path) {
    TsFile ts;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        ts.error = QStringLiteral("cannot open ") + path;
        return ts;
    }
    QXmlStreamReader xml(&f);
    QString context;
    TsMessage *msg = nullptr;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("context")) {
            msg = nullptr;
        } else if (name == QLatin1String("name") && msg == nullptr) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            ts.messages.push_back({context, {}, {}, {}, xml.lineNumber()});
            msg = &ts.messages.back();
        } else if (msg != nullptr && name == QLatin1String("source")) {
            msg->source = xml.readElementText();
        } else if (msg != nullptr && name == QLatin1String("translation")) {
            msg->type = xml.attributes().value(QLatin1String("type")).toString();
            // Numerus messages carry one <numerusform> per plural form instead of text.
            QString text;
            bool numerus = false;
            while (!(xml.readNext() == QXmlStreamReader::EndElement &&
                     xml.name() == QLatin1String("translation")) &&
                   !xml.atEnd()) {
                if (xml.isCharacters()) {
                    text += xml.text();
                } else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                    numerus = true;
                    msg->translations.append(xml.readElementText());
                }
            }
            if (!numerus) {
                msg->translations.append(text);
            }
        }
    }
    if (xml.hasError()) {
        ts.error = path + QStringLiteral(": ") + xml.errorString() +
                   QStringLiteral(" at line %1").arg(xml.lineNumber());
    }
    return ts;
}

// "%1 %2" for "%2 … %1 … %1": the distinct placeholders, sorted.
std::string placeholders(const QString &text) {
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        out.append(it.next().captured(0));
    }
    out.removeDuplicates();
    out.sort();
    return out.join(QLatin1Char(' ')).toStdString();
}

// Qt's tools: the running Qt's own folders first, then Debian's.
QString qtTool(const QString &name) {
    const QStringList dirs = {QLibraryInfo::path(QLibraryInfo::BinariesPath),
                              QLibraryInfo::path(QLibraryInfo::LibraryExecutablesPath),
                              QStringLiteral("/usr/lib/qt6/bin"),
                              QStringLiteral("/usr/lib/qt6/libexec")};
    for (const QString &d : dirs) {
        const QFileInfo fi(d + QLatin1Char('/') + name);
        if (fi.isFile() && fi.isExecutable()) {
            return fi.absoluteFilePath();
        }
    }
    return {};
}

std::string quoted(const QString &s) {
    return "'" + s.toStdString() + "'";
}

// A QCoreApplication for the tests that install translators (Qt needs an instance for that).
class App {
public:
    App() : app_(argc_, argv_) {}

private:
    static inline char name_[] = "translations_test";
    static inline char *argv_[] = {name_, nullptr};
    static inline int argc_ = 1;
    QCoreApplication app_;
};

// The Vietnamese translation compiled by lrelease, as the build compiles it for the CLI.
class ViTranslation : public ::testing::Test {
protected:
    void SetUp() override {
        const QString lrelease = qtTool(QStringLiteral("lrelease"));
        NT_REQUIRE(lrelease.isEmpty() ? std::string("lrelease not found (install qt6-l10n-tools)")
                                      : std::string());
        ASSERT_TRUE(dir_.isValid());
        const QString qm = dir_.filePath(QStringLiteral("nft-tracer_vi.qm"));
        const test::CommandResult r =
            test::runCommand(quoted(lrelease) + " -silent " + quoted(kViTs) + " -qm " + quoted(qm));
        ASSERT_EQ(r.status, 0) << r.output;
        ASSERT_TRUE(translator_.load(qm)) << qm.toStdString();
        ASSERT_TRUE(QCoreApplication::installTranslator(&translator_));
    }
    void TearDown() override { QCoreApplication::removeTranslator(&translator_); }

    App app_;
    QTemporaryDir dir_;
    QTranslator translator_;
};

// Lines "  NAME: VALUE" of `text` whose colon is not at display column `column` (0-based).
std::vector<std::string> misaligned(const std::string &text, const std::string &afterHeading,
                                    int column) {
    std::vector<std::string> bad;
    const QStringList lines = QString::fromStdString(text).split(QLatin1Char('\n'));
    const QString heading = QString::fromStdString(afterHeading);
    bool in = false;
    for (const QString &line : lines) {
        if (line == heading) {
            in = true;
            continue;
        }
        if (!in) {
            continue;
        }
        if (!line.startsWith(QLatin1String("  "))) {
            break;
        }
        const qsizetype colon = line.lastIndexOf(QLatin1String(": "));
        if (colon < 0 || displayWidth(QStringView(line).left(colon)) != column) {
            bad.push_back(line.toStdString());
        }
    }
    return bad;
}

TEST(Translations, VietnameseFileIsComplete) {
    const TsFile vi = readTs(kViTs);
    ASSERT_TRUE(vi.error.isEmpty()) << vi.error.toStdString();
    EXPECT_EQ(vi.language, QStringLiteral("vi"));
    ASSERT_GT(vi.messages.size(), 100u) << "the file lost its messages";
    for (const TsMessage &m : vi.messages) {
        const std::string where =
            m.where().toStdString() + " (line " + std::to_string(m.line) + ")";
        EXPECT_TRUE(m.type.isEmpty())
            << "translation type=\"" << m.type.toStdString() << "\": " << where;
        ASSERT_FALSE(m.translations.isEmpty()) << where;
        for (const QString &t : m.translations) {
            EXPECT_FALSE(t.trimmed().isEmpty()) << "empty translation: " << where;
            // Placeholders must survive translation, or .arg() puts values in the wrong place.
            EXPECT_EQ(placeholders(t), placeholders(m.source)) << where;
            // Column padding counts characters: decomposed diacritics would misalign.
            EXPECT_EQ(t.toStdString(), t.normalized(QString::NormalizationForm_C).toStdString())
                << "not NFC: " << where;
        }
    }
}

TEST(Translations, EnglishFileIsCompleteAndMatchesVietnamese) {
    const TsFile en = readTs(kEnTs);
    const TsFile vi = readTs(kViTs);
    ASSERT_TRUE(en.error.isEmpty()) << en.error.toStdString();
    EXPECT_EQ(en.language, QStringLiteral("en"));
    QSet<QString> enKeys, viKeys; // context and source
    for (const TsMessage &m : en.messages) {
        EXPECT_TRUE(m.type.isEmpty())
            << "translation type=\"" << m.type.toStdString() << "\": " << m.where().toStdString();
        for (const QString &t : m.translations) {
            EXPECT_FALSE(t.isEmpty()) << m.where().toStdString();
        }
        enKeys.insert(m.context + QLatin1Char('\x1f') + m.source);
    }
    for (const TsMessage &m : vi.messages) {
        viKeys.insert(m.context + QLatin1Char('\x1f') + m.source);
    }
    auto missingFrom = [](const QSet<QString> &have, const QSet<QString> &want) {
        std::vector<std::string> out;
        for (const QString &k : want) {
            if (!have.contains(k)) {
                out.push_back(
                    QString(k).replace(QLatin1Char('\x1f'), QLatin1String(" / ")).toStdString());
            }
        }
        return out;
    };
    EXPECT_EQ(missingFrom(enKeys, viKeys), std::vector<std::string>{})
        << "messages missing from the English file: run scripts/update-translations.sh";
    EXPECT_EQ(missingFrom(viKeys, enKeys), std::vector<std::string>{})
        << "messages missing from the Vietnamese file: run scripts/update-translations.sh";
}

TEST(Translations, EverySourceStringIsTranslated) {
    const QString lupdate = qtTool(QStringLiteral("lupdate"));
    NT_REQUIRE(lupdate.isEmpty() ? std::string("lupdate not found (install qt6-l10n-tools)")
                                 : std::string());
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString ts = dir.filePath(QStringLiteral("nft-tracer_vi.ts"));
    ASSERT_TRUE(QFile::copy(kViTs, ts));
    QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
    std::string cmd =
        "cd " + quoted(kSourceDir) + " && " + quoted(lupdate) + " -no-obsolete -locations none";
    // Every folder with user-visible strings, as scripts/update-translations.sh scans them.
    for (const char *d : {"src/core", "src/probe", "src/stream", "src/cli", "src/ipc",
                          "src/present", "src/gui", "helper"}) {
        if (QFileInfo::exists(kSourceDir + QLatin1Char('/') + QLatin1String(d))) {
            cmd += std::string(" ") + d;
        }
    }
    cmd += " -ts " + quoted(ts);
    const test::CommandResult r = test::runCommand(cmd);
    ASSERT_EQ(r.status, 0) << r.output;
    // "file.cpp:12: Class 'X' lacks Q_OBJECT macro" and the like: a tr() whose context lupdate
    // guesses differently from the one used at run time, so its translation is never found.
    static const QRegularExpression warning(QStringLiteral("^\\S+:\\d+: .*$"),
                                            QRegularExpression::MultilineOption);
    const QRegularExpressionMatch w = warning.match(QString::fromStdString(r.output));
    EXPECT_FALSE(w.hasMatch()) << "lupdate warns: " << w.captured(0).toStdString();

    const TsFile fresh = readTs(ts);
    ASSERT_TRUE(fresh.error.isEmpty()) << fresh.error.toStdString();
    ASSERT_GT(fresh.messages.size(), 100u) << r.output;
    std::vector<std::string> untranslated;
    for (const TsMessage &m : fresh.messages) {
        if (!m.type.isEmpty()) {
            untranslated.push_back(m.where().toStdString());
        }
    }
    EXPECT_TRUE(untranslated.empty())
        << untranslated.size() << " string(s) in the code lack a Vietnamese translation (run "
        << "scripts/update-translations.sh and translate them), first: "
        << (untranslated.empty() ? std::string() : untranslated.front());
}

TEST_F(ViTranslation, NamesAndLabelsAreTranslated) {
    EXPECT_EQ(QCoreApplication::translate("nt::Report", "TRACE STATISTICS"),
              QStringLiteral("THỐNG KÊ TRACE"));
    EXPECT_EQ(layerDisplayName(Layer::Routing), QStringLiteral("Định tuyến"));
    EXPECT_EQ(layerDisplayName(Layer::Netfilter), QStringLiteral("Netfilter"));
    EXPECT_EQ(fateDisplayLabel(Fate::DroppedByRule), QStringLiteral("BỊ LUẬT HỦY"));
    // Identifiers for files and JSON stay English whatever the language.
    EXPECT_STREQ(layerName(Layer::Routing), "Routing");
    EXPECT_STREQ(fateLabel(Fate::DroppedByRule), "DROPPED BY RULE");
    EXPECT_STREQ(fateKey(Fate::DroppedByRule), "dropped_by_rule");
}

TEST_F(ViTranslation, StatisticsTextIsVietnameseAndAligned) {
    TraceStats st;
    st.totalEvents = 3;
    st.packets = 1;
    st.eventsByLayer[static_cast<size_t>(Layer::Device)] = 1;
    st.eventsByLayer[static_cast<size_t>(Layer::Routing)] = 1;
    st.eventsByLayer[static_cast<size_t>(Layer::Drop)] = 1;
    st.packetsByVerdict = {{"DROP", 1}};
    st.packetsByFate[static_cast<size_t>(Fate::DroppedByRule)] = 1;
    st.topDropReasons = {{"NETFILTER_DROP", 1}};
    st.loss.ringbufFull = 12;
    const std::string text = Report::statisticsText(st);
    EXPECT_EQ(text.rfind("THỐNG KÊ TRACE\n=====", 0), 0u) << text;
    EXPECT_NE(text.find("Tổng số sự kiện:    3\n"), std::string::npos) << text;
    EXPECT_NE(text.find("\nSự kiện theo tầng:\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  Định tuyến     :      1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  BỊ LUẬT HỦY    :      1\n"), std::string::npos) << text;
    // Verdict and drop reason names are kernel identifiers: never translated.
    EXPECT_NE(text.find("  DROP           :      1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  NETFILTER_DROP :      1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("Sự kiện bị mất (ring buffer đầy)"), std::string::npos) << text;
    EXPECT_EQ(text.find("Total events"), std::string::npos) << text;
    // Columns line up on screen although the Vietnamese labels take more bytes than columns.
    EXPECT_EQ(misaligned(text, "Sự kiện theo tầng:", 17), std::vector<std::string>{});
    EXPECT_EQ(misaligned(text, "Gói tin theo kết cục:", 17), std::vector<std::string>{});
    EXPECT_EQ(misaligned(text, "Mất mát:", 44), std::vector<std::string>{});
}

TEST_F(ViTranslation, PacketTraceIsVietnameseButJsonStaysEnglish) {
    const Trace trace = droppedSyn().trace();
    const Assembler a = Assembler::assemble(trace);
    const Report r(trace, a);
    const std::string text = r.packetTrace(0);
    EXPECT_NE(text.find("TRACE GÓI TIN: 0xffff888100abc000\n"), std::string::npos) << text;
    EXPECT_NE(text.find("| Phán quyết: DROP | Kết cục: BỊ LUẬT HỦY\n"), std::string::npos) << text;
    EXPECT_NE(text.find("\nTầng Định tuyến:\n"), std::string::npos) << text;
    EXPECT_NE(text.find("drop=NETFILTER_DROP tại nf_hook_slow+0x9c"), std::string::npos) << text;
    EXPECT_NE(text.find("Kết cục: BỊ HỦY bởi luật handle 4 trong chuỗi inet fw tcp_in "
                        "(NETFILTER_DROP tại nf_hook_slow+0x9c)\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("\n  Thiết bị       :        2.000µs\n"), std::string::npos) << text;
    EXPECT_NE(text.find("\n  Tổng           :        9.000µs\n"), std::string::npos) << text;
    EXPECT_NE(r.summary(0).find("hành trình 0: [TCP]"), std::string::npos) << r.summary(0);

    // The live line's layer column keeps its width in display columns.
    const std::string live = r.eventLine(2, trace.events[1], us(0));
    EXPECT_NE(live.find("  TP    Định tuyến fib_table_lookup "), std::string::npos) << live;

    const QJsonObject j = r.journeyJson(0);
    EXPECT_EQ(j[QStringLiteral("summary")].toString(),
              QStringLiteral("journey 0: [TCP] 10.0.0.1:40000 \u2192 10.0.0.2:22, 3 events, "
                             "9.000\u00b5s: DROPPED by rule handle 4 in chain inet fw tcp_in "
                             "(NETFILTER_DROP at nf_hook_slow+0x9c)"));
    EXPECT_EQ(j[QStringLiteral("fate")].toString(), QStringLiteral("dropped_by_rule"));
    EXPECT_EQ(
        j[QStringLiteral("events")].toArray()[1].toObject()[QStringLiteral("layer")].toString(),
        QStringLiteral("Routing"));
}

TEST_F(ViTranslation, QtCommandLineParserStringsMatchQt) {
    // Our .ts carries Qt's own QCommandLineParser strings; a source text that drifted from
    // Qt's would silently stay English.
    QCommandLineParser p;
    p.addHelpOption();
    p.addVersionOption();
    p.addOption(
        QCommandLineOption(QStringLiteral("format"), QStringLiteral("x"), QStringLiteral("F")));
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("y"));
    const QString help = p.helpText();
    EXPECT_TRUE(help.contains(QStringLiteral("Cách dùng: "))) << help.toStdString();
    EXPECT_TRUE(help.contains(QStringLiteral("[tùy chọn]"))) << help.toStdString();
    EXPECT_TRUE(help.contains(QStringLiteral("Tùy chọn:"))) << help.toStdString();
    EXPECT_TRUE(help.contains(QStringLiteral("Đối số:"))) << help.toStdString();
    EXPECT_TRUE(help.contains(QStringLiteral("Hiển thị trợ giúp về các tùy chọn dòng lệnh.")))
        << help.toStdString();
    EXPECT_TRUE(help.contains(QStringLiteral("Hiển thị thông tin phiên bản.")))
        << help.toStdString();
    EXPECT_FALSE(p.parse({QStringLiteral("x"), QStringLiteral("--bogus")}));
    EXPECT_EQ(p.errorText(), QStringLiteral("Tùy chọn không hợp lệ 'bogus'."));
    EXPECT_FALSE(p.parse({QStringLiteral("x"), QStringLiteral("--bogus"), QStringLiteral("-z")}));
    EXPECT_EQ(p.errorText(), QStringLiteral("Các tùy chọn không hợp lệ: bogus, z."));
    EXPECT_FALSE(p.parse({QStringLiteral("x"), QStringLiteral("--format")}));
    EXPECT_EQ(p.errorText(), QStringLiteral("Thiếu giá trị sau '--format'."));
    EXPECT_FALSE(p.parse({QStringLiteral("x"), QStringLiteral("--help=1")}));
    EXPECT_EQ(p.errorText(), QStringLiteral("Không cần giá trị sau '--help'."));
}

TEST(Translations, WithoutTranslatorTextStaysEnglish) {
    const App app;
    TraceStats st;
    st.eventsByLayer[static_cast<size_t>(Layer::Routing)] = 1;
    const std::string text = Report::statisticsText(st);
    EXPECT_EQ(text.rfind("TRACE STATISTICS\n", 0), 0u) << text;
    EXPECT_NE(text.find("  Routing        :      1\n"), std::string::npos) << text;
    EXPECT_EQ(layerDisplayName(Layer::Routing), QStringLiteral("Routing"));
}

// The CLI picks its language from the environment (LANG), like any command-line tool.
TEST(Translations, CliFollowsLang) {
    const std::string cli = quoted(QStringLiteral(NT_CLI_PATH));
    // LC_ALL, LC_MESSAGES and LANGUAGE would override LANG: the test controls them all.
    const std::string env = "env -u LC_ALL -u LC_MESSAGES -u LANGUAGE ";
    const test::CommandResult vi = test::runCommand(env + "LANG=vi_VN.UTF-8 " + cli + " --help");
    EXPECT_EQ(vi.status, 0) << vi.output;
    EXPECT_NE(vi.output.find("Cách dùng: nft-tracer-cli LỆNH [TÙY CHỌN]"), std::string::npos)
        << vi.output;
    EXPECT_NE(vi.output.find("ghi lại hành trình của gói tin (cần quyền root)"), std::string::npos)
        << vi.output;

    const test::CommandResult en = test::runCommand(env + "LANG=C.UTF-8 " + cli + " --help");
    EXPECT_EQ(en.status, 0) << en.output;
    EXPECT_EQ(en.output.rfind("Usage: nft-tracer-cli COMMAND [OPTIONS]", 0), 0u) << en.output;

    // Qt's parser strings come from our translation too.
    const test::CommandResult sub =
        test::runCommand(env + "LANG=vi_VN.UTF-8 " + cli + " show --help");
    EXPECT_EQ(sub.status, 0) << sub.output;
    EXPECT_NE(sub.output.find("Tùy chọn:"), std::string::npos) << sub.output;
    EXPECT_NE(sub.output.find("Chỉ phần thống kê."), std::string::npos) << sub.output;

    const test::CommandResult err =
        test::runCommand(env + "LANG=vi_VN.UTF-8 " + cli + " show --bogus");
    EXPECT_NE(err.status, 0);
    EXPECT_NE(err.output.find("nft-tracer-cli: Tùy chọn không hợp lệ 'bogus'."), std::string::npos)
        << err.output;

    const std::string fixture = quoted(QStringLiteral(NT_TEST_DATA_DIR "/tracefile/v1.nftrace"));
    const test::CommandResult stats =
        test::runCommand(env + "LANG=vi_VN.UTF-8 " + cli + " show --stats " + fixture);
    EXPECT_EQ(stats.status, 0) << stats.output;
    EXPECT_NE(stats.output.find("THỐNG KÊ TRACE\n"), std::string::npos) << stats.output;
    EXPECT_NE(stats.output.find("\nMất mát:\n"), std::string::npos) << stats.output;
}

} // namespace
