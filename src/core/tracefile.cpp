// The .nftrace file: SQLite schema, live batched writer and a reader that trusts nothing it reads.
#include "tracefile.h"

#include "event_pages.h"
#include "page_codec.h"
#include "record_pages.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <limits>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nt {
namespace {

using Kind = TraceFileError::Kind;

QString qpath(const std::string &path) {
    return QString::fromLocal8Bit(path.c_str());
}

QString sysError(int err) {
    return QString::fromLocal8Bit(std::strerror(err));
}

struct DbCloser {
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;

struct StmtFinalizer {
    void operator()(sqlite3_stmt *stmt) const { sqlite3_finalize(stmt); }
};
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

// Rows between two progress reports.
constexpr uint64_t kProgressEvery = 8192;

// The tables before the events.
const char *const kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value NOT NULL) WITHOUT ROWID;
CREATE TABLE probes(id INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
                    attached INTEGER NOT NULL, error TEXT NOT NULL);
CREATE TABLE drop_reasons(value INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE symbols(addr INTEGER NOT NULL UNIQUE, name TEXT NOT NULL);
)sql";

// Packet headers and nft records as rows (schemas 1 and 2).
const char *const kRecordRowsSchema = R"sql(
CREATE TABLE packets(skb INTEGER NOT NULL, ts_ns INTEGER NOT NULL, netns INTEGER NOT NULL,
                     len INTEGER NOT NULL, protocol INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE nft(ts_ns INTEGER NOT NULL, rule_handle INTEGER NOT NULL,
                 trace_id INTEGER NOT NULL, iif INTEGER NOT NULL, oif INTEGER NOT NULL,
                 mark INTEGER NOT NULL, nfproto INTEGER NOT NULL, policy INTEGER NOT NULL,
                 verdict INTEGER NOT NULL, iiftype INTEGER NOT NULL, oiftype INTEGER NOT NULL,
                 family INTEGER NOT NULL, type INTEGER NOT NULL, netns INTEGER NOT NULL,
                 table_name TEXT NOT NULL, chain TEXT NOT NULL, jump_target TEXT NOT NULL,
                 ll_header BLOB, network_header BLOB, transport_header BLOB);
CREATE TABLE nft_ct(nft INTEGER PRIMARY KEY, ct_id INTEGER NOT NULL,
                    direction INTEGER NOT NULL, status INTEGER NOT NULL, state INTEGER NOT NULL);
CREATE TABLE nft_skb(nft INTEGER PRIMARY KEY, skb INTEGER NOT NULL,
                     walk_start INTEGER NOT NULL);
)sql";

// Events, packet headers and nft records in packed pages (schema 3).
const char *const kPagesSchema = R"sql(
CREATE TABLE event_pages(first_ts INTEGER NOT NULL, last_ts INTEGER NOT NULL,
                         count INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE packet_pages(first_ts INTEGER NOT NULL, last_ts INTEGER NOT NULL,
                          count INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE nft_pages(first_ts INTEGER NOT NULL, last_ts INTEGER NOT NULL,
                       count INTEGER NOT NULL, data BLOB NOT NULL);
)sql";

// Then the rest, in every schema.
const char *const kSchemaTail = R"sql(
CREATE TABLE loss_marks(ts_ns INTEGER NOT NULL, ringbuf_full INTEGER NOT NULL);
CREATE TABLE ruleset(json TEXT NOT NULL);
CREATE TABLE interfaces(ts_ns INTEGER NOT NULL, netns INTEGER NOT NULL,
                        ifindex INTEGER NOT NULL, name TEXT NOT NULL);
)sql";

// Events as rows (schema 1). Addresses (skb, location) are stored as signed 64-bit integers:
// printf('%x', skb) shows them in hex.
const char *const kEventRowsSchema = R"sql(
CREATE TABLE events(type INTEGER NOT NULL, flags INTEGER NOT NULL, probe INTEGER NOT NULL,
                    cpu INTEGER NOT NULL, protocol INTEGER NOT NULL, ts_ns INTEGER NOT NULL,
                    skb INTEGER NOT NULL, location INTEGER NOT NULL, netns INTEGER NOT NULL,
                    ifindex INTEGER NOT NULL, len INTEGER NOT NULL, mark INTEGER NOT NULL,
                    aux INTEGER NOT NULL, aux2 INTEGER NOT NULL);
)sql";

// For people querying a file of rows: each event with its probe's and location's names.
const char *const kEventsNamedView = R"sql(
CREATE VIEW events_named AS
  SELECT e.rowid AS seq, e.ts_ns, e.skb, p.name AS probe, s.name AS location, e.netns,
         e.ifindex, e.len, e.mark, e.protocol, e.cpu, e.type, e.flags, e.aux, e.aux2
  FROM events AS e
  LEFT JOIN probes AS p ON p.id = e.probe
  LEFT JOIN symbols AS s ON s.addr = e.location;
)sql";

const char *const kEventColumnList =
    "type, flags, probe, cpu, protocol, ts_ns, skb, location, netns, ifindex, len, mark, aux, aux2";

// sqlite3_open_v2 would read "?" and "#" in a plain name as URI syntax when URIs are enabled
// globally; an explicit, percent-encoded URI names exactly the file meant.
std::string sqliteUri(const std::string &path, const char *query) {
    std::error_code ec;
    std::string abs = std::filesystem::absolute(path, ec).string();
    if (ec)
        abs = path;
    std::string uri = "file://";
    static const char hex[] = "0123456789ABCDEF";
    for (unsigned char c : abs) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
            uri += static_cast<char>(c);
        } else {
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 15];
        }
    }
    if (query) {
        uri += '?';
        uri += query;
    }
    return uri;
}

int64_t i64(uint64_t v) {
    return std::bit_cast<int64_t>(v);
}

int64_t wallNowNs() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

uint64_t monoNowNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return uint64_t(ts.tv_sec) * 1000000000u + uint64_t(ts.tv_nsec);
}

void bindBlob(sqlite3_stmt *stmt, int col, const std::vector<uint8_t> &bytes, bool emptyIsNull) {
    if (bytes.empty()) {
        if (emptyIsNull)
            sqlite3_bind_null(stmt, col);
        else
            sqlite3_bind_zeroblob(stmt, col, 0);
    } else {
        sqlite3_bind_blob(stmt, col, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT);
    }
}

void bindText(sqlite3_stmt *stmt, int col, const std::string &text) {
    sqlite3_bind_text(stmt, col, text.data(), int(text.size()), SQLITE_STATIC);
}

// The meta table as (key, value) pairs; integers as int64.
struct MetaValue {
    const char *key;
    const std::string *text = nullptr;
    int64_t number = 0;
};

std::vector<MetaValue> metaValues(const TraceMeta &m) {
    return {
        {"host", &m.host},
        {"kernel", &m.kernel},
        {"backend", &m.backend},
        {"filter", &m.filter},
        {"netns", &m.netns},
        {"tool_version", &m.toolVersion},
        {"start_wall_ns", nullptr, m.startWallNs},
        {"stop_wall_ns", nullptr, m.stopWallNs},
        {"start_mono_ns", nullptr, i64(m.startMonoNs)},
        {"stop_mono_ns", nullptr, i64(m.stopMonoNs)},
        {"loss_ringbuf_full", nullptr, i64(m.loss.ringbufFull)},
        {"loss_track_full", nullptr, i64(m.loss.trackFull)},
        {"loss_nft_lost", nullptr, i64(m.loss.nftLost)},
        {"bpf_events", nullptr, i64(m.loss.bpfEvents)},
        {"filtered", nullptr, i64(m.loss.filtered)},
        {"excluded", nullptr, i64(m.loss.excluded)},
    };
}

} // namespace

TraceFileCancelled::TraceFileCancelled()
    : TraceFileError(
          Kind::Cancelled,
          QCoreApplication::translate("nt::TraceFile", "Reading the trace file was cancelled.")) {}

// ---------------------------------------------------------------------------------------------
// Writer

struct TraceWriter::Impl {
    QString displayPath;
    DbPtr db;
    // The pages being filled (EventLayout::Pages).
    EventPageEncoder page;
    PacketPageEncoder packetPage;
    NftPageEncoder nftPage;
    std::string pageBytes, stored;
    pages::Compressor packer;
    EventLayout layout = EventLayout::Pages;
    StmtPtr insEvent, insPacket, insNft, insNftCt, insNftSkb; // EventLayout::Rows
    StmtPtr insPage, insPacketPage, insNftPage;               // EventLayout::Pages
    StmtPtr insLoss, insMeta, insSymbol, insProbe, insDrop, insRuleset, insInterface;
    StmtPtr beginStmt, commitStmt;
    StmtPtr size; // databaseBytes(), prepared on first use

