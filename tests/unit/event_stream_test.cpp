// Tests of the helper's event stream format: round trips of every frame, splits at every byte,
// batches split into frames, and each rejection branch of the decoder.
#include "event_stream.h"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <vector>

using namespace nt;
using namespace nt::stream;

namespace {

Event makeEvent(uint64_t i) {
    Event e{};
    e.type = NT_REC_EVENT;
    e.flags = NT_EVF_FIRST | NT_EVF_HAS_SK;
    e.probe = static_cast<uint16_t>(NT_PROBE_KFREE_SKB + i % 3);
    e.cpu = 3;
    e.protocol = 0x0800;
    e.ts_ns = 1'000'000'000'000ull + i;
    e.skb = 0xffff888000000000ull + i * 0x100;
    e.location = 0xffffffff81000000ull + i;
    e.netns = 4026531840u;
    e.ifindex = 7;
    e.len = 84;
    e.mark = 0xdeadbeef;
    e.aux = 2;
    e.aux2 = 254;
    return e;
}

PacketHeader makePacket(uint64_t i, size_t bytes = 60) {
    PacketHeader p;
    p.skb = 0xffff888000000000ull + i * 0x100;
    p.tsNs = 1'000'000'000'000ull + i;
    p.netns = 4026531841u;
    p.len = 1500;
    p.protocol = 0x86dd;
    for (size_t b = 0; b < bytes; ++b) {
        p.data.push_back(static_cast<uint8_t>(b * 7 + i));
    }
    return p;
}

NftTraceRecord makeNft(uint32_t i) {
    NftTraceRecord r;
    r.tsNs = 5'000'000 + i;
    r.ruleHandle = 42 + i;
    r.id = 0x12345678 + i;
    r.iif = 2;
    r.oif = 3;
    r.mark = 9;
    r.nfproto = 2;
    r.policy = 1;
    r.verdict = verdict::Jump;
    r.iiftype = 1;
    r.oiftype = 772;
    r.family = 1;
    r.type = NftTraceType::Rule;
    r.netns = 4026531842u;
    r.ctId = 0xc0ffee + i;
    r.ctStatus = 0x18a;
    r.ctState = 8;
    r.ctDirection = 1;
    r.table = "filter";
    r.chain = "input";
    r.jumpTarget = "from_lan";
    r.llHeader = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 8, 0};
    r.networkHeader = std::vector<uint8_t>(20, 0x45);
    r.transportHeader = {0, 80, 1, 187};
    r.skb = 0xffff888100abc000;
    r.walkStart = true;
    return r;
}

TraceMeta makeMeta() {
    TraceMeta m;
    m.host = "host-ä";
    m.kernel = "6.18.0";
    m.backend = "tracepoints";
    m.filter = "icmp and host 10.0.0.1";
    m.netns = "nt-test";
    m.toolVersion = "0.1.0";
    m.startWallNs = -5;
    m.stopWallNs = std::numeric_limits<int64_t>::max();
    m.startMonoNs = 11;
    m.stopMonoNs = std::numeric_limits<uint64_t>::max();
    m.loss = {1, 2, 3, 4, 5, 6};
    return m;
}

Trace makeHeader() {
    Trace t;
    t.meta = makeMeta();
    t.probes = {{1, "netif_receive_skb", "tracepoint", true, ""},
                {300, "ip_rcv", "kprobe", false, "kprobes are not enabled"}};
    t.dropReasons = {"NOT_SPECIFIED", "NO_SOCKET", ""};
    t.symbols = {{0xffffffff81234567ull, "tcp_v4_rcv+0x1a4"}};
    t.rulesetJson = R"({"nftables":[{"metainfo":{"version":"1.0.6"}}]})";
    return t;
}

RecordsFrame makeRecords(size_t events = 3) {
    RecordsFrame f;
    for (size_t i = 0; i < events; ++i) {
        f.batch.events.push_back(makeEvent(i));
    }
    // Packets before event 0, two before event 1, and one after the last event.
    f.batch.packets = {makePacket(0), makePacket(1, 0), makePacket(2, NT_PACKET_CAPLEN),
                       makePacket(3)};
    f.batch.packetBefore = {0, 1, 1, events};
    f.nft = {makeNft(0), makeNft(1)};
    f.nft[1].type = NftTraceType::Policy;
    f.nft[1].verdict = verdict::Drop;
    f.nft[1].llHeader.clear();
    f.symbols = {{0xffffffff81000001ull, "kfree_skb_reason+0x10"}, {1, ""}};
    return f;
}

