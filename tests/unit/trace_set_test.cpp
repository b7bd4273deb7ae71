// Rotating trace files (size, duration, ring) and a set of files opened as one trace.
#include "assembler.h"
#include "trace_set.h"

#include <filesystem>
#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;

class TraceSetTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("nt-traceset-" + std::to_string(getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        header.meta.host = "host-a";
        header.meta.kernel = "6.1.0";
        header.meta.startMonoNs = 1'000'000'000;
        header.meta.startWallNs = 1'700'000'000'000'000'000LL;
        header.probes = {{NT_PROBE_NETIF_RECEIVE_SKB, "netif_receive_skb", "tracepoint", true, {}},
                         {NT_PROBE_CONSUME_SKB, "consume_skb", "tracepoint", true, {}}};
        header.dropReasons = {"NOT_DROPPED_YET", "CONSUMED"};
        header.interfaces = {{0, 1, 2, "veth0"}};
    }
    void TearDown() override { fs::remove_all(dir); }

    std::vector<std::string> traceFiles() const {
        std::vector<std::string> names;
        for (const auto &e : fs::directory_iterator(dir)) {
            names.push_back(e.path().filename().string());
        }
        std::sort(names.begin(), names.end());
        return names;
    }

    static nt::Event event(uint64_t skb, uint64_t ts, uint16_t probe) {
        nt::Event e{};
        e.type = NT_REC_EVENT;
        e.probe = probe;
        e.protocol = 0x0800;
        e.ts_ns = ts;
        e.skb = skb;
        e.netns = 1;
        e.ifindex = 2;
        e.len = 60;
        return e;
    }

    static void commit(nt::TraceFileSet &set, const nt::TraceMeta &meta) {
        set.commit();
        if (set.rotationDue()) {
            set.rotate(meta);
        }
    }

    fs::path dir;
    nt::Trace header;
};

