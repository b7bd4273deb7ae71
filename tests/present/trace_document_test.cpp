// TraceDocument: loading on a worker with progress, failures, cancellation and stale results,
// live appends (same journeys as the bulk assembly), Save As for files and live traces, and
// exports on a worker. Qt Core only: no display needed.
#include "export.h"
#include "synthetic_trace.h"
#include "trace_document.h"
#include "trace_set.h"
#include "trace_stream.h"
#include "tracefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <QTest>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <ctime>

namespace nt::testing {
// The recorded sample the GUI tests open too.
const std::string kSampleTrace = std::string(NT_TEST_DATA_DIR) + "/recorded/two-namespaces.nftrace";
} // namespace nt::testing

namespace {

using namespace nt;

const QString kSample = QString::fromStdString(nt::testing::kSampleTrace);

TEST(TraceDocumentTest, OpensTheSampleOnAWorkerWithProgress) {
    TraceDocument doc;
    QSignalSpy started(&doc, &TraceDocument::loadingStarted);
    QSignalSpy progress(&doc, &TraceDocument::loadingProgress);
    QSignalSpy loaded(&doc, &TraceDocument::loaded);
    QSignalSpy appended(&doc, &TraceDocument::journeysAppended);
    doc.open(kSample);
    EXPECT_TRUE(doc.loading());
    EXPECT_FALSE(doc.hasTrace()) << "loading is asynchronous";
    ASSERT_TRUE(loaded.wait(10000));
    EXPECT_EQ(started.count(), 1);
    ASSERT_GE(progress.count(), 1);
    const auto last = progress.last();
    EXPECT_EQ(last.at(0).toULongLong(), last.at(1).toULongLong()) << "the last report is 100 %";
    EXPECT_GT(last.at(1).toULongLong(), 0u);
    EXPECT_FALSE(doc.loading());
    EXPECT_EQ(doc.state(), TraceDocument::State::Loaded);
    EXPECT_EQ(doc.path(), kSample);
    ASSERT_TRUE(doc.hasTrace());
    EXPECT_EQ(doc.assembler()->journeyCount(), 27u);
    EXPECT_EQ(doc.journeys().size(), 27u);
    EXPECT_FALSE(doc.partial());
    // Listed in batches as they complete: consecutive, covering every journey once.
    ASSERT_GE(appended.count(), 1);
    qsizetype next = 0;
    for (const auto &batch : appended) {
        EXPECT_EQ(batch.at(0).toLongLong(), next);
        next += batch.at(1).toLongLong();
    }
    EXPECT_EQ(next, 27);
    std::vector<JourneyId> ids = doc.journeys();
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
    EXPECT_EQ(doc.trace()->meta.backend, "tracepoints+nftrace");
}

// A file big enough to take several slices: 20k packets, one every 100 µs (2 s of trace; a
// journey completes 200 ms of trace time after its free).
// A file at `path` holding `bytes` (what an export or a save must replace).
bool writeFile(const QString &path, const char *bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == qint64(std::strlen(bytes));
}

class BigFile : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir = std::make_unique<QTemporaryDir>();
        path = dir->filePath(QStringLiteral("big.nftrace"));
        nt::test::writeSyntheticTrace(path.toStdString(), 20'000, 100'000);
    }
    static void TearDownTestSuite() { dir.reset(); }
    static std::unique_ptr<QTemporaryDir> dir;
    static QString path;
};
std::unique_ptr<QTemporaryDir> BigFile::dir;
QString BigFile::path;

