// Resolving nftables' trace function from BTF: the two signatures the BPF programs read (Linux
// up to 6.2, and 6.3 on), and a clear refusal for anything else. The BTF is built here, as a
// kernel with nf_tables built in would describe the function.
#include "kernel_info.h"
#include "nft_trace_probe.h"

#include <bpf/btf.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

using namespace nt;

namespace {

// A BTF holding __nft_trace_packet with parameters (name, pointee struct or "" for the enum).
BtfPtr traceFunction(const std::vector<std::pair<std::string, std::string>> &params) {
    BtfPtr b(btf__new_empty());
    const int u8 = btf__add_int(b.get(), "u8", 1, 0);
    const int types = btf__add_enum(b.get(), "nft_trace_types", 4);
    btf__add_enum_value(b.get(), "NFT_TRACETYPE_RULE", 3);
    std::vector<int> ids;
    for (const auto &[name, pointee] : params) {
        if (pointee.empty()) {
            ids.push_back(types);
            continue;
        }
        int s = btf__find_by_name_kind(b.get(), pointee.c_str(), BTF_KIND_STRUCT);
        if (s <= 0) {
            s = btf__add_struct(b.get(), pointee.c_str(), 1);
            btf__add_field(b.get(), "x", u8, 0, 0);
        }
        const int c = btf__add_const(b.get(), s);
        ids.push_back(btf__add_ptr(b.get(), c));
    }
    const int proto = btf__add_func_proto(b.get(), 0);
    for (size_t i = 0; i < params.size(); ++i) {
        btf__add_func_param(b.get(), params[i].first.c_str(), ids[i]);
    }
    btf__add_func(b.get(), "__nft_trace_packet", BTF_FUNC_STATIC, proto);
    return b;
}

} // namespace

TEST(NftTraceProbe, UpTo62TheInfoHoldsPacketRuleAndVerdict) {
    const BtfPtr b =
        traceFunction({{"info", "nft_traceinfo"}, {"chain", "nft_chain"}, {"type", ""}});
    const NftTraceProbe p = findNftTraceProbe(b.get());
    EXPECT_EQ(p.version, 1) << p.error;
    EXPECT_EQ(p.function, "__nft_trace_packet");
    EXPECT_EQ(p.module, "") << "found in the kernel's own BTF: nf_tables is built in";
    EXPECT_EQ(p.error, "");
}

TEST(NftTraceProbe, Since63PacketVerdictAndRuleAreArguments) {
    const BtfPtr b = traceFunction({{"pkt", "nft_pktinfo"},
                                    {"verdict", "nft_verdict"},
                                    {"rule", "nft_rule_dp"},
                                    {"info", "nft_traceinfo"},
                                    {"type", ""}});
    const NftTraceProbe p = findNftTraceProbe(b.get());
    EXPECT_EQ(p.version, 2) << p.error;
}

TEST(NftTraceProbe, AnUnknownSignatureIsRefusedAndShown) {
    const BtfPtr b = traceFunction({{"pkt", "nft_pktinfo"}, {"info", "nft_traceinfo"}});
    const NftTraceProbe p = findNftTraceProbe(b.get());
    EXPECT_EQ(p.version, 0);
    EXPECT_NE(p.error.find("signature nft-tracer does not know"), std::string::npos) << p.error;
    EXPECT_NE(p.error.find("nft_pktinfo *, nft_traceinfo *"), std::string::npos) << p.error;
}

TEST(NftTraceProbe, NoBtfNoProbe) {
    const NftTraceProbe p = findNftTraceProbe(nullptr);
    EXPECT_EQ(p.version, 0);
    EXPECT_FALSE(p.error.empty());
}
