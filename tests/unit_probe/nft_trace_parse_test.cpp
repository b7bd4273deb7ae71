// Parsing of nftables trace messages: real captures from tests/data/nft, and malformed input.
#include "nft_trace_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <arpa/inet.h>
#include <cstring>
#include <fstream>
#include <iterator>
#include <libmnl/libmnl.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <string>
#include <vector>

namespace {

using nt::NftTraceRecord;
using nt::NftTraceType;
namespace verdict = nt::verdict;
using Bytes = std::vector<uint8_t>;

const std::string kTable = "nft_tracer_10922_3"; // the trace table of the capture run

std::string fixture(const char *name) {
    std::ifstream f(std::string(NT_TEST_DATA_DIR) + "/nft/" + name, std::ios::binary);
    EXPECT_TRUE(f.good()) << name;
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

std::vector<NftTraceRecord> parseFixture(const char *name) {
    const std::string raw = fixture(name);
    std::vector<NftTraceRecord> out;
    uint64_t malformed = 0;
    const size_t n = nt::parseNftTraceBuffer(raw.data(), raw.size(), out, &malformed);
    EXPECT_EQ(n, out.size());
    EXPECT_EQ(malformed, 0u);
    return out;
}

Bytes hex(const std::string &s) {
    Bytes b;
    for (size_t i = 0; i + 1 < s.size(); i += 2) {
        b.push_back(static_cast<uint8_t>(std::stoul(s.substr(i, 2), nullptr, 16)));
    }
    return b;
}

TEST(NftTraceParse, Icmp4EchoThroughJumpReturnAndPolicy) {
    const std::vector<NftTraceRecord> r = parseFixture("icmp4.nlmsg");
    ASSERT_EQ(r.size(), 34u);

    // Echo request leaving through our output chain: first record of the walk, with headers.
    const NftTraceRecord &out = r[0];
    EXPECT_EQ(out.id, 0xa61a757eu);
    EXPECT_EQ(out.table, kTable);
    EXPECT_EQ(out.chain, "output");
    EXPECT_EQ(out.type, NftTraceType::Rule);
    EXPECT_EQ(out.ruleHandle, 15u);
    EXPECT_EQ(out.verdict, verdict::Continue);
    EXPECT_EQ(out.jumpTarget, "");
    EXPECT_EQ(out.family, NFPROTO_INET);
    EXPECT_EQ(out.nfproto, static_cast<uint32_t>(NFPROTO_IPV4));
    EXPECT_EQ(out.iif, 0u);
    EXPECT_EQ(out.oif, 1u);
    EXPECT_EQ(out.oiftype, 772); // ARPHRD_LOOPBACK
    EXPECT_EQ(out.mark, 0u);
    EXPECT_TRUE(out.llHeader.empty());
    EXPECT_EQ(out.networkHeader, hex("4500005409b24000400132f57f0000017f000001"));
    EXPECT_EQ(out.transportHeader, hex("0800bb032afe0001632d026b00000000e8910500"));
    EXPECT_EQ(out.tsNs, 0u); // receipt time is the reader's business

    // Later records of the same walk carry no headers; the end of the chain and the policy.
    EXPECT_EQ(r[1].id, out.id);
    EXPECT_EQ(r[1].type, NftTraceType::Rule);
    EXPECT_EQ(r[1].ruleHandle, 0u);
    EXPECT_TRUE(r[1].networkHeader.empty());
    EXPECT_EQ(r[2].type, NftTraceType::Policy);
    EXPECT_EQ(r[2].policy, static_cast<uint32_t>(NF_ACCEPT));
    EXPECT_EQ(r[2].verdict, verdict::None);

    // Received on lo: the kernel hashes skb_iif into the id, so it changes at prerouting.
    const NftTraceRecord &pre = r[6];
    EXPECT_EQ(pre.chain, "prerouting");
    EXPECT_NE(pre.id, out.id);
    EXPECT_EQ(pre.id, 0xadc9b3c2u);
    EXPECT_EQ(pre.iif, 1u);
    EXPECT_EQ(pre.iiftype, 772);
    EXPECT_EQ(pre.llHeader, hex("0000000000000000000000000800"));

    const NftTraceRecord &mark = r[12];
    EXPECT_EQ(mark.table, "fw");
    EXPECT_EQ(mark.chain, "in");
    EXPECT_EQ(mark.id, pre.id);
    EXPECT_EQ(mark.ruleHandle, 3u);
    EXPECT_EQ(mark.verdict, verdict::Continue);
    EXPECT_EQ(mark.mark, 0x2au);
    EXPECT_EQ(mark.llHeader, hex("0000000000000000000000000800"));
    EXPECT_EQ(mark.networkHeader, out.networkHeader);

    const NftTraceRecord &jump = r[13];
    EXPECT_EQ(jump.chain, "in");
    EXPECT_EQ(jump.ruleHandle, 4u);
    EXPECT_EQ(jump.verdict, verdict::Jump);
    EXPECT_EQ(jump.jumpTarget, "icmpchk");
    EXPECT_EQ(jump.mark, 0x2au);

    const NftTraceRecord &ret = r[14];
    EXPECT_EQ(ret.chain, "icmpchk");
    EXPECT_EQ(ret.ruleHandle, 6u);
    EXPECT_EQ(ret.verdict, verdict::Return);
    EXPECT_EQ(ret.jumpTarget, "");

    const NftTraceRecord &policy = r[16];
    EXPECT_EQ(policy.chain, "in");
    EXPECT_EQ(policy.type, NftTraceType::Policy);
    EXPECT_EQ(policy.policy, static_cast<uint32_t>(NF_ACCEPT));
    EXPECT_EQ(policy.ruleHandle, 0u);
    EXPECT_EQ(policy.mark, 0x2au);

    // The echo reply falls off the end of icmpchk: a rule record without a rule.
    EXPECT_EQ(r[30].chain, "icmpchk");
    EXPECT_EQ(r[30].ruleHandle, 7u);
    EXPECT_EQ(r[30].verdict, verdict::Continue);
    EXPECT_EQ(r[31].chain, "icmpchk");
    EXPECT_EQ(r[31].ruleHandle, 0u);
    EXPECT_EQ(r[31].type, NftTraceType::Rule);
    EXPECT_EQ(r[33].type, NftTraceType::Policy);
    EXPECT_EQ(r[33].mark, 0u);
}

TEST(NftTraceParse, Icmp6Echo) {
    const std::vector<NftTraceRecord> r = parseFixture("icmp6.nlmsg");
    ASSERT_EQ(r.size(), 28u);
    EXPECT_EQ(r[0].id, 0xd1e3a122u);
    EXPECT_EQ(r[0].chain, "output");
    EXPECT_EQ(r[0].nfproto, static_cast<uint32_t>(NFPROTO_IPV6));
    EXPECT_EQ(r[0].family, NFPROTO_INET);
    EXPECT_EQ(r[0].networkHeader,
              hex("600bb99f00403a40000000000000000000000000000000010000000000000000000000000000"
                  "0001"));
    EXPECT_EQ(r[0].transportHeader, hex("800099732b000001632d026b0000000091a30500"));
    for (const NftTraceRecord &rec : r) {
        EXPECT_EQ(rec.nfproto, static_cast<uint32_t>(NFPROTO_IPV6));
        EXPECT_NE(rec.verdict, verdict::Jump); // fw jumps for IPv4 icmp only
    }
}

TEST(NftTraceParse, TcpSynDroppedByRule) {
    const std::vector<NftTraceRecord> r = parseFixture("tcp_drop.nlmsg");
    ASSERT_EQ(r.size(), 13u);
    const NftTraceRecord &drop = r.back();
    EXPECT_EQ(drop.id, 0x19ea651fu);
    EXPECT_EQ(drop.table, "fw");
    EXPECT_EQ(drop.chain, "in");
    EXPECT_EQ(drop.type, NftTraceType::Rule);
    EXPECT_EQ(drop.ruleHandle, 5u);
    EXPECT_EQ(drop.verdict, verdict::Drop);
    EXPECT_EQ(drop.iif, 1u);
    EXPECT_EQ(drop.networkHeader, hex("4500003c896a40004006b34f7f0000017f000001"));
    EXPECT_EQ(drop.transportHeader, hex("d14c00098ec89d3700000000a002ffd7fe300000"));
    EXPECT_EQ(drop.llHeader, hex("0000000000000000000000000800"));
}

// First message of a fixture, as its own buffer.
std::string firstMessage(const char *name) {
    const std::string raw = fixture(name);
    nlmsghdr h{};
    std::memcpy(&h, raw.data(), sizeof h);
    return raw.substr(0, h.nlmsg_len);
}

TEST(NftTraceParse, TruncatedMessagesAreRejectedWithoutCrashing) {
    const std::string full = firstMessage("icmp4.nlmsg");
    NftTraceRecord rec;
    ASSERT_TRUE(nt::parseNftTraceMessage(reinterpret_cast<const nlmsghdr *>(full.data()), rec));
    // A copy whose nlmsg_len says it ends early. A cut after an attribute's content (with or
    // without its alignment padding) leaves a shorter valid message; any other cut is refused.
    std::vector<std::pair<size_t, size_t>> ends; // [content end, padded end]
    for (size_t off = NLMSG_HDRLEN + sizeof(nfgenmsg); off < full.size();) {
        nlattr a{};
        std::memcpy(&a, full.data() + off, sizeof a);
        ends.emplace_back(off + a.nla_len, off + NLA_ALIGN(a.nla_len));
        off += NLA_ALIGN(a.nla_len);
    }
    size_t accepted = 0;
    for (size_t len = 0; len < full.size(); ++len) {
        std::vector<uint32_t> storage(full.size() / 4 + 1); // aligned copy
        std::memcpy(storage.data(), full.data(), full.size());
        auto *nlh = reinterpret_cast<nlmsghdr *>(storage.data());
        nlh->nlmsg_len = static_cast<uint32_t>(len);
        const bool ok = nt::parseNftTraceMessage(nlh, rec);
        const bool boundary = std::any_of(ends.begin(), ends.end(), [len](const auto &e) {
            return len >= e.first && len <= e.second;
        });
        // ID and TYPE come in the first three attributes of the kernel's messages.
        if (!boundary || len < ends[2].first) {
            EXPECT_FALSE(ok) << "length " << len;
        } else {
            EXPECT_TRUE(ok) << "length " << len;
        }
        accepted += ok;
    }
    EXPECT_GT(accepted, 0u);
    // A buffer shorter than the message's own length is not read at all.
    std::vector<NftTraceRecord> out;
    EXPECT_EQ(nt::parseNftTraceBuffer(full.data(), full.size() - 1, out), 0u);
    EXPECT_TRUE(out.empty());
}

TEST(NftTraceParse, OtherMessageTypesAreNotTraces) {
    std::string msg = firstMessage("icmp4.nlmsg");
    auto *nlh = reinterpret_cast<nlmsghdr *>(msg.data());
    NftTraceRecord rec;
    nlh->nlmsg_type = (NFNL_SUBSYS_NFTABLES << 8) | NFT_MSG_NEWTABLE;
    EXPECT_FALSE(nt::parseNftTraceMessage(nlh, rec));
    nlh->nlmsg_type = NLMSG_ERROR;
    EXPECT_FALSE(nt::parseNftTraceMessage(nlh, rec));
    std::vector<NftTraceRecord> out;
    uint64_t malformed = 0;
    EXPECT_EQ(nt::parseNftTraceBuffer(msg.data(), msg.size(), out, &malformed), 0u);
    EXPECT_EQ(malformed, 0u); // not a trace: skipped, not counted
    EXPECT_FALSE(nt::parseNftTraceMessage(nullptr, rec));
}

// Hand-built trace messages for the branches on which libnftnl would exit() the process.
class Builder {
public:
    Builder() : buf_(MNL_SOCKET_BUFFER_SIZE) {
        nlh_ = mnl_nlmsg_put_header(buf_.data());
        nlh_->nlmsg_type = (NFNL_SUBSYS_NFTABLES << 8) | NFT_MSG_TRACE;
        auto *nfg = static_cast<nfgenmsg *>(mnl_nlmsg_put_extra_header(nlh_, sizeof(nfgenmsg)));
        nfg->nfgen_family = NFPROTO_INET;
    }
    Builder &u32(uint16_t type, uint32_t v) {
        mnl_attr_put_u32(nlh_, type, htonl(v));
        return *this;
    }
    Builder &raw(uint16_t type, const void *data, size_t len) {
        mnl_attr_put(nlh_, type, len, data);
        return *this;
    }
    Builder &base() { return u32(NFTA_TRACE_ID, 7).u32(NFTA_TRACE_TYPE, NFT_TRACETYPE_RULE); }
    Builder &verdict(int32_t code, const char *chain, bool withCode = true) {
        nlattr *nest = mnl_attr_nest_start(nlh_, NFTA_TRACE_VERDICT);
        if (withCode) {
            mnl_attr_put_u32(nlh_, NFTA_VERDICT_CODE, htonl(static_cast<uint32_t>(code)));
        }
        if (chain != nullptr) {
            mnl_attr_put_strz(nlh_, NFTA_VERDICT_CHAIN, chain);
        }
        mnl_attr_nest_end(nlh_, nest);
        return *this;
    }
    bool parse(NftTraceRecord &r) const { return nt::parseNftTraceMessage(nlh_, r); }

private:
    std::vector<uint32_t> buf_;
    nlmsghdr *nlh_;
};

TEST(NftTraceParse, MinimalAndUnknownAttributes) {
    NftTraceRecord r;
    ASSERT_TRUE(Builder().base().parse(r));
    EXPECT_EQ(r.id, 7u);
    EXPECT_EQ(r.type, NftTraceType::Rule);
    EXPECT_EQ(r.verdict, verdict::None);
    EXPECT_EQ(r.table, "");
    // Attributes newer than our headers (conntrack info in recent kernels) are skipped.
    const uint32_t x = 0;
    EXPECT_TRUE(Builder().base().raw(NFTA_TRACE_MAX + 3, &x, sizeof x).parse(r));
    // Queue numbers above NF_VERDICT_MASK are not part of the verdict.
    ASSERT_TRUE(Builder().base().verdict((5 << 16) | NF_QUEUE, nullptr).parse(r));
    EXPECT_EQ(r.verdict, verdict::Queue);
    ASSERT_TRUE(Builder().base().verdict(NFT_GOTO, "next").parse(r));
    EXPECT_EQ(r.verdict, verdict::Goto);
    EXPECT_EQ(r.jumpTarget, "next");
}

TEST(NftTraceParse, MalformedAttributesAreRejected) {
    NftTraceRecord r;
    const uint16_t shortId = 7;
    const char notTerminated[4] = {'f', 'w', 'x', 'y'};
    EXPECT_FALSE(Builder().u32(NFTA_TRACE_TYPE, 3).parse(r)) << "no id";
    EXPECT_FALSE(Builder().u32(NFTA_TRACE_ID, 3).parse(r)) << "no type";
    EXPECT_FALSE(
        Builder().raw(NFTA_TRACE_ID, &shortId, sizeof shortId).u32(NFTA_TRACE_TYPE, 3).parse(r));
    EXPECT_FALSE(
        Builder().base().raw(NFTA_TRACE_TABLE, notTerminated, sizeof notTerminated).parse(r));
    EXPECT_FALSE(Builder().base().raw(NFTA_TRACE_CHAIN, "", 0).parse(r));
    EXPECT_FALSE(Builder().base().raw(NFTA_TRACE_NETWORK_HEADER, "", 0).parse(r));
    EXPECT_FALSE(Builder().base().u32(NFTA_TRACE_RULE_HANDLE, 1).parse(r)) << "u64 sent as u32";
    EXPECT_FALSE(Builder().base().u32(NFTA_TRACE_IIFTYPE, 1).parse(r)) << "u16 sent as u32";
    EXPECT_FALSE(Builder().base().verdict(NFT_JUMP, nullptr).parse(r)) << "jump without target";
    EXPECT_FALSE(Builder().base().verdict(0, "x", false).parse(r)) << "verdict without code";
}

} // namespace