    [[noreturn]] void fail(const QString &what) const {
        throw TraceFileError(
            Kind::Io,
            QCoreApplication::translate(
                "nt::TraceFile", "Cannot write the trace file %1: %2 (%3). Check that the disk "
                                 "has free space and the file is still there.")
                .arg(displayPath, what, QString::fromUtf8(sqlite3_errmsg(db.get()))));
    }

    void exec(const char *sql) {
        if (sqlite3_exec(db.get(), sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            fail(QCoreApplication::translate("nt::TraceFile", "a database statement failed"));
    }

    StmtPtr prepare(const std::string &sql) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v3(db.get(), sql.c_str(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                               &stmt, nullptr) != SQLITE_OK)
            fail(QCoreApplication::translate("nt::TraceFile", "cannot prepare a statement"));
        return StmtPtr(stmt);
    }

    // A statement that stores no row (BEGIN, COMMIT).
    void step(sqlite3_stmt *stmt) {
        const int rc = sqlite3_step(stmt);
        sqlite3_reset(stmt);
        if (rc != SQLITE_DONE)
            fail(QCoreApplication::translate("nt::TraceFile", "a database statement failed"));
    }

    void run(sqlite3_stmt *stmt) {
        const int rc = sqlite3_step(stmt);
        sqlite3_reset(stmt);
        if (rc != SQLITE_DONE)
            fail(QCoreApplication::translate("nt::TraceFile", "cannot store a row"));
    }

    // Prepared once: parsing them at every batch cost more than storing a page.
    void begin() {
        if (sqlite3_get_autocommit(db.get())) {
            if (!beginStmt)
                beginStmt = prepare("BEGIN");
            step(beginStmt.get());
        }
    }

    void commit() {
        if (!sqlite3_get_autocommit(db.get())) {
            if (!commitStmt)
                commitStmt = prepare("COMMIT");
            step(commitStmt.get());
        }
    }

    void writeMeta(const TraceMeta &meta) {
        for (const MetaValue &v : metaValues(meta)) {
            sqlite3_bind_text(insMeta.get(), 1, v.key, -1, SQLITE_STATIC);
            if (v.text)
                bindText(insMeta.get(), 2, *v.text);
            else
                sqlite3_bind_int64(insMeta.get(), 2, v.number);
            run(insMeta.get());
        }
    }

    // Packs `pageBytes` and stores it as one row of the pages table `s`.
    void storePage(sqlite3_stmt *s, uint64_t minTs, uint64_t maxTs, size_t count) {
        begin();
        packer.pack(pageBytes, stored);
        sqlite3_bind_int64(s, 1, i64(minTs));
        sqlite3_bind_int64(s, 2, i64(maxTs));
        sqlite3_bind_int64(s, 3, int64_t(count));
        sqlite3_bind_blob(s, 4, stored.data(), int(stored.size()), SQLITE_STATIC);
        run(s);
    }

    // Stores the pages being filled, those that hold records.
    void flushPages() {
        flushPage(page, insPage.get());
        flushPage(packetPage, insPacketPage.get());
        flushPage(nftPage, insNftPage.get());
    }

    template <class Encoder> void flushPage(Encoder &encoder, sqlite3_stmt *insert) {
        const size_t n = encoder.count();
        if (n == 0)
            return;
        pageBytes.clear();
        const auto st = encoder.finish(pageBytes);
        storePage(insert, st.minTs, st.maxTs, n);
    }

    void commitAll() {
        flushPages();
        commit();
    }

    // EventLayout::Rows: one row each, columns in kEventColumnList's order.
    void appendRows(std::span<const Event> events) {
        begin();
        sqlite3_stmt *s = insEvent.get();
        for (const Event &e : events) {
            const std::array<int64_t, 14> v = {
                e.type,          e.flags, e.probe,   e.cpu, e.protocol, i64(e.ts_ns), i64(e.skb),
                i64(e.location), e.netns, e.ifindex, e.len, e.mark,     e.aux,        e.aux2};
            for (size_t i = 0; i < v.size(); ++i)
                sqlite3_bind_int64(s, int(i + 1), v[i]);
            run(s);
        }
    }
};

TraceWriter::TraceWriter(const std::string &path, const TraceMeta &meta, bool overwrite,
                         EventLayout layout)
    : m_path(path), d(std::make_unique<Impl>()) {
    d->displayPath = qpath(path);
    d->layout = layout;
    if (overwrite) {
        discard(path);
        struct stat st {};
        if (::lstat(path.c_str(), &st) == 0 && ::unlink(path.c_str()) != 0)
            throw TraceFileError(Kind::Io, QCoreApplication::translate(
                                               "nt::TraceFile",
                                               "Cannot replace the file %1: %2. Choose another "
                                               "name or remove the file first.")
                                               .arg(d->displayPath, sysError(errno)));
    }
    // O_EXCL: the existence check and the creation are one step, so no other file is clobbered.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        const int err = errno;
        if (err == EEXIST)
            throw TraceFileError(Kind::Io, QCoreApplication::translate(
                                               "nt::TraceFile",
                                               "The trace file %1 already exists. Choose another "
                                               "name or allow overwriting it.")
                                               .arg(d->displayPath));
        throw TraceFileError(Kind::Io, QCoreApplication::translate(
                                           "nt::TraceFile",
                                           "Cannot create the trace file %1: %2. Choose a folder "
                                           "you can write to.")
                                           .arg(d->displayPath, sysError(err)));
    }
    ::close(fd);

