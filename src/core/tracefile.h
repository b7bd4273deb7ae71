// The .nftrace file: an SQLite database holding one nt::Trace, written live and read back.
#pragma once

#include "error.h"
#include "trace.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace nt {

// Schema (user_version 3; 1 and 2 are still read). Every table is a plain rowid table; the rowid
// is the arrival order.
// Unsigned 64-bit values (timestamps, skb and kernel addresses, counters) are stored as their
// two's complement int64, so `printf('%x', skb)` prints a kernel address as the kernel does.
//   meta(key TEXT PRIMARY KEY, value)            host, kernel, backend, filter, netns,
//                                               tool_version, start/stop_wall_ns,
//                                               start/stop_mono_ns, loss_*, bpf_events, filtered,
//                                               excluded (absent in older files: 0)
//   probes(id, name, kind, attached, error)
//   drop_reasons(value INTEGER PRIMARY KEY, name)
//   symbols(addr UNIQUE, name)
//   event_pages(first_ts, last_ts, count, data BLOB)   the events, up to kEventsPerPage per
//          row in arrival order, in the page layout of event_pages.h; first_ts/last_ts the
//          page's lowest and highest ts_ns (index event_pages_time)
//   packet_pages(first_ts, last_ts, count, data BLOB)  the packet headers, up to
//          kRecordsPerPage per row (record_pages.h)
//   nft_pages(first_ts, last_ts, count, data BLOB)     the nft trace records, the same way
//          In schema 3 each data blob is a page packed in the container of page_codec.h (zstd,
//          checksummed).
//   loss_marks(ts_ns, ringbuf_full)   when the recorder saw ring-buffer loss (Trace::lossMarks);
//       absent from files written before it was added
//   ruleset(json TEXT)
//   interfaces(ts_ns, netns, ifindex, name)      names from ts_ns on (absent in older files)
// Schema 2 had the same event_pages, their data not packed, and instead of the other two pages
// tables one row per record:
//   packets(skb, ts_ns, netns, len, protocol, data BLOB)                index packets_skb
//   nft(ts_ns, rule_handle, trace_id, iif, oif, mark, nfproto, policy, verdict, iiftype,
//       oiftype, family, type, netns, table_name, chain, jump_target,
//       ll_header, network_header, transport_header)    headers: BLOB, NULL when not sent
//   nft_ct(nft INTEGER PRIMARY KEY, ct_id, direction, status, state)  conntrack attributes of
//       the nft row `nft` (its rowid), when the kernel sent them (absent from older files)
//   nft_skb(nft INTEGER PRIMARY KEY, skb, walk_start)  the sk_buff address of the nft row `nft`
//       and whether it starts a chain walk, when it was read in BPF (absent from older files)
// Schema 1 had those and one row per event instead of event_pages:
//   events(type, flags, probe, cpu, protocol, ts_ns, skb, location, netns, ifindex, len, mark,
//          aux, aux2), indexes events_time and events_skb
// The SQL export (EventLayout::Rows) writes schema 1.
constexpr int kTraceSchemaVersion = 3;
// PRAGMA application_id of every .nftrace file: "nftr" in ASCII.
constexpr int32_t kTraceApplicationId = 0x6e667472;
// Longest nft trace header blob accepted; the kernel sends at most a few dozen bytes.
constexpr size_t kMaxNftHeaderBytes = 1024;
// Highest drop reason count accepted (enum skb_drop_reason has ~100 values; subsystems
// start at 1 << 16 and are not stored by index).
constexpr size_t kMaxDropReasons = 65536;
// Longest interface name accepted (IFNAMSIZ is 16 with the NUL; altnames are longer).
constexpr size_t kMaxInterfaceNameBytes = 128;

class TraceFileError : public Error {
public:
    enum class Kind {
        NotFound,     // no file at that path
        NotATrace,    // not SQLite, or SQLite written by another application
        NewerVersion, // schema newer than this build reads
        Corrupt,      // damaged, truncated, or holding values no recorder writes
        Cancelled,    // the progress callback asked to stop
        Io,           // the operating system refused (permissions, disk full, exists)
    };
    TraceFileError(Kind kind, const QString &message) : Error(message), m_kind(kind) {}
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

class TraceFileCancelled : public TraceFileError {
public:
    TraceFileCancelled();
};

// Writes a trace while it is recorded. Rows go into one open transaction per batch, so a crash
// loses at most the batch not yet committed; the file then reads back as incomplete.
// Not thread-safe: one thread owns a writer.
// How a trace file stores its events. (No underlying type: Debian 13's lupdate reads
// `enum class X : T` as a class and then loses the classes declared after it.)
enum class EventLayout {
    // Schema 3: events, packet headers and nft records in packed pages of up to 4,096
    // (event_pages.h, record_pages.h), a few bytes each. What the recorder writes.
    Pages,
    // Schema 1: one row per event in table `events`, with a view `events_named` that adds the
    // probe's and the location's names (`nft-tracer-cli export --format sqlite`, for `sqlite3`
    // users; up to 4 times the size). nft-tracer opens these files too.
    Rows,
};

class TraceWriter {
public:
    // Creates the file (refuses an existing one unless `overwrite`) with the schema and `meta`.
    // Throws TraceFileError (Io) and leaves nothing behind on failure.
    TraceWriter(const std::string &path, const TraceMeta &meta, bool overwrite = false,
                EventLayout layout = EventLayout::Pages);
    // Without finish(): commits what was appended and closes, leaving an incomplete trace.
    ~TraceWriter();
    TraceWriter(const TraceWriter &) = delete;
    TraceWriter &operator=(const TraceWriter &) = delete;