TEST_F(BigFile, JourneysAreListedWhileTheFileIsStillRead) {
    TraceDocument doc;
    QSignalSpy replaced(&doc, &TraceDocument::replaced);
    QSignalSpy loaded(&doc, &TraceDocument::loaded);
    bool loadingAtFirstBatch = false;
    size_t firstBatch = 0;
    QObject::connect(&doc, &TraceDocument::journeysAppended, &doc,
                     [&](qsizetype first, qsizetype count) {
                         if (first == 0) {
                             loadingAtFirstBatch = doc.loading();
                             firstBatch = static_cast<size_t>(count);
                             EXPECT_EQ(replaced.count(), 1);
                             EXPECT_EQ(doc.state(), TraceDocument::State::Loading);
                         }
                     });
    doc.open(path);
    ASSERT_TRUE(loaded.wait(60000));
    EXPECT_TRUE(loadingAtFirstBatch) << "the first journeys came only with the last";
    EXPECT_GT(firstBatch, 0u);
    EXPECT_LT(firstBatch, 20'000u);
    EXPECT_EQ(doc.state(), TraceDocument::State::Loaded);
    EXPECT_FALSE(doc.partial());

    // The same journeys as assembling the whole file at once.
    const Trace whole = readTrace(path.toStdString());
    const Assembler bulk = Assembler::assemble(whole);
    const Assembler &a = *doc.assembler();
    ASSERT_EQ(a.journeyCount(), bulk.journeyCount());
    ASSERT_EQ(doc.journeys().size(), bulk.journeyCount());
    for (JourneyId id = 0; id < bulk.journeyCount(); ++id) {
        const Journey x = a.journey(id), y = bulk.journey(id);
        ASSERT_EQ(x.fate, y.fate) << id;
        ASSERT_EQ(x.firstTs, y.firstTs) << id;
        ASSERT_EQ(x.eventCount, y.eventCount) << id;
        ASSERT_EQ(x.header, y.header) << id;
    }
    EXPECT_EQ(doc.trace()->packets.size(), whole.packets.size());
    EXPECT_TRUE(doc.trace()->events.empty()) << "a file's events live in the assembler only";
    EXPECT_EQ(a.counters().events, whole.events.size());
}

TEST_F(BigFile, CancelAfterTheFirstJourneysKeepsWhatWasRead) {
    TraceDocument doc;
    QSignalSpy loaded(&doc, &TraceDocument::loaded);
    QSignalSpy cancelled(&doc, &TraceDocument::cancelled);
    QSignalSpy appended(&doc, &TraceDocument::journeysAppended);
    doc.open(path);
    ASSERT_TRUE(appended.wait(60000));
    doc.cancel();
    EXPECT_EQ(cancelled.count(), 1);
    EXPECT_FALSE(doc.loading());
    EXPECT_TRUE(doc.partial());
    EXPECT_EQ(doc.state(), TraceDocument::State::Loaded);
    // Every journey begun was completed and listed; the rest of the file was not read.
    EXPECT_EQ(doc.journeys().size(), doc.assembler()->journeyCount());
    EXPECT_LT(doc.journeys().size(), 20'000u);
    const size_t shown = doc.journeys().size();
    QTest::qWait(300); // whatever the worker still delivers must be dropped
    EXPECT_EQ(doc.journeys().size(), shown);
    EXPECT_EQ(loaded.count(), 0);
}

TEST(TraceDocumentTest, ReportsFailuresWithTheReadersMessage) {
    TraceDocument doc;
    QSignalSpy failed(&doc, &TraceDocument::failed);
    QSignalSpy loaded(&doc, &TraceDocument::loaded);
    doc.open(QStringLiteral("/nonexistent/x.nftrace"));
    ASSERT_TRUE(failed.wait(10000));
    const QString message = failed.first().at(0).toString();
    EXPECT_TRUE(message.contains(QStringLiteral("/nonexistent/x.nftrace")))
        << message.toStdString();
    EXPECT_EQ(loaded.count(), 0);
    EXPECT_FALSE(doc.hasTrace());

    QTemporaryDir dir;
    const QString junk = dir.filePath(QStringLiteral("junk.nftrace"));
    QFile f(junk);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("this is not an SQLite database, just text that is long enough to be read");
    f.close();
    doc.open(junk);
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_EQ(failed.count(), 2);
    EXPECT_NE(failed.last().at(0).toString(), message);
}

TEST_F(BigFile, DamageFoundMidwayKeepsTheJourneysReadBeforeIt) {
    QTemporaryDir tmp;
    const QString damaged = tmp.filePath(QStringLiteral("damaged.nftrace"));
    ASSERT_TRUE(QFile::copy(path, damaged));
    {
        // An event page well inside the file turns to garbage: reading finds it midway.
        sqlite3 *db = nullptr;
        ASSERT_EQ(sqlite3_open(damaged.toUtf8().constData(), &db), SQLITE_OK);
        const int rc = sqlite3_exec(db,
                                    "UPDATE event_pages SET data = zeroblob(length(data)) "
                                    "WHERE rowid = (SELECT max(rowid) * 7 / 10 FROM event_pages)",
                                    nullptr, nullptr, nullptr);
        EXPECT_EQ(sqlite3_changes(db), 1);
        sqlite3_close(db);
        ASSERT_EQ(rc, SQLITE_OK);
    }
    TraceDocument doc;
    QSignalSpy replaced(&doc, &TraceDocument::replaced);
    QSignalSpy failed(&doc, &TraceDocument::failed);
    QSignalSpy loaded(&doc, &TraceDocument::loaded);
    doc.open(damaged);
    ASSERT_TRUE(failed.wait(60000));
    EXPECT_EQ(replaced.count(), 1);
    EXPECT_EQ(loaded.count(), 0);
    EXPECT_FALSE(doc.loading());
    EXPECT_TRUE(doc.partial());
    EXPECT_EQ(doc.state(), TraceDocument::State::Loaded);
    EXPECT_GT(doc.journeys().size(), 0u);
    EXPECT_EQ(doc.journeys().size(), doc.assembler()->journeyCount());
    const QString message = failed.first().at(0).toString();
    EXPECT_TRUE(message.contains(QStringLiteral("before the damage"))) << message.toStdString();
}

TEST(TraceDocumentTest, CancelBeforeTheNewTraceIsShownKeepsThePreviousOne) {
    TraceDocument doc;
    QSignalSpy loaded(&doc, &TraceDocument::loaded);
    QSignalSpy cancelled(&doc, &TraceDocument::cancelled);
    doc.open(kSample);
    ASSERT_TRUE(loaded.wait(10000));
    const Trace *before = doc.trace();

    doc.open(kSample);
    doc.cancel(); // before the worker could deliver the new header
    EXPECT_EQ(cancelled.count(), 1);
    EXPECT_FALSE(doc.loading());
    EXPECT_FALSE(doc.partial());
    QTest::qWait(500); // whatever the worker still delivers must be dropped
    EXPECT_EQ(loaded.count(), 1);
    EXPECT_EQ(doc.trace(), before);
    EXPECT_EQ(doc.journeys().size(), 27u);
    doc.cancel(); // nothing to cancel
    EXPECT_EQ(cancelled.count(), 1);
}

TEST(TraceDocumentTest, ANewerOpenWins) {
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy.nftrace"));
    ASSERT_TRUE(QFile::copy(kSample, copy));
    TraceDocument doc;
    QSignalSpy loaded(&doc, &TraceDocument::loaded);
    QSignalSpy cancelled(&doc, &TraceDocument::cancelled);
    doc.open(kSample);
    doc.open(copy);
    ASSERT_TRUE(loaded.wait(10000));
    QTest::qWait(300);
    EXPECT_EQ(loaded.count(), 1);
    EXPECT_EQ(cancelled.count(), 1);
    EXPECT_EQ(doc.path(), copy);
}

// The sample's records as a recorder delivers them: by time, each header before its skb's first
// event, nft records interleaved by receive time, in a few batches.
void replay(TraceDocument &doc, const Trace &t) {
    std::vector<Event> events = t.events;
    std::stable_sort(events.begin(), events.end(),
                     [](const Event &a, const Event &b) { return a.ts_ns < b.ts_ns; });
    std::vector<PacketHeader> packets = t.packets;
    std::stable_sort(packets.begin(), packets.end(),
                     [](const PacketHeader &a, const PacketHeader &b) { return a.tsNs < b.tsNs; });
    size_t p = 0, n = 0;
    const size_t batchSize = 16;
    for (size_t first = 0; first < events.size(); first += batchSize) {
        RecordBatch batch;
        const size_t end = std::min(events.size(), first + batchSize);
        for (size_t i = first; i < end; ++i) {
            while (p < packets.size() && packets[p].tsNs <= events[i].ts_ns) {
                batch.packetBefore.push_back(batch.events.size());
                batch.packets.push_back(packets[p++]);
            }
            batch.events.push_back(events[i]);
        }
        std::vector<NftTraceRecord> nft;
        while (n < t.nft.size() &&
               (end == events.size() || t.nft[n].tsNs <= events[end - 1].ts_ns)) {
            nft.push_back(t.nft[n++]);
        }
        doc.appendRecords(batch, nft);
    }
}

TEST(TraceDocumentTest, LiveRecordsBecomeTheSameJourneysAsTheFile) {
    const Trace file = readTrace(nt::testing::kSampleTrace);
    TraceDocument doc;
    QSignalSpy appended(&doc, &TraceDocument::journeysAppended);
    QSignalSpy ended(&doc, &TraceDocument::liveEnded);
    Trace header = file;
    header.meta.stopWallNs = 0;
    doc.beginLive(header);
    EXPECT_TRUE(doc.isLive());
    EXPECT_TRUE(doc.trace()->events.empty()) << "records arrive later";
    EXPECT_TRUE(doc.journeys().empty());
    replay(doc, file);
    doc.setLiveLoss(LossCounters{3, 0, 1, 100, 0}, 250.0);
    EXPECT_EQ(doc.eventsPerSecond(), 250.0);
    EXPECT_GE(doc.lostEvents(), 4u);
    doc.endLive(file.meta);
    EXPECT_EQ(ended.count(), 1);
    EXPECT_FALSE(doc.isLive());
    EXPECT_EQ(doc.journeys().size(), 27u);
    EXPECT_EQ(doc.trace()->events.size(), file.events.size());
    // Positions reported by journeysAppended cover the listed journeys exactly once.
    qsizetype next = 0;
    for (const auto &args : appended) {
        EXPECT_EQ(args.at(0).toLongLong(), next);
        next += args.at(1).toLongLong();
    }
    EXPECT_EQ(next, 27);
    size_t droppedByRule = 0;
    for (JourneyId id : doc.journeys()) {
        droppedByRule += doc.assembler()->journey(id).fate == Fate::DroppedByRule ? 1 : 0;
    }
    EXPECT_EQ(droppedByRule, 1u);

    // Save As writes the live trace with TraceWriter; it reads back the same.
    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("live.nftrace"));
    doc.saveAs(saved);
    const Trace back = readTrace(saved.toStdString());
    EXPECT_EQ(back.events.size(), file.events.size());
    EXPECT_EQ(back.packets.size(), file.packets.size());
    EXPECT_EQ(back.nft.size(), file.nft.size());
    EXPECT_EQ(back.rulesetJson, file.rulesetJson);
    EXPECT_EQ(Assembler::assemble(back).journeyCount(), 27u);
    EXPECT_FALSE(QFile::exists(saved + QStringLiteral(".partial")));
}

// Records that lost their packets to the ring buffer: with the helper's loss marks they are
// unjoined for that reason, not "no packet", and the saved file keeps the marks.
TEST(TraceDocumentTest, LiveLossMarksGiveTheReasonAndAreSaved) {
    const Trace file = readTrace(nt::testing::kSampleTrace);
    ASSERT_FALSE(file.nft.empty());
    Trace header = file;
    header.meta.stopWallNs = 0;
    std::vector<LossMark> marks;
    for (const NftTraceRecord &r : file.nft) {
        if (marks.empty() || marks.back().tsNs < r.tsNs) {
            marks.push_back({r.tsNs, marks.size() + 1});
        }
    }
    TraceDocument doc;
    doc.beginLive(header);
    doc.appendLossMarks(marks);
    doc.appendRecords(RecordBatch{}, file.nft); // the BPF side's records all lost
    doc.endLive(file.meta);
    const AssemblerCounters &c = doc.assembler()->counters();
    EXPECT_GT(c.unjoinedNft, 0u);
    EXPECT_EQ(c.unjoinedLoss, c.unjoinedNft - c.unjoinedOrphan - c.unjoinedDuplicate);
    EXPECT_EQ(c.unjoinedNoPacket, 0u);

    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("lossy.nftrace"));
    doc.saveAs(saved);
    const Trace back = readTrace(saved.toStdString());
    ASSERT_EQ(back.lossMarks.size(), marks.size());
    EXPECT_EQ(back.lossMarks.front().tsNs, marks.front().tsNs);
    EXPECT_EQ(back.lossMarks.back().tsNs, marks.back().tsNs);
    EXPECT_EQ(back.lossMarks.back().ringbufFull, marks.back().ringbufFull);
}

