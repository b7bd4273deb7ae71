// Discovery against this machine's real BTF (readable without root) and its cache.
#include "discovery.h"
#include "error.h"
#include "require.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

using namespace nt;

namespace {

std::string missingBtf() {
    return access("/sys/kernel/btf/vmlinux", R_OK) == 0
               ? std::string()
               : "this kernel has no readable /sys/kernel/btf/vmlinux (CONFIG_DEBUG_INFO_BTF)";
}

const KernelFunction *find(const Discovery &d, const std::string &name) {
    for (const KernelFunction &f : d.functions) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

} // namespace

TEST(Discovery, FindsTheMainReceivePathWithItsSkbArgument) {
    NT_REQUIRE(missingBtf());
    DiscoveryOptions o;
    o.useCache = false;
    const Discovery d = discoverFunctions(o);
    EXPECT_GT(d.btfFunctions, 500u);
    EXPECT_GT(d.functions.size(), 300u);
    EXPECT_LE(d.functions.size(), d.btfFunctions);
    EXPECT_FALSE(d.traceableSource.empty());
    // ip_rcv(skb, dev, pt, orig_dev), tcp_v4_rcv(skb), ip_local_deliver(skb),
    // ip_finish_output2(net, sk, skb).
    struct Expect {
        const char *name;
        int arg;
        Layer layer;
    };
    for (const Expect &e : {Expect{"ip_rcv", 1, Layer::IPv4}, Expect{"tcp_v4_rcv", 1, Layer::TCP},
                            Expect{"ip_local_deliver", 1, Layer::IPv4},
                            Expect{"__netif_receive_skb", 1, Layer::Device},
                            Expect{"ip_finish_output2", 3, Layer::IPv4}}) {
        const KernelFunction *f = find(d, e.name);
        ASSERT_NE(f, nullptr) << e.name;
        EXPECT_EQ(f->skbArg, e.arg) << e.name;
        EXPECT_EQ(f->layer, e.layer) << e.name;
    }
    // nft_do_chain(pkt, priv) takes the packet as an nft_pktinfo, which holds the skb.
    if (const KernelFunction *f = find(d, "nft_do_chain")) {
        EXPECT_TRUE(f->pktinfo);
        EXPECT_EQ(f->skbArg, 1);
        EXPECT_EQ(f->layer, Layer::Netfilter);
    }
    EXPECT_FALSE(find(d, "ip_rcv")->pktinfo);
    // Sorted most important first.
    for (size_t i = 1; i < d.functions.size(); ++i) {
        ASSERT_LE(d.functions[i - 1].priority, d.functions[i].priority);
    }
}

TEST(Discovery, CacheGivesTheSameListAndIsKeyedByKernel) {
    NT_REQUIRE(missingBtf());
    char tmpl[] = "/tmp/nt-discovery-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    const std::string dir = tmpl;
    const char *old = std::getenv("XDG_CACHE_HOME");
    const std::string saved = old != nullptr ? old : "";
    setenv("XDG_CACHE_HOME", dir.c_str(), 1);
    const Discovery first = discoverFunctions();
    const Discovery second = discoverFunctions();
    if (old != nullptr) {
        setenv("XDG_CACHE_HOME", saved.c_str(), 1);
    } else {
        unsetenv("XDG_CACHE_HOME");
    }
    EXPECT_FALSE(first.fromCache);
    EXPECT_TRUE(second.fromCache);
    EXPECT_EQ(first.cachePath, second.cachePath);
    EXPECT_EQ(first.cachePath.rfind(dir + "/nft-tracer/functions-", 0), 0u) << first.cachePath;
    ASSERT_EQ(first.functions.size(), second.functions.size());
    for (size_t i = 0; i < first.functions.size(); ++i) {
        EXPECT_EQ(first.functions[i].name, second.functions[i].name);
        EXPECT_EQ(first.functions[i].skbArg, second.functions[i].skbArg);
        EXPECT_EQ(first.functions[i].pktinfo, second.functions[i].pktinfo);
        EXPECT_EQ(first.functions[i].layer, second.functions[i].layer);
    }
    EXPECT_EQ(first.btfFunctions, second.btfFunctions);
    std::filesystem::remove_all(dir);
}

TEST(Discovery, MissingBtfIsAClearError) {
    DiscoveryOptions o;
    o.btfDir = "/nonexistent-btf";
    o.useCache = false;
    try {
        (void)discoverFunctions(o);
        FAIL() << "expected an error";
    } catch (const Error &e) {
        EXPECT_NE(std::string(e.what()).find("CONFIG_DEBUG_INFO_BTF"), std::string::npos);
    }
}
