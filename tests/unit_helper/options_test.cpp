// StartTrace option validation: every rejection branch, and that valid options pass.
#include "filter.h"
#include "options.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace {

using nt::helper::OptionError;
using nt::helper::TraceOptions;
using nt::helper::validateNetnsName;
using nt::helper::validateTraceOptions;

class Options : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        QFile f(dir_.filePath(QStringLiteral("blue")));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        ASSERT_TRUE(QDir(dir_.path()).mkdir(QStringLiteral("adir")));
        ASSERT_TRUE(QFile::link(dir_.filePath(QStringLiteral("blue")),
                                dir_.filePath(QStringLiteral("link"))));
    }
    TraceOptions check(const QVariantMap &m) { return validateTraceOptions(m, dir_.path()); }
    // The message of the rejection, so tests can check it names the problem.
    std::string rejection(const QVariantMap &m) {
        try {
            check(m);
        } catch (const OptionError &e) {
            return e.message().toStdString();
        }
        ADD_FAILURE() << "accepted";
        return {};
    }
    QTemporaryDir dir_;
};

TEST_F(Options, EmptyMapGivesDefaults) {
    const TraceOptions o = check({});
    EXPECT_EQ(o.filter, "");
    EXPECT_EQ(o.netns, "");
    EXPECT_TRUE(o.nftTrace);
    EXPECT_EQ(o.ringbufMb, nt::helper::kDefaultRingbufMb);
    EXPECT_EQ(o.durationS, 0u);
    EXPECT_EQ(o.maxPackets, 0u);
}