void expectEq(const TraceMeta &a, const TraceMeta &b) {
    EXPECT_EQ(a.host, b.host);
    EXPECT_EQ(a.kernel, b.kernel);
    EXPECT_EQ(a.backend, b.backend);
    EXPECT_EQ(a.filter, b.filter);
    EXPECT_EQ(a.netns, b.netns);
    EXPECT_EQ(a.toolVersion, b.toolVersion);
    EXPECT_EQ(a.startWallNs, b.startWallNs);
    EXPECT_EQ(a.stopWallNs, b.stopWallNs);
    EXPECT_EQ(a.startMonoNs, b.startMonoNs);
    EXPECT_EQ(a.stopMonoNs, b.stopMonoNs);
    EXPECT_EQ(a.loss, b.loss);
}

void expectEq(const std::vector<KernelSymbol> &a, const std::vector<KernelSymbol> &b) {
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].addr, b[i].addr);
        EXPECT_EQ(a[i].name, b[i].name);
    }
}

void expectEq(const NftTraceRecord &a, const NftTraceRecord &b) {
    EXPECT_EQ(a.tsNs, b.tsNs);
    EXPECT_EQ(a.ruleHandle, b.ruleHandle);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.iif, b.iif);
    EXPECT_EQ(a.oif, b.oif);
    EXPECT_EQ(a.mark, b.mark);
    EXPECT_EQ(a.nfproto, b.nfproto);
    EXPECT_EQ(a.policy, b.policy);
    EXPECT_EQ(a.verdict, b.verdict);
    EXPECT_EQ(a.iiftype, b.iiftype);
    EXPECT_EQ(a.oiftype, b.oiftype);
    EXPECT_EQ(a.family, b.family);
    EXPECT_EQ(a.type, b.type);
    EXPECT_EQ(a.netns, b.netns);
    EXPECT_EQ(a.ctId, b.ctId);
    EXPECT_EQ(a.ctStatus, b.ctStatus);
    EXPECT_EQ(a.ctState, b.ctState);
    EXPECT_EQ(a.ctDirection, b.ctDirection);
    EXPECT_EQ(a.table, b.table);
    EXPECT_EQ(a.chain, b.chain);
    EXPECT_EQ(a.jumpTarget, b.jumpTarget);
    EXPECT_EQ(a.llHeader, b.llHeader);
    EXPECT_EQ(a.networkHeader, b.networkHeader);
    EXPECT_EQ(a.transportHeader, b.transportHeader);
    EXPECT_EQ(a.skb, b.skb);
    EXPECT_EQ(a.walkStart, b.walkStart);
}

void expectEq(const RecordsFrame &a, const RecordsFrame &b) {
    ASSERT_EQ(a.batch.events.size(), b.batch.events.size());
    for (size_t i = 0; i < a.batch.events.size(); ++i) {
        EXPECT_EQ(0, std::memcmp(&a.batch.events[i], &b.batch.events[i], sizeof(Event))) << i;
    }
    EXPECT_EQ(a.batch.packetBefore, b.batch.packetBefore);
    ASSERT_EQ(a.batch.packets.size(), b.batch.packets.size());
    for (size_t i = 0; i < a.batch.packets.size(); ++i) {
        const PacketHeader &x = a.batch.packets[i], &y = b.batch.packets[i];
        EXPECT_EQ(x.skb, y.skb);
        EXPECT_EQ(x.tsNs, y.tsNs);
        EXPECT_EQ(x.netns, y.netns);
        EXPECT_EQ(x.len, y.len);
        EXPECT_EQ(x.protocol, y.protocol);
        EXPECT_EQ(x.data, y.data);
    }
    ASSERT_EQ(a.nft.size(), b.nft.size());
    for (size_t i = 0; i < a.nft.size(); ++i) {
        expectEq(a.nft[i], b.nft[i]);
    }
    expectEq(a.symbols, b.symbols);
}

CountersFrame makeCounters() {
    CountersFrame c;
    c.loss = {10, 20, 30, 40, 50, 60};
    c.streamDroppedEvents = 600;
    c.streamDroppedFrames = 7;
    c.eventsPerSecond = 12345.5;
    return c;
}

// A whole stream with one frame of each type.
std::string fullStream() {
    const RecordsFrame r = makeRecords();
    return encodeStreamStart() + encodeHeader(makeHeader()) +
           encodeRecords(r.batch, r.nft, r.symbols) + encodeCounters(makeCounters()) +
           encodeEnd(makeMeta());
}

