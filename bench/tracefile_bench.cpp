// Trace file throughput: events written and read per second, bytes per event, schema options.
#include "tracefile.h"

#include <benchmark/benchmark.h>

#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;

namespace {

constexpr size_t kBatch = 4096;
constexpr size_t kEventsPerRun = 1 << 20;

std::vector<nt::Event> makeEvents(size_t n) {
    std::vector<nt::Event> v(n);
    for (size_t i = 0; i < n; ++i) {
        nt::Event &e = v[i];
        e.type = NT_REC_EVENT;
        e.flags = uint8_t(i & 3);
        e.probe = uint16_t(1 + i % 20);
        e.cpu = uint16_t(i % 8);
        e.protocol = 0x0800;
        e.ts_ns = 5'000'000'000ull + i * 700;
        e.skb = 0xffff888100000000ull + (i % 4096) * 256; // ~4096 live skbs
        e.location = i % 20 == 9 ? 0xffffffff81a0b0c0ull : 0;
        e.netns = 4026531840u;
        e.ifindex = uint32_t(1 + i % 3);
        e.len = uint32_t(60 + i % 1400);
        e.mark = 0;
        e.aux = i % 20 == 9 ? 2 : 0;
        e.aux2 = 0;
    }
    return v;
}

const std::vector<nt::Event> &events() {
    static const std::vector<nt::Event> v = makeEvents(kEventsPerRun);
    return v;
}

std::string benchPath(const char *name) {
    return (fs::temp_directory_path() /
            (std::string("nt_bench_") + name + "_" + std::to_string(getpid()) + ".nftrace"))
        .string();
}

// The real writer: 4096-event batches, one commit per batch, as the recorder does.
void BM_WriteEvents(benchmark::State &state) {
    const std::string path = benchPath("write");
    const auto &ev = events();
    double bytesPerEvent = 0, finishMs = 0;
    for (auto _ : state) {
        nt::TraceWriter::discard(path);
        nt::TraceWriter w(path, nt::TraceMeta{});
        for (size_t i = 0; i < ev.size(); i += kBatch) {
            w.append(std::span(ev).subspan(i, kBatch));
            w.commit();
        }
        state.PauseTiming();
        const auto t0 = std::chrono::steady_clock::now();
        w.finish(nt::TraceMeta{});
        finishMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                       .count();
        bytesPerEvent = double(fs::file_size(path)) / double(ev.size());
        state.ResumeTiming();
    }
    state.SetItemsProcessed(int64_t(state.iterations() * ev.size()));
    state.counters["bytes_per_event"] = bytesPerEvent;
    state.counters["finish_ms"] = finishMs;
    nt::TraceWriter::discard(path);
}
BENCHMARK(BM_WriteEvents)->Unit(benchmark::kMillisecond);

const std::string &readFixture() {
    static const std::string path = [] {
        const std::string p = benchPath("read");
        nt::TraceWriter::discard(p);
        nt::TraceWriter w(p, nt::TraceMeta{});
        for (size_t i = 0; i < events().size(); i += kBatch) {
            w.append(std::span(events()).subspan(i, kBatch));
            w.commit();
        }
        w.finish(nt::TraceMeta{});
        return p;
    }();
    return path;
}

// Streaming: validation of every value, no quick_check.
void BM_ReadEvents(benchmark::State &state) {
    const std::string &path = readFixture();
    size_t n = 0;
    for (auto _ : state) {
        nt::TraceReader reader(path);
        n = 0;
        reader.readEvents([&n](std::span<const nt::Event> b) { n += b.size(); });
        benchmark::DoNotOptimize(n);
    }
    state.SetItemsProcessed(int64_t(state.iterations() * n));
}
BENCHMARK(BM_ReadEvents)->Unit(benchmark::kMillisecond);

// What opening a file in the GUI costs: quick_check plus everything into memory.
void BM_ReadTrace(benchmark::State &state) {
    const std::string &path = readFixture();
    size_t n = 0;
    for (auto _ : state) {
        nt::Trace t = nt::readTrace(path);
        n = t.events.size();
        benchmark::DoNotOptimize(t.events.data());
    }
    state.SetItemsProcessed(int64_t(state.iterations() * n));
}
BENCHMARK(BM_ReadTrace)->Unit(benchmark::kMillisecond);

void BM_QuickCheck(benchmark::State &state) {
    const std::string &path = readFixture();
    for (auto _ : state) {
        nt::TraceReader reader(path);
        reader.check();
    }
    state.SetItemsProcessed(int64_t(state.iterations() * events().size()));
}
BENCHMARK(BM_QuickCheck)->Unit(benchmark::kMillisecond);

// The options the writer's choices were measured against, with bare SQLite.
// Args: page size, journal (0 WAL, 1 DELETE, 2 OFF), exclusive locking, WITHOUT ROWID,
// rows per INSERT statement.
void BM_RawSchemaOption(benchmark::State &state) {
    const int pageSize = int(state.range(0));
    const int journal = int(state.range(1));
    const bool exclusive = state.range(2) != 0;
    const bool withoutRowid = state.range(3) != 0;
    const int rowsPerInsert = int(state.range(4));
    const std::string path = benchPath("raw");
    const auto &ev = events();
    double bytesPerEvent = 0;
    for (auto _ : state) {
        nt::TraceWriter::discard(path);
        sqlite3 *db = nullptr;
        sqlite3_open(path.c_str(), &db);
        std::string setup = "PRAGMA page_size=" + std::to_string(pageSize) + ";";
        if (exclusive)
            setup += "PRAGMA locking_mode=EXCLUSIVE;";
        setup += journal == 0   ? "PRAGMA journal_mode=WAL;"
                 : journal == 1 ? "PRAGMA journal_mode=DELETE;"
                                : "PRAGMA journal_mode=OFF;";
        setup += "PRAGMA synchronous=NORMAL;";
        setup += withoutRowid
                     ? "CREATE TABLE events(seq INTEGER PRIMARY KEY, type, flags, probe, cpu, "
                       "protocol, ts_ns, skb, location, netns, ifindex, len, mark, aux, aux2) "
                       "WITHOUT ROWID;"
                     : "CREATE TABLE events(type, flags, probe, cpu, protocol, ts_ns, skb, "
                       "location, netns, ifindex, len, mark, aux, aux2);";
        sqlite3_exec(db, setup.c_str(), nullptr, nullptr, nullptr);
        const int cols = withoutRowid ? 15 : 14;
        std::string sql = "INSERT INTO events VALUES";
        for (int r = 0; r < rowsPerInsert; ++r) {
            sql += r ? ",(" : "(";
            for (int c = 0; c < cols; ++c)
                sql += c ? ",?" : "?";
            sql += ")";
        }
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
        int64_t seq = 0;
        for (size_t i = 0; i < ev.size(); i += kBatch) {
            sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
            for (size_t j = i; j < i + kBatch; j += size_t(rowsPerInsert)) {
                for (int r = 0; r < rowsPerInsert; ++r) {
                    const nt::Event &e = ev[j + size_t(r)];
                    int c = r * cols + 1;
                    if (withoutRowid)
                        sqlite3_bind_int64(stmt, c++, ++seq);
                    for (int64_t v :
                         {int64_t(e.type), int64_t(e.flags), int64_t(e.probe), int64_t(e.cpu),
                          int64_t(e.protocol), int64_t(e.ts_ns), int64_t(e.skb),
                          int64_t(e.location), int64_t(e.netns), int64_t(e.ifindex), int64_t(e.len),
                          int64_t(e.mark), int64_t(e.aux), int64_t(e.aux2)})
                        sqlite3_bind_int64(stmt, c++, v);
                }
                sqlite3_step(stmt);
                sqlite3_reset(stmt);
            }
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        }
        sqlite3_finalize(stmt);
        sqlite3_close(db);
        state.PauseTiming();
        bytesPerEvent = double(fs::file_size(path)) / double(ev.size());
        state.ResumeTiming();
    }
    state.SetItemsProcessed(int64_t(state.iterations() * ev.size()));
    state.counters["bytes_per_event"] = bytesPerEvent;
    nt::TraceWriter::discard(path);
}
BENCHMARK(BM_RawSchemaOption)
    ->ArgNames({"page", "journal", "excl", "norowid", "rows"})
    ->Args({4096, 1, 0, 0, 1})   // SQLite defaults
    ->Args({4096, 0, 0, 0, 1})   // WAL
    ->Args({65536, 0, 0, 0, 1})  // WAL, 64K pages
    ->Args({65536, 0, 1, 0, 1})  // + exclusive locking
    ->Args({65536, 0, 1, 0, 32}) // + 32 rows per INSERT (the writer's choice)
    ->Args({65536, 0, 1, 1, 32}) // WITHOUT ROWID instead
    ->Args({65536, 0, 0, 0, 32}) // normal locking
    ->Args({65536, 2, 1, 0, 32}) // no journal at all (not crash-safe)
    ->Args({4096, 0, 1, 0, 32})
    ->Args({65536, 0, 1, 0, 128})
    ->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