uint64_t monotonicNow() {
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<uint64_t>(ts.tv_sec) * 1'000'000'000ULL + static_cast<uint64_t>(ts.tv_nsec);
}

TEST(TraceDocumentTest, LastLivePacketIsListedWithoutWaitingForAnotherRecord) {
    // The sample shifted to now, as the helper would deliver it on this host; then silence.
    Trace file = readTrace(nt::testing::kSampleTrace);
    uint64_t last = 0;
    for (const Event &e : file.events) {
        last = std::max<uint64_t>(last, e.ts_ns);
    }
    for (const NftTraceRecord &r : file.nft) {
        last = std::max(last, r.tsNs);
    }
    const uint64_t shift = monotonicNow() - last;
    for (Event &e : file.events) {
        e.ts_ns += shift;
    }
    for (PacketHeader &h : file.packets) {
        h.tsNs += shift;
    }
    for (NftTraceRecord &r : file.nft) {
        r.tsNs += shift;
    }
    // Every journey whose end was seen is listed once its grace is over; the ones never freed
    // wait for the end of the trace (or the idle time).
    Assembler ref(file.probes, file.dropReasons);
    TimeMerge merge{std::span<const PacketHeader>(file.packets),
                    std::span<const NftTraceRecord>(file.nft)};
    auto onPacket = [&](const PacketHeader &h) { ref.add(h); };
    auto onNft = [&](const NftTraceRecord &r) { ref.add(r); };
    merge.feed(
        file.events, onPacket, [&](const Event &e) { ref.add(e); }, onNft);
    merge.finish(onPacket, onNft);
    ref.advanceTo(last + shift + 1'000'000'000);
    const size_t freed = ref.takeCompleted().size();
    ASSERT_GT(freed, 5u);
    ASSERT_LT(freed, 27u);
    TraceDocument doc;
    doc.beginLive(file);
    replay(doc, file);
    ASSERT_LT(doc.journeys().size(), freed) << "the last journeys wait for their grace period";
    for (int i = 0; i < 100 && doc.journeys().size() < freed; ++i) {
        QTest::qWait(50);
    }
    EXPECT_EQ(doc.journeys().size(), freed);
    EXPECT_TRUE(doc.isLive());

    // Records from another clock (a replay of an old trace): time does not complete them.
    TraceDocument old;
    const Trace original = readTrace(nt::testing::kSampleTrace);
    old.beginLive(original);
    replay(old, original);
    const size_t listed = old.journeys().size();
    ASSERT_LT(listed, 27u);
    QTest::qWait(800);
    EXPECT_EQ(old.journeys().size(), listed);
}

TEST(TraceDocumentTest, SaveAsCopiesAFileAndReplacesAtomically) {
    TraceDocument doc;
    QSignalSpy loaded(&doc, &TraceDocument::loaded);
    doc.open(kSample);
    ASSERT_TRUE(loaded.wait(10000));
    QTemporaryDir dir;
    const QString dest = dir.filePath(QStringLiteral("copy.nftrace"));
    ASSERT_TRUE(writeFile(dest, "old"));
    doc.saveAs(dest);
    QFile a(kSample), b(dest);
    ASSERT_TRUE(a.open(QIODevice::ReadOnly));
    ASSERT_TRUE(b.open(QIODevice::ReadOnly));
    EXPECT_EQ(a.readAll(), b.readAll());
    EXPECT_EQ(doc.path(), kSample) << "the document keeps its path";
    // A folder that does not exist: an error, nothing left behind.
    const QString bad = dir.filePath(QStringLiteral("missing/dir/x.nftrace"));
    EXPECT_THROW(doc.saveAs(bad), Error);
    EXPECT_FALSE(QFile::exists(bad));
}

// Exports run on the document's worker: the file is the one core writes, progress is reported,
// and a trace still being read is refused.
TEST_F(BigFile, ExportsOnAWorkerWithProgress) {
    TraceDocument doc;
    QSignalSpy loaded(&doc, &TraceDocument::loaded);
    doc.open(path);
    QSignalSpy early(&doc, &TraceDocument::exportFinished);
    QTemporaryDir tmp;
    const QString early_path = tmp.filePath(QStringLiteral("early.json"));
    doc.exportTrace(TraceDocument::ExportFormat::Json, early_path, QStringLiteral("test"));
    ASSERT_EQ(early.count(), 1) << "refused at once while loading";
    EXPECT_FALSE(early.at(0).at(1).toString().isEmpty());
    EXPECT_FALSE(QFile::exists(early_path));
    ASSERT_TRUE(loaded.wait(60000));

    const QString out = tmp.filePath(QStringLiteral("trace.json"));
    QSignalSpy progress(&doc, &TraceDocument::exportProgress);
    QSignalSpy finished(&doc, &TraceDocument::exportFinished);
    doc.exportTrace(TraceDocument::ExportFormat::Json, out, QStringLiteral("test"));
    EXPECT_TRUE(doc.exporting());
    EXPECT_FALSE(QFile::exists(out)) << "written on the worker, not before returning";
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_EQ(finished.at(0).at(0).toString(), out);
    EXPECT_TRUE(finished.at(0).at(1).toString().isEmpty())
        << finished.at(0).at(1).toString().toStdString();
    EXPECT_FALSE(doc.exporting());
    ASSERT_GE(progress.count(), 2);
    EXPECT_EQ(progress.last().at(1).toULongLong(), doc.assembler()->journeyCount());
    QFile f(out);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), traceJson(*doc.trace(), *doc.assembler()));
}