void checkFullStream(const std::vector<StreamItem> &items) {
    ASSERT_EQ(items.size(), 4u);
    const auto &h = std::get<HeaderFrame>(items[0]).trace;
    const Trace want = makeHeader();
    expectEq(h.meta, want.meta);
    ASSERT_EQ(h.probes.size(), 2u);
    for (size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(h.probes[i].id, want.probes[i].id);
        EXPECT_EQ(h.probes[i].name, want.probes[i].name);
        EXPECT_EQ(h.probes[i].kind, want.probes[i].kind);
        EXPECT_EQ(h.probes[i].attached, want.probes[i].attached);
        EXPECT_EQ(h.probes[i].error, want.probes[i].error);
    }
    EXPECT_EQ(h.dropReasons, want.dropReasons);
    expectEq(h.symbols, want.symbols);
    EXPECT_EQ(h.rulesetJson, want.rulesetJson);
    EXPECT_TRUE(h.events.empty());

    expectEq(std::get<RecordsFrame>(items[1]), makeRecords());

    const auto &c = std::get<CountersFrame>(items[2]);
    const CountersFrame wc = makeCounters();
    EXPECT_EQ(c.loss, wc.loss);
    EXPECT_EQ(c.streamDroppedEvents, wc.streamDroppedEvents);
    EXPECT_EQ(c.streamDroppedFrames, wc.streamDroppedFrames);
    EXPECT_EQ(c.eventsPerSecond, wc.eventsPerSecond);

    expectEq(std::get<EndFrame>(items[3]).meta, makeMeta());
}

// Decodes `bytes` in one go; returns the error kind, or nothing.
std::optional<StreamError::Kind> decodeAll(const std::string &bytes,
                                           std::vector<StreamItem> *items = nullptr) {
    StreamDecoder d;
    std::vector<StreamItem> out;
    try {
        d.feed(bytes, out);
        d.finish();
    } catch (const StreamError &e) {
        EXPECT_TRUE(d.failed());
        EXPECT_FALSE(e.message().isEmpty());
        return e.kind();
    }
    if (items != nullptr) {
        *items = std::move(out);
    }
    return std::nullopt;
}

// A frame with a hand-made payload.
std::string frame(uint16_t type, const std::string &payload) {
    std::string f;
    const uint32_t n = static_cast<uint32_t>(payload.size());
    for (int i = 0; i < 4; ++i) {
        f.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
    }
    f.push_back(static_cast<char>(type & 0xff));
    f.push_back(static_cast<char>(type >> 8));
    f.append(2, '\0');
    return f + payload;
}

std::string le32(uint32_t v) {
    std::string s;
    for (int i = 0; i < 4; ++i) {
        s.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    }
    return s;
}

std::string headerStream() {
    return encodeStreamStart() + encodeHeader(makeHeader());
}

} // namespace

TEST(EventStream, StreamStartIsMagicVersionFlags) {
    const std::string s = encodeStreamStart();
    ASSERT_EQ(s.size(), kStreamStartBytes);
    EXPECT_EQ(s.substr(0, 4), "NTEV");
    EXPECT_EQ(s[4], 4);
    EXPECT_EQ(s[5], 0);
}

TEST(EventStream, EventIsItsLittleEndianImageOnTheWire) {
    RecordBatch b;
    b.events.push_back(makeEvent(1));
    const std::string f = encodeRecords(b, {}, {});
    // frame header, event count, then the 56 bytes
    ASSERT_GE(f.size(), kFrameHeaderBytes + 4 + 56);
    const char *ev = f.data() + kFrameHeaderBytes + 4;
    EXPECT_EQ(static_cast<uint8_t>(ev[0]), NT_REC_EVENT);
    EXPECT_EQ(static_cast<uint8_t>(ev[2]), NT_PROBE_KFREE_SKB + 1); // probe, low byte first
    EXPECT_EQ(static_cast<uint8_t>(ev[44]), 0xef);                  // mark 0xdeadbeef
    EXPECT_EQ(static_cast<uint8_t>(ev[47]), 0xde);
}

TEST(EventStream, RoundTripsEveryFrameType) {
    std::vector<StreamItem> items;
    ASSERT_FALSE(decodeAll(fullStream(), &items).has_value());
    checkFullStream(items);
}

TEST(EventStream, ErrorFrameRoundTrips) {
    std::vector<StreamItem> items;
    const std::string msg = "Không thể gắn probe: hết bộ nhớ";
    ASSERT_FALSE(decodeAll(encodeStreamStart() + encodeError(msg), &items).has_value());
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(std::get<ErrorFrame>(items[0]).message, msg);
}

