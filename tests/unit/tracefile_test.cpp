// Tests for the .nftrace file: round trip, crash safety, and every way a file is refused.
#include "event_pages.h"
#include "tracefile.h"

#include <gtest/gtest.h>

#include <QString>

#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <set>
#include <tuple>

#include <csignal>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using nt::TraceFileError;
using Kind = nt::TraceFileError::Kind;

namespace {

constexpr uint64_t kU64Max = std::numeric_limits<uint64_t>::max();
constexpr uint32_t kU32Max = std::numeric_limits<uint32_t>::max();

auto fields(const nt::Event &e) {
    return std::make_tuple(e.type, e.flags, e.probe, e.cpu, e.protocol, e.ts_ns, e.skb, e.location,
                           e.netns, e.ifindex, e.len, e.mark, e.aux, e.aux2);
}

auto fields(const nt::PacketHeader &p) {
    return std::make_tuple(p.skb, p.tsNs, p.netns, p.len, p.protocol, p.data);
}

auto fields(const nt::NftTraceRecord &r) {
    return std::make_tuple(r.tsNs, r.ruleHandle, r.id, r.iif, r.oif, r.mark, r.nfproto, r.policy,
                           r.verdict, r.iiftype, r.oiftype, r.family, int(r.type), r.netns, r.table,
                           r.chain, r.jumpTarget, r.llHeader, r.networkHeader, r.transportHeader,
                           r.skb, r.walkStart);
}

auto fields(const nt::ProbeDesc &p) {
    return std::make_tuple(p.id, p.name, p.kind, p.attached, p.error);
}

auto fields(const nt::TraceMeta &m) {
    return std::make_tuple(m.host, m.kernel, m.backend, m.filter, m.netns, m.toolVersion,
                           m.startWallNs, m.stopWallNs, m.startMonoNs, m.stopMonoNs,
                           m.loss.ringbufFull, m.loss.trackFull, m.loss.nftLost, m.loss.bpfEvents,
                           m.loss.filtered);
}

nt::Event makeEvent(uint64_t i) {
    nt::Event e{};
    e.type = NT_REC_EVENT;
    e.flags = uint8_t(NT_EVF_FIRST | NT_EVF_HAS_SK | (i & 1 ? NT_EVF_CONTEXT : 0));
    e.probe = uint16_t(i % 2 ? NT_PROBE_KFREE_SKB : NT_PROBE_FUNCTION_BASE + 7);
    e.cpu = uint16_t(i % 64);
    e.protocol = i % 3 ? 0x0800 : 0x86dd;
    e.ts_ns = 1'000'000'000ull + i * 1000;
    e.skb = 0xffff888000000000ull + (i % 1000) * 256;
    e.location = i % 2 ? 0xffffffff81a0b0c0ull : 0;
    e.netns = 4026531840u;
    e.ifindex = uint32_t(i % 7 + 1);
    e.len = uint32_t(60 + i % 1400);
    e.mark = uint32_t(i * 2654435761u);
    e.aux = uint32_t(i % 5);
    e.aux2 = uint32_t(i % 11);
    return e;
}

std::vector<nt::Event> makeEvents(size_t n, uint64_t first = 0) {
    std::vector<nt::Event> v;
    for (size_t i = 0; i < n; ++i)
        v.push_back(makeEvent(first + i));
    return v;
}

// A trace with every field set to something other than its default, including extremes.
nt::Trace fullTrace() {
    nt::Trace t;
    t.meta.host = "router-1";
    t.meta.kernel = "6.18.0-nt #1 SMP";
    t.meta.backend = "tracepoints";
    t.meta.filter = "tcp port 443 and host 2001:db8::1";
    t.meta.netns = "blue";
    t.meta.toolVersion = "0.1.0";
    t.meta.startWallNs = -5; // before 1970: still round-trips
    t.meta.stopWallNs = std::numeric_limits<int64_t>::max();
    t.meta.startMonoNs = 12345;
    t.meta.stopMonoNs = kU64Max;
    t.meta.loss = {kU64Max, 2, 3, kU64Max - 1, 5, 6};

    t.probes = {{NT_PROBE_NETIF_RECEIVE_SKB, "netif_receive_skb", "tracepoint", true, ""},
                {NT_PROBE_FUNCTION_BASE + 3, "ip_rcv", "kprobe", false,
                 "kprobes are not enabled in this kernel"},
                {65535, "last", "fentry", true, "é ü ✓"}};
    t.dropReasons = {"NOT_SPECIFIED", "NO_SOCKET", "", "PKT_TOO_SMALL"};
    t.symbols = {{0xffffffff81a0b0c0ull, "tcp_v4_rcv+0x1a4"}, {kU64Max, "top"}, {1, "low"}};

    t.events = makeEvents(100);
    nt::Event extreme{};
    extreme.type = 255;
    extreme.flags = 255;
    extreme.probe = 65535;
    extreme.cpu = 65535;
    extreme.protocol = 65535;
    extreme.ts_ns = kU64Max;
    extreme.skb = kU64Max;
    extreme.location = kU64Max - 1;
    extreme.netns = kU32Max;
    extreme.ifindex = kU32Max;
    extreme.len = kU32Max;
    extreme.mark = kU32Max;
    extreme.aux = kU32Max;
    extreme.aux2 = kU32Max;
    t.events.push_back(extreme);

    nt::PacketHeader v6;
    v6.skb = 0xffff888000000100ull;
    v6.tsNs = kU64Max;
    v6.netns = kU32Max;
    v6.len = 1500;
    v6.protocol = 0x86dd;
    // IPv6 + TCP SYN from 2001:db8::1 to 2001:db8::2, port 443: the full 128 bytes.
    v6.data = {0x60, 0x0a, 0xbc, 0xde, 0x00, 0x28, 0x06, 0x40};
    for (int i = 0; i < 2; ++i) {
        const uint8_t addr[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,
                                  0,    0,    0,    0,    0, 0, 0, uint8_t(1 + i)};
        v6.data.insert(v6.data.end(), std::begin(addr), std::end(addr));
    }
    while (v6.data.size() < NT_PACKET_CAPLEN)
        v6.data.push_back(uint8_t(v6.data.size() * 7));
    nt::PacketHeader v4;
    v4.skb = 1;
    v4.tsNs = 2;
    v4.netns = 3;
    v4.len = 4;
    v4.protocol = 0x0800;
    v4.data = {0x45, 0x00, 0x00, 0x54, 0x00, 0x00, 0x40, 0x00, 0x40, 0x01};
    t.packets = {v6, v4};

    nt::NftTraceRecord rule;
    rule.tsNs = kU64Max;
    rule.ruleHandle = kU64Max - 7;
    rule.id = kU32Max;
    rule.iif = 2;
    rule.oif = 3;
    rule.mark = 0xdeadbeef;
    rule.nfproto = 10;
    rule.policy = 1;
    rule.verdict = nt::verdict::Jump;
    rule.iiftype = 1;
    rule.oiftype = 772;
    rule.family = 1;
    rule.type = nt::NftTraceType::Rule;
    rule.netns = 4026532000u;
    rule.table = "filter";
    rule.chain = "input";
    rule.jumpTarget = "tcp_chain";
    rule.llHeader = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56, 0x52,
                     0x54, 0x00, 0xab, 0xcd, 0xef, 0x86, 0xdd};
    rule.networkHeader = v6.data;
    rule.networkHeader.resize(40);
    rule.transportHeader = {0x01, 0xbb, 0xc3, 0x50};
    nt::NftTraceRecord policy = rule;
    policy.type = nt::NftTraceType::Policy;
    policy.verdict = std::numeric_limits<int32_t>::min();
    policy.ruleHandle = 0;
    policy.jumpTarget.clear();
    policy.llHeader.clear();
    policy.networkHeader.clear();
    policy.transportHeader = {0};
    nt::NftTraceRecord ret = rule;
    ret.type = nt::NftTraceType::Return;
    ret.verdict = nt::verdict::None;
    t.nft = {rule, policy, ret};