    try {
        sqlite3 *raw = nullptr;
        const int rc =
            sqlite3_open_v2(sqliteUri(path, nullptr).c_str(), &raw,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
        d->db.reset(raw);
        if (rc != SQLITE_OK)
            d->fail(QCoreApplication::translate("nt::TraceFile", "cannot open the new file"));
        sqlite3_extended_result_codes(d->db.get(), 1);
        // 64 KiB pages: fewer page splits and b-tree levels per event row. WAL with
        // synchronous=NORMAL: a commit is one append without fsync, yet a killed recorder
        // leaves every committed batch intact. Exclusive locking keeps the WAL index in
        // memory (no -shm file) because nobody else writes a live trace.
        d->exec("PRAGMA page_size=65536");
        d->exec("PRAGMA locking_mode=EXCLUSIVE");
        d->exec("PRAGMA journal_mode=WAL");
        d->exec("PRAGMA synchronous=NORMAL");
        d->exec("BEGIN");
        const bool rows = layout == EventLayout::Rows;
        d->exec(kSchema);
        if (rows) {
            d->exec(kEventRowsSchema);
            d->exec(kRecordRowsSchema);
        } else {
            d->exec(kPagesSchema);
        }
        d->exec(kSchemaTail);
        if (rows)
            d->exec(kEventsNamedView);
        d->exec(("PRAGMA application_id=" + std::to_string(kTraceApplicationId)).c_str());
        d->exec(("PRAGMA user_version=" + std::to_string(rows ? 1 : kTraceSchemaVersion)).c_str());

        if (rows) {
            d->insEvent = d->prepare(std::string("INSERT INTO events(") + kEventColumnList +
                                     ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            d->insPacket = d->prepare("INSERT INTO packets(skb, ts_ns, netns, len, protocol, "
                                      "data) VALUES(?,?,?,?,?,?)");
            d->insNft = d->prepare(
                "INSERT INTO nft(ts_ns, rule_handle, trace_id, iif, oif, mark, nfproto, policy, "
                "verdict, iiftype, oiftype, family, type, netns, table_name, chain, jump_target, "
                "ll_header, network_header, transport_header) "
                "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            d->insNftCt = d->prepare(
                "INSERT INTO nft_ct(nft, ct_id, direction, status, state) VALUES(?,?,?,?,?)");
            d->insNftSkb = d->prepare("INSERT INTO nft_skb(nft, skb, walk_start) VALUES(?,?,?)");
        } else {
            d->insPage = d->prepare(
                "INSERT INTO event_pages(first_ts, last_ts, count, data) VALUES(?,?,?,?)");
            d->insPacketPage = d->prepare(
                "INSERT INTO packet_pages(first_ts, last_ts, count, data) VALUES(?,?,?,?)");
            d->insNftPage =
                d->prepare("INSERT INTO nft_pages(first_ts, last_ts, count, data) VALUES(?,?,?,?)");
        }
        d->insLoss = d->prepare("INSERT INTO loss_marks(ts_ns, ringbuf_full) VALUES(?,?)");
        d->insMeta = d->prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?,?)");
        d->insSymbol = d->prepare("INSERT OR IGNORE INTO symbols(addr, name) VALUES(?,?)");
        d->insProbe =
            d->prepare("INSERT INTO probes(id, name, kind, attached, error) VALUES(?,?,?,?,?)");
        d->insDrop = d->prepare("INSERT INTO drop_reasons(value, name) VALUES(?,?)");
        d->insRuleset = d->prepare("INSERT INTO ruleset(json) VALUES(?)");
        d->insInterface =
            d->prepare("INSERT INTO interfaces(ts_ns, netns, ifindex, name) VALUES(?,?,?,?)");
        d->writeMeta(meta);
        d->commit();
    } catch (...) {
        d.reset();
        discard(path);
        throw;
    }
}

TraceWriter::~TraceWriter() {
    if (!d)
        return;
    try {
        d->commitAll();
    } catch (const std::exception &) {
        // A destructor cannot report; the batches committed before stay readable.
    }
}

void TraceWriter::discard(const std::string &path) noexcept {
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        ::unlink((path + suffix).c_str());
}

TraceWriter::Impl &TraceWriter::live() {
    if (!d)
        throw std::logic_error("TraceWriter used after finish()");
    return *d;
}

void TraceWriter::setMeta(const TraceMeta &meta) {
    Impl &w = live();
    w.begin();
    w.writeMeta(meta);
}

void TraceWriter::setProbes(std::span<const ProbeDesc> probes) {
    Impl &w = live();
    w.begin();
    w.exec("DELETE FROM probes");
    sqlite3_stmt *s = w.insProbe.get();
    for (const ProbeDesc &p : probes) {
        sqlite3_bind_int(s, 1, p.id);
        bindText(s, 2, p.name);
        bindText(s, 3, p.kind);
        sqlite3_bind_int(s, 4, p.attached ? 1 : 0);
        bindText(s, 5, p.error);
        w.run(s);
    }
}

void TraceWriter::setDropReasons(std::span<const std::string> names) {
    if (names.size() > kMaxDropReasons)
        throw std::invalid_argument("more drop reasons than a trace file holds");
    Impl &w = live();
    w.begin();
    w.exec("DELETE FROM drop_reasons");
    sqlite3_stmt *s = w.insDrop.get();
    for (size_t i = 0; i < names.size(); ++i) {
        sqlite3_bind_int64(s, 1, int64_t(i));
        bindText(s, 2, names[i]);
        w.run(s);
    }
}

void TraceWriter::addSymbols(std::span<const KernelSymbol> symbols) {
    Impl &w = live();
    w.begin();
    sqlite3_stmt *s = w.insSymbol.get();
    for (const KernelSymbol &sym : symbols) {
        sqlite3_bind_int64(s, 1, i64(sym.addr));
        bindText(s, 2, sym.name);
        w.run(s);
    }
}

void TraceWriter::setRuleset(const std::string &json) {
    Impl &w = live();
    w.begin();
    w.exec("DELETE FROM ruleset");
    bindText(w.insRuleset.get(), 1, json);
    w.run(w.insRuleset.get());
}

void TraceWriter::addInterfaces(std::span<const InterfaceName> names) {
    Impl &w = live();
    w.begin();
    sqlite3_stmt *s = w.insInterface.get();
    for (const InterfaceName &n : names) {
        sqlite3_bind_int64(s, 1, i64(n.tsNs));
        sqlite3_bind_int64(s, 2, int64_t(n.netns));
        sqlite3_bind_int64(s, 3, int64_t(n.ifindex));
        bindText(s, 4, n.name);
        w.run(s);
    }
}

void TraceWriter::append(std::span<const Event> events) {
    Impl &w = live();
    if (w.layout == EventLayout::Rows) {
        w.appendRows(events);
        return;
    }
    for (const Event &e : events) {
        w.page.add(e);
        if (w.page.count() == kEventsPerPage)
            w.flushPages();
    }
}

void TraceWriter::append(const PacketHeader &p) {
    if (p.data.size() > NT_PACKET_CAPLEN)
        throw std::invalid_argument("packet header longer than NT_PACKET_CAPLEN");
    Impl &w = live();
    if (w.layout == EventLayout::Pages) {
        w.packetPage.add(p);
        if (w.packetPage.count() == kRecordsPerPage)
            w.flushPages();
        return;
    }
    w.begin();
    sqlite3_stmt *s = w.insPacket.get();
    sqlite3_bind_int64(s, 1, i64(p.skb));
    sqlite3_bind_int64(s, 2, i64(p.tsNs));
    sqlite3_bind_int64(s, 3, p.netns);
    sqlite3_bind_int64(s, 4, p.len);
    sqlite3_bind_int(s, 5, p.protocol);
    bindBlob(s, 6, p.data, false);
    w.run(s);
}

void TraceWriter::append(const NftTraceRecord &r) {
    if (r.llHeader.size() > kMaxNftHeaderBytes || r.networkHeader.size() > kMaxNftHeaderBytes ||
        r.transportHeader.size() > kMaxNftHeaderBytes)
        throw std::invalid_argument("nft trace header longer than kMaxNftHeaderBytes");
    Impl &w = live();
    if (w.layout == EventLayout::Pages) {
        w.nftPage.add(r);
        if (w.nftPage.count() == kRecordsPerPage)
            w.flushPages();
        return;
    }
    w.begin();
    sqlite3_stmt *s = w.insNft.get();
    sqlite3_bind_int64(s, 1, i64(r.tsNs));
    sqlite3_bind_int64(s, 2, i64(r.ruleHandle));
    sqlite3_bind_int64(s, 3, r.id);
    sqlite3_bind_int64(s, 4, r.iif);
    sqlite3_bind_int64(s, 5, r.oif);
    sqlite3_bind_int64(s, 6, r.mark);
    sqlite3_bind_int64(s, 7, r.nfproto);
    sqlite3_bind_int64(s, 8, r.policy);
    sqlite3_bind_int64(s, 9, r.verdict);
    sqlite3_bind_int(s, 10, r.iiftype);
    sqlite3_bind_int(s, 11, r.oiftype);
    sqlite3_bind_int(s, 12, r.family);
    sqlite3_bind_int(s, 13, int(r.type));
    sqlite3_bind_int64(s, 14, r.netns);
    bindText(s, 15, r.table);
    bindText(s, 16, r.chain);
    bindText(s, 17, r.jumpTarget);
    bindBlob(s, 18, r.llHeader, true);
    bindBlob(s, 19, r.networkHeader, true);
    bindBlob(s, 20, r.transportHeader, true);
    w.run(s);
    const int64_t rowid = sqlite3_last_insert_rowid(w.db.get());
    if (r.skb != 0) {
        sqlite3_stmt *k = w.insNftSkb.get();
        sqlite3_bind_int64(k, 1, rowid);
        sqlite3_bind_int64(k, 2, i64(r.skb));
        sqlite3_bind_int(k, 3, r.walkStart ? 1 : 0);
        w.run(k);
    }
    if (r.ctState != 0 || r.ctId != 0) {
        sqlite3_stmt *c = w.insNftCt.get();
        sqlite3_bind_int64(c, 1, rowid);
        sqlite3_bind_int64(c, 2, r.ctId);
        sqlite3_bind_int(c, 3, r.ctDirection);
        sqlite3_bind_int64(c, 4, r.ctStatus);
        sqlite3_bind_int64(c, 5, r.ctState);
        w.run(c);
    }
}

void TraceWriter::appendLossMark(uint64_t tsNs, uint64_t ringbufFull) {
    Impl &w = live();
    w.begin();
    sqlite3_stmt *s = w.insLoss.get();
    sqlite3_bind_int64(s, 1, i64(tsNs));
    sqlite3_bind_int64(s, 2, i64(ringbufFull));
    w.run(s);
}

void TraceWriter::commit() {
    live().commitAll();
}

uint64_t TraceWriter::databaseBytes() {
    Impl &w = live();
    if (!w.size)
        w.size = w.prepare("SELECT page_count * page_size FROM pragma_page_count(), "
                           "pragma_page_size()");
    const int64_t bytes =
        sqlite3_step(w.size.get()) == SQLITE_ROW ? sqlite3_column_int64(w.size.get(), 0) : 0;
    sqlite3_reset(w.size.get());
    return bytes > 0 ? uint64_t(bytes) : 0;
}

void TraceWriter::finish(const TraceMeta &finalMeta) {
    Impl &w = live();
    TraceMeta meta = finalMeta;
    // A zero stop time is what marks a trace as cut short; a finished one must never have it.
    if (meta.stopWallNs == 0)
        meta.stopWallNs = wallNowNs();
    if (meta.stopMonoNs == 0)
        meta.stopMonoNs = monoNowNs();
    w.flushPages();
    w.begin();
    w.writeMeta(meta);
    w.exec(w.layout == EventLayout::Rows
               ? "CREATE INDEX IF NOT EXISTS events_time ON events(ts_ns);"
                 "CREATE INDEX IF NOT EXISTS events_skb ON events(skb);"
                 "CREATE INDEX IF NOT EXISTS packets_skb ON packets(skb);"
               : "CREATE INDEX IF NOT EXISTS event_pages_time ON event_pages(first_ts, last_ts);");
    w.commit();
    // Back to a rollback journal: the file alone is the whole trace, ready to be copied.
    w.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    {
        StmtPtr mode = w.prepare("PRAGMA journal_mode=DELETE");
        const int rc = sqlite3_step(mode.get());
        const unsigned char *text = rc == SQLITE_ROW ? sqlite3_column_text(mode.get(), 0) : nullptr;
        if (!text || std::strcmp(reinterpret_cast<const char *>(text), "delete") != 0)
            w.fail(
                QCoreApplication::translate("nt::TraceFile", "cannot leave write-ahead-log mode"));
    }
    w.insEvent.reset();
    w.insPage.reset();
    w.insPacketPage.reset();
    w.insNftPage.reset();
    w.insPacket.reset();
    w.insNft.reset();
    w.insNftCt.reset();
    w.insNftSkb.reset();
    w.insLoss.reset();
    w.insMeta.reset();
    w.insSymbol.reset();
    w.insProbe.reset();
    w.insDrop.reset();
    w.insRuleset.reset();
    w.insInterface.reset();
    w.beginStmt.reset();
    w.commitStmt.reset();
    w.size.reset();
    // Big pages make writing fast but leave small traces mostly empty space (a short capture
    // would take ~1 MB): rewrite those with 4 KiB pages. Large traces keep their pages rather
    // than pay a full copy at stop.
    {
        StmtPtr count = w.prepare("SELECT page_count * page_size FROM pragma_page_count(), "
                                  "pragma_page_size()");
        const int64_t bytes =
            sqlite3_step(count.get()) == SQLITE_ROW ? sqlite3_column_int64(count.get(), 0) : 0;
        count.reset();
        if (bytes > 0 && bytes < (int64_t{32} << 20)) {
            w.exec("PRAGMA page_size=4096; VACUUM;");
        }
    }
    if (sqlite3_close(w.db.get()) != SQLITE_OK)
        w.fail(QCoreApplication::translate("nt::TraceFile", "cannot close the file"));
    (void)w.db.release();
    d.reset();
}

// ---------------------------------------------------------------------------------------------
// Reader

namespace {

// Reads one row's columns, refusing any value a writer of this schema cannot have stored.
class Row {
public:
    Row(sqlite3_stmt *stmt, const QString &table, const std::function<void(QString)> &corrupt)
        : m_stmt(stmt), m_table(table), m_corrupt(corrupt) {}