TEST(EventStream, LongErrorMessageIsCutAtACharacterBoundary) {
    std::string msg;
    while (msg.size() < kMaxStringBytes + 10) {
        msg += "ế"; // 3 bytes: the limit falls inside one
    }
    std::vector<StreamItem> items;
    ASSERT_FALSE(decodeAll(encodeStreamStart() + encodeError(msg), &items).has_value());
    const std::string &got = std::get<ErrorFrame>(items.at(0)).message;
    EXPECT_LE(got.size(), kMaxStringBytes);
    EXPECT_EQ(got.size() % 3, 0u);
    EXPECT_EQ(got, msg.substr(0, got.size()));
}

TEST(EventStream, DecodesSplitAtEveryByteBoundary) {
    const std::string s = fullStream();
    for (size_t cut = 0; cut <= s.size(); ++cut) {
        StreamDecoder d;
        std::vector<StreamItem> items;
        d.feed(s.data(), cut, items);
        d.feed(s.data() + cut, s.size() - cut, items);
        d.finish();
        ASSERT_EQ(items.size(), 4u) << "cut at " << cut;
        if (cut % 97 == 0) {
            checkFullStream(items);
        }
    }
    // And one byte at a time.
    StreamDecoder d;
    std::vector<StreamItem> items;
    for (char c : s) {
        d.feed(&c, 1, items);
    }
    d.finish();
    checkFullStream(items);
    EXPECT_EQ(d.bufferedBytes(), 0u);
}

TEST(EventStream, BigBatchIsSplitIntoFramesThatKeepOrder) {
    RecordsFrame in;
    const size_t n = 3 * kTargetFrameBytes / kEventWireBytes;
    for (size_t i = 0; i < n; ++i) {
        if (i % 5 == 0) {
            in.batch.packetBefore.push_back(i);
            in.batch.packets.push_back(makePacket(i));
        }
        in.batch.events.push_back(makeEvent(i));
    }
    in.batch.packetBefore.push_back(n);
    in.batch.packets.push_back(makePacket(n));
    for (uint32_t i = 0; i < 5000; ++i) {
        in.nft.push_back(makeNft(i));
    }
    in.symbols = {{5, "a"}, {6, "b"}};
    const std::string bytes = encodeStreamStart() + encodeHeader(makeHeader()) +
                              encodeRecords(in.batch, in.nft, in.symbols);
    std::vector<StreamItem> items;
    ASSERT_FALSE(decodeAll(bytes, &items).has_value());
    ASSERT_GE(items.size(), 5u); // header + at least four Records frames
    // Rebuild one batch from the frames: the same records, and every packet before its event.
    RecordsFrame out;
    for (size_t i = 1; i < items.size(); ++i) {
        const auto &f = std::get<RecordsFrame>(items[i]);
        for (size_t p = 0; p < f.batch.packets.size(); ++p) {
            out.batch.packetBefore.push_back(out.batch.events.size() + f.batch.packetBefore[p]);
            out.batch.packets.push_back(f.batch.packets[p]);
        }
        out.batch.events.insert(out.batch.events.end(), f.batch.events.begin(),
                                f.batch.events.end());
        out.nft.insert(out.nft.end(), f.nft.begin(), f.nft.end());
        out.symbols.insert(out.symbols.end(), f.symbols.begin(), f.symbols.end());
    }
    expectEq(out, in);
    // The symbols come in the first frame, before the events that refer to them.
    EXPECT_EQ(std::get<RecordsFrame>(items[1]).symbols.size(), 2u);
}

TEST(EventStream, EmptyBatchEncodesNothing) {
    EXPECT_TRUE(encodeRecords({}, {}, {}).empty());
}

TEST(EventStream, EncoderRefusesBrokenBatchesAndOversizeFields) {
    RecordBatch b;
    b.events.push_back(makeEvent(0));
    b.packets.push_back(makePacket(0));
    EXPECT_THROW(encodeRecords(b, {}, {}), std::invalid_argument); // packetBefore missing
    b.packetBefore = {2};
    EXPECT_THROW(encodeRecords(b, {}, {}), std::invalid_argument); // past the events
    b.packets.push_back(makePacket(1));
    b.packetBefore = {1, 0};
    EXPECT_THROW(encodeRecords(b, {}, {}), std::invalid_argument); // decreasing
    b.packetBefore = {0, 1};
    EXPECT_NO_THROW(encodeRecords(b, {}, {}));
    b.packets[0].data.resize(NT_PACKET_CAPLEN + 1);
    try {
        encodeRecords(b, {}, {});
        ADD_FAILURE() << "oversize packet bytes accepted";
    } catch (const StreamError &e) {
        EXPECT_EQ(e.kind(), StreamError::Kind::TooLarge);
    }
    Trace t = makeHeader();
    t.meta.filter.assign(kMaxStringBytes + 1, 'x');
    EXPECT_THROW(encodeHeader(t), StreamError);
    CountersFrame c;
    c.eventsPerSecond = std::numeric_limits<double>::quiet_NaN();
    EXPECT_THROW(encodeCounters(c), std::invalid_argument);
}