    t.rulesetJson =
        R"({"nftables": [{"metainfo": {"version": "1.0.6"}}, {"table": {"name": "é"}}]})";
    return t;
}

void writeTestTrace(const std::string &path, const nt::Trace &t) {
    nt::TraceWriter w(path, t.meta);
    w.setProbes(t.probes);
    w.setDropReasons(t.dropReasons);
    w.addSymbols(t.symbols);
    w.setRuleset(t.rulesetJson);
    w.append(t.events);
    w.commit();
    for (const auto &p : t.packets)
        w.append(p);
    for (const auto &r : t.nft)
        w.append(r);
    w.finish(t.meta);
}

void expectSameTrace(const nt::Trace &a, const nt::Trace &b) {
    EXPECT_EQ(fields(a.meta), fields(b.meta));
    ASSERT_EQ(a.probes.size(), b.probes.size());
    for (size_t i = 0; i < a.probes.size(); ++i)
        EXPECT_EQ(fields(a.probes[i]), fields(b.probes[i])) << "probe " << i;
    EXPECT_EQ(a.dropReasons, b.dropReasons);
    ASSERT_EQ(a.symbols.size(), b.symbols.size());
    for (size_t i = 0; i < a.symbols.size(); ++i) {
        EXPECT_EQ(a.symbols[i].addr, b.symbols[i].addr);
        EXPECT_EQ(a.symbols[i].name, b.symbols[i].name);
    }
    ASSERT_EQ(a.events.size(), b.events.size());
    for (size_t i = 0; i < a.events.size(); ++i)
        ASSERT_EQ(fields(a.events[i]), fields(b.events[i])) << "event " << i;
    ASSERT_EQ(a.packets.size(), b.packets.size());
    for (size_t i = 0; i < a.packets.size(); ++i)
        EXPECT_EQ(fields(a.packets[i]), fields(b.packets[i])) << "packet " << i;
    ASSERT_EQ(a.nft.size(), b.nft.size());
    for (size_t i = 0; i < a.nft.size(); ++i)
        EXPECT_EQ(fields(a.nft[i]), fields(b.nft[i])) << "nft record " << i;
    EXPECT_EQ(a.rulesetJson, b.rulesetJson);
}

std::string slurp(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void spit(const std::string &path, const std::string &bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

std::set<std::string> listDir(const fs::path &dir) {
    std::set<std::string> names;
    for (const auto &entry : fs::directory_iterator(dir))
        names.insert(entry.path().filename().string());
    return names;
}

// Runs SQL on a file with a plain connection, as a user with the sqlite3 shell would.
void rawExec(const std::string &path, const std::string &sql) {
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char *err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    const std::string msg = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << sql << ": " << msg;
}

// The first column of the first row of `sql`, read by `take` (not called without a row).
template <typename T, typename Take>
T rawFirst(const std::string &path, const std::string &sql, T none, Take take) {
    sqlite3 *db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    T v = none;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        v = take(stmt);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return v;
}

int64_t rawQuery(const std::string &path, const std::string &sql) {
    return rawFirst<int64_t>(path, sql, -1,
                             [](sqlite3_stmt *s) { return sqlite3_column_int64(s, 0); });
}

// NULL reads as "<null>", no row as "<no row>".
std::string rawText(const std::string &path, const std::string &sql) {
    return rawFirst<std::string>(path, sql, "<no row>", [](sqlite3_stmt *s) {
        const unsigned char *c = sqlite3_column_text(s, 0);
        return c ? std::string(reinterpret_cast<const char *>(c)) : std::string("<null>");
    });
}

Kind readKind(const std::string &path, std::string *message = nullptr) {
    try {
        nt::readTrace(path);
    } catch (const TraceFileError &e) {
        if (message)
            *message = e.what();
        return e.kind();
    }
    ADD_FAILURE() << path << " was read without error";
    return Kind::Io;
}

class TraceFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string tmpl = (fs::temp_directory_path() / "nt_tracefile_XXXXXX").string();
        ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
        dir = tmpl;
        path = (dir / "trace.nftrace").string();
    }
    void TearDown() override {
        fs::permissions(dir, fs::perms::owner_all);
        fs::remove_all(dir);
    }
    fs::path dir;
    std::string path;
};