    int64_t integer(int col) const {
        // One column lookup for type and value: this runs 14 times per event.
        sqlite3_value *v = sqlite3_column_value(m_stmt, col);
        if (sqlite3_value_type(v) != SQLITE_INTEGER)
            bad(col, QCoreApplication::translate("nt::TraceFile", "not an integer"));
        return sqlite3_value_int64(v);
    }
    uint64_t u64(int col) const { return std::bit_cast<uint64_t>(integer(col)); }
    template <typename T> T in(int col) const {
        const int64_t v = integer(col);
        if (v < int64_t(std::numeric_limits<T>::min()) ||
            (v > 0 && uint64_t(v) > uint64_t(std::numeric_limits<T>::max())))
            bad(col, QCoreApplication::translate("nt::TraceFile", "value %1 out of range").arg(v));
        return T(v);
    }
    std::string text(int col) const {
        if (sqlite3_column_type(m_stmt, col) != SQLITE_TEXT)
            bad(col, QCoreApplication::translate("nt::TraceFile", "not text"));
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
        const int n = sqlite3_column_bytes(m_stmt, col);
        return p ? std::string(p, size_t(n)) : std::string();
    }
    std::vector<uint8_t> blob(int col, size_t max, bool nullable) const {
        const int type = sqlite3_column_type(m_stmt, col);
        if (type == SQLITE_NULL && nullable)
            return {};
        if (type != SQLITE_BLOB)
            bad(col, QCoreApplication::translate("nt::TraceFile", "not a blob"));
        const auto *p = static_cast<const uint8_t *>(sqlite3_column_blob(m_stmt, col));
        const size_t n = size_t(sqlite3_column_bytes(m_stmt, col));
        if (n > max)
            bad(col, QCoreApplication::translate("nt::TraceFile",
                                                 "%1 bytes, more than the %2 a recorder writes")
                         .arg(n)
                         .arg(max));
        return p ? std::vector<uint8_t>(p, p + n) : std::vector<uint8_t>();
    }

private:
    [[noreturn]] void bad(int col, const QString &why) const {
        m_corrupt(QCoreApplication::translate("nt::TraceFile", "column %1 of table %2: %3")
                      .arg(QString::fromUtf8(sqlite3_column_name(m_stmt, col)), m_table, why));
        std::abort(); // m_corrupt throws
    }

    sqlite3_stmt *m_stmt;
    QString m_table;
    const std::function<void(QString)> &m_corrupt;
};

struct ProgressCtx {
    const TraceProgress *cb = nullptr;
    uint64_t done = 0, total = 0;

    void report() {
        if (cb && *cb && !(*cb)(done, std::max(done, total)))
            throw TraceFileCancelled();
    }
    void step() {
        if (++done % kProgressEvery == 0)
            report();
    }
};

bool fileExists(const std::string &path, off_t *size = nullptr) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return false;
    if (size)
        *size = st.st_size;
    return true;
}

uint32_t be32(const uint8_t *p) {
    return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
}

} // namespace

struct TraceReader::Impl {
    QString displayPath;
    std::unique_ptr<QTemporaryDir> copyDir; // outlives db: the recovered copy lives in it
    DbPtr db;
    TraceFileInfo info;
    std::function<void(QString)> corruptFn = [this](const QString &detail) { corrupt(detail); };
    // A truncated file: what the reads kept, and the tables they found cut.
    struct Salvage {
        uint64_t eventPages = 0, events = 0, packets = 0, nft = 0;
        QStringList cutTables;
    } salvage;

    [[noreturn]] void error(Kind kind, const QString &message) const {
        throw TraceFileError(kind, message);
    }
    [[noreturn]] void corrupt(const QString &detail) const {
        error(Kind::Corrupt, QCoreApplication::translate(
                                 "nt::TraceFile",
                                 "The trace file %1 is damaged and cannot be read (%2). If it was "
                                 "copied from another machine, copy it again.")
                                 .arg(displayPath, detail));
    }
    [[noreturn]] void notATrace(const QString &detail) const {
        error(Kind::NotATrace,
              QCoreApplication::translate(
                  "nt::TraceFile", "%1 is not an nft-tracer trace file (%2). Open a .nftrace file "
                                   "recorded by nft-tracer.")
                  .arg(displayPath, detail));
    }
    // Maps an SQLite failure to the kind the user can act on.
    [[noreturn]] void sqliteFailed(int rc) const {
        const QString msg = QString::fromUtf8(sqlite3_errmsg(db.get()));
        // A page read past the end of the file: the file is cut short. Debian 12's SQLite reads
        // such pages as zeros and then reports SQLITE_CORRUPT; Debian 13's (3.46) reads overflow
        // pages directly and reports the short read.
        if (rc == SQLITE_IOERR_SHORT_READ)
            corrupt(QCoreApplication::translate("nt::TraceFile", "a page lies past the end of "
                                                                 "the file"));
        switch (rc & 0xff) {
        case SQLITE_CORRUPT:
        case SQLITE_FORMAT:
        case SQLITE_RANGE:
        case SQLITE_MISMATCH:
            corrupt(msg);
        case SQLITE_NOTADB:
            notATrace(msg);
        case SQLITE_INTERRUPT:
            throw TraceFileCancelled();
        case SQLITE_NOMEM:
        case SQLITE_TOOBIG:
            error(Kind::Io, QCoreApplication::translate(
                                "nt::TraceFile",
                                "The trace file %1 is too large to read on this machine (%2).")
                                .arg(displayPath, msg));
        default:
            error(Kind::Io,
                  QCoreApplication::translate("nt::TraceFile", "Cannot read the trace file %1: %2.")
                      .arg(displayPath, msg));
        }
    }

    // Tables added to the schema later are optional: older files lack them.
    bool hasTable(const char *table) const {
        StmtPtr stmt =
            prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", "sqlite_master");
        sqlite3_bind_text(stmt.get(), 1, table, -1, SQLITE_STATIC);
        return next(stmt.get());
    }

    StmtPtr prepare(const std::string &sql, const char *table) const {
        sqlite3_stmt *stmt = nullptr;
        const int rc = sqlite3_prepare_v2(db.get(), sql.c_str(), int(sql.size()), &stmt, nullptr);
        StmtPtr owned(stmt);
        if (rc == SQLITE_ERROR)
            corrupt(
                QCoreApplication::translate("nt::TraceFile",
                                            "table %1 is missing or lacks a column: %2")
                    .arg(QString::fromUtf8(table), QString::fromUtf8(sqlite3_errmsg(db.get()))));
        if (rc != SQLITE_OK)
            sqliteFailed(rc);
        return owned;
    }

    // Steps once; true for a row, false when done.
    bool next(sqlite3_stmt *stmt) const {
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        sqliteFailed(rc);
    }