TEST(EventStream, UnknownFrameTypesAreSkipped) {
    const RecordsFrame r = makeRecords();
    const std::string s = headerStream() + frame(77, std::string(1000, 'z')) +
                          encodeRecords(r.batch, r.nft, r.symbols) + frame(0xffff, "") +
                          encodeEnd(makeMeta());
    StreamDecoder d;
    std::vector<StreamItem> items;
    d.feed(s, items);
    d.finish();
    ASSERT_EQ(items.size(), 3u);
    expectEq(std::get<RecordsFrame>(items[1]), r);
    EXPECT_EQ(d.skippedFrames(), 2u);
    EXPECT_TRUE(d.ended());
}

TEST(EventStream, RejectsBadMagicAtTheFirstWrongByte) {
    StreamDecoder d;
    std::vector<StreamItem> items;
    EXPECT_NO_THROW(d.feed("NT", 2, items));
    try {
        d.feed("x", 1, items);
        ADD_FAILURE() << "bad magic accepted";
    } catch (const StreamError &e) {
        EXPECT_EQ(e.kind(), StreamError::Kind::BadMagic);
    }
    EXPECT_EQ(decodeAll("{\"json\": 1}"), StreamError::Kind::BadMagic);
}

TEST(EventStream, RejectsNewerAndZeroVersions) {
    std::string s = fullStream();
    s[4] = static_cast<char>(kVersion + 1);
    EXPECT_EQ(decodeAll(s), StreamError::Kind::UnsupportedVersion);
    s[4] = 0;
    EXPECT_EQ(decodeAll(s), StreamError::Kind::UnsupportedVersion);
    s[4] = static_cast<char>(kVersion);
    s[6] = 0x7f; // unknown flags are ignored
    EXPECT_FALSE(decodeAll(s).has_value());
}

TEST(EventStream, VersionOneLossCountersHaveNoExcludedField) {
    // A version 1 writer sent five loss counters; the sixth (excluded) came with version 2.
    // Mark it with a value found nowhere else, and cut it out of the frames to make version 1.
    const uint64_t mark = 0x0123456789abcdefULL;
    std::string markBytes;
    for (int i = 0; i < 8; ++i) {
        markBytes += static_cast<char>((mark >> (8 * i)) & 0xff);
    }
    auto toV1 = [&](const std::string &framed) {
        std::string payload = framed.substr(kFrameHeaderBytes);
        const size_t at = payload.find(markBytes);
        EXPECT_NE(at, std::string::npos);
        EXPECT_EQ(payload.find(markBytes, at + 1), std::string::npos);
        return frame(static_cast<uint16_t>(framed[4]), payload.erase(at, 8));
    };
    Trace header = makeHeader();
    header.meta.loss.excluded = mark;
    CountersFrame counters = makeCounters();
    counters.loss.excluded = mark;
    std::string start = encodeStreamStart();
    start[4] = 1;
    const std::string v1 = start + toV1(encodeHeader(header)) + toV1(encodeCounters(counters));
    std::vector<StreamItem> items;
    ASSERT_FALSE(decodeAll(v1, &items).has_value());
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(std::get<HeaderFrame>(items[0]).trace.meta.loss.filtered, 5u);
    EXPECT_EQ(std::get<HeaderFrame>(items[0]).trace.meta.loss.excluded, 0u);
    const auto &c = std::get<CountersFrame>(items[1]);
    EXPECT_EQ(c.loss.filtered, 50u);
    EXPECT_EQ(c.loss.excluded, 0u);
    EXPECT_EQ(c.streamDroppedEvents, 600u);
    // The same frames read as version 2 are a field short: malformed, never misread.
    std::string asV2 = v1;
    asV2[4] = 2;
    EXPECT_EQ(decodeAll(asV2), StreamError::Kind::Malformed);
}

