// The layer/priority table, trace_config.json parsing (every rejection) and function selection.
#include "error.h"
#include "functions.h"
#include "layers.h"

#include <gtest/gtest.h>

#include <QCoreApplication>

using namespace nt;

namespace {

// The message of the nt::Error `json` raises, or "" when it parses.
std::string rejection(const char *json) {
    try {
        (void)parseFunctionConfig(QByteArray(json), QStringLiteral("cfg.json"));
    } catch (const Error &e) {
        return e.what();
    }
    return {};
}

KernelFunction fn(const char *name, uint8_t arg = 1) {
    KernelFunction f;
    f.name = name;
    f.skbArg = arg;
    const Classification c = classify(name);
    f.layer = c.layer;
    f.priority = c.priority;
    return f;
}

} // namespace

TEST(Classification, MainPathFunctionsAreCriticalInTheirLayer) {
    struct Case {
        const char *name;
        Layer layer;
    };
    for (const Case &c :
         {Case{"ip_rcv", Layer::IPv4}, Case{"ip_local_deliver", Layer::IPv4},
          Case{"nft_do_chain", Layer::Netfilter}, Case{"tcp_v4_rcv", Layer::TCP},
          Case{"__netif_receive_skb_core", Layer::Device}, Case{"ipv6_rcv", Layer::IPv6},
          Case{"udp_rcv", Layer::UDP}, Case{"dev_queue_xmit", Layer::Xmit},
          Case{"kfree_skb_reason", Layer::Drop}, Case{"ip_route_input_noref", Layer::Routing},
          Case{"napi_gro_receive", Layer::GRO}}) {
        const Classification got = classify(c.name);
        EXPECT_EQ(got.layer, c.layer) << c.name;
        EXPECT_EQ(got.priority, kPriorityCritical) << c.name;
    }
}

TEST(Classification, PrefixesGiveLayerAndLowerPriority) {
    EXPECT_EQ(classify("ip_options_compile").layer, Layer::IPv4);
    EXPECT_EQ(classify("ip_options_compile").priority, 1);
    EXPECT_EQ(classify("ip6_fragment").layer, Layer::IPv6);
    EXPECT_EQ(classify("ipv6_gro_receive").layer, Layer::GRO);
    EXPECT_EQ(classify("nf_ct_get_tuple").layer, Layer::Netfilter);
    EXPECT_EQ(classify("__ip_options_echo").layer, Layer::IPv4);
    EXPECT_EQ(classify("sch_direct_xmit").layer, Layer::Xmit);
    EXPECT_EQ(classify("tcp_options_write").layer, Layer::TCP);
    EXPECT_GE(classify("sock_rfree").priority, 2);
}

TEST(Classification, BufferHandlingAndUnknownNamesAreVerbose) {
    EXPECT_EQ(classify("skb_clone").priority, kPriorityVerbose);
    EXPECT_EQ(classify("pskb_expand_head").priority, kPriorityVerbose);
    EXPECT_EQ(classify("some_driver_rx").priority, kPriorityVerbose);
    EXPECT_EQ(classify("some_driver_rx").layer, Layer::Device);
}

TEST(Classification, TracepointsKeepTheirLayers) {
    EXPECT_EQ(classifyProbe("netif_receive_skb"), Layer::Device);
    EXPECT_EQ(classifyProbe("kfree_skb"), Layer::Drop);
    EXPECT_EQ(classifyProbe("fib_table_lookup"), Layer::Routing);
    EXPECT_EQ(classifyProbe("net_dev_xmit"), Layer::Xmit);
}

TEST(Layers, NamesParseWithoutRegardToCase) {
    EXPECT_EQ(layerFromName("IPv4"), Layer::IPv4);
    EXPECT_EQ(layerFromName("ipv4"), Layer::IPv4);
    EXPECT_EQ(layerFromName("softirq"), Layer::SoftIRQ);
    EXPECT_FALSE(layerFromName("IPv5").has_value());
    EXPECT_FALSE(layerFromName("").has_value());
    EXPECT_EQ(parseLayerList(QStringLiteral("IPv4, tcp,IPv4")),
              (std::vector<Layer>{Layer::IPv4, Layer::TCP}));
    EXPECT_THROW(parseLayerList(QStringLiteral("IPv4,Transport")), Error);
}

