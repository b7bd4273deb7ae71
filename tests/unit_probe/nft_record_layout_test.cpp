// The variable-length nft record of the ring buffer (struct nt_nft and the names after it) as
// the consumer parses it.
#include "nft_trace_probe.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace {

using nt::NftTraceType;

// A record as the BPF side writes it: the fixed part, then the names back to back.
std::vector<uint8_t> record(const nt_nft &fixed, const std::string &table, const std::string &chain,
                            const std::string &jump) {
    nt_nft r = fixed;
    r.type = NT_REC_NFT;
    r.table_len = static_cast<__u8>(table.size());
    r.chain_len = static_cast<__u8>(chain.size());
    r.jump_len = static_cast<__u8>(jump.size());
    std::vector<uint8_t> out(sizeof r);
    std::memcpy(out.data(), &r, sizeof r);
    for (const std::string *s : {&table, &chain, &jump}) {
        out.insert(out.end(), s->begin(), s->end());
    }
    return out;
}

TEST(NftRecordLayout, FixedPartIsSmall) {
    // The names no longer take 3 x 256 bytes of every record.
    EXPECT_EQ(sizeof(nt_nft), 64u);
}

TEST(NftRecordLayout, RuleRecordWithJumpTarget) {
    nt_nft f{};
    f.trace_type = 3;
    f.family = 1;
    f.nfproto = 2;
    f.verdict = -3;
    f.trace_id = 0xabcdef;
    f.ts_ns = 123456789;
    f.skb = 0xffff888012345678ULL;
    f.rule_handle = 42;
    f.netns = 4026531840u;
    f.iif = 3;
    f.oif = 0;
    f.mark = 0x10;
    f.walk_start = 1;
    const auto bytes = record(f, "filter", "input", "tcp_in");
    EXPECT_EQ(bytes.size(), sizeof(nt_nft) + 6 + 5 + 6);
    const auto r = nt::parseNftRecord(bytes);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->type, NftTraceType::Rule);
    EXPECT_EQ(r->table, "filter");
    EXPECT_EQ(r->chain, "input");
    EXPECT_EQ(r->jumpTarget, "tcp_in");
    EXPECT_EQ(r->verdict, nt::verdict::Jump);
    EXPECT_EQ(r->ruleHandle, 42u);
    EXPECT_EQ(r->id, 0xabcdefu);
    EXPECT_EQ(r->skb, 0xffff888012345678ULL);
    EXPECT_EQ(r->tsNs, 123456789u);
    EXPECT_EQ(r->netns, 4026531840u);
    EXPECT_EQ(r->iif, 3u);
    EXPECT_EQ(r->mark, 0x10u);
    EXPECT_EQ(r->family, 1);
    EXPECT_EQ(r->nfproto, 2u);
    EXPECT_TRUE(r->walkStart);
}

TEST(NftRecordLayout, PolicyAndChainVerdictRecords) {
    nt_nft f{};
    f.trace_type = 1;
    f.policy = 0;
    f.verdict = 77; // not read for policy records
    auto r = nt::parseNftRecord(record(f, "t", "c", ""));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->type, NftTraceType::Policy);
    EXPECT_EQ(r->policy, 0u);
    EXPECT_EQ(r->verdict, nt::verdict::None);
    EXPECT_TRUE(r->jumpTarget.empty());

    f.trace_type = NT_NFT_TRACETYPE_CHAIN;
    f.verdict = 1;
    r = nt::parseNftRecord(record(f, "inet_filter", "forward", ""));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->type, NftTraceType::Chain);
    EXPECT_EQ(r->verdict, nt::verdict::Accept);
    EXPECT_EQ(r->chain, "forward");
}

TEST(NftRecordLayout, LongestNamesFit) {
    const std::string t(255, 't'), c(255, 'c'), j(255, 'j');
    nt_nft f{};
    f.trace_type = 3;
    const auto r = nt::parseNftRecord(record(f, t, c, j));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->table, t);
    EXPECT_EQ(r->chain, c);
    EXPECT_EQ(r->jumpTarget, j);
}

TEST(NftRecordLayout, TruncatedRecordsAreRejected) {
    nt_nft f{};
    f.trace_type = 3;
    auto bytes = record(f, "filter", "input", "");
    EXPECT_FALSE(nt::parseNftRecord({bytes.data(), bytes.size() - 1})) << "a name cut short";
    EXPECT_FALSE(nt::parseNftRecord({bytes.data(), sizeof(nt_nft) - 1})) << "no fixed part";
    EXPECT_FALSE(nt::parseNftRecord({})) << "empty";
    bytes[0] = NT_REC_EVENT;
    EXPECT_FALSE(nt::parseNftRecord(bytes)) << "another record type";
}

} // namespace