TEST(EventStream, VersionThreeNftRecordsHaveNoSkb) {
    // The skb and walk start of nft records read in BPF came with version 4: cut them out to
    // make version 3.
    const uint64_t mark = 0xffff8881fedcba98ULL;
    std::string markBytes;
    for (int i = 0; i < 8; ++i) {
        markBytes += static_cast<char>((mark >> (8 * i)) & 0xff);
    }
    NftTraceRecord r = makeNft(0);
    r.skb = mark;
    const std::string framed = encodeRecords({}, {r}, {});
    std::string payload = framed.substr(kFrameHeaderBytes);
    const size_t at = payload.find(markBytes);
    ASSERT_NE(at, std::string::npos);
    ASSERT_EQ(payload[at + 8], 1) << "the walk start follows the skb";
    std::string start = encodeStreamStart();
    start[4] = 3;
    const std::string v3 = start + encodeHeader(makeHeader()) +
                           frame(static_cast<uint16_t>(framed[4]), payload.erase(at, 9));
    std::vector<StreamItem> items;
    ASSERT_FALSE(decodeAll(v3, &items).has_value());
    ASSERT_EQ(items.size(), 2u);
    const auto &records = std::get<RecordsFrame>(items[1]);
    ASSERT_EQ(records.nft.size(), 1u);
    EXPECT_EQ(records.nft[0].skb, 0u);
    EXPECT_FALSE(records.nft[0].walkStart);
    EXPECT_EQ(records.nft[0].chain, r.chain);
}

TEST(EventStream, RejectsOversizeFrameBeforeBufferingIt) {
    std::string s = headerStream() + le32(kMaxFrameBytes + 1) + std::string("\x02\0\0\0", 4);
    StreamDecoder d;
    std::vector<StreamItem> items;
    try {
        d.feed(s, items);
        ADD_FAILURE() << "oversize frame accepted";
    } catch (const StreamError &e) {
        EXPECT_EQ(e.kind(), StreamError::Kind::FrameTooLarge);
    }
    EXPECT_EQ(items.size(), 1u); // the header decoded before the bad frame
    // An unknown type does not make a huge frame acceptable either.
    EXPECT_EQ(decodeAll(headerStream() + le32(0xffffffff) + std::string("\x63\0\0\0", 4)),
              StreamError::Kind::FrameTooLarge);
}

TEST(EventStream, RejectsTruncatedStreams) {
    const std::string s = fullStream();
    for (size_t cut : {size_t(0), size_t(3), kStreamStartBytes + 5, s.size() - 1}) {
        EXPECT_EQ(decodeAll(s.substr(0, cut)), StreamError::Kind::Truncated) << cut;
    }
}

TEST(EventStream, RejectsTruncatedPayloadsAndTrailingBytes) {
    const RecordsFrame r = makeRecords();
    std::string rec = encodeRecords(r.batch, r.nft, r.symbols);
    std::string payload = rec.substr(kFrameHeaderBytes);
    // The frame says it is shorter than its fields: every shorter length is malformed.
    for (size_t len = 0; len < payload.size(); len += 13) {
        EXPECT_EQ(decodeAll(headerStream() + frame(2, payload.substr(0, len))),
                  StreamError::Kind::Malformed)
            << len;
    }
    EXPECT_EQ(decodeAll(headerStream() + frame(2, payload + "x")), StreamError::Kind::Malformed);
    EXPECT_EQ(decodeAll(headerStream() + frame(3, "")), StreamError::Kind::Malformed);
    EXPECT_EQ(decodeAll(headerStream() + frame(4, std::string(10, '\0'))),
              StreamError::Kind::Malformed);
}

TEST(EventStream, RejectsCountsTheFrameCannotHold) {
    // 2^32-1 events announced in a tiny Records frame: refused before allocating.
    EXPECT_EQ(decodeAll(headerStream() + frame(2, le32(0xffffffff) + std::string(12, '\0'))),
              StreamError::Kind::Malformed);
    // A string longer than its limit, and a string longer than the frame.
    std::string err = le32(kMaxStringBytes + 1) + std::string(kMaxStringBytes + 1, 'a');
    EXPECT_EQ(decodeAll(encodeStreamStart() + frame(5, err)), StreamError::Kind::Malformed);
    EXPECT_EQ(decodeAll(encodeStreamStart() + frame(5, le32(100) + "abc")),
              StreamError::Kind::Malformed);
    // 70000 probes: over kMaxProbes even if the bytes were there.
    const std::string metaBytes = encodeEnd(makeMeta()).substr(kFrameHeaderBytes);
    std::string manyProbes = metaBytes + le32(70000);
    for (int i = 0; i < 70000; ++i) {
        manyProbes += std::string("\1\0", 2) + le32(0) + le32(0) + std::string(1, '\0') + le32(0);
    }
    manyProbes += le32(0) + le32(0) + le32(0);
    EXPECT_EQ(decodeAll(encodeStreamStart() + frame(1, manyProbes)), StreamError::Kind::Malformed);
}