TEST(FunctionConfig, ParsesTheSeedFormat) {
    const FunctionConfig c = parseFunctionConfig(QByteArray(R"({
        "version": "1.0",
        "functions": [
            {"name": "ip_rcv", "layer": "IPv4", "priority": 0, "enabled": true},
            {"name": "skb_clone", "layer": "Device", "priority": 3, "enabled": false},
            {"name": "my_fn", "layer": "netfilter", "priority": 2}
        ]})"),
                                                 QStringLiteral("cfg.json"));
    EXPECT_EQ(c.version, 1);
    ASSERT_EQ(c.functions.size(), 3u);
    EXPECT_EQ(c.functions[0].name, "ip_rcv");
    EXPECT_EQ(c.functions[0].layer, Layer::IPv4);
    EXPECT_TRUE(c.functions[0].enabled);
    EXPECT_FALSE(c.functions[1].enabled);
    EXPECT_EQ(c.functions[1].priority, 3);
    EXPECT_EQ(c.functions[2].layer, Layer::Netfilter);
    EXPECT_TRUE(c.functions[2].enabled); // omitted: enabled
}

TEST(FunctionConfig, OmittedLayerAndPriorityComeFromTheTable) {
    const FunctionConfig c = parseFunctionConfig(
        QByteArray(R"({"version": 1, "functions": [{"name": "tcp_v4_rcv"}]})"), QString());
    ASSERT_EQ(c.functions.size(), 1u);
    EXPECT_EQ(c.functions[0].layer, Layer::TCP);
    EXPECT_EQ(c.functions[0].priority, 0);
}

TEST(FunctionConfig, WrittenConfigReadsBack) {
    std::vector<KernelFunction> fns{fn("ip_rcv"), fn("tcp_v4_rcv"), fn("skb_clone")};
    const FunctionConfig c =
        parseFunctionConfig(functionConfigJson(fns), QStringLiteral("written"));
    ASSERT_EQ(c.functions.size(), 3u);
    for (size_t i = 0; i < fns.size(); ++i) {
        EXPECT_EQ(c.functions[i].name, fns[i].name);
        EXPECT_EQ(c.functions[i].layer, fns[i].layer);
        EXPECT_EQ(c.functions[i].priority, fns[i].priority);
        EXPECT_TRUE(c.functions[i].enabled);
    }
}

TEST(FunctionConfig, RejectsBrokenJson) {
    EXPECT_NE(rejection("{\"version\": 1, "), "");
    EXPECT_NE(rejection("[]").find("top level"), std::string::npos);
}

TEST(FunctionConfig, RejectsUnknownTopLevelKey) {
    const std::string m = rejection(R"({"version": 1, "functions": [], "max": 5})");
    EXPECT_NE(m.find("unknown key \"max\""), std::string::npos) << m;
}

TEST(FunctionConfig, RejectsMissingOrWrongVersion) {
    EXPECT_NE(rejection(R"({"functions": []})").find("version"), std::string::npos);
    EXPECT_NE(rejection(R"({"version": true, "functions": []})").find("version"),
              std::string::npos);
    EXPECT_NE(rejection(R"({"version": "x", "functions": []})").find("version"), std::string::npos);
    EXPECT_NE(rejection(R"({"version": 2, "functions": []})").find("version 2"), std::string::npos);
}

TEST(FunctionConfig, RejectsFunctionsThatAreNotAList) {
    const std::string m = rejection(R"({"version": 1, "functions": {"ip_rcv": 1}})");
    EXPECT_NE(m.find("\"functions\" must be an array, got object"), std::string::npos) << m;
}

TEST(FunctionConfig, RejectsEntryThatIsNotAnObject) {
    const std::string m = rejection(R"({"version": 1, "functions": ["ip_rcv"]})");
    EXPECT_NE(m.find("functions[0]"), std::string::npos) << m;
}

TEST(FunctionConfig, RejectsMissingOrEmptyName) {
    EXPECT_NE(rejection(R"({"version": 1, "functions": [{"layer": "IPv4"}]})").find("\"name\""),
              std::string::npos);
    EXPECT_NE(rejection(R"({"version": 1, "functions": [{"name": ""}]})").find("\"name\""),
              std::string::npos);
    EXPECT_NE(rejection(R"({"version": 1, "functions": [{"name": 5}]})").find("\"name\""),
              std::string::npos);
}

TEST(FunctionConfig, RejectsUnknownEntryKeyNamingTheEntry) {
    const std::string m = rejection(
        R"({"version": 1, "functions": [{"name": "ip_rcv"}, {"name": "tcp_v4_rcv", "prio": 1}]})");
    EXPECT_NE(m.find("cfg.json: functions[1] (tcp_v4_rcv): unknown key \"prio\""),
              std::string::npos)
        << m;
}

TEST(FunctionConfig, RejectsWrongTypes) {
    std::string m = rejection(R"({"version": 1, "functions": [{"name": "ip_rcv", "layer": 4}]})");
    EXPECT_NE(m.find("(ip_rcv): \"layer\" must be a string, got number"), std::string::npos) << m;
    m = rejection(R"({"version": 1, "functions": [{"name": "ip_rcv", "priority": "0"}]})");
    EXPECT_NE(m.find("(ip_rcv): \"priority\""), std::string::npos) << m;
    m = rejection(R"({"version": 1, "functions": [{"name": "ip_rcv", "enabled": "yes"}]})");
    EXPECT_NE(m.find("(ip_rcv): \"enabled\" must be true or false, got string"), std::string::npos)
        << m;
}