TEST_F(Options, EveryValidOptionPasses) {
    const TraceOptions o = check({{QStringLiteral("filter"), QStringLiteral("tcp port 80")},
                                  {QStringLiteral("netns"), QStringLiteral("blue")},
                                  {QStringLiteral("nft_trace"), false},
                                  {QStringLiteral("ringbuf_mb"), 64u},
                                  {QStringLiteral("duration_s"), 86400u},
                                  {QStringLiteral("max_packets"), qulonglong(1'000'000'000)}});
    EXPECT_EQ(o.filter, "tcp port 80");
    EXPECT_EQ(o.netns, "blue");
    EXPECT_FALSE(o.nftTrace);
    EXPECT_EQ(o.ringbufMb, 64u);
    EXPECT_EQ(o.durationS, 86400u);
    EXPECT_EQ(o.maxPackets, 1'000'000'000u);
}

TEST_F(Options, RingbufRoundsUpToPowerOfTwoWithinRange) {
    EXPECT_EQ(check({{QStringLiteral("ringbuf_mb"), 1u}}).ringbufMb, 1u);
    EXPECT_EQ(check({{QStringLiteral("ringbuf_mb"), 3u}}).ringbufMb, 4u);
    EXPECT_EQ(check({{QStringLiteral("ringbuf_mb"), 200u}}).ringbufMb, 256u);
    EXPECT_EQ(check({{QStringLiteral("ringbuf_mb"), 256u}}).ringbufMb, 256u);
}

TEST_F(Options, UnknownKeyRejected) {
    EXPECT_NE(rejection({{QStringLiteral("path"), QStringLiteral("/etc/shadow")}}).find("path"),
              std::string::npos);
    EXPECT_NE(rejection({{QStringLiteral("Filter"), QStringLiteral("tcp")}}).find("unknown"),
              std::string::npos);
}

TEST_F(Options, WrongTypesRejected) {
    const std::vector<std::pair<QString, QVariant>> wrong = {
        {QStringLiteral("filter"), 5u},
        {QStringLiteral("filter"), QStringList{QStringLiteral("tcp")}},
        {QStringLiteral("netns"), true},
        {QStringLiteral("nft_trace"), 1u},
        {QStringLiteral("nft_trace"), QStringLiteral("true")},
        {QStringLiteral("ringbuf_mb"), 16},             // i, not u
        {QStringLiteral("ringbuf_mb"), qulonglong(16)}, // t, not u
        {QStringLiteral("ringbuf_mb"), 16.0},
        {QStringLiteral("duration_s"), -1},
        {QStringLiteral("duration_s"), QStringLiteral("10")},
        {QStringLiteral("max_packets"), 10u}, // u, not t
        {QStringLiteral("max_packets"), qlonglong(10)},
    };
    for (const auto &[key, value] : wrong) {
        const std::string msg = rejection({{key, value}});
        EXPECT_NE(msg.find("D-Bus type"), std::string::npos) << key.toStdString() << ": " << msg;
    }
}

TEST_F(Options, RangesRejected) {
    EXPECT_NE(rejection({{QStringLiteral("ringbuf_mb"), 0u}}).find("ringbuf_mb"),
              std::string::npos);
    EXPECT_NE(rejection({{QStringLiteral("ringbuf_mb"), 257u}}).find("257"), std::string::npos);
    EXPECT_NE(rejection({{QStringLiteral("ringbuf_mb"), 0xffffffffu}}).find("ringbuf_mb"),
              std::string::npos);
    EXPECT_NE(rejection({{QStringLiteral("duration_s"), 86401u}}).find("86401"), std::string::npos);
    EXPECT_NE(
        rejection({{QStringLiteral("max_packets"), qulonglong(1'000'000'001)}}).find("max_packets"),
        std::string::npos);
}

TEST_F(Options, FilterTooLongRejectedBeforeParsing) {
    std::string text = "tcp";
    while (text.size() <= nt::kFilterMaxLength) {
        text += " or tcp";
    }
    EXPECT_NE(rejection({{QStringLiteral("filter"), QString::fromStdString(text)}}).find("bytes"),
              std::string::npos);
    // Exactly at the limit is length-wise fine (whatever the parser says of it).
    const std::string spaces(nt::kFilterMaxLength - 3, ' ');
    EXPECT_EQ(
        check({{QStringLiteral("filter"), QString::fromStdString("tcp" + spaces)}}).filter.size(),
        nt::kFilterMaxLength);
}

TEST_F(Options, FilterSyntaxErrorRejected) {
    const std::string msg = rejection({{QStringLiteral("filter"), QStringLiteral("host 1.2.3")}});
    EXPECT_EQ(msg.rfind("filter:", 0), 0u) << msg;
    EXPECT_NE(msg.find("column"), std::string::npos) << msg;
    EXPECT_FALSE(rejection({{QStringLiteral("filter"), QStringLiteral("tcp and (")}}).empty());
}

TEST_F(Options, NetnsNamesOnly) {
    for (const char *bad :
         {"../blue", "/run/netns/blue", "blue/", ".", "..", "a b", "blue\n", "é", "x;rm"}) {
        EXPECT_NE(
            rejection({{QStringLiteral("netns"), QString::fromUtf8(bad)}}).find("not a valid name"),
            std::string::npos)
            << bad;
    }
    EXPECT_NE(rejection({{QStringLiteral("netns"), QString(65, QLatin1Char('a'))}})
                  .find("not a valid name"),
              std::string::npos);
}

TEST_F(Options, NetnsMustExistAsFileInTheDirectory) {
    EXPECT_NE(rejection({{QStringLiteral("netns"), QStringLiteral("red")}}).find("no network"),
              std::string::npos);
    EXPECT_NE(rejection({{QStringLiteral("netns"), QStringLiteral("adir")}}).find("no network"),
              std::string::npos);
    EXPECT_NE(rejection({{QStringLiteral("netns"), QStringLiteral("link")}}).find("no network"),
              std::string::npos);
    EXPECT_EQ(validateNetnsName(QStringLiteral("blue"), dir_.path()), "blue");
    EXPECT_EQ(validateNetnsName(QString(), dir_.path()), "");
    const QString longest(64, QLatin1Char('b'));
    EXPECT_THROW(validateNetnsName(longest, dir_.path()), OptionError); // valid, absent
}

TEST_F(Options, DefaultDirectoryIsRunNetns) {
    EXPECT_THROW(validateNetnsName(QStringLiteral("nt-no-such-namespace-here")), OptionError);
}

TEST_F(Options, FunctionOptionsPass) {
    const QString config = QStringLiteral(
        R"({"version": 1, "functions": [{"name": "ip_rcv", "layer": "IPv4", "priority": 0,
            "enabled": true}, {"name": "tcp_v4_rcv", "layer": "TCP", "priority": 0,
            "enabled": false}]})");
    const TraceOptions o =
        check({{QStringLiteral("backend"), QStringLiteral("kprobe-multi")},
               {QStringLiteral("functions"),
                QStringList{QStringLiteral("ip_rcv"), QStringLiteral("ip_rcv_finish.cold")}},
               {QStringLiteral("layers"),
                QStringList{QStringLiteral("ipv4"), QStringLiteral("TCP"), QStringLiteral("IPv4")}},
               {QStringLiteral("priority"), 2u},
               {QStringLiteral("max_functions"), 50u},
               {QStringLiteral("function_config"), config}});
    ASSERT_TRUE(o.backend.has_value());
    EXPECT_EQ(*o.backend, nt::Backend::KprobeMulti);
    EXPECT_EQ(o.functions.names, (std::vector<std::string>{"ip_rcv", "ip_rcv_finish.cold"}));
    EXPECT_EQ(o.functions.layers, (std::vector<nt::Layer>{nt::Layer::IPv4, nt::Layer::TCP}));
    EXPECT_EQ(o.functions.maxPriority, 2);
    EXPECT_EQ(o.functions.maxFunctions, 50u);
    ASSERT_TRUE(o.functions.config.has_value());
    ASSERT_EQ(o.functions.config->functions.size(), 2u);
    EXPECT_FALSE(o.functions.config->functions[1].enabled);
    // "auto" is the default: no backend forced.
    EXPECT_FALSE(check({{QStringLiteral("backend"), QStringLiteral("auto")}}).backend);
    EXPECT_EQ(*check({{QStringLiteral("backend"), QStringLiteral("tracepoint")}}).backend,
              nt::Backend::Tracepoint);
    EXPECT_FALSE(check({}).functions.any());
}

TEST_F(Options, FunctionOptionTypesRejected) {
    const std::vector<std::pair<QString, QVariant>> wrong = {
        {QStringLiteral("backend"), 1u},
        {QStringLiteral("functions"), QStringLiteral("ip_rcv")}, // s, not as
        {QStringLiteral("layers"), QStringLiteral("IPv4")},
        {QStringLiteral("priority"), 1}, // i, not u
        {QStringLiteral("max_functions"), qulonglong(5)},
        {QStringLiteral("function_config"), QStringList{QStringLiteral("{}")}},
    };
    for (const auto &[key, value] : wrong) {
        const std::string msg = rejection({{key, value}});
        EXPECT_NE(msg.find("D-Bus type"), std::string::npos) << key.toStdString() << ": " << msg;
    }
}

TEST_F(Options, UnknownBackendRejected) {
    const std::string msg = rejection({{QStringLiteral("backend"), QStringLiteral("kprobes")}});
    EXPECT_NE(msg.find("backend"), std::string::npos) << msg;
    EXPECT_NE(msg.find("kprobe-multi"), std::string::npos) << msg;
}

TEST_F(Options, FunctionNamesOnly) {
    for (const char *bad : {"", "ip rcv", "../ip_rcv", "ip_rcv;rm", "ip_rcv\n", "é"}) {
        const std::string msg =
            rejection({{QStringLiteral("functions"), QStringList{QString::fromUtf8(bad)}}});
        EXPECT_NE(msg.find("not a kernel function name"), std::string::npos) << bad << ": " << msg;
    }
    EXPECT_NE(rejection({{QStringLiteral("functions"),
                          QStringList{
                              QString(nt::helper::kMaxFunctionNameLength + 1, QLatin1Char('a'))}}})
                  .find("not a kernel function name"),
              std::string::npos);
    const QString longest(nt::helper::kMaxFunctionNameLength, QLatin1Char('a'));
    EXPECT_EQ(check({{QStringLiteral("functions"), QStringList{longest}}}).functions.names.size(),
              1u);
}

TEST_F(Options, TooManyFunctionNamesRejected) {
    QStringList names;
    for (int i = 0; i <= nt::helper::kMaxFunctionNames; ++i) {
        names << QStringLiteral("f%1").arg(i);
    }
    EXPECT_NE(rejection({{QStringLiteral("functions"), names}}).find("at most"), std::string::npos);
}

TEST_F(Options, UnknownLayerRejected) {
    const std::string msg =
        rejection({{QStringLiteral("layers"), QStringList{QStringLiteral("IPv5")}}});
    EXPECT_NE(msg.find("IPv5"), std::string::npos) << msg;
    EXPECT_NE(msg.find("Netfilter"), std::string::npos) << msg; // lists the known ones
}

TEST_F(Options, FunctionRangesRejected) {
    EXPECT_NE(rejection({{QStringLiteral("priority"), 4u}}).find("priority"), std::string::npos);
    EXPECT_NE(rejection({{QStringLiteral("max_functions"), 0u}}).find("max_functions"),
              std::string::npos);
    EXPECT_NE(rejection({{QStringLiteral("max_functions"), nt::helper::kMaxFunctions + 1}})
                  .find("max_functions"),
              std::string::npos);
    EXPECT_EQ(check({{QStringLiteral("max_functions"), nt::helper::kMaxFunctions}})
                  .functions.maxFunctions,
              nt::helper::kMaxFunctions);
}

TEST_F(Options, FunctionConfigTooLongRejectedBeforeParsing) {
    const QString big(nt::helper::kMaxFunctionConfigBytes + 1, QLatin1Char(' '));
    EXPECT_NE(rejection({{QStringLiteral("function_config"), big}}).find("bytes"),
              std::string::npos);
}

TEST_F(Options, BadFunctionConfigRejectedNamingTheEntry) {
    const std::string unknownLayer = rejection(
        {{QStringLiteral("function_config"),
          QStringLiteral(R"({"version": 1, "functions": [{"name": "ip_rcv", "layer": "IPv5",
              "priority": 0, "enabled": true}]})")}});
    EXPECT_NE(unknownLayer.find("ip_rcv"), std::string::npos) << unknownLayer;
    EXPECT_NE(unknownLayer.find("IPv5"), std::string::npos) << unknownLayer;
    const std::string notJson =
        rejection({{QStringLiteral("function_config"), QStringLiteral("{\"version\": 1,")}});
    EXPECT_NE(notJson.find("function_config"), std::string::npos) << notJson;
}

} // namespace