TEST(EventStream, RejectsMalformedFieldValues) {
    // An event whose record type is not NT_REC_EVENT.
    RecordBatch b;
    b.events.push_back(makeEvent(0));
    std::string payload = encodeRecords(b, {}, {}).substr(kFrameHeaderBytes);
    payload[4] = 9;
    EXPECT_EQ(decodeAll(headerStream() + frame(2, payload)), StreamError::Kind::Malformed);
    // A packet placed after an event that does not exist (index 5 of 1 event).
    RecordBatch p;
    p.events.push_back(makeEvent(0));
    p.packets.push_back(makePacket(0));
    p.packetBefore = {1};
    payload = encodeRecords(p, {}, {}).substr(kFrameHeaderBytes);
    const size_t beforeAt = 4 + 56 + 4;
    ASSERT_EQ(payload[beforeAt], 1);
    payload[beforeAt] = 5;
    EXPECT_EQ(decodeAll(headerStream() + frame(2, payload)), StreamError::Kind::Malformed);
    // Packets out of order.
    p.packets.push_back(makePacket(1));
    p.packetBefore = {1, 1};
    payload = encodeRecords(p, {}, {}).substr(kFrameHeaderBytes);
    payload[beforeAt] = 1;
    const size_t second = beforeAt + 4 + 8 + 8 + 4 + 4 + 2 + 4 + 60;
    ASSERT_EQ(payload[second], 1);
    payload[second] = 0;
    EXPECT_EQ(decodeAll(headerStream() + frame(2, payload)), StreamError::Kind::Malformed);
    // An nft record type above Chain (the last one: a base chain's verdict).
    std::string nft = encodeRecords({}, {makeNft(0)}, {}).substr(kFrameHeaderBytes);
    const size_t typeAt = 4 + 4 + 4 + 8 + 8 + 4 * 6 + 4 + 2 + 2 + 1;
    ASSERT_EQ(nft[typeAt], static_cast<char>(NftTraceType::Rule));
    nft[typeAt] = static_cast<char>(NftTraceType::Chain);
    EXPECT_FALSE(decodeAll(headerStream() + frame(2, nft)).has_value());
    nft[typeAt] = static_cast<char>(NftTraceType::Chain) + 1;
    EXPECT_EQ(decodeAll(headerStream() + frame(2, nft)), StreamError::Kind::Malformed);
    // A negative event rate.
    CountersFrame c = makeCounters();
    std::string cb = encodeCounters(c).substr(kFrameHeaderBytes);
    cb[cb.size() - 1] = static_cast<char>(0xc0); // sign bit: -12345.5 → negative
    EXPECT_EQ(decodeAll(headerStream() + frame(3, cb)), StreamError::Kind::Malformed);
}

TEST(EventStream, VersionTwoNftRecordsHaveNoConntrackFields) {
    // Version 3 put the conntrack attributes (13 bytes) after the netns; a version 2 writer
    // went on with the table name there.
    const NftTraceRecord r = makeNft(0);
    std::string payload = encodeRecords({}, {r}, {}).substr(kFrameHeaderBytes);
    const size_t ctAt = 4 + 4 + 4 + 8 + 8 + 4 * 6 + 4 + 2 + 2 + 1 + 1 + 4;
    ASSERT_EQ(static_cast<uint8_t>(payload[ctAt]), r.ctId & 0xff);
    // Version 4's skb and walk start (at the record's end) are not in version 2 either.
    std::string skbBytes;
    for (int i = 0; i < 8; ++i) {
        skbBytes += static_cast<char>((r.skb >> (8 * i)) & 0xff);
    }
    const size_t skbAt = payload.find(skbBytes, ctAt);
    ASSERT_NE(skbAt, std::string::npos);
    payload.erase(skbAt, 9);
    payload.erase(ctAt, 13);
    std::string start = encodeStreamStart();
    start[4] = 2;
    const std::string v2 = start + encodeHeader(makeHeader()) + frame(2, payload);
    std::vector<StreamItem> items;
    ASSERT_FALSE(decodeAll(v2, &items).has_value());
    ASSERT_EQ(items.size(), 2u);
    const auto &nft = std::get<RecordsFrame>(items[1]).nft;
    ASSERT_EQ(nft.size(), 1u);
    EXPECT_EQ(nft[0].table, r.table);
    EXPECT_EQ(nft[0].chain, r.chain);
    EXPECT_EQ(nft[0].ctId, 0u);
    EXPECT_EQ(nft[0].ctState, 0u);
}

TEST(EventStream, InterfaceNamesRoundTripAfterTheHeader) {
    std::vector<InterfaceName> names;
    for (uint32_t i = 1; i <= 3; ++i) {
        names.push_back({1000 + i, 4026531840u, i, "veth" + std::to_string(i)});
    }
    EXPECT_TRUE(encodeInterfaces({}).empty());
    std::vector<StreamItem> items;
    ASSERT_FALSE(decodeAll(headerStream() + encodeInterfaces(names), &items).has_value());
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(std::get<InterfacesFrame>(items[1]).interfaces, names);
    // Before the header they mean nothing: out of order.
    EXPECT_EQ(decodeAll(encodeStreamStart() + encodeInterfaces(names)),
              StreamError::Kind::OutOfOrder);
    // A name longer than any interface can have is refused by the encoder.
    names[1].name.assign(kMaxInterfaceNameBytes + 1, 'x');
    EXPECT_THROW(encodeInterfaces(names), StreamError);
}