TEST(FunctionConfig, RejectsPriorityOutOfRange) {
    for (const char *json : {R"({"version": 1, "functions": [{"name": "a", "priority": 4}]})",
                             R"({"version": 1, "functions": [{"name": "a", "priority": -1}]})",
                             R"({"version": 1, "functions": [{"name": "a", "priority": 1.5}]})"}) {
        EXPECT_NE(rejection(json).find("from 0 to 3"), std::string::npos) << json;
    }
}

TEST(FunctionConfig, RejectsUnknownLayer) {
    const std::string m =
        rejection(R"({"version": 1, "functions": [{"name": "ip_rcv", "layer": "Transport"}]})");
    EXPECT_NE(m.find("(ip_rcv): unknown layer \"Transport\""), std::string::npos) << m;
    EXPECT_NE(m.find("IPv4"), std::string::npos) << m; // lists the known ones
}

TEST(FunctionConfig, RejectsDuplicates) {
    const std::string m = rejection(
        R"({"version": 1, "functions": [{"name": "ip_rcv"}, {"name": "x"}, {"name": "ip_rcv"}]})");
    EXPECT_NE(m.find("functions[2] (ip_rcv): listed twice"), std::string::npos) << m;
}

TEST(Selection, NoChoiceTakesEverythingMostImportantFirst) {
    const std::vector<KernelFunction> all{fn("skb_clone"), fn("tcp_v4_rcv"), fn("ip_options_echo"),
                                          fn("ip_rcv")};
    const SelectedFunctions s = selectFunctions(all, {});
    ASSERT_EQ(s.functions.size(), 4u);
    EXPECT_EQ(s.functions[0].name, "ip_rcv"); // priority 0, IPv4 before TCP
    EXPECT_EQ(s.functions[1].name, "tcp_v4_rcv");
    EXPECT_EQ(s.functions[3].name, "skb_clone");
    EXPECT_TRUE(s.missing.empty());
}

TEST(Selection, LayersPriorityAndMaximumNarrow) {
    const std::vector<KernelFunction> all{fn("skb_clone"),  fn("tcp_v4_rcv"),
                                          fn("ip_rcv"),     fn("ip_options_echo"),
                                          fn("ip_forward"), fn("nft_do_chain")};
    FunctionSelection sel;
    sel.layers = {Layer::IPv4};
    SelectedFunctions s = selectFunctions(all, sel);
    EXPECT_EQ(s.functions.size(), 3u);
    sel.maxPriority = 0;
    s = selectFunctions(all, sel);
    ASSERT_EQ(s.functions.size(), 2u);
    sel.maxFunctions = 1;
    s = selectFunctions(all, sel);
    ASSERT_EQ(s.functions.size(), 1u);
    EXPECT_EQ(s.functions[0].name, "ip_forward");
}

TEST(Selection, NamedFunctionsTheKernelLacksAreListedNotFatal) {
    const std::vector<KernelFunction> all{fn("ip_rcv"), fn("tcp_v4_rcv")};
    FunctionSelection sel;
    sel.names = {"tcp_v4_rcv", "no_such_fn", "tcp_v4_rcv"};
    const SelectedFunctions s = selectFunctions(all, sel);
    ASSERT_EQ(s.functions.size(), 1u);
    EXPECT_EQ(s.functions[0].name, "tcp_v4_rcv");
    EXPECT_EQ(s.missing, std::vector<std::string>{"no_such_fn"});
}

TEST(Selection, ConfigTakesEnabledEntriesWithTheirLayer) {
    const std::vector<KernelFunction> all{fn("ip_rcv", 1), fn("tcp_v4_rcv"), fn("skb_clone")};
    FunctionSelection sel;
    sel.config = parseFunctionConfig(QByteArray(R"({"version": 1, "functions": [
        {"name": "ip_rcv", "layer": "Device", "priority": 2},
        {"name": "tcp_v4_rcv", "enabled": false},
        {"name": "gone_fn"}]})"),
                                     QString());
    const SelectedFunctions s = selectFunctions(all, sel);
    ASSERT_EQ(s.functions.size(), 1u);
    EXPECT_EQ(s.functions[0].name, "ip_rcv");
    EXPECT_EQ(s.functions[0].layer, Layer::Device);
    EXPECT_EQ(s.functions[0].priority, 2);
    EXPECT_EQ(s.missing, std::vector<std::string>{"gone_fn"});
}