TEST_F(TraceFileTest, RoundTripKeepsEveryField) {
    const nt::Trace t = fullTrace();
    writeTestTrace(path, t);
    nt::TraceReader reader(path);
    EXPECT_EQ(reader.info().schemaVersion, nt::kTraceSchemaVersion);
    EXPECT_TRUE(reader.info().complete);
    EXPECT_FALSE(reader.info().recovered);
    EXPECT_EQ(reader.info().events, t.events.size());
    EXPECT_EQ(reader.info().packets, 2u);
    EXPECT_EQ(reader.info().nftRecords, 3u);
    const nt::Trace back = reader.readAll();
    expectSameTrace(t, back);
    EXPECT_EQ(back.packets[0].data.size(), size_t(NT_PACKET_CAPLEN));
    EXPECT_EQ(back.nft[1].verdict, std::numeric_limits<int32_t>::min());
    EXPECT_EQ(back.nft[0].verdict, nt::verdict::Jump);
    EXPECT_EQ(listDir(dir), std::set<std::string>{"trace.nftrace"}) << "reading created files";
}

TEST_F(TraceFileTest, NftRecordsReadInBpfKeepTheirSkb) {
    nt::Trace t = fullTrace();
    // Read in BPF: no headers, the skb's address (above 2^63, as kernel addresses are).
    t.nft[1].skb = 0xffff888100abc000;
    t.nft[1].walkStart = true;
    t.nft[1].llHeader.clear();
    t.nft[1].networkHeader.clear();
    t.nft[1].transportHeader.clear();
    writeTestTrace(path, t);
    EXPECT_EQ(rawQuery(path, "SELECT sum(count) FROM nft_pages"), 3);
    nt::TraceReader reader(path);
    const nt::Trace back = reader.readAll();
    expectSameTrace(t, back);
    EXPECT_EQ(back.nft[1].skb, 0xffff888100abc000u);
    EXPECT_EQ(back.nft[0].skb, 0u);
}

TEST_F(TraceFileTest, FinishedFileIsOneQueryableFile) {
    writeTestTrace(path, fullTrace());
    EXPECT_EQ(listDir(dir), std::set<std::string>{"trace.nftrace"});
    const std::string bytes = slurp(path);
    ASSERT_GT(bytes.size(), 100u);
    EXPECT_EQ(bytes[18], 1) << "still in WAL mode: a copy without the -wal would lose data";
    EXPECT_EQ(bytes[19], 1);
    EXPECT_EQ(rawQuery(path, "PRAGMA application_id"), nt::kTraceApplicationId);
    EXPECT_EQ(rawQuery(path, "PRAGMA user_version"), 3);
    EXPECT_EQ(rawQuery(path, "SELECT sum(count) FROM event_pages"), 101);
    EXPECT_EQ(rawQuery(path, "SELECT sum(count) FROM packet_pages"), 2);
    EXPECT_EQ(rawQuery(path, "SELECT sum(count) FROM nft_pages"), 3);
    EXPECT_EQ(rawQuery(path, "SELECT count(*) FROM sqlite_master WHERE name = 'event_pages_time'"),
              1);
    // Everything is in pages: no table of rows per record.
    EXPECT_EQ(rawQuery(path, "SELECT count(*) FROM sqlite_master WHERE name IN ('events', "
                             "'packets', 'nft', 'nft_ct', 'nft_skb')"),
              0);
    // The events' pages: 101 events of 56 bytes in memory take less than 24 bytes each.
    EXPECT_LT(rawQuery(path, "SELECT sum(length(data)) FROM event_pages"), 101 * 24);
}