    int64_t pragma(const char *name) const {
        StmtPtr stmt = prepare(std::string("PRAGMA ") + name, name);
        if (!next(stmt.get()) || sqlite3_column_type(stmt.get(), 0) != SQLITE_INTEGER)
            corrupt(QCoreApplication::translate("nt::TraceFile", "PRAGMA %1 gave no number")
                        .arg(QString::fromUtf8(name)));
        return sqlite3_column_int64(stmt.get(), 0);
    }

    // The records in a pages table: the sum of its counts.
    uint64_t pageTotal(const char *table) const {
        StmtPtr n = prepare(
            std::string("SELECT CAST(min(total(count), 9.0e18) AS INTEGER) FROM ") + table, table);
        return next(n.get()) ? uint64_t(std::max<int64_t>(0, sqlite3_column_int64(n.get(), 0))) : 0;
    }

    uint64_t maxRowid(const char *table) const {
        StmtPtr stmt = prepare(std::string("SELECT coalesce(max(rowid), 0) FROM ") + table, table);
        if (!next(stmt.get()))
            return 0;
        return uint64_t(std::max<int64_t>(0, sqlite3_column_int64(stmt.get(), 0)));
    }

    // Rows worth reserving: the rowid count unless the file is too small to hold that many.
    size_t reserveFor(uint64_t rows) const {
        return size_t(std::min<uint64_t>(rows, info.fileBytes / 16 + 1));
    }

    // Runs `read`; in a truncated file, damage met on the way ends the read (what it read so far
    // stays) and names `table` as cut.
    template <class Read> void upToCut(const char *table, Read &&read) {
        if (!info.truncated) {
            read();
            return;
        }
        try {
            read();
        } catch (const TraceFileError &e) {
            if (e.kind() != Kind::Corrupt)
                throw;
            const QString name = QString::fromUtf8(table);
            if (!salvage.cutTables.contains(name))
                salvage.cutTables << name;
        }
    }
    QString damage() const;

    static constexpr size_t kHeaderBytes = 100;
    void open(const std::string &path);
    void statFile(const std::string &path);
    std::array<uint8_t, kHeaderBytes> readHeader(const std::string &path) const;
    static bool hasJournal(const std::string &path);
    std::string readInPlace(const std::string &path,
                            const std::array<uint8_t, kHeaderBytes> &header);
    std::string recoverCopy(const std::string &path);
    void openDatabase(const std::string &uri, int flags);
    int64_t checkSchema(const std::array<uint8_t, kHeaderBytes> &header);
    void readMetaOrExplain();
    void countRows(int64_t version);
    void readMeta();
    void readEvents(const std::function<void(std::span<const Event>)> &batch, ProgressCtx &pc,
                    size_t batchSize);
    void readEventPages(const std::function<void(std::span<const Event>)> &batch, ProgressCtx &pc,
                        size_t batchSize);
    // Reads the pages of `table` in order. `decode` appends a page's records to the vector and
    // sets their time range, or returns what is wrong; a page is checked against its row and
    // kept whole or not at all; `kept(before)` follows each page kept.
    template <class T, class Decode, class Kept>
    void readPages(const char *table, std::vector<T> &out, Decode &&decode, Kept &&kept);
    void readPackets(std::vector<PacketHeader> &out, ProgressCtx &pc);
    void readNft(std::vector<NftTraceRecord> &out, ProgressCtx &pc);
    void readNftTables(std::vector<NftTraceRecord> &out, ProgressCtx &pc);
};

// Opens the trace: checks the file, picks how SQLite reads it, then checks the schema and reads
// the description and row counts.
void TraceReader::Impl::open(const std::string &path) {
    displayPath = qpath(path);
    statFile(path);
    const std::array<uint8_t, kHeaderBytes> header = readHeader(path);
    // A crash leaves committed batches in the -wal (or a hot -journal) next to the file.
    // Replaying it needs write access, and the file may not be ours: replay a private copy.
    const bool journal = hasJournal(path);
    int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
    std::string uri;
    if (!journal) {
        uri = readInPlace(path, header);
        flags |= SQLITE_OPEN_READONLY;
    } else {
        uri = recoverCopy(path);
        flags |= SQLITE_OPEN_READWRITE;
    }
    openDatabase(uri, flags);
    const int64_t version = checkSchema(header);
    readMetaOrExplain();
    info.complete = info.meta.stopWallNs != 0;
    countRows(version);
}

// Fails unless `path` is an existing regular file; records its size.
void TraceReader::Impl::statFile(const std::string &path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR)
            error(Kind::NotFound,
                  QCoreApplication::translate(
                      "nt::TraceFile",
                      "The trace file %1 does not exist. Check the name and the folder.")
                      .arg(displayPath));
        error(Kind::Io,
              QCoreApplication::translate("nt::TraceFile", "Cannot read the trace file %1: %2.")
                  .arg(displayPath, sysError(err)));
    }
    if (!S_ISREG(st.st_mode))
        notATrace(QCoreApplication::translate("nt::TraceFile", "not a regular file"));
    info.fileBytes = uint64_t(st.st_size);
}

// Reads the SQLite file header; fails unless the file starts like an SQLite database.
std::array<uint8_t, TraceReader::Impl::kHeaderBytes>
TraceReader::Impl::readHeader(const std::string &path) const {
    std::array<uint8_t, kHeaderBytes> header{};
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        error(Kind::Io,
              QCoreApplication::translate("nt::TraceFile", "Cannot read the trace file %1: %2.")
                  .arg(displayPath, sysError(errno)));
    const ssize_t n = ::pread(fd, header.data(), header.size(), 0);
    const int err = errno;
    ::close(fd);
    if (n < 0)
        error(Kind::Io,
              QCoreApplication::translate("nt::TraceFile", "Cannot read the trace file %1: %2.")
                  .arg(displayPath, sysError(err)));
    if (size_t(n) < header.size() || std::memcmp(header.data(), "SQLite format 3", 16) != 0)
        notATrace(QCoreApplication::translate("nt::TraceFile", "not an SQLite database"));
    return header;
}

// True when a non-empty -wal or -journal lies next to the file.
bool TraceReader::Impl::hasJournal(const std::string &path) {
    bool journal = false;
    for (const char *suffix : {"-wal", "-journal"}) {
        off_t size = 0;
        if (fileExists(path + suffix, &size) && size > 0)
            journal = true;
    }
    return journal;
}

// Without a journal the file is read where it lies, immutable; notes a file cut short.
std::string TraceReader::Impl::readInPlace(const std::string &path,
                                           const std::array<uint8_t, kHeaderBytes> &header) {
    uint32_t pageSize = uint32_t(header[16]) << 8 | header[17];
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        corrupt(QCoreApplication::translate("nt::TraceFile", "invalid page size %1").arg(pageSize));
    // The header's page count is only kept up to date when both counters agree.
    const uint32_t pages = be32(&header[28]);
    if (be32(&header[92]) == be32(&header[24]) && pages > 0 &&
        uint64_t(pages) * pageSize > info.fileBytes) {
        // SQLite reads the missing pages as zeros and reports them as damage when a read
        // reaches them: every table is read up to there (upToCut).
        info.truncated = true;
        info.expectedBytes = uint64_t(pages) * pageSize;
    }
    // immutable: no locks, no -wal/-shm created next to a file we may not own.
    return sqliteUri(path, "immutable=1");
}

// Copies the file and its journal to a private folder where SQLite may replay the journal.
std::string TraceReader::Impl::recoverCopy(const std::string &path) {
    copyDir = std::make_unique<QTemporaryDir>();
    if (!copyDir->isValid())
        error(Kind::Io,
              QCoreApplication::translate(
                  "nt::TraceFile", "Cannot recover the trace file %1: no temporary folder (%2).")
                  .arg(displayPath, copyDir->errorString()));
    const std::string copy =
        QFile::encodeName(copyDir->filePath(QStringLiteral("trace.nftrace"))).toStdString();
    for (const char *suffix : {"", "-wal", "-journal"}) {
        if (*suffix && !fileExists(path + suffix))
            continue;
        std::error_code ec;
        std::filesystem::copy_file(path + suffix, copy + suffix, ec);
        if (ec)
            error(Kind::Io,
                  QCoreApplication::translate(
                      "nt::TraceFile", "Cannot recover the trace file %1: copying it failed (%2). "
                                       "Free some space in the temporary folder.")
                      .arg(displayPath, QString::fromLocal8Bit(ec.message().c_str())));
    }
    info.recovered = true;
    return sqliteUri(copy, nullptr);
}

// Opens the SQLite connection.
void TraceReader::Impl::openDatabase(const std::string &uri, int flags) {
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(uri.c_str(), &raw, flags, nullptr);
    db.reset(raw);
    if (rc != SQLITE_OK)
        sqliteFailed(rc);
    sqlite3_extended_result_codes(db.get(), 1);
    if (info.truncated) {
        // SQLite refuses a file shorter than its header says unless the schema is "writable"
        // (then it takes the file's own size): the connection is read-only all the same.
        StmtPtr ws = prepare("PRAGMA writable_schema=ON", "writable_schema");
        next(ws.get());
    }
}