// The SQLite-row export: the same trace again, one row per event, counted in records.
TEST_F(BigFile, ExportsSqliteRowsOfTheWholeTrace) {
    TraceDocument doc;
    QSignalSpy loaded(&doc, &TraceDocument::loaded);
    doc.open(path);
    ASSERT_TRUE(loaded.wait(60000));
    QTemporaryDir tmp;
    const QString out = tmp.filePath(QStringLiteral("trace.sqlite"));
    ASSERT_TRUE(writeFile(out, "an older export the user chose to replace"));
    QSignalSpy progress(&doc, &TraceDocument::exportProgress);
    QSignalSpy finished(&doc, &TraceDocument::exportFinished);
    doc.exportTrace(TraceDocument::ExportFormat::Sqlite, out, QStringLiteral("test"));
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(finished.at(0).at(1).toString().isEmpty())
        << finished.at(0).at(1).toString().toStdString();
    const Trace &t = *doc.trace();
    const uint64_t records = t.events.size() + t.packets.size() + t.nft.size();
    ASSERT_GE(progress.count(), 2);
    EXPECT_EQ(progress.last().at(0).toULongLong(), records);
    EXPECT_EQ(progress.last().at(1).toULongLong(), records);
    EXPECT_FALSE(QFile::exists(out + QStringLiteral(".partial")));

    const TraceFileInfo info = readTraceInfo(out.toStdString());
    EXPECT_EQ(info.schemaVersion, 1) << "one row per event";
    const Trace again = readTrace(out.toStdString());
    ASSERT_EQ(again.events.size(), t.events.size());
    EXPECT_EQ(again.packets.size(), t.packets.size());
    EXPECT_EQ(again.nft.size(), t.nft.size());
    for (size_t i = 0; i < t.events.size(); i += 997) {
        EXPECT_EQ(again.events[i].ts_ns, t.events[i].ts_ns) << i;
        EXPECT_EQ(again.events[i].skb, t.events[i].skb) << i;
        EXPECT_EQ(again.events[i].probe, t.events[i].probe) << i;
    }
}