TEST_F(TraceSetTest, RotatedNamesSortInRecordingOrder) {
    const int64_t t = 1'764'762'300'000'000'000LL; // 2025-12-03 11:45:00 UTC
    EXPECT_EQ(nt::rotatedFileName("/x/trace.nftrace", 1, t),
              "/x/trace_00001_20251203T114500Z.nftrace");
    EXPECT_EQ(nt::rotatedFileName("/x/trace", 12, t), "/x/trace_00012_20251203T114500Z.nftrace");
    EXPECT_LT(nt::rotatedFileName("t.nftrace", 9, t + 5'000'000'000),
              nt::rotatedFileName("t.nftrace", 10, t));
}

TEST_F(TraceSetTest, SizeCapRotatesAndTheRingKeepsTheNewestFiles) {
    nt::RotationOptions rot;
    rot.maxBytes = 2u << 20;
    rot.ring = 2;
    nt::TraceFileSet set((dir / "t.nftrace").string(), rot);
    set.setHeader(header);
    std::vector<nt::Event> batch;
    uint64_t ts = header.meta.startMonoNs;
    for (int round = 0; round < 2000 && set.removed() < 2; ++round) {
        batch.clear();
        for (int i = 0; i < 4096; ++i) {
            batch.push_back(event(0xffff000000000000ULL + uint64_t(i) * 64, ts += 1000,
                                  NT_PROBE_NETIF_RECEIVE_SKB));
            // Pages are packed: values that look random keep the files growing.
            batch.back().mark = uint32_t(ts * 2654435761u);
        }
        set.append(batch);
        commit(set, header.meta);
    }
    set.append(batch); // the newest file, just started, gets a batch too
    set.finish(header.meta);
    ASSERT_GE(set.removed(), 2u) << "the size cap never rotated";
    ASSERT_EQ(set.files().size(), 2u);
    EXPECT_EQ(traceFiles().size(), 2u);
    EXPECT_LT(set.files()[0], set.files()[1]);
    for (const std::string &f : set.files()) {
        const nt::Trace t = nt::readTrace(f);
        EXPECT_NE(t.meta.stopWallNs, 0) << f;
        EXPECT_LE(t.meta.startMonoNs, t.meta.stopMonoNs) << f;
        EXPECT_GT(t.events.size(), 0u) << f;
        EXPECT_EQ(t.probes.size(), 2u) << f;
        EXPECT_EQ(t.interfaces.size(), 1u) << f; // each file opens on its own, names included
        EXPECT_LE(nt::readTraceInfo(f).fileBytes, rot.maxBytes + (1u << 20)) << f;
    }
}

TEST_F(TraceSetTest, AJourneySplitByARotationIsJoinedWhenTheSetIsOpened) {
    nt::RotationOptions rot;
    rot.maxDurationNs = 1; // every commit starts a new file
    nt::TraceFileSet set((dir / "t.nftrace").string(), rot);
    set.setHeader(header);
    const uint64_t skb = 0xffff888100000100ULL, t0 = 2'000'000'000;
    nt::PacketHeader h;
    h.skb = skb;
    h.tsNs = t0;
    h.len = 28;
    h.protocol = 0x0800;
    h.data = {0x45, 0, 0,  28, 0, 1, 0x40, 0, 64, 17, 0, 0, 10, 0,
              0,    1, 10, 0,  0, 2, 0,    7, 0,  9,  0, 8, 0,  0};
    set.append(h);
    std::vector<nt::Event> first{event(skb, t0, NT_PROBE_NETIF_RECEIVE_SKB)};
    first[0].flags = NT_EVF_FIRST;
    set.append(first);
    nt::TraceMeta m = header.meta;
    m.loss.ringbufFull = 5;
    commit(set, m);
    const std::vector<nt::Event> second{event(skb, t0 + 5000, NT_PROBE_CONSUME_SKB)};
    set.append(second);
    m.loss.ringbufFull = 12;
    set.finish(m);
    ASSERT_EQ(set.files().size(), 2u);

    const nt::Trace a = nt::readTrace(set.files()[0]);
    const nt::Trace b = nt::readTrace(set.files()[1]);
    EXPECT_EQ(a.meta.loss.ringbufFull, 5u);
    EXPECT_EQ(b.meta.loss.ringbufFull, 7u);
    const nt::Assembler aa = nt::Assembler::assemble(a);
    ASSERT_EQ(aa.journeyCount(), 1u);
    EXPECT_EQ(aa.record(0).fate, nt::Fate::InFlight); // alone, the first part never ends

    const nt::Trace whole = nt::openTraceSet({dir.string()});
    EXPECT_EQ(whole.meta.loss.ringbufFull, 12u);
    EXPECT_EQ(whole.meta.startMonoNs, header.meta.startMonoNs);
    EXPECT_EQ(whole.meta.stopMonoNs, b.meta.stopMonoNs);
    EXPECT_EQ(whole.interfaces.size(), 1u);
    ASSERT_EQ(whole.events.size(), 2u);
    const nt::Assembler joined = nt::Assembler::assemble(whole);
    ASSERT_EQ(joined.journeyCount(), 1u);
    EXPECT_EQ(joined.record(0).fate, nt::Fate::Consumed);
    EXPECT_EQ(joined.events(0).size(), 2u);
    // The same set named file by file, in any order.
    const nt::Trace byFiles = nt::openTraceSet({set.files()[1], set.files()[0]});
    EXPECT_EQ(byFiles.events.size(), 2u);
    EXPECT_EQ(byFiles.events[0].ts_ns, t0);
}

TEST_F(TraceSetTest, AFolderWithoutTracesIsRefused) {
    try {
        nt::openTraceSet({dir.string()});
        FAIL() << "an empty folder opened";
    } catch (const nt::TraceFileError &e) {
        EXPECT_EQ(e.kind(), nt::TraceFileError::Kind::NotFound);
        EXPECT_TRUE(e.message().contains(QString::fromStdString(dir.string())));
    }
}

TEST_F(TraceSetTest, FilesOfDifferentMachinesAreNotMerged) {
    {
        nt::TraceFileSet one((dir / "a.nftrace").string(), {});
        one.setHeader(header);
        one.finish(header.meta);
    }
    nt::Trace other = header;
    other.meta.host = "host-b";
    {
        nt::TraceFileSet two((dir / "b.nftrace").string(), {});
        two.setHeader(other);
        two.finish(other.meta);
    }
    try {
        nt::openTraceSet({dir.string()});
        FAIL() << "files of two machines merged";
    } catch (const nt::TraceFileError &e) {
        EXPECT_EQ(e.kind(), nt::TraceFileError::Kind::Corrupt);
        EXPECT_TRUE(e.message().contains(QStringLiteral("host-b")));
    }
}

} // namespace
