// Packet-header and nft-record pages and the packed container: every value survives, a flood's
// records take few bytes once packed, and damaged pages are refused with a reason, never read as
// other records.
#include "page_codec.h"
#include "record_pages.h"
#include "tracefile.h"

#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <tuple>

namespace {

using nt::NftTraceRecord;
using nt::PacketHeader;
using nt::pages::asBytes;

constexpr uint64_t kU64Max = std::numeric_limits<uint64_t>::max();
constexpr uint32_t kU32Max = std::numeric_limits<uint32_t>::max();

auto fields(const PacketHeader &p) {
    return std::make_tuple(p.skb, p.tsNs, p.netns, p.len, p.protocol, p.data);
}

auto fields(const NftTraceRecord &r) {
    return std::make_tuple(r.tsNs, r.ruleHandle, r.id, r.iif, r.oif, r.mark, r.nfproto, r.policy,
                           r.verdict, r.iiftype, r.oiftype, r.family, r.type, r.netns, r.ctId,
                           r.ctStatus, r.ctState, r.ctDirection, r.table.str(), r.chain.str(),
                           r.jumpTarget.str(), r.skb, r.walkStart, r.llHeader, r.networkHeader,
                           r.transportHeader);
}

// A UDP flood's headers as the recorder captures them: Ethernet, IPv4 with a rising id and its
// checksum, UDP with a rising source port, a payload that counts.
std::vector<PacketHeader> flood(size_t n) {
    std::vector<PacketHeader> v(n);
    for (size_t i = 0; i < n; ++i) {
        PacketHeader &p = v[i];
        p.skb = 0xffff888104000000ull + (i % 512) * 0x100;
        p.tsNs = 9'000'000'000ull + i * 3100;
        p.netns = 4026532001u;
        p.len = 106;
        p.protocol = 0x0800;
        p.data.assign(NT_PACKET_CAPLEN, 0);
        for (size_t k = 0; k < p.data.size(); ++k)
            p.data[k] = uint8_t(k * 7);
        p.data[18] = uint8_t(i >> 8); // IP id
        p.data[19] = uint8_t(i);
        p.data[24] = uint8_t((i * 31) >> 8); // checksum
        p.data[25] = uint8_t(i * 31);
        p.data[34] = uint8_t((40000 + i % 64) >> 8); // source port
        p.data[35] = uint8_t(40000 + i % 64);
        p.data[50] = uint8_t(i);
    }
    return v;
}

// Its nft records: a rule and a policy record per hook, headers with the first of each walk.
std::vector<NftTraceRecord> nftFlood(size_t n) {
    std::vector<NftTraceRecord> v(n);
    const std::vector<PacketHeader> packets = flood(n / 2 + 1);
    for (size_t i = 0; i < n; ++i) {
        NftTraceRecord &r = v[i];
        r.tsNs = 9'000'000'000ull + i * 1500;
        r.id = uint32_t((i / 2) * 2654435761u);
        r.iif = 3;
        r.nfproto = 2;
        r.family = 1;
        r.netns = 4026532001u;
        r.table = "filter";
        r.chain = i % 4 < 2 ? "input" : "prerouting";
        if (i % 2 == 0) {
            r.type = nt::NftTraceType::Rule;
            r.ruleHandle = 7;
            r.verdict = nt::verdict::Accept;
            const auto &d = packets[i / 2].data;
            r.llHeader.assign(d.begin(), d.begin() + 14);
            r.networkHeader.assign(d.begin() + 14, d.begin() + 34);
            r.transportHeader.assign(d.begin() + 34, d.begin() + 42);
            r.ctState = 8;
            r.ctId = uint32_t(i * 40503u);
            r.ctStatus = 0x188;
        } else {
            r.type = nt::NftTraceType::Policy;
            r.policy = 1;
        }
    }
    return v;
}

TEST(PacketPages, ExtremeValuesRoundTrip) {
    std::vector<PacketHeader> v(4);
    v[0] = {kU64Max, kU64Max, kU32Max,
            kU32Max, 65535,   std::vector<uint8_t>(NT_PACKET_CAPLEN, 0xff)};
    v[1].data = {1, 2, 3}; // shorter than the header before it
    v[2] = v[0];
    v[3].tsNs = 1; // far back from the previous: the difference wraps
    v[3].data = std::vector<uint8_t>(NT_PACKET_CAPLEN, 0x5a);
    // Lengths that end inside a word, after longer and shorter headers.
    v.push_back(v[3]);
    v.back().data.assign(13, 0x5a);
    v.back().data[12] = 0x77;
    v.push_back(v[3]);
    v.back().data = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
    v.push_back(v[3]);
    v.back().data.assign(19, 0);
    std::string page;
    const nt::pages::Stats st = nt::encodePacketPage(v, page);
    EXPECT_EQ(st.minTs, 0u);
    EXPECT_EQ(st.maxTs, kU64Max);
    std::vector<PacketHeader> back;
    nt::pages::Stats got;
    ASSERT_EQ(nt::decodePacketPage(asBytes(page), back, &got), QString());
    ASSERT_EQ(back.size(), v.size());
    for (size_t i = 0; i < v.size(); ++i)
        EXPECT_EQ(fields(back[i]), fields(v[i])) << i;
    EXPECT_EQ(got.minTs, st.minTs);
    EXPECT_EQ(got.maxTs, st.maxTs);
}

TEST(NftPages, ExtremeValuesRoundTrip) {
    std::vector<NftTraceRecord> v(3);
    NftTraceRecord &a = v[0];
    a.tsNs = kU64Max;
    a.ruleHandle = kU64Max;
    a.id = a.iif = a.oif = a.mark = a.nfproto = a.policy = kU32Max;
    a.verdict = std::numeric_limits<int32_t>::min();
    a.iiftype = a.oiftype = 65535;
    a.family = 255;
    a.type = nt::NftTraceType::Chain;
    a.netns = kU32Max;
    a.ctId = a.ctStatus = a.ctState = kU32Max;
    a.ctDirection = 255;
    a.table = std::string(256, 't');
    a.chain = "é ü ✓";
    a.jumpTarget = "to";
    a.skb = kU64Max;
    a.walkStart = true;
    a.llHeader.assign(nt::kMaxNftHeaderBytes, 1);
    a.networkHeader = {2};
    a.transportHeader.assign(nt::kMaxNftHeaderBytes, 3);
    v[1].verdict = std::numeric_limits<int32_t>::max();
    v[1].chain = "é ü ✓";
    v[2] = a;
    v[2].verdict = nt::verdict::Return;
    std::string page;
    nt::encodeNftPage(v, page);
    std::vector<NftTraceRecord> back;
    ASSERT_EQ(nt::decodeNftPage(asBytes(page), back), QString());
    ASSERT_EQ(back.size(), v.size());
    for (size_t i = 0; i < v.size(); ++i)
        EXPECT_EQ(fields(back[i]), fields(v[i])) << i;
    EXPECT_EQ(back[0].chain, back[1].chain) << "names read back interned";
}

// The aim: a flood's records in a few bytes each once packed. Names are stored once per page.
TEST(RecordPages, AFloodTakesFewBytesOncePacked) {
    nt::pages::Compressor packer;
    std::string raw, stored;
    const std::vector<PacketHeader> packets = flood(nt::kRecordsPerPage);
    nt::encodePacketPage(packets, raw);
    packer.pack(raw, stored);
    const double perPacket = double(stored.size()) / double(packets.size());
    EXPECT_LT(perPacket, 12.0) << "packed bytes per packet header (" << raw.size() / packets.size()
                               << " unpacked)";

    raw.clear();
    const std::vector<NftTraceRecord> records = nftFlood(nt::kRecordsPerPage);
    nt::encodeNftPage(records, raw);
    EXPECT_EQ(raw.find("prerouting"), raw.rfind("prerouting")) << "a name is stored once";
    packer.pack(raw, stored);
    const double perRecord = double(stored.size()) / double(records.size());
    EXPECT_LT(perRecord, 16.0) << "packed bytes per nft record (" << raw.size() / records.size()
                               << " unpacked)";

    std::string unpacked;
    ASSERT_EQ(nt::pages::unpack(asBytes(stored), unpacked), QString());
    EXPECT_EQ(unpacked, raw);
}

TEST(RecordPages, EveryCutAndFlippedByteIsRefusedOrStaysInRange) {
    std::string packetPage, nftPage;
    nt::encodePacketPage(flood(8), packetPage);
    nt::encodeNftPage(nftFlood(8), nftPage);
    for (size_t n = 0; n < packetPage.size(); ++n) {
        std::vector<PacketHeader> back;
        EXPECT_NE(nt::decodePacketPage(asBytes(packetPage.substr(0, n)), back), QString()) << n;
    }
    for (size_t n = 0; n < nftPage.size(); ++n) {
        std::vector<NftTraceRecord> back;
        EXPECT_NE(nt::decodeNftPage(asBytes(nftPage.substr(0, n)), back), QString()) << n;
    }
    std::mt19937 rng(11);
    for (int round = 0; round < 3000; ++round) {
        std::string bad = round % 2 ? packetPage : nftPage;
        bad[rng() % bad.size()] ^= char(1 + rng() % 255);
        if (round % 2) {
            std::vector<PacketHeader> back;
            if (nt::decodePacketPage(asBytes(bad), back).isEmpty()) {
                EXPECT_EQ(back.size(), 8u);
                for (const PacketHeader &p : back)
                    EXPECT_LE(p.data.size(), size_t(NT_PACKET_CAPLEN));
            }
        } else {
            std::vector<NftTraceRecord> back;
            if (nt::decodeNftPage(asBytes(bad), back).isEmpty()) {
                EXPECT_EQ(back.size(), 8u);
                for (const NftTraceRecord &r : back)
                    EXPECT_LE(r.type, nt::NftTraceType::Chain);
            }
        }
    }
}

TEST(NftPages, RefusalsSayWhatIsWrong) {
    std::vector<NftTraceRecord> v(1);
    v[0].type = nt::NftTraceType::Rule;
    v[0].verdict = nt::verdict::Accept;
    v[0].table = "t";
    std::string page;
    nt::encodeNftPage(v, page);
    std::vector<NftTraceRecord> back;
    // Layout: format, count, n_names, "t" (2 bytes), "" (1), then the record from byte 6: ts,
    // rule_handle, trace_id, iif, oif, mark, nfproto, policy (a byte each), verdict (byte 14),
    // iiftype, oiftype, family, type (byte 18), netns, table's name index (byte 20).
    ASSERT_EQ(page[18], char(nt::NftTraceType::Rule));
    std::string bad = page;
    bad[18] = 9;
    EXPECT_TRUE(nt::decodeNftPage(asBytes(bad), back).contains(QStringLiteral("type 9")));
    bad = page;
    bad[20] = 7;
    EXPECT_TRUE(nt::decodeNftPage(asBytes(bad), back).contains(QStringLiteral("does not list")));
    bad = page;
    bad[0] = 2;
    EXPECT_TRUE(nt::decodeNftPage(asBytes(bad), back).contains(QStringLiteral("format 2")));
    EXPECT_TRUE(nt::decodeNftPage(asBytes(page + '\0'), back).contains(QStringLiteral("after")));
    // A verdict beyond 32 bits: zigzag of 2^31 is 2^32, five varint bytes where one was.
    ASSERT_EQ(page[14], 2);
    bad = page.substr(0, 14) + std::string("\x80\x80\x80\x80\x10", 5) + page.substr(15);
    EXPECT_TRUE(nt::decodeNftPage(asBytes(bad), back).contains(QStringLiteral("verdict")));
    EXPECT_EQ(nt::decodeNftPage(asBytes(page), back), QString());
}

TEST(PackedPages, DamageIsRefusedWithAReason) {
    nt::pages::Compressor packer;
    std::string raw, stored, out;
    nt::encodePacketPage(flood(300), raw);
    packer.pack(raw, stored);
    ASSERT_EQ(stored[0], char(nt::pages::kCodecZstd));
    // A flipped bit anywhere in the frame: the frame's checksum or its structure refuses it, or
    // the bit did not matter (a window-size hint, stream padding) and the page is the same.
    size_t refused = 0;
    for (size_t i = 1; i < stored.size(); ++i) {
        std::string bad = stored;
        bad[i] ^= 0x10;
        if (!nt::pages::unpack(asBytes(bad), out).isEmpty())
            ++refused;
        else
            EXPECT_EQ(out, raw) << "byte " << i << " read as another page";
    }
    EXPECT_GT(refused, stored.size() * 9 / 10);
    for (size_t n = 0; n < stored.size(); ++n)
        EXPECT_NE(nt::pages::unpack(asBytes(stored.substr(0, n)), out), QString()) << n;
    std::string bad = stored;
    bad[0] = 5;
    EXPECT_TRUE(nt::pages::unpack(asBytes(bad), out).contains(QStringLiteral("unknown")));
    // A size beyond what a reader unpacks is refused before any memory is taken.
    std::string huge("\x01", 1);
    nt::pages::putVarint(huge, uint64_t{1} << 40);
    EXPECT_TRUE(nt::pages::unpack(asBytes(huge + stored.substr(4)), out)
                    .contains(QStringLiteral("more than")));
}

TEST(PackedPages, WhatDoesNotShrinkIsStoredAsIs) {
    nt::pages::Compressor packer;
    std::string raw, stored, out;
    std::mt19937 rng(3);
    for (int i = 0; i < 200; ++i)
        raw.push_back(char(rng()));
    packer.pack(raw, stored);
    EXPECT_EQ(stored[0], char(nt::pages::kCodecStored));
    ASSERT_EQ(nt::pages::unpack(asBytes(stored), out), QString());
    EXPECT_EQ(out, raw);
    EXPECT_NE(nt::pages::unpack(asBytes(stored + 'x'), out), QString()) << "a byte too many";
    packer.pack(std::string(), stored);
    ASSERT_EQ(nt::pages::unpack(asBytes(stored), out), QString());
    EXPECT_TRUE(out.empty());
}

} // namespace