// Checks the database is an nft-tracer trace of a schema this version reads; returns the schema.
int64_t TraceReader::Impl::checkSchema(const std::array<uint8_t, kHeaderBytes> &header) {
    const int64_t appId = pragma("application_id");
    if (appId != kTraceApplicationId) {
        // A recording cut short keeps everything but the first page in its -wal: without that
        // file it looks like an empty WAL database, and the user needs to know what to fetch.
        if (appId == 0 && header[18] == 2 && pragma("schema_version") == 0)
            corrupt(QCoreApplication::translate("nt::TraceFile",
                                                "the recording was cut short and its companion "
                                                "file %1-wal is missing; copy it next to the trace")
                        .arg(displayPath));
        notATrace(QCoreApplication::translate("nt::TraceFile",
                                              "an SQLite database of another application"));
    }
    const int64_t version = pragma("user_version");
    if (version > kTraceSchemaVersion)
        error(Kind::NewerVersion,
              QCoreApplication::translate(
                  "nt::TraceFile",
                  "%1 was written by a newer nft-tracer (schema %2); this version reads up to %3 — "
                  "update nft-tracer.")
                  .arg(displayPath)
                  .arg(version)
                  .arg(kTraceSchemaVersion));
    if (version < 1)
        corrupt(
            QCoreApplication::translate("nt::TraceFile", "unknown schema version %1").arg(version));
    info.schemaVersion = int(version);
    return version;
}

// Reads the meta table; in a truncated file, damage there says nothing can be read.
void TraceReader::Impl::readMetaOrExplain() {
    try {
        readMeta();
    } catch (const TraceFileError &e) {
        if (!info.truncated || e.kind() != Kind::Corrupt)
            throw;
        error(Kind::Corrupt,
              QCoreApplication::translate(
                  "nt::TraceFile",
                  "The trace file %1 is cut off: it has %2 of its %3 bytes, and the cut lies in "
                  "its description (the meta table), so nothing in it can be read. If it was "
                  "copied, copy it again.")
                  .arg(displayPath)
                  .arg(info.fileBytes)
                  .arg(info.expectedBytes));
    }
}

// Row counts: in a truncated file the last rows may be past the cut (then 0: unknown).
void TraceReader::Impl::countRows(int64_t version) {
    const QStringList cutBefore = salvage.cutTables;
    upToCut("event_pages", [&] {
        if (version >= 2) {
            info.events = pageTotal("event_pages");
        } else {
            info.events = maxRowid("events");
        }
    });
    if (version >= 3) {
        upToCut("packet_pages", [&] { info.packets = pageTotal("packet_pages"); });
        upToCut("nft_pages", [&] { info.nftRecords = pageTotal("nft_pages"); });
    } else {
        upToCut("packets", [&] { info.packets = maxRowid("packets"); });
        upToCut("nft", [&] { info.nftRecords = maxRowid("nft"); });
    }
    salvage.cutTables = cutBefore; // only what the reads of records find counts as cut
}

QString TraceReader::Impl::damage() const {
    if (!info.truncated)
        return {};
    const QString kept =
        QCoreApplication::translate("nt::TraceFile",
                                    "kept %1 events in %2 complete event pages, %3 packet "
                                    "headers and %4 nft trace records")
            .arg(salvage.events)
            .arg(salvage.eventPages)
            .arg(salvage.packets)
            .arg(salvage.nft);
    if (salvage.cutTables.isEmpty())
        return QCoreApplication::translate(
                   "nt::TraceFile",
                   "The trace file %1 is cut off: it has %2 of its %3 bytes. Every record was "
                   "read (%4); only its indexes are lost.")
            .arg(displayPath)
            .arg(info.fileBytes)
            .arg(info.expectedBytes)
            .arg(kept);
    return QCoreApplication::translate(
               "nt::TraceFile",
               "The trace file %1 is cut off: it has %2 of its %3 bytes. Read up to the cut: %4. "
               "Lost: the rows after the cut in the tables %5. If it was copied, copy it again.")
        .arg(displayPath)
        .arg(info.fileBytes)
        .arg(info.expectedBytes)
        .arg(kept, salvage.cutTables.join(QStringLiteral(", ")));
}

void TraceReader::Impl::readMeta() {
    StmtPtr stmt = prepare("SELECT key, value FROM meta", "meta");
    const Row row(stmt.get(), QStringLiteral("meta"), corruptFn);
    TraceMeta &m = info.meta;
    while (next(stmt.get())) {
        const std::string key = row.text(0);
        std::string *text = key == "host"           ? &m.host
                            : key == "kernel"       ? &m.kernel
                            : key == "backend"      ? &m.backend
                            : key == "filter"       ? &m.filter
                            : key == "netns"        ? &m.netns
                            : key == "tool_version" ? &m.toolVersion
                                                    : nullptr;
        if (text) {
            *text = row.text(1);
            continue;
        }
        // Keys this version does not know may come from a later minor writer: skip them.
        if (key == "start_wall_ns")
            m.startWallNs = row.integer(1);
        else if (key == "stop_wall_ns")
            m.stopWallNs = row.integer(1);
        else if (key == "start_mono_ns")
            m.startMonoNs = row.u64(1);
        else if (key == "stop_mono_ns")
            m.stopMonoNs = row.u64(1);
        else if (key == "loss_ringbuf_full")
            m.loss.ringbufFull = row.u64(1);
        else if (key == "loss_track_full")
            m.loss.trackFull = row.u64(1);
        else if (key == "loss_nft_lost")
            m.loss.nftLost = row.u64(1);
        else if (key == "bpf_events")
            m.loss.bpfEvents = row.u64(1);
        else if (key == "filtered")
            m.loss.filtered = row.u64(1);
        else if (key == "excluded")
            m.loss.excluded = row.u64(1);
    }
}

void TraceReader::Impl::readEvents(const std::function<void(std::span<const Event>)> &batch,
                                   ProgressCtx &pc, size_t batchSize) {
    batchSize = std::max<size_t>(batchSize, 1);
    if (info.schemaVersion >= 2) {
        readEventPages(batch, pc, batchSize);
        return;
    }
    StmtPtr stmt = prepare(
        std::string("SELECT ") + kEventColumnList + " FROM events ORDER BY rowid", "events");
    sqlite3_stmt *s = stmt.get();
    const Row row(s, QStringLiteral("events"), corruptFn);
    std::vector<Event> buf;
    buf.reserve(std::min(batchSize, reserveFor(info.events)));
    while (next(s)) {
        Event e{};
        e.type = row.in<uint8_t>(0);
        e.flags = row.in<uint8_t>(1);
        e.probe = row.in<uint16_t>(2);
        e.cpu = row.in<uint16_t>(3);
        e.protocol = row.in<uint16_t>(4);
        e.ts_ns = row.u64(5);
        e.skb = row.u64(6);
        e.location = row.u64(7);
        e.netns = row.in<uint32_t>(8);
        e.ifindex = row.in<uint32_t>(9);
        e.len = row.in<uint32_t>(10);
        e.mark = row.in<uint32_t>(11);
        e.aux = row.in<uint32_t>(12);
        e.aux2 = row.in<uint32_t>(13);
        buf.push_back(e);
        if (buf.size() == batchSize) {
            batch(buf);
            buf.clear();
        }
        pc.step();
    }
    if (!buf.empty())
        batch(buf);
}

// What a page of `table` is called in an error message: "event page 3".
static QString pageName(const char *table, uint64_t page) {
    if (std::strcmp(table, "packet_pages") == 0)
        return QCoreApplication::translate("nt::TraceFile", "packet header page %1").arg(page);
    if (std::strcmp(table, "nft_pages") == 0)
        return QCoreApplication::translate("nt::TraceFile", "nft record page %1").arg(page);
    return QCoreApplication::translate("nt::TraceFile", "event page %1").arg(page);
}