TEST_F(TraceFileTest, StreamsEventsInBatches) {
    nt::Trace t = fullTrace();
    t.events = makeEvents(10'000);
    writeTestTrace(path, t);
    nt::TraceReader reader(path);
    std::vector<nt::Event> got;
    std::vector<size_t> sizes;
    reader.readEvents(
        [&](std::span<const nt::Event> batch) {
            sizes.push_back(batch.size());
            got.insert(got.end(), batch.begin(), batch.end());
        },
        {}, 3000);
    EXPECT_EQ(sizes, (std::vector<size_t>{3000, 3000, 3000, 1000}));
    ASSERT_EQ(got.size(), t.events.size());
    for (size_t i = 0; i < got.size(); ++i)
        ASSERT_EQ(fields(got[i]), fields(t.events[i]));
    const nt::Trace header = reader.readHeader();
    EXPECT_TRUE(header.events.empty());
    EXPECT_EQ(header.rulesetJson, t.rulesetJson);
    EXPECT_EQ(reader.readPackets().size(), t.packets.size());
    EXPECT_EQ(reader.readNft().size(), t.nft.size());
}

TEST_F(TraceFileTest, FinishFillsAMissingStopTime) {
    nt::TraceMeta meta;
    meta.host = "h";
    {
        nt::TraceWriter w(path, meta);
        w.finish(meta);
        EXPECT_THROW(w.commit(), std::logic_error);
    }
    const nt::TraceFileInfo info = nt::readTraceInfo(path);
    EXPECT_TRUE(info.complete);
    EXPECT_NE(info.meta.stopWallNs, 0);
    EXPECT_NE(info.meta.stopMonoNs, 0u);
    EXPECT_EQ(info.events, 0u);
}

TEST_F(TraceFileTest, WriterRejectsRecordsNoRecorderMakes) {
    nt::TraceWriter w(path, {});
    nt::PacketHeader p;
    p.data.resize(NT_PACKET_CAPLEN + 1);
    EXPECT_THROW(w.append(p), std::invalid_argument);
    nt::NftTraceRecord r;
    r.networkHeader.resize(nt::kMaxNftHeaderBytes + 1);
    EXPECT_THROW(w.append(r), std::invalid_argument);
}

TEST_F(TraceFileTest, RefusesToOverwriteUnlessAsked) {
    spit(path, "keep me");
    try {
        nt::TraceWriter w(path, {});
        ADD_FAILURE() << "an existing file was overwritten";
    } catch (const TraceFileError &e) {
        EXPECT_EQ(e.kind(), Kind::Io);
        EXPECT_NE(std::string(e.what()).find("already exists"), std::string::npos) << e.what();
    }
    EXPECT_EQ(slurp(path), "keep me");
    {
        nt::TraceWriter w(path, {}, true);
        w.finish({});
    }
    EXPECT_EQ(nt::readTrace(path).events.size(), 0u);
    const std::string folder = (dir / "folder.nftrace").string();
    fs::create_directory(folder);
    try {
        nt::TraceWriter w(folder, {}, true);
        ADD_FAILURE() << "a folder was overwritten";
    } catch (const TraceFileError &e) {
        EXPECT_EQ(e.kind(), Kind::Io);
        EXPECT_NE(std::string(e.what()).find("Cannot replace"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(fs::is_directory(folder));
}

TEST_F(TraceFileTest, MissingFileIsNotFound) {
    std::string msg;
    EXPECT_EQ(readKind((dir / "nope.nftrace").string(), &msg), Kind::NotFound);
    EXPECT_NE(msg.find("nope.nftrace"), std::string::npos) << msg;
    EXPECT_EQ(readKind((dir / "nodir" / "x.nftrace").string()), Kind::NotFound);
}

TEST_F(TraceFileTest, FoldersTextAndRandomBytesAreNotTraces) {
    EXPECT_EQ(readKind(dir.string()), Kind::NotATrace);
    spit(path, "host=router-1\nthis is a text file, not a trace\n");
    std::string msg;
    EXPECT_EQ(readKind(path, &msg), Kind::NotATrace);
    EXPECT_NE(msg.find("not an SQLite database"), std::string::npos) << msg;
    spit(path, "");
    EXPECT_EQ(readKind(path), Kind::NotATrace);
    std::mt19937 rng(42);
    std::string noise(70000, '\0');
    for (char &c : noise)
        c = char(rng());
    spit(path, noise);
    EXPECT_EQ(readKind(path), Kind::NotATrace);
    EXPECT_EQ(listDir(dir), std::set<std::string>{"trace.nftrace"});
}

TEST_F(TraceFileTest, OtherApplicationsDatabaseIsNotATrace) {
    rawExec(path, "CREATE TABLE events(x); INSERT INTO events VALUES(1); "
                  "PRAGMA application_id=1234; PRAGMA user_version=1;");
    std::string msg;
    EXPECT_EQ(readKind(path, &msg), Kind::NotATrace);
    EXPECT_NE(msg.find("another application"), std::string::npos) << msg;
}

TEST_F(TraceFileTest, NewerSchemaAsksForAnUpdate) {
    writeTestTrace(path, fullTrace());
    rawExec(path, "PRAGMA user_version=4");
    std::string msg;
    EXPECT_EQ(readKind(path, &msg), Kind::NewerVersion);
    EXPECT_NE(msg.find("schema 4"), std::string::npos) << msg;
    EXPECT_NE(msg.find("reads up to 3"), std::string::npos) << msg;
    EXPECT_NE(msg.find("update nft-tracer"), std::string::npos) << msg;
}

TEST_F(TraceFileTest, OurIdWithoutSchemaIsCorrupt) {
    rawExec(path, "PRAGMA application_id=" + std::to_string(nt::kTraceApplicationId) +
                      "; CREATE TABLE t(x);");
    EXPECT_EQ(readKind(path), Kind::Corrupt); // user_version 0
    rawExec(path, "PRAGMA user_version=1");
    std::string msg;
    EXPECT_EQ(readKind(path, &msg), Kind::Corrupt); // no tables
    EXPECT_NE(msg.find("meta"), std::string::npos) << msg;
}

nt::Trace bigTrace() {
    nt::Trace t = fullTrace();
    t.events = makeEvents(100'000);
    return t;
}

// A file cut off (a copy interrupted, a full disk) keeps every complete event page and every
// packet header and nft record before the cut, and says what was kept and lost. Records are
// written in batches, as the recorder writes them.
class TraceFileCut : public TraceFileTest, public ::testing::WithParamInterface<double> {};

TEST_P(TraceFileCut, KeepsEveryCompletePageAndSaysWhatWasLost) {
    nt::Trace t = fullTrace();
    t.events = makeEvents(60'000);
    const nt::Trace one = fullTrace();
    t.packets.clear();
    t.nft.clear();
    {
        nt::TraceWriter w(path, t.meta);
        w.setProbes(t.probes);
        w.setDropReasons(t.dropReasons);
        w.addSymbols(t.symbols);
        w.setRuleset(t.rulesetJson);
        for (size_t off = 0; off < t.events.size(); off += 4096) {
            w.append(std::span<const nt::Event>(t.events).subspan(
                off, std::min<size_t>(4096, t.events.size() - off)));
            for (const auto &p : one.packets) {
                t.packets.push_back(p);
                t.packets.back().skb += off;
                w.append(t.packets.back());
            }
            for (const auto &r : one.nft) {
                t.nft.push_back(r);
                t.nft.back().id += uint32_t(off);
                w.append(t.nft.back());
            }
            w.commit();
        }
        w.finish(t.meta);
    }
    const std::string bytes = slurp(path);
    ASSERT_GT(bytes.size(), 100'000u);
    spit(path, bytes.substr(0, size_t(double(bytes.size()) * GetParam())));

    // A reader that does not ask for what is left gets an error saying the file is cut off.
    std::string msg;
    EXPECT_EQ(readKind(path, &msg), Kind::Corrupt);
    EXPECT_NE(msg.find("cut off"), std::string::npos) << msg;
    {
        nt::TraceReader r(path);
        EXPECT_TRUE(r.info().truncated);
        EXPECT_EQ(r.info().expectedBytes, bytes.size());
        try {
            r.check();
            ADD_FAILURE() << "check() passed a truncated file";
        } catch (const TraceFileError &e) {
            EXPECT_EQ(e.kind(), Kind::Corrupt);
            EXPECT_NE(std::string(e.what()).find("cut off"), std::string::npos) << e.what();
        }
    }

    QString damage;
    const nt::Trace back = nt::readTrace(path, {}, &damage);
    EXPECT_NE(damage.indexOf(QStringLiteral("cut off")), -1) << damage.toStdString();
    // Whole pages only, in order, each event as written.
    ASSERT_LE(back.events.size(), t.events.size());
    EXPECT_TRUE(back.events.size() % nt::kEventsPerPage == 0 ||
                back.events.size() == t.events.size())
        << back.events.size();
    for (size_t i = 0; i < back.events.size(); ++i)
        ASSERT_EQ(fields(back.events[i]), fields(t.events[i])) << "event " << i;
    ASSERT_LE(back.packets.size(), t.packets.size());
    for (size_t i = 0; i < back.packets.size(); ++i)
        EXPECT_EQ(fields(back.packets[i]), fields(t.packets[i])) << "packet " << i;
    ASSERT_LE(back.nft.size(), t.nft.size());
    for (size_t i = 0; i < back.nft.size(); ++i)
        EXPECT_EQ(fields(back.nft[i]), fields(t.nft[i])) << "nft record " << i;
    // The message counts what was kept.
    const QString kept =
        QStringLiteral("kept %1 events in %2 complete event pages, %3 packet "
                       "headers and %4 nft trace records")
            .arg(back.events.size())
            .arg((back.events.size() + nt::kEventsPerPage - 1) / nt::kEventsPerPage)
            .arg(back.packets.size())
            .arg(back.nft.size());
    EXPECT_NE(damage.indexOf(kept), -1) << damage.toStdString();
    EXPECT_EQ(fields(back.meta), fields(t.meta));
    if (GetParam() >= 0.5) { // the events fill most of the file: half of it holds some
        EXPECT_GT(back.events.size(), 0u);
    }
    if (back.events.size() < t.events.size()) {
        EXPECT_NE(damage.indexOf(QStringLiteral("event_pages")), -1) << damage.toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(Cuts, TraceFileCut,
                         ::testing::Values(0.2, 0.35, 0.5, 0.65, 0.8, 0.95, 0.999));

// Cut inside its first pages, a file has lost its description: nothing can be read, and the
// message says so.
TEST_F(TraceFileTest, FileCutBeforeItsMetaSaysNothingCanBeRead) {
    writeTestTrace(path, bigTrace());
    const std::string bytes = slurp(path);
    spit(path, bytes.substr(0, 4096)); // the first page: the schema, not the meta table
    std::string msg;
    EXPECT_EQ(readKind(path, &msg), Kind::Corrupt);
    QString damage;
    try {
        nt::readTrace(path, {}, &damage);
        ADD_FAILURE() << "read a file without its meta table";
    } catch (const TraceFileError &e) {
        EXPECT_EQ(e.kind(), Kind::Corrupt);
        EXPECT_NE(std::string(e.what()).find("nothing in it can be read"), std::string::npos)
            << e.what();
    }
}

TEST_F(TraceFileTest, CorruptedPageIsCorrupt) {
    writeTestTrace(path, bigTrace());
    std::string bytes = slurp(path);
    const size_t page = 65536;
    const size_t pages = bytes.size() / page;
    ASSERT_GT(pages, 10u);
    // A page in the middle of the events table, overwritten the way a bad sector would be.
    std::fill_n(bytes.begin() + long(pages / 2 * page), page, char(0xa5));
    spit(path, bytes);
    EXPECT_EQ(readKind(path), Kind::Corrupt);
}

struct BadEdit {
    const char *name;
    const char *sql;
};

class TraceFileBadValue : public TraceFileTest, public ::testing::WithParamInterface<BadEdit> {};

TEST_P(TraceFileBadValue, IsCorrupt) {
    writeTestTrace(path, fullTrace());
    rawExec(path, GetParam().sql);
    std::string msg;
    EXPECT_EQ(readKind(path, &msg), Kind::Corrupt) << GetParam().sql;
    EXPECT_NE(msg.find("damaged"), std::string::npos) << msg;
}

INSTANTIATE_TEST_SUITE_P(
    Values, TraceFileBadValue,
    ::testing::Values(
        BadEdit{"PageCountWrong", "UPDATE event_pages SET count = count + 1"},
        BadEdit{"PageCut", "UPDATE event_pages SET data = substr(data, 1, length(data) - 3)"},
        BadEdit{"PageTrailingBytes", "UPDATE event_pages SET data = data || x'00'"},
        BadEdit{"PageFormatUnknown", "UPDATE event_pages SET data = x'02' || substr(data, 2)"},
        BadEdit{"PageTimeWrong", "UPDATE event_pages SET first_ts = first_ts - 1"},
        BadEdit{"PageText", "UPDATE event_pages SET data = 'abc'"},
        BadEdit{"PageCountHuge", "UPDATE event_pages SET count = 4294967296"},
        BadEdit{"PacketPageCountWrong", "UPDATE packet_pages SET count = count - 1"},
        BadEdit{"PacketPageTimeWrong", "UPDATE packet_pages SET last_ts = last_ts + 1"},
        BadEdit{"PacketPageCut",
                "UPDATE packet_pages SET data = substr(data, 1, length(data) - 1)"},
        BadEdit{"PacketPagePackedUnknown",
                "UPDATE packet_pages SET data = x'07' || substr(data, 2)"},
        BadEdit{"NftPageCountWrong", "UPDATE nft_pages SET count = count + 1"},
        BadEdit{"NftPageTrailingBytes", "UPDATE nft_pages SET data = data || x'00'"},
        BadEdit{"NftPageBitFlip", "UPDATE nft_pages SET data = substr(data, 1, 20) || "
                                  "x'ff' || substr(data, 22)"},
        BadEdit{"DropReasonNegative", "INSERT INTO drop_reasons VALUES(-1, 'X')"},
        BadEdit{"DropReasonHuge", "INSERT INTO drop_reasons VALUES(1000000000000, 'X')"},
        BadEdit{"AttachedNotBool", "UPDATE probes SET attached = 2"},
        BadEdit{"MetaHostNumber", "UPDATE meta SET value = 5 WHERE key = 'host'"},
        BadEdit{"MetaStopText", "UPDATE meta SET value = 'x' WHERE key = 'stop_mono_ns'"},
        BadEdit{"MissingColumn",
                "DROP INDEX event_pages_time; ALTER TABLE event_pages DROP COLUMN last_ts"},
        BadEdit{"MissingTable", "DROP TABLE nft_pages"}),
    [](const auto &info) { return std::string(info.param.name); });

// Earlier schemas stored packet headers and nft records (schema 2) or every record (schema 1)
// one row each: their values are checked as strictly.
struct FixtureEdit {
    const char *name;
    const char *fixture; // in tests/data/tracefile
    const char *sql;
};

class TraceFileOldBadValue : public TraceFileTest,
                             public ::testing::WithParamInterface<FixtureEdit> {};

TEST_P(TraceFileOldBadValue, IsCorrupt) {
    fs::copy_file(std::string(NT_TEST_DATA_DIR) + "/tracefile/" + GetParam().fixture, path);
    rawExec(path, GetParam().sql);
    std::string msg;
    EXPECT_EQ(readKind(path, &msg), Kind::Corrupt) << GetParam().sql;
    EXPECT_NE(msg.find("damaged"), std::string::npos) << msg;
}

constexpr const char *kV1 = "v1.nftrace";
constexpr const char *kV2 = "v2.nftrace";

INSTANTIATE_TEST_SUITE_P(
    Values, TraceFileOldBadValue,
    ::testing::Values(
        FixtureEdit{"V2PacketTooLong", kV2,
                    "UPDATE packets SET data = zeroblob(129) WHERE rowid = 2"},
        FixtureEdit{"V2PacketDataText", kV2, "UPDATE packets SET data = 'abc' WHERE rowid = 2"},
        FixtureEdit{"V2NftTypeUnknown", kV2, "UPDATE nft SET type = 5 WHERE rowid = 1"},
        FixtureEdit{"V2NftVerdictOverI32", kV2,
                    "UPDATE nft SET verdict = 2147483648 WHERE rowid = 1"},
        FixtureEdit{"V2NftHeaderTooLong", kV2,
                    "UPDATE nft SET ll_header = zeroblob(1025) WHERE rowid = 1"},
        FixtureEdit{"V2NftTableBlob", kV2, "UPDATE nft SET table_name = x'00ff' WHERE rowid = 1"},
        FixtureEdit{"V2PageFormatUnknown", kV2,
                    "UPDATE event_pages SET data = x'02' || substr(data, 2)"},
        FixtureEdit{"V2MissingTable", kV2, "DROP TABLE nft"},
        FixtureEdit{"V1ProbeOverU16", kV1, "UPDATE events SET probe = 65536 WHERE rowid = 3"},
        FixtureEdit{"V1NegativeNetns", kV1, "UPDATE events SET netns = -1 WHERE rowid = 3"},
        FixtureEdit{"V1TextInIntegerColumn", kV1,
                    "UPDATE events SET ts_ns = 'soon' WHERE rowid = 3"},
        FixtureEdit{"V1RealInIntegerColumn", kV1, "UPDATE events SET len = 1.5 WHERE rowid = 3"},
        FixtureEdit{"V1MissingColumn", kV1,
                    "DROP INDEX events_skb; ALTER TABLE events DROP COLUMN aux2"}),
    [](const auto &info) { return std::string(info.param.name); });

// Runs `body` in a child process and returns its exit status; the child never returns.
template <typename F> int inChild(F body) {
    const pid_t pid = fork();
    if (pid == 0) {
        int rc = 99;
        try {
            rc = body();
        } catch (...) {
            rc = 98;
        }
        _exit(rc);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 200 + WTERMSIG(status);
}

TEST_F(TraceFileTest, CrashLosesOnlyTheUncommittedBatch) {
    const nt::Trace t = fullTrace();
    const auto committed = makeEvents(5000);
    const int rc = inChild([&] {
        nt::TraceMeta meta = t.meta;
        meta.stopWallNs = 0;
        meta.stopMonoNs = 0;
        nt::TraceWriter w(path, meta);
        w.setProbes(t.probes);
        w.append(committed);
        w.append(t.packets[0]);
        w.commit();
        // Big enough to spill uncommitted pages into the WAL before the "crash".
        w.append(makeEvents(200'000, 5000));
        w.append(t.packets[1]);
        w.append(t.nft[0]);
        _exit(0); // no destructor, no commit: what a kill -9 does
        return 1;
    });
    ASSERT_EQ(rc, 0);
    ASSERT_TRUE(fs::exists(path + "-wal")) << "the crash should leave a WAL to recover";
    // The uncommitted batch spilled into the WAL (well beyond the ~50 KB committed), so
    // recovery really has to stop at the last commit.
    EXPECT_GT(fs::file_size(path + "-wal"), 1u << 20);

    const auto before = listDir(dir);
    const std::string mainBytes = slurp(path), walBytes = slurp(path + "-wal");
    nt::TraceReader reader(path);
    EXPECT_TRUE(reader.info().recovered);
    EXPECT_FALSE(reader.info().complete);
    EXPECT_EQ(reader.info().events, committed.size());
    const nt::Trace back = reader.readAll();
    EXPECT_EQ(back.meta.host, t.meta.host);
    EXPECT_EQ(back.meta.stopWallNs, 0);
    ASSERT_EQ(back.probes.size(), t.probes.size());
    ASSERT_EQ(back.events.size(), committed.size());
    for (size_t i = 0; i < committed.size(); ++i)
        ASSERT_EQ(fields(back.events[i]), fields(committed[i]));
    ASSERT_EQ(back.packets.size(), 1u);
    EXPECT_EQ(fields(back.packets[0]), fields(t.packets[0]));
    EXPECT_TRUE(back.nft.empty());
    // Reading never touches the crashed files: they may belong to someone else.
    EXPECT_EQ(listDir(dir), before);
    EXPECT_EQ(slurp(path), mainBytes);
    EXPECT_EQ(slurp(path + "-wal"), walBytes);

    // Copied without its -wal, the trace says which file is missing.
    const std::string alone = (dir / "alone.nftrace").string();
    fs::copy_file(path, alone);
    std::string msg;
    EXPECT_EQ(readKind(alone, &msg), Kind::Corrupt);
    EXPECT_NE(msg.find("alone.nftrace-wal is missing"), std::string::npos) << msg;
}

TEST_F(TraceFileTest, WriterDestroyedWithoutFinishLeavesAnIncompleteTrace) {
    nt::TraceMeta meta;
    meta.host = "h";
    {
        nt::TraceWriter w(path, meta);
        w.append(makeEvents(10));
        w.commit();
        w.append(makeEvents(5, 10));
    }
    const nt::TraceFileInfo info = nt::readTraceInfo(path);
    EXPECT_FALSE(info.complete);
    EXPECT_FALSE(info.recovered);
    EXPECT_EQ(info.events, 15u);
    EXPECT_EQ(nt::readTrace(path).events.size(), 15u);
}

TEST_F(TraceFileTest, UnwritableFolderGivesAClearErrorAndLeavesNothing) {
    const fs::path locked = dir / "locked";
    fs::create_directory(locked);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read |
                                fs::perms::others_exec);
    fs::permissions(dir, fs::perms::owner_all | fs::perms::others_exec | fs::perms::group_exec);
    const std::string target = (locked / "t.nftrace").string();
    // Root ignores permission bits: drop to nobody in a child to meet a real refusal.
    const int rc = inChild([&] {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
            return 10;
        try {
            nt::TraceWriter w(target, {});
            return 1;
        } catch (const TraceFileError &e) {
            const std::string msg = e.what();
            if (e.kind() != Kind::Io)
                return 2;
            if (msg.find(target) == std::string::npos ||
                msg.find(std::strerror(EACCES)) == std::string::npos)
                return 3;
            return 0;
        }
    });
    EXPECT_EQ(rc, 0);
    EXPECT_TRUE(fs::is_empty(locked));
}

TEST_F(TraceFileTest, FailureAfterCreatingLeavesNothing) {
    // A file-size limit below one page: the file is created, then the schema cannot be written.
    const int rc = inChild([&] {
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit lim{4096, 4096};
        if (setrlimit(RLIMIT_FSIZE, &lim) != 0)
            return 10;
        try {
            nt::TraceWriter w(path, {});
            return 1;
        } catch (const TraceFileError &e) {
            return e.kind() == Kind::Io ? 0 : 2;
        }
    });
    EXPECT_EQ(rc, 0);
    EXPECT_TRUE(fs::is_empty(dir)) << *listDir(dir).begin();
}

TEST_F(TraceFileTest, ProgressCountsRowsAndCancels) {
    nt::Trace t = fullTrace();
    t.events = makeEvents(50'000);
    writeTestTrace(path, t);
    const uint64_t total = t.events.size() + t.packets.size() + t.nft.size();

    std::vector<std::pair<uint64_t, uint64_t>> calls;
    const nt::Trace back = nt::readTrace(path, [&](uint64_t done, uint64_t all) {
        calls.emplace_back(done, all);
        return true;
    });
    EXPECT_EQ(back.events.size(), t.events.size());
    ASSERT_GE(calls.size(), 5u);
    EXPECT_EQ(calls.back(), std::make_pair(total, total));
    for (size_t i = 1; i < calls.size(); ++i) {
        EXPECT_LE(calls[i - 1].first, calls[i].first);
        EXPECT_EQ(calls[i].second, total);
    }

    int seen = 0;
    try {
        nt::readTrace(path, [&](uint64_t done, uint64_t) { return ++seen < 3 || done == 0; });
        ADD_FAILURE() << "not cancelled";
    } catch (const nt::TraceFileCancelled &e) {
        EXPECT_EQ(e.kind(), Kind::Cancelled);
    }
    EXPECT_GE(seen, 3);
    EXPECT_THROW(nt::readTrace(path, [](uint64_t, uint64_t) { return false; }),
                 nt::TraceFileCancelled);
}

// A schema-1 file as the first release wrote it (one row per event): later versions keep
// reading it, and writing what they read gives a file of today's schema that reads back the same.
TEST_F(TraceFileTest, ReadsTheSchema1FixtureAndRewritesItTheSame) {
    const std::string fixture = std::string(NT_TEST_DATA_DIR) + "/tracefile/v1.nftrace";
    nt::Trace t = fullTrace();
    t.events = makeEvents(20);
    EXPECT_EQ(nt::TraceReader(fixture).info().schemaVersion, 1);
    const nt::Trace back = nt::readTrace(fixture);
    expectSameTrace(t, back);
    writeTestTrace(path, back);
    EXPECT_EQ(nt::TraceReader(path).info().schemaVersion, nt::kTraceSchemaVersion);
    expectSameTrace(back, nt::readTrace(path));
}

// The row layout (`export --format sqlite`): one row per event that sqlite3 users query, the
// probe's and the location's names in a view, indexes by time and skb; nft-tracer reads every
// record back as written.
TEST_F(TraceFileTest, RowLayoutIsPlainSqlAndReadsBackTheSame) {
    const nt::Trace t = fullTrace();
    nt::writeTrace(path, t, nt::EventLayout::Rows);
    EXPECT_EQ(nt::TraceReader(path).info().schemaVersion, 1);
    expectSameTrace(t, nt::readTrace(path));

    EXPECT_EQ(rawQuery(path, "SELECT count(*) FROM events"), int64_t(t.events.size()));
    EXPECT_EQ(rawQuery(path, "SELECT count(*) FROM sqlite_master WHERE type='table' AND "
                             "name='event_pages'"),
              0);
    EXPECT_EQ(rawQuery(path, "SELECT count(*) FROM sqlite_master WHERE type='index' AND "
                             "name IN ('events_time', 'events_skb')"),
              2);
    // Names joined in: the extreme event's probe id 65535 is "last", its location (2^64 - 2)
    // has no symbol; an event of probe netif_receive_skb at tcp_v4_rcv+0x1a4 is named so.
    const auto text = [&](const std::string &sql) { return rawText(path, sql); };
    const int64_t last = int64_t(t.events.size());
    EXPECT_EQ(text("SELECT probe FROM events_named WHERE seq = " + std::to_string(last)), "last");
    EXPECT_EQ(text("SELECT coalesce(location, '<null>') FROM events_named WHERE seq = " +
                   std::to_string(last)),
              "<null>");
    EXPECT_EQ(
        text("SELECT printf('%x', skb) FROM events_named WHERE seq = " + std::to_string(last)),
        "ffffffffffffffff");
    nt::Trace named = fullTrace();
    named.events = makeEvents(3);
    named.events[1].probe = NT_PROBE_NETIF_RECEIVE_SKB;
    named.events[1].location = 0xffffffff81a0b0c0ull;
    fs::remove(path);
    nt::writeTrace(path, named, nt::EventLayout::Rows);
    EXPECT_EQ(text("SELECT probe || ' ' || location FROM events_named WHERE seq = 2"),
              "netif_receive_skb tcp_v4_rcv+0x1a4");
}

// The previous schema's fixture, written by the version before pages of packet headers and nft
// records: later versions keep reading it.
TEST_F(TraceFileTest, ReadsTheSchema2Fixture) {
    const std::string fixture = std::string(NT_TEST_DATA_DIR) + "/tracefile/v2.nftrace";
    nt::Trace t = fullTrace();
    t.events = makeEvents(20);
    EXPECT_EQ(nt::TraceReader(fixture).info().schemaVersion, 2);
    const nt::Trace back = nt::readTrace(fixture);
    expectSameTrace(t, back);
}

// The current schema's fixture, for the fuzzer's seed and for readers after the next change.
// Regenerate (only when the writer's output is meant to change) with NT_REGENERATE_FIXTURES=1;
// that also rewrites the cut one below.
TEST_F(TraceFileTest, ReadsTheSchema3Fixture) {
    const std::string fixture = std::string(NT_TEST_DATA_DIR) + "/tracefile/v3.nftrace";
    const std::string cut = std::string(NT_TEST_DATA_DIR) + "/tracefile/v3-cut.nftrace";
    nt::Trace t = fullTrace();
    t.events = makeEvents(20);
    if (std::getenv("NT_REGENERATE_FIXTURES")) {
        fs::create_directories(fs::path(fixture).parent_path());
        fs::remove(fixture);
        writeTestTrace(fixture, t);
        // Small pages keep the fixture (and the fuzzer's seed) a few KiB.
        rawExec(fixture, "PRAGMA page_size=512; VACUUM;");
        const std::string bytes = slurp(fixture);
        spit(cut, bytes.substr(0, bytes.size() * 3 / 4 / 512 * 512));
    }
    EXPECT_EQ(nt::TraceReader(fixture).info().schemaVersion, 3);
    const nt::Trace back = nt::readTrace(fixture);
    expectSameTrace(t, back);
}

// The fuzzer's seeds of cut-off files: the fixtures' first three quarters.
TEST_F(TraceFileTest, ReadsTheCutFixturesUpToTheirCut) {
    for (const char *name : {"v2-cut.nftrace", "v3-cut.nftrace"}) {
        const std::string fixture = std::string(NT_TEST_DATA_DIR) + "/tracefile/" + name;
        const std::string whole =
            std::string(NT_TEST_DATA_DIR) + "/tracefile/" + std::string(name).replace(2, 4, "");
        EXPECT_TRUE(nt::TraceReader(fixture).info().truncated) << name;
        QString damage;
        const nt::Trace back = nt::readTrace(fixture, {}, &damage);
        const QString said = QStringLiteral("cut off: it has %1 of its %2 bytes")
                                 .arg(fs::file_size(fixture))
                                 .arg(fs::file_size(whole));
        EXPECT_NE(damage.indexOf(said), -1) << damage.toStdString();
        EXPECT_EQ(back.meta.host, "router-1") << name;
    }
}

} // namespace