TEST(EventStream, LossMarksRoundTripSplitAfterTheHeader) {
    std::vector<LossMark> marks;
    const uint64_t n = kTargetFrameBytes / 16 + 10; // more than one frame holds
    for (uint64_t i = 0; i < n; ++i) {
        marks.push_back({1'000'000 * (i + 1), 7 * i + 1});
    }
    EXPECT_TRUE(encodeLossMarks({}).empty());
    std::vector<StreamItem> items;
    ASSERT_FALSE(decodeAll(headerStream() + encodeLossMarks(marks), &items).has_value());
    ASSERT_EQ(items.size(), 3u);
    std::vector<LossMark> back;
    for (size_t i = 1; i < items.size(); ++i) {
        const auto &f = std::get<LossMarksFrame>(items[i]).marks;
        back.insert(back.end(), f.begin(), f.end());
    }
    ASSERT_EQ(back.size(), marks.size());
    for (size_t i = 0; i < marks.size(); ++i) {
        ASSERT_EQ(back[i].tsNs, marks[i].tsNs);
        ASSERT_EQ(back[i].ringbufFull, marks[i].ringbufFull);
    }
    EXPECT_EQ(decodeAll(encodeStreamStart() + encodeLossMarks(marks)),
              StreamError::Kind::OutOfOrder);
    // A count promising more marks than the frame holds is malformed.
    std::string one = encodeLossMarks(std::span(marks).first(1)).substr(kFrameHeaderBytes);
    one[0] = 2;
    EXPECT_EQ(decodeAll(headerStream() + frame(7, one)), StreamError::Kind::Malformed);
}

TEST(EventStream, ManyInterfaceNamesSplitIntoFrames) {
    std::vector<InterfaceName> names;
    for (uint32_t i = 0; i < 40000; ++i) {
        names.push_back({i, 1, i + 1, std::string(30, static_cast<char>('a' + i % 26))});
    }
    const std::string bytes = encodeInterfaces(names);
    std::vector<StreamItem> items;
    ASSERT_FALSE(decodeAll(headerStream() + bytes, &items).has_value());
    ASSERT_GT(items.size(), 2u);
    std::vector<InterfaceName> back;
    for (size_t i = 1; i < items.size(); ++i) {
        const auto &f = std::get<InterfacesFrame>(items[i]).interfaces;
        back.insert(back.end(), f.begin(), f.end());
    }
    EXPECT_EQ(back, names);
}

TEST(EventStream, RejectsFramesOutOfOrder) {
    const RecordsFrame r = makeRecords();
    const std::string rec = encodeRecords(r.batch, r.nft, r.symbols);
    EXPECT_EQ(decodeAll(encodeStreamStart() + rec), StreamError::Kind::OutOfOrder);
    EXPECT_EQ(decodeAll(encodeStreamStart() + encodeCounters({})), StreamError::Kind::OutOfOrder);
    EXPECT_EQ(decodeAll(encodeStreamStart() + encodeEnd({})), StreamError::Kind::OutOfOrder);
    EXPECT_EQ(decodeAll(headerStream() + encodeHeader(makeHeader())),
              StreamError::Kind::OutOfOrder);
    EXPECT_EQ(decodeAll(headerStream() + encodeEnd({}) + rec), StreamError::Kind::OutOfOrder);
    EXPECT_EQ(decodeAll(headerStream() + encodeError("x") + encodeEnd({})),
              StreamError::Kind::OutOfOrder);
    // An error may come instead of the header (the trace failed to start).
    EXPECT_FALSE(decodeAll(encodeStreamStart() + encodeError("x")).has_value());
}

TEST(EventStream, DecoderStaysFailed) {
    StreamDecoder d;
    std::vector<StreamItem> items;
    EXPECT_THROW(d.feed(std::string("XXXXXXXX"), items), StreamError);
    EXPECT_TRUE(d.failed());
    try {
        d.feed(fullStream(), items);
        ADD_FAILURE() << "a failed decoder accepted more input";
    } catch (const StreamError &e) {
        EXPECT_EQ(e.kind(), StreamError::Kind::BadMagic);
    }
    EXPECT_THROW(d.finish(), StreamError);
    EXPECT_TRUE(items.empty());
}
