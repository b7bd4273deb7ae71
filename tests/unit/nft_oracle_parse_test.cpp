// The oracle's reading of `nft -a monitor trace` (tests/support/nft_oracle.h): records, packets,
// and the identity it shares with our own trace records.
#include "nft_oracle.h"

#include <fstream>
#include <gtest/gtest.h>
#include <iterator>

namespace {

using nt::test::BaseChains;
using nt::test::OracleOutput;

std::string fixture() {
    std::ifstream in(NT_TEST_DATA_DIR "/nft-monitor/loopback-jump.txt");
    EXPECT_TRUE(in.good());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const BaseChains kChains = {
    {"inet|t|pre", {"output", -500}}, {"inet|t|o", {"output", 0}}, {"inet|t|inp", {"input", 0}}};

TEST(NftOracleParse, RecordsCarryChainHandleAndVerdict) {
    const OracleOutput out = nt::test::parseMonitorTrace(fixture());
    EXPECT_TRUE(out.other.empty()) << out.other.front();
    ASSERT_EQ(out.records.size(), 19u);
    const nt::test::OracleRecord &first = out.records[0];
    EXPECT_EQ(first.traceId, 0xa19ecc27u);
    EXPECT_EQ(first.family, "inet");
    EXPECT_EQ(first.table, "t");
    EXPECT_EQ(first.chain, "pre");
    EXPECT_EQ(first.kind, "rule");
    EXPECT_EQ(first.handle, 5u);
    EXPECT_EQ(first.verdict, "continue");
    EXPECT_EQ(first.packet.rfind("packet: oif \"lo\" ip saddr 127.0.0.1", 0), 0u) << first.packet;
    EXPECT_EQ(out.records[1].kind, "policy");
    EXPECT_EQ(out.records[1].verdict, "accept");
    EXPECT_TRUE(out.records[1].packet.empty());
    EXPECT_EQ(out.records[2].verdict, "jump sub");
    EXPECT_EQ(out.records[2].handle, 6u);
    EXPECT_EQ(out.records[3].chain, "sub");
    EXPECT_EQ(out.records[3].verdict, "return");
    // The reject rule's verdict is drop.
    EXPECT_EQ(out.records.back().handle, 7u);
    EXPECT_EQ(out.records.back().verdict, "drop");
}

TEST(NftOracleParse, PacketsFollowTraceIdsAcrossInterleavedMessages) {
    const OracleOutput out = nt::test::parseMonitorTrace(fixture());
    const auto packets = nt::test::splitPackets(out, kChains);
    ASSERT_EQ(packets.size(), 7u);
    // The echo request's output path: our chain, then o, its jump into sub and o's policy.
    ASSERT_EQ(packets[0].records.size(), 5u);
    // The SYN's output walk comes after two other packets' messages and still joins its own.
    const auto syn = std::find_if(packets.begin(), packets.end(), [&](const auto &p) {
        return out.records[p.records.front()].traceId == 0x95c61589u;
    });
    ASSERT_NE(syn, packets.end());
    ASSERT_EQ(syn->records.size(), 3u);
    EXPECT_EQ(out.records[syn->records.back()].verdict, "drop");
}

TEST(NftOracleParse, AReusedTraceIdStartsANewPacketAtAnEarlierHook) {
    // The id hashes the skb address: a later packet may reuse it. Its walk starts again at
    // the first base chain, which a packet never passes twice.
    std::string text = fixture();
    const std::string firstPacket = text.substr(0, text.find("trace id ce3560f4"));
    text += firstPacket;
    const OracleOutput out = nt::test::parseMonitorTrace(text);
    const auto packets = nt::test::splitPackets(out, kChains);
    ASSERT_EQ(packets.size(), 8u);
    EXPECT_EQ(packets.back().records.size(), 5u);
    // A walk at a later place in the path (input after output) keeps the packet.
    const std::string later = "trace id 0000002a inet t o policy accept\n"
                              "trace id 0000002a inet t inp packet: iif \"lo\"\n"
                              "trace id 0000002a inet t inp policy drop\n"
                              "trace id 0000002a inet t o policy accept\n";
    const OracleOutput o2 = nt::test::parseMonitorTrace(later);
    const auto p2 = nt::test::splitPackets(o2, kChains);
    ASSERT_EQ(p2.size(), 2u);
    EXPECT_EQ(p2[0].records.size(), 2u);
}

TEST(NftOracleParse, AReusedTraceIdAtTheOtherOfInputAndForwardIsANewPacket) {
    // A bridged frame delivered up, and 0.8 s later a clone of another frame flooded to a port
    // in the same recycled skb: same id, the forward hook after the input hook. One skb takes
    // one of them, so these are two packets; a later chain at the same hook is not.
    const BaseChains chains = {{"bridge|t|pre", {"prerouting", -500}},
                               {"bridge|bf|input", {"input", 0}},
                               {"bridge|bf|forward", {"forward", 0}},
                               {"bridge|bf|input2", {"input", 0}}};
    const std::string text = "trace id a9a06421 bridge t pre packet: iif \"bs\"\n"
                             "trace id a9a06421 bridge t pre rule meta nftrace set 1 accept # "
                             "handle 3 (verdict accept)\n"
                             "trace id a9a06421 bridge bf input packet: iif \"bs\"\n"
                             "trace id a9a06421 bridge bf input policy accept\n"
                             "trace id a9a06421 bridge bf input2 packet: iif \"bs\"\n"
                             "trace id a9a06421 bridge bf input2 policy accept\n"
                             "trace id a9a06421 bridge bf forward packet: iif \"bs\" oif \"bc\"\n"
                             "trace id a9a06421 bridge bf forward policy accept\n";
    const OracleOutput out = nt::test::parseMonitorTrace(text);
    ASSERT_EQ(out.records.size(), 4u);
    const auto packets = nt::test::splitPackets(out, chains);
    ASSERT_EQ(packets.size(), 2u);
    EXPECT_EQ(packets[0].records.size(), 3u);
    EXPECT_EQ(packets[1].records.size(), 1u);
    EXPECT_EQ(out.records[packets[1].records[0]].chain, "forward");
}

TEST(NftOracleParse, OurRecordsHaveTheSameIdentity) {
    const OracleOutput out = nt::test::parseMonitorTrace(fixture());
    nt::NftTraceRecord jump;
    jump.id = 0xa19ecc27u;
    jump.family = 1; // NFPROTO_INET
    jump.table = "t";
    jump.chain = "o";
    jump.type = nt::NftTraceType::Rule;
    jump.ruleHandle = 6;
    jump.verdict = nt::verdict::Jump;
    jump.jumpTarget = "sub";
    EXPECT_EQ(nt::test::recordKey(jump), out.records[2].key());
    nt::NftTraceRecord policy;
    policy.id = 0xa19ecc27u;
    policy.family = 1;
    policy.table = "t";
    policy.chain = "pre";
    policy.type = nt::NftTraceType::Policy;
    policy.policy = static_cast<uint32_t>(nt::verdict::Accept);
    EXPECT_EQ(nt::test::recordKey(policy), out.records[1].key());
    policy.policy = static_cast<uint32_t>(nt::verdict::Drop);
    EXPECT_NE(nt::test::recordKey(policy), out.records[1].key());
}

} // namespace