// Stopped once it is being written (the first report comes after the first 1 %), an export
// leaves nothing: neither the file, nor its .partial, nor a journal.
TEST_F(BigFile, CancelledExportLeavesNoFile) {
    for (const auto format :
         {TraceDocument::ExportFormat::Pcapng, TraceDocument::ExportFormat::Sqlite}) {
        QTemporaryDir tmp;
        {
            TraceDocument doc;
            QSignalSpy loaded(&doc, &TraceDocument::loaded);
            doc.open(path);
            ASSERT_TRUE(loaded.wait(60000));
            QSignalSpy cancelled(&doc, &TraceDocument::exportCancelled);
            QSignalSpy finished(&doc, &TraceDocument::exportFinished);
            QObject::connect(&doc, &TraceDocument::exportProgress, &doc,
                             [&doc](quint64 done, quint64) {
                                 if (done > 0) {
                                     doc.cancelExport();
                                 }
                             });
            doc.exportTrace(format, tmp.filePath(QStringLiteral("trace.out")),
                            QStringLiteral("test"));
            ASSERT_TRUE(cancelled.wait(60000));
            EXPECT_FALSE(doc.exporting());
            QTest::qWait(200);
            EXPECT_EQ(finished.count(), 0) << "a cancelled export reports nothing more";
        } // the document waits for its worker
        EXPECT_EQ(QDir(tmp.path()).entryList(QDir::Files), QStringList()) << int(format);
    }
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

namespace {

// The sample split at its middle event into two files of one recording (record --ring would
// write them so): opened together they are the sample again, and saved they become one file.
TEST(TraceDocumentTest, ASetOfFilesOpensAsOneTraceAndSavesAsOne) {
    const Trace sample = readTrace(nt::testing::kSampleTrace);
    ASSERT_GT(sample.events.size(), 2u);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const uint64_t cut = sample.events[sample.events.size() / 2].ts_ns;
    std::vector<std::string> files;
    ASSERT_TRUE(QDir(dir.path()).mkdir(QStringLiteral("set")));
    {
        RotationOptions rot;
        rot.maxDurationNs = 1; // every commit ends a file
        TraceFileSet set(dir.filePath(QStringLiteral("set/t.nftrace")).toStdString(), rot);
        set.setHeader(sample);
        for (const bool second : {false, true}) {
            std::vector<Event> events;
            for (const Event &e : sample.events) {
                if ((e.ts_ns >= cut) == second) {
                    events.push_back(e);
                }
            }
            set.append(events);
            for (const PacketHeader &h : sample.packets) {
                if ((h.tsNs >= cut) == second) {
                    set.append(h);
                }
            }
            for (const NftTraceRecord &r : sample.nft) {
                if ((r.tsNs >= cut) == second) {
                    set.append(r);
                }
            }
            if (!second) {
                set.commit();
                ASSERT_TRUE(set.rotationDue());
                set.rotate(sample.meta);
            }
        }
        set.finish(sample.meta);
        files = set.files();
    }
    ASSERT_EQ(files.size(), 2u);

    TraceDocument whole;
    QSignalSpy wholeLoaded(&whole, &TraceDocument::loaded);
    whole.open(kSample);
    ASSERT_TRUE(wholeLoaded.wait(10000));

    for (const QStringList &paths :
         {QStringList{dir.filePath(QStringLiteral("set"))},
          QStringList{QString::fromStdString(files[1]), QString::fromStdString(files[0])}}) {
        TraceDocument doc;
        QSignalSpy loaded(&doc, &TraceDocument::loaded);
        QSignalSpy failed(&doc, &TraceDocument::failed);
        doc.open(paths);
        ASSERT_TRUE(loaded.wait(10000))
            << (failed.isEmpty() ? QString() : failed.first().at(0).toString()).toStdString();
        EXPECT_EQ(doc.sources(), paths);
        EXPECT_EQ(doc.assembler()->journeyCount(), whole.assembler()->journeyCount());
        EXPECT_EQ(doc.journeys().size(), whole.journeys().size());
        EXPECT_EQ(doc.trace()->nft.size(), sample.nft.size());
        EXPECT_EQ(doc.trace()->packets.size(), sample.packets.size());
        for (JourneyId id = 0; id < doc.assembler()->journeyCount(); ++id) {
            EXPECT_EQ(doc.assembler()->record(id).fate, whole.assembler()->record(id).fate) << id;
        }

        const QString saved = dir.filePath(QStringLiteral("saved.nftrace"));
        QFile::remove(saved);
        doc.saveAs(saved);
        const Trace back = readTrace(saved.toStdString());
        EXPECT_EQ(back.events.size(), sample.events.size());
        EXPECT_EQ(back.packets.size(), sample.packets.size());
        EXPECT_EQ(back.nft.size(), sample.nft.size());
    }
}

} // namespace

// A long live trace under a small budget: memory holds a window of the newest journeys, the
// older ones are counted and said in the status, and Save As writes every record fed.
TEST(TraceDocumentTest, LiveTraceKeepsAWindowAndSavesEverything) {
    QTemporaryDir dir;
    const std::string source = dir.filePath(QStringLiteral("synthetic.nftrace")).toStdString();
    nt::test::writeSyntheticTrace(source, 20000);
    const Trace file = readTrace(source);
    Trace header = file;
    header.meta.stopWallNs = 0;
    header.events.clear();
    header.packets.clear();

    constexpr uint64_t kBudget = 1ULL << 20;
    TraceDocument doc;
    doc.setLiveBudget(kBudget);
    QSignalSpy replaced(&doc, &TraceDocument::replaced);
    doc.beginLive(header);
    size_t p = 0;
    size_t mostEventsHeld = 0;
    const size_t batchSize = 2000;
    for (size_t first = 0; first < file.events.size(); first += batchSize) {
        RecordBatch batch;
        const size_t end = std::min(file.events.size(), first + batchSize);
        for (size_t i = first; i < end; ++i) {
            while (p < file.packets.size() && file.packets[p].tsNs <= file.events[i].ts_ns) {
                batch.packetBefore.push_back(batch.events.size());
                batch.packets.push_back(file.packets[p++]);
            }
            batch.events.push_back(file.events[i]);
        }
        doc.appendRecords(batch);
        mostEventsHeld = std::max(mostEventsHeld, doc.trace()->events.size());
        EXPECT_LT(doc.trace()->events.size() * sizeof(Event), kBudget);
        EXPECT_LT(doc.assembler()->memoryBytes(), kBudget);
    }
    EXPECT_LT(mostEventsHeld, file.events.size() / 4) << "memory holds a window, not the trace";
    EXPECT_GT(replaced.count(), 1) << "each new window rebinds the views";
    // Saved while live: every record so far, from the spool.
    const QString during = dir.filePath(QStringLiteral("during.nftrace"));
    doc.saveAs(during);
    EXPECT_EQ(readTrace(during.toStdString()).events.size(), file.events.size());
    doc.endLive(file.meta);
    EXPECT_GT(doc.droppedJourneys(), 0u);
    EXPECT_FALSE(doc.journeys().empty()) << "the newest journeys stay listed";
    EXPECT_GE(doc.droppedJourneys() + doc.journeys().size(), 20000u);
    EXPECT_TRUE(doc.windowStatus().contains(QString::number(doc.droppedJourneys())));
    // An export would hold only the window: refused, the message says what to do.
    QSignalSpy exported(&doc, &TraceDocument::exportFinished);
    doc.exportTrace(TraceDocument::ExportFormat::Json, dir.filePath(QStringLiteral("w.json")),
                    QStringLiteral("test"));
    ASSERT_EQ(exported.count(), 1);
    EXPECT_TRUE(exported.at(0).at(1).toString().contains(QStringLiteral("Save As")));

    const QString saved = dir.filePath(QStringLiteral("window.nftrace"));
    doc.saveAs(saved);
    const Trace back = readTrace(saved.toStdString());
    EXPECT_EQ(back.events.size(), file.events.size());
    EXPECT_EQ(back.packets.size(), file.packets.size());
    EXPECT_EQ(Assembler::assemble(back).journeyCount(), 20000u);

    // The spool leaves with the live trace.
    doc.setTrace(Trace{});
    EXPECT_TRUE(doc.windowStatus().isEmpty());
}

// The default budget is a share of the memory available, within its bounds.
TEST(TraceDocumentTest, DefaultLiveBudgetFollowsAvailableMemory) {
    const uint64_t budget = TraceDocument::defaultLiveBudget();
    EXPECT_GE(budget, 64ULL << 20);
    EXPECT_LE(budget, 4ULL << 30);
    TraceDocument doc;
    EXPECT_EQ(doc.liveBudget(), budget);
}