template <class T, class Decode, class Kept>
void TraceReader::Impl::readPages(const char *table, std::vector<T> &out, Decode &&decode,
                                  Kept &&kept) {
    uint64_t page = 0;
    std::string unpacked;
    upToCut(table, [&] {
        StmtPtr stmt = prepare(std::string("SELECT first_ts, last_ts, count, data FROM ") + table +
                                   " ORDER BY rowid",
                               table);
        sqlite3_stmt *s = stmt.get();
        const Row row(s, QString::fromLatin1(table), corruptFn);
        while (next(s)) {
            ++page;
            const uint64_t first = row.u64(0), last = row.u64(1);
            const auto count = row.in<uint32_t>(2);
            const auto *p = static_cast<const uint8_t *>(sqlite3_column_blob(s, 3));
            if (sqlite3_column_type(s, 3) != SQLITE_BLOB)
                corrupt(QCoreApplication::translate("nt::TraceFile", "%1 is not a blob")
                            .arg(pageName(table, page)));
            auto bytes = std::span(p, size_t(sqlite3_column_bytes(s, 3)));
            QString why;
            if (info.schemaVersion >= 3) { // packed (page_codec.h)
                why = pages::unpack(bytes, unpacked);
                bytes = pages::asBytes(unpacked);
            }
            const size_t before = out.size();
            pages::Stats st;
            if (why.isEmpty())
                why = decode(bytes, out, st);
            if (!why.isEmpty() || out.size() - before != count ||
                (count > 0 && (st.minTs != first || st.maxTs != last))) {
                // a page is kept whole or not at all
                out.erase(out.begin() + long(before), out.end());
                if (!why.isEmpty())
                    corrupt(QCoreApplication::translate("nt::TraceFile", "%1: %2")
                                .arg(pageName(table, page), why));
                corrupt(QCoreApplication::translate("nt::TraceFile",
                                                    "%1 does not hold what its row says")
                            .arg(pageName(table, page)));
            }
            kept(before);
        }
    });
}

void TraceReader::Impl::readEventPages(const std::function<void(std::span<const Event>)> &batch,
                                       ProgressCtx &pc, size_t batchSize) {
    std::vector<Event> buf;
    buf.reserve(std::min(batchSize, reserveFor(info.events)));
    readPages(
        "event_pages", buf,
        [](std::span<const uint8_t> bytes, std::vector<Event> &out, pages::Stats &st) {
            return decodeEventPage(bytes, out, &st);
        },
        [&](size_t before) {
            ++salvage.eventPages;
            salvage.events += buf.size() - before;
            for (size_t i = before; i < buf.size(); ++i)
                pc.step();
            size_t off = 0;
            for (; buf.size() - off >= batchSize; off += batchSize)
                batch(std::span<const Event>(buf).subspan(off, batchSize));
            buf.erase(buf.begin(), buf.begin() + long(off));
        });
    if (!buf.empty())
        batch(buf);
}

void TraceReader::Impl::readPackets(std::vector<PacketHeader> &out, ProgressCtx &pc) {
    out.reserve(out.size() + reserveFor(info.packets));
    if (info.schemaVersion >= 3) {
        readPages(
            "packet_pages", out,
            [](std::span<const uint8_t> bytes, std::vector<PacketHeader> &o, pages::Stats &st) {
                return decodePacketPage(bytes, o, &st);
            },
            [&](size_t before) {
                salvage.packets += out.size() - before;
                for (size_t i = before; i < out.size(); ++i)
                    pc.step();
            });
        return;
    }
    upToCut("packets", [&] {
        StmtPtr stmt = prepare("SELECT skb, ts_ns, netns, len, protocol, data FROM packets "
                               "ORDER BY rowid",
                               "packets");
        const Row row(stmt.get(), QStringLiteral("packets"), corruptFn);
        while (next(stmt.get())) {
            PacketHeader p;
            p.skb = row.u64(0);
            p.tsNs = row.u64(1);
            p.netns = row.in<uint32_t>(2);
            p.len = row.in<uint32_t>(3);
            p.protocol = row.in<uint16_t>(4);
            p.data = row.blob(5, NT_PACKET_CAPLEN, false);
            out.push_back(std::move(p));
            ++salvage.packets;
            pc.step();
        }
    });
}

void TraceReader::Impl::readNft(std::vector<NftTraceRecord> &out, ProgressCtx &pc) {
    if (info.schemaVersion >= 3) {
        out.reserve(out.size() + reserveFor(info.nftRecords));
        readPages(
            "nft_pages", out,
            [](std::span<const uint8_t> bytes, std::vector<NftTraceRecord> &o, pages::Stats &st) {
                return decodeNftPage(bytes, o, &st);
            },
            [&](size_t before) {
                salvage.nft += out.size() - before;
                for (size_t i = before; i < out.size(); ++i)
                    pc.step();
            });
        return;
    }
    upToCut("nft", [&] { readNftTables(out, pc); });
}

void TraceReader::Impl::readNftTables(std::vector<NftTraceRecord> &out, ProgressCtx &pc) {
    // Conntrack attributes (nft_ct, written since Linux 6.7 sends them; older files lack it).
    struct Ct {
        uint32_t id, status, state;
        uint8_t direction;
    };
    std::unordered_map<int64_t, Ct> cts;
    {
        StmtPtr has =
            prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'nft_ct'",
                    "sqlite_master");
        if (next(has.get()) && sqlite3_column_int64(has.get(), 0) > 0) {
            StmtPtr ct =
                prepare("SELECT nft, ct_id, direction, status, state FROM nft_ct", "nft_ct");
            const Row crow(ct.get(), QStringLiteral("nft_ct"), corruptFn);
            upToCut("nft_ct", [&] {
                while (next(ct.get())) {
                    cts[crow.integer(0)] = Ct{crow.in<uint32_t>(1), crow.in<uint32_t>(3),
                                              crow.in<uint32_t>(4), crow.in<uint8_t>(2)};
                }
            });
        }
    }
    // The skb of records read in BPF (nft_skb; older files lack it).
    std::unordered_map<int64_t, std::pair<uint64_t, bool>> skbs;
    {
        StmtPtr has =
            prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'nft_skb'",
                    "sqlite_master");
        if (next(has.get()) && sqlite3_column_int64(has.get(), 0) > 0) {
            StmtPtr sk = prepare("SELECT nft, skb, walk_start FROM nft_skb", "nft_skb");
            const Row krow(sk.get(), QStringLiteral("nft_skb"), corruptFn);
            upToCut("nft_skb", [&] {
                while (next(sk.get())) {
                    skbs[krow.integer(0)] = {krow.u64(1), krow.in<bool>(2)};
                }
            });
        }
    }
    StmtPtr stmt = prepare(
        "SELECT ts_ns, rule_handle, trace_id, iif, oif, mark, nfproto, policy, verdict, iiftype, "
        "oiftype, family, type, netns, table_name, chain, jump_target, ll_header, "
        "network_header, transport_header, rowid FROM nft ORDER BY rowid",
        "nft");
    const Row row(stmt.get(), QStringLiteral("nft"), corruptFn);
    out.reserve(out.size() + reserveFor(info.nftRecords));
    while (next(stmt.get())) {
        NftTraceRecord r;
        r.tsNs = row.u64(0);
        r.ruleHandle = row.u64(1);
        r.id = row.in<uint32_t>(2);
        r.iif = row.in<uint32_t>(3);
        r.oif = row.in<uint32_t>(4);
        r.mark = row.in<uint32_t>(5);
        r.nfproto = row.in<uint32_t>(6);
        r.policy = row.in<uint32_t>(7);
        r.verdict = row.in<int32_t>(8);
        r.iiftype = row.in<uint16_t>(9);
        r.oiftype = row.in<uint16_t>(10);
        r.family = row.in<uint8_t>(11);
        const uint8_t type = row.in<uint8_t>(12);
        if (type > uint8_t(NftTraceType::Chain))
            corrupt(QCoreApplication::translate("nt::TraceFile", "nft trace type %1 is unknown")
                        .arg(type));
        r.type = NftTraceType(type);
        r.netns = row.in<uint32_t>(13);
        r.table = row.text(14);
        r.chain = row.text(15);
        r.jumpTarget = row.text(16);
        r.llHeader = row.blob(17, kMaxNftHeaderBytes, true);
        r.networkHeader = row.blob(18, kMaxNftHeaderBytes, true);
        r.transportHeader = row.blob(19, kMaxNftHeaderBytes, true);
        if (auto k = skbs.find(row.integer(20)); k != skbs.end()) {
            r.skb = k->second.first;
            r.walkStart = k->second.second;
        }
        if (auto c = cts.find(row.integer(20)); c != cts.end()) {
            r.ctId = c->second.id;
            r.ctStatus = c->second.status;
            r.ctState = c->second.state;
            r.ctDirection = c->second.direction;
        }
        out.push_back(std::move(r));
        ++salvage.nft;
        pc.step();
    }
}

TraceReader::TraceReader(const std::string &path) : d(std::make_unique<Impl>()) {
    d->open(path);
}

TraceReader::~TraceReader() = default;

const TraceFileInfo &TraceReader::info() const {
    return d->info;
}

QString TraceReader::damage() const {
    return d->damage();
}