    // These replace what was set before; they become durable with the next commit().
    void setMeta(const TraceMeta &meta);
    void setProbes(std::span<const ProbeDesc> probes);
    void setDropReasons(std::span<const std::string> names); // index = reason value
    void addSymbols(std::span<const KernelSymbol> symbols);  // an address already stored is kept
    void setRuleset(const std::string &json);
    void addInterfaces(std::span<const InterfaceName> names); // appended: names by time

    void append(std::span<const Event> events);
    void append(const PacketHeader &packet);   // data: at most NT_PACKET_CAPLEN bytes
    void append(const NftTraceRecord &record); // headers: at most kMaxNftHeaderBytes each
    // The recorder saw BPF records lost (ring buffer full; `ringbufFull` is the total so far)
    // by CLOCK_MONOTONIC time `tsNs` (Trace::lossMarks).
    void appendLossMark(uint64_t tsNs, uint64_t ringbufFull);
    // Ends the current batch transaction: what was appended survives a crash from now on.
    void commit();
    // Stores the final meta (a zero stop time is filled with now), builds the skb indexes,
    // checkpoints and leaves one self-contained file (rollback journal mode). The writer is
    // closed afterwards; any further call throws std::logic_error.
    void finish(const TraceMeta &finalMeta);

    const std::string &path() const { return m_path; }
    // Bytes the database holds as committed so far: the file's size once its write-ahead log
    // is checkpointed (the log itself takes more on disk meanwhile, up to ~64 MB).
    uint64_t databaseBytes();
    // Removes a trace file and its -wal/-shm/-journal companions (after a failed start).
    static void discard(const std::string &path) noexcept;

private:
    struct Impl;
    Impl &live();
    std::string m_path;
    std::unique_ptr<Impl> d;
};

struct TraceFileInfo {
    int schemaVersion = 0;
    bool complete = false;  // finish() ran: the stop time is set
    bool recovered = false; // a crash left a journal: read from a private, recovered copy
    // The file is shorter than its header says (cut off while copied, a full disk): the
    // records in its complete pages are read, the rest is lost (TraceReader::damage()).
    bool truncated = false;
    uint64_t expectedBytes = 0; // the size the header gives, when truncated
    TraceMeta meta;
    uint64_t events = 0, packets = 0, nftRecords = 0; // rows as written (from the rowids)
    uint64_t fileBytes = 0;
};

// Reports rows read so far out of the total; returning false cancels (TraceFileCancelled).
using TraceProgress = std::function<bool(uint64_t done, uint64_t total)>;

// Opens a trace file read-only and checks it: the file and its directory are never written
// (a journal left by a crash is replayed on a private copy). Every value read is range-checked.
class TraceReader {
public:
    // Throws TraceFileError: NotFound, NotATrace, NewerVersion, Corrupt or Io.
    explicit TraceReader(const std::string &path);
    ~TraceReader();
    TraceReader(const TraceReader &) = delete;
    TraceReader &operator=(const TraceReader &) = delete;

    const TraceFileInfo &info() const;
    // Runs SQLite's quick_check over the whole file (cancellable via progress: done stays 0).
    // A truncated file fails it with damage() as the message.
    void check(const TraceProgress &progress = {});
    // For a truncated file: what was kept and what was lost, as far as read so far (every read
    // keeps the rows before the cut instead of failing); empty otherwise.
    QString damage() const;
    // Everything except events, packets and nft records.
    Trace readHeader();
    // Streams the events in arrival order, `batchSize` at a time.
    void readEvents(const std::function<void(std::span<const Event>)> &batch,
                    const TraceProgress &progress = {}, size_t batchSize = 65536);
    std::vector<PacketHeader> readPackets();
    std::vector<NftTraceRecord> readNft();
    // check() plus everything; progress counts events + packets + nft records. A truncated
    // file is read up to its cut (no check: the damage is known) and damage() says what was lost.
    Trace readAll(const TraceProgress &progress = {});

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// The whole trace; see TraceReader::readAll. A truncated file throws TraceFileError (Corrupt)
// unless `damage` is given: then what could be read is returned and *damage says what was lost.
Trace readTrace(const std::string &path, const TraceProgress &progress = {},
                QString *damage = nullptr);
// Writes a whole trace in memory to a new file at `path` (TraceWriter; throws TraceFileError).
// `progress` is told records written (events, then packet headers and nft records) out of all;
// when it returns false the writing stops, the unfinished file is removed and false returned.
bool writeTrace(const std::string &path, const Trace &trace,
                EventLayout layout = EventLayout::Pages, const TraceProgress &progress = {});
// Meta, completeness and row counts only; cheap even for huge files.
TraceFileInfo readTraceInfo(const std::string &path);

} // namespace nt