void TraceReader::check(const TraceProgress &progress) {
    if (d->info.truncated)
        throw TraceFileError(TraceFileError::Kind::Corrupt, d->damage());
    ProgressCtx pc{&progress, 0, d->info.events + d->info.packets + d->info.nftRecords};
    struct HandlerCtx {
        ProgressCtx *pc;
        bool cancelled = false;
    } ctx{&pc};
    // quick_check reads every page; the VM callback is the only place it can be stopped.
    sqlite3_progress_handler(
        d->db.get(), 1 << 20,
        [](void *p) -> int {
            auto *c = static_cast<HandlerCtx *>(p);
            try {
                c->pc->report();
            } catch (const TraceFileCancelled &) {
                c->cancelled = true;
            }
            return c->cancelled ? 1 : 0;
        },
        &ctx);
    struct Unset {
        sqlite3 *db;
        ~Unset() { sqlite3_progress_handler(db, 0, nullptr, nullptr); }
    } unset{d->db.get()};
    StmtPtr stmt = d->prepare("PRAGMA quick_check(1)", "quick_check");
    const int rc = sqlite3_step(stmt.get());
    if (ctx.cancelled)
        throw TraceFileCancelled();
    if (rc != SQLITE_ROW)
        d->sqliteFailed(rc);
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt.get(), 0));
    if (!text || std::strcmp(text, "ok") != 0) {
        // quick_check prefixes "*** in database main ***\n": keep only the finding itself.
        QString finding =
            text ? QString::fromUtf8(text)
                 : QCoreApplication::translate("nt::TraceFile", "the integrity check failed");
        finding.remove(QStringLiteral("*** in database main ***"));
        d->corrupt(finding.simplified());
    }
}

Trace TraceReader::readHeader() {
    Trace t;
    t.meta = d->info.meta;
    d->upToCut("probes", [&] {
        StmtPtr stmt = d->prepare("SELECT id, name, kind, attached, error FROM probes "
                                  "ORDER BY rowid",
                                  "probes");
        const Row row(stmt.get(), QStringLiteral("probes"), d->corruptFn);
        while (d->next(stmt.get())) {
            ProbeDesc p;
            p.id = row.in<uint16_t>(0);
            p.name = row.text(1);
            p.kind = row.text(2);
            const int64_t attached = row.integer(3);
            if (attached != 0 && attached != 1)
                d->corrupt(QCoreApplication::translate("nt::TraceFile",
                                                       "probe attached flag %1 is not 0 or 1")
                               .arg(attached));
            p.attached = attached == 1;
            p.error = row.text(4);
            t.probes.push_back(std::move(p));
        }
    });
    d->upToCut("drop_reasons", [&] {
        StmtPtr stmt =
            d->prepare("SELECT value, name FROM drop_reasons ORDER BY value", "drop_reasons");
        const Row row(stmt.get(), QStringLiteral("drop_reasons"), d->corruptFn);
        while (d->next(stmt.get())) {
            const int64_t value = row.integer(0);
            if (value < 0 || uint64_t(value) >= kMaxDropReasons)
                d->corrupt(
                    QCoreApplication::translate("nt::TraceFile", "drop reason %1 is out of range")
                        .arg(value));
            if (t.dropReasons.size() <= size_t(value))
                t.dropReasons.resize(size_t(value) + 1);
            t.dropReasons[size_t(value)] = row.text(1);
        }
    });
    d->upToCut("symbols", [&] {
        StmtPtr stmt = d->prepare("SELECT addr, name FROM symbols ORDER BY rowid", "symbols");
        const Row row(stmt.get(), QStringLiteral("symbols"), d->corruptFn);
        while (d->next(stmt.get()))
            t.symbols.push_back({row.u64(0), row.text(1)});
    });
    d->upToCut("ruleset", [&] {
        StmtPtr stmt = d->prepare("SELECT json FROM ruleset ORDER BY rowid LIMIT 1", "ruleset");
        const Row row(stmt.get(), QStringLiteral("ruleset"), d->corruptFn);
        if (d->next(stmt.get()))
            t.rulesetJson = row.text(0);
    });
    d->upToCut("interfaces", [&] {
        if (d->hasTable("interfaces")) { // files written before interface names were recorded
            StmtPtr stmt = d->prepare("SELECT ts_ns, netns, ifindex, name FROM interfaces "
                                      "ORDER BY rowid",
                                      "interfaces");
            const Row row(stmt.get(), QStringLiteral("interfaces"), d->corruptFn);
            while (d->next(stmt.get())) {
                InterfaceName n;
                n.tsNs = row.u64(0);
                n.netns = row.in<uint32_t>(1);
                n.ifindex = row.in<uint32_t>(2);
                n.name = row.text(3);
                if (n.name.empty() || n.name.size() > kMaxInterfaceNameBytes)
                    d->corrupt(QCoreApplication::translate("nt::TraceFile",
                                                           "interface %1 has a name of %2 bytes")
                                   .arg(n.ifindex)
                                   .arg(n.name.size()));
                t.interfaces.push_back(std::move(n));
            }
        }
    });
    d->upToCut("loss_marks", [&] {
        if (d->hasTable("loss_marks")) {
            StmtPtr stmt = d->prepare("SELECT ts_ns, ringbuf_full FROM loss_marks ORDER BY ts_ns",
                                      "loss_marks");
            const Row row(stmt.get(), QStringLiteral("loss_marks"), d->corruptFn);
            while (d->next(stmt.get()))
                t.lossMarks.push_back({row.u64(0), row.u64(1)});
        }
    });
    return t;
}

void TraceReader::readEvents(const std::function<void(std::span<const Event>)> &batch,
                             const TraceProgress &progress, size_t batchSize) {
    ProgressCtx pc{&progress, 0, d->info.events};
    d->readEvents(batch, pc, batchSize);
    pc.report();
}

std::vector<PacketHeader> TraceReader::readPackets() {
    ProgressCtx pc;
    std::vector<PacketHeader> out;
    d->readPackets(out, pc);
    return out;
}

std::vector<NftTraceRecord> TraceReader::readNft() {
    ProgressCtx pc;
    std::vector<NftTraceRecord> out;
    d->readNft(out, pc);
    return out;
}

Trace TraceReader::readAll(const TraceProgress &progress) {
    if (!d->info.truncated)
        check(progress);
    Trace t = readHeader();
    ProgressCtx pc{&progress, 0, d->info.events + d->info.packets + d->info.nftRecords};
    pc.report();
    t.events.reserve(d->reserveFor(d->info.events));
    d->readEvents(
        [&t](std::span<const Event> batch) {
            t.events.insert(t.events.end(), batch.begin(), batch.end());
        },
        pc, 65536);
    d->readPackets(t.packets, pc);
    d->readNft(t.nft, pc);
    pc.report();
    return t;
}

Trace readTrace(const std::string &path, const TraceProgress &progress, QString *damage) {
    TraceReader reader(path);
    if (reader.info().truncated && damage == nullptr)
        throw TraceFileError(
            TraceFileError::Kind::Corrupt,
            QCoreApplication::translate("nt::TraceFile",
                                        "The trace file %1 is cut off: it has %2 of its %3 bytes.")
                .arg(qpath(path))
                .arg(reader.info().fileBytes)
                .arg(reader.info().expectedBytes));
    Trace t = reader.readAll(progress);
    if (damage != nullptr)
        *damage = reader.damage();
    return t;
}

bool writeTrace(const std::string &path, const Trace &trace, EventLayout layout,
                const TraceProgress &progress) {
    const uint64_t total = trace.events.size() + trace.packets.size() + trace.nft.size();
    // Asked every 1 % (at most every 64 k records) and once all are in; a refusal leaves no
    // file behind.
    const uint64_t step = std::clamp<uint64_t>(total / 100, 1, 65536);
    uint64_t done = 0;
    uint64_t asked = 0;
    auto goOn = [&](uint64_t n, bool all) {
        done += n;
        if (!progress || (!all && done - asked < step)) {
            return true;
        }
        asked = done;
        return progress(done, total);
    };
    {
        TraceWriter w(path, trace.meta, false, layout);
        w.setProbes(trace.probes);
        w.setDropReasons(trace.dropReasons);
        w.addSymbols(trace.symbols);
        w.setRuleset(trace.rulesetJson);
        w.addInterfaces(trace.interfaces);
        for (const LossMark &m : trace.lossMarks)
            w.appendLossMark(m.tsNs, m.ringbufFull);
        bool on = true;
        for (size_t i = 0; i < trace.events.size() && on; i += step) {
            const size_t n = std::min<size_t>(step, trace.events.size() - i);
            w.append(std::span(trace.events).subspan(i, n));
            on = goOn(n, false);
        }
        for (size_t i = 0; i < trace.packets.size() && on; ++i) {
            w.append(trace.packets[i]);
            on = goOn(1, false);
        }
        for (size_t i = 0; i < trace.nft.size() && on; ++i) {
            w.append(trace.nft[i]);
            on = goOn(1, false);
        }
        if (on && goOn(0, true)) {
            w.finish(trace.meta);
            return true;
        }
    } // the writer closes before its file goes
    TraceWriter::discard(path);
    return false;
}

TraceFileInfo readTraceInfo(const std::string &path) {
    return TraceReader(path).info();
}

} // namespace nt
