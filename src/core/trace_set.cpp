// Rotating trace files while recording, and a set of trace files opened as one trace.
#include "trace_set.h"

#include <QCoreApplication>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <system_error>
#include <unordered_set>

namespace nt {
namespace {

int64_t wallNow() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

uint64_t monoNow() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return uint64_t(ts.tv_sec) * 1'000'000'000u + uint64_t(ts.tv_nsec);
}

LossCounters minus(const LossCounters &a, const LossCounters &b) {
    auto sub = [](uint64_t x, uint64_t y) { return x >= y ? x - y : 0; };
    LossCounters d;
    d.ringbufFull = sub(a.ringbufFull, b.ringbufFull);
    d.trackFull = sub(a.trackFull, b.trackFull);
    d.nftLost = sub(a.nftLost, b.nftLost);
    d.bpfEvents = sub(a.bpfEvents, b.bpfEvents);
    d.filtered = sub(a.filtered, b.filtered);
    d.excluded = sub(a.excluded, b.excluded);
    return d;
}

void addTo(LossCounters &into, const LossCounters &l) {
    into.ringbufFull += l.ringbufFull;
    into.trackFull += l.trackFull;
    into.nftLost += l.nftLost;
    into.bpfEvents += l.bpfEvents;
    into.filtered += l.filtered;
    into.excluded += l.excluded;
}

QString qpath(const std::string &path) {
    return QString::fromLocal8Bit(path.c_str());
}

} // namespace

std::string rotatedFileName(const std::string &path, uint32_t sequence, int64_t startWallNs) {
    const std::filesystem::path p(path);
    std::string stem = p.stem().string();
    std::string ext = p.extension().string();
    if (ext.empty()) {
        ext = ".nftrace";
    }
    const time_t secs = static_cast<time_t>(startWallNs / 1'000'000'000);
    tm utc{};
    gmtime_r(&secs, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
    char seq[16];
    std::snprintf(seq, sizeof seq, "%05u", sequence);
    return (p.parent_path() / (stem + "_" + seq + "_" + stamp + ext)).string();
}

// ---------------------------------------------------------------------------------------------
// Writing

TraceFileSet::TraceFileSet(const std::string &path, const RotationOptions &rotation)
    : path_(path), rotation_(rotation) {
    open(wallNow(), monoNow());
}

TraceFileSet::~TraceFileSet() = default;

void TraceFileSet::open(int64_t startWallNs, uint64_t startMonoNs) {
    const std::string name =
        rotation_.rotates() ? rotatedFileName(path_, ++sequence_, startWallNs) : path_;
    TraceMeta meta = header_.meta;
    meta.startWallNs = startWallNs;
    meta.startMonoNs = startMonoNs;
    meta.stopWallNs = 0;
    meta.stopMonoNs = 0;
    meta.loss = {};
    writer_ = std::make_unique<TraceWriter>(name, meta);
    files_.push_back(name);
    fileStartWall_ = startWallNs;
    fileStartMono_ = startMonoNs;
    if (!header_.probes.empty() || !header_.rulesetJson.empty()) {
        writer_->setProbes(header_.probes);
        writer_->setDropReasons(header_.dropReasons);
        writer_->setRuleset(header_.rulesetJson);
        writer_->addInterfaces(header_.interfaces);
        writer_->addSymbols(header_.symbols);
        writer_->commit();
    }
    // The ring keeps the newest files, the one just started among them.
    while (rotation_.ring != 0 && files_.size() > rotation_.ring) {
        TraceWriter::discard(files_.front());
        files_.erase(files_.begin());
        ++removed_;
    }
}

TraceMeta TraceFileSet::fileMeta(const TraceMeta &meta) const {
    TraceMeta m = meta;
    m.startWallNs = fileStartWall_;
    m.startMonoNs = fileStartMono_;
    m.loss = minus(meta.loss, lossAtFileStart_);
    return m;
}

void TraceFileSet::setHeader(const Trace &header) {
    header_.meta = header.meta;
    header_.probes = header.probes;
    header_.dropReasons = header.dropReasons;
    header_.rulesetJson = header.rulesetJson;
    header_.interfaces = header.interfaces;
    header_.symbols = header.symbols;
    lossAtFileStart_ = header.meta.loss;
    if (files_.size() == 1 && header.meta.startMonoNs != 0) {
        fileStartWall_ = header.meta.startWallNs; // the recording's start: probes attached
        fileStartMono_ = header.meta.startMonoNs;
    }
    TraceMeta m = fileMeta(header.meta);
    m.stopWallNs = 0;
    m.stopMonoNs = 0;
    writer_->setMeta(m);
    writer_->setProbes(header_.probes);
    writer_->setDropReasons(header_.dropReasons);
    writer_->setRuleset(header_.rulesetJson);
    writer_->addInterfaces(header_.interfaces);
    writer_->addSymbols(header_.symbols);
}

void TraceFileSet::addInterfaces(std::span<const InterfaceName> names) {
    header_.interfaces.insert(header_.interfaces.end(), names.begin(), names.end());
    writer_->addInterfaces(names);
}

void TraceFileSet::addSymbols(std::span<const KernelSymbol> symbols) {
    header_.symbols.insert(header_.symbols.end(), symbols.begin(), symbols.end());
    writer_->addSymbols(symbols);
}

void TraceFileSet::append(std::span<const Event> events) {
    writer_->append(events);
}

void TraceFileSet::append(const PacketHeader &packet) {
    writer_->append(packet);
}

void TraceFileSet::append(const NftTraceRecord &record) {
    writer_->append(record);
}

void TraceFileSet::appendLossMark(uint64_t tsNs, uint64_t ringbufFull) {
    writer_->appendLossMark(tsNs, ringbufFull);
}

uint64_t TraceFileSet::currentBytes() const {
    return writer_->databaseBytes();
}

void TraceFileSet::close(const TraceMeta &meta) {
    TraceMeta m = fileMeta(meta);
    if (m.stopWallNs == 0) {
        m.stopWallNs = wallNow();
    }
    if (m.stopMonoNs == 0) {
        m.stopMonoNs = monoNow();
    }
    writer_->finish(m);
    writer_.reset();
    lossAtFileStart_ = meta.loss;
}

void TraceFileSet::commit() {
    writer_->commit();
}

bool TraceFileSet::rotationDue() const {
    if (!rotation_.rotates()) {
        return false;
    }
    return (rotation_.maxBytes != 0 && currentBytes() >= rotation_.maxBytes) ||
           (rotation_.maxDurationNs != 0 && monoNow() - fileStartMono_ >= rotation_.maxDurationNs);
}

void TraceFileSet::rotate(const TraceMeta &meta) {
    TraceMeta closing = meta;
    closing.stopWallNs = wallNow();
    closing.stopMonoNs = monoNow();
    close(closing);
    open(closing.stopWallNs, closing.stopMonoNs);
}

void TraceFileSet::finish(const TraceMeta &finalMeta) {
    if (writer_) {
        close(finalMeta);
    }
}

void TraceFileSet::discard() noexcept {
    writer_.reset();
    for (const std::string &f : files_) {
        TraceWriter::discard(f);
    }
    files_.clear();
}

// ---------------------------------------------------------------------------------------------
// Reading

std::vector<std::string> traceSetFiles(const std::vector<std::string> &paths) {
    std::vector<std::string> files;
    for (const std::string &p : paths) {
        std::error_code ec;
        if (!std::filesystem::is_directory(p, ec)) {
            files.push_back(p); // TraceReader says what is wrong with it, if anything
            continue;
        }
        std::vector<std::string> inDir;
        for (const auto &entry : std::filesystem::directory_iterator(p, ec)) {
            if (entry.path().extension() == ".nftrace" && !entry.is_directory()) {
                inDir.push_back(entry.path().string());
            }
        }
        if (inDir.empty()) {
            throw TraceFileError(TraceFileError::Kind::NotFound,
                                 QCoreApplication::translate(
                                     "nt::TraceFile", "The folder %1 holds no .nftrace files.")
                                     .arg(qpath(p)));
        }
        std::sort(inDir.begin(), inDir.end());
        files.insert(files.end(), inDir.begin(), inDir.end());
    }
    return files;
}

Trace openTraceSet(const std::vector<std::string> &paths, const TraceProgress &progress,
                   QString *damage) {
    const std::vector<std::string> files = traceSetFiles(paths);
    if (files.size() == 1) {
        return readTrace(files.front(), progress, damage);
    }
    // Open them all first: a bad file fails before anything is read, and the totals are known.
    std::vector<std::unique_ptr<TraceReader>> readers;
    uint64_t total = 0;
    for (const std::string &f : files) {
        readers.push_back(std::make_unique<TraceReader>(f));
        const TraceFileInfo &i = readers.back()->info();
        total += i.events + i.packets + i.nftRecords;
    }
    std::stable_sort(readers.begin(), readers.end(), [](const auto &a, const auto &b) {
        return a->info().meta.startMonoNs < b->info().meta.startMonoNs;
    });
    const TraceMeta &first = readers.front()->info().meta;
    for (size_t i = 1; i < readers.size(); ++i) {
        const TraceMeta &m = readers[i]->info().meta;
        if (m.host != first.host || m.kernel != first.kernel) {
            throw TraceFileError(
                TraceFileError::Kind::Corrupt,
                QCoreApplication::translate("nt::TraceFile",
                                            "%1 and %2 were recorded on different machines (%3, "
                                            "%4): open them one at a time.")
                    .arg(qpath(files.front()), qpath(files[i]), QString::fromStdString(first.host),
                         QString::fromStdString(m.host)));
        }
    }

    Trace set;
    uint64_t done = 0;
    bool complete = true;
    std::unordered_set<uint64_t> symbolSeen;
    for (auto &reader : readers) {
        const TraceFileInfo info = reader->info();
        const uint64_t rows = info.events + info.packets + info.nftRecords;
        TraceProgress inner;
        if (progress) {
            inner = [&](uint64_t d, uint64_t) { return progress(done + d, total); };
        }
        if (info.truncated && damage == nullptr) {
            throw TraceFileError(TraceFileError::Kind::Corrupt, reader->damage());
        }
        Trace t = reader->readAll(inner);
        if (damage != nullptr && !reader->damage().isEmpty()) {
            *damage += (damage->isEmpty() ? QString() : QStringLiteral("\n")) + reader->damage();
        }
        done += rows;
        if (set.probes.empty()) {
            set.meta = t.meta;
            set.meta.loss = {};
            set.probes = std::move(t.probes);
            set.dropReasons = std::move(t.dropReasons);
            set.rulesetJson = std::move(t.rulesetJson);
        }
        complete = complete && t.meta.stopWallNs != 0;
        set.meta.stopWallNs = std::max(set.meta.stopWallNs, t.meta.stopWallNs);
        set.meta.stopMonoNs = std::max(set.meta.stopMonoNs, t.meta.stopMonoNs);
        addTo(set.meta.loss, t.meta.loss);
        for (KernelSymbol &s : t.symbols) {
            if (symbolSeen.insert(s.addr).second) {
                set.symbols.push_back(std::move(s));
            }
        }
        // Every file repeats the names known when it started.
        for (InterfaceName &n : t.interfaces) {
            if (std::find(set.interfaces.begin(), set.interfaces.end(), n) ==
                set.interfaces.end()) {
                set.interfaces.push_back(std::move(n));
            }
        }
        set.events.insert(set.events.end(), t.events.begin(), t.events.end());
        std::move(t.packets.begin(), t.packets.end(), std::back_inserter(set.packets));
        std::move(t.nft.begin(), t.nft.end(), std::back_inserter(set.nft));
        set.lossMarks.insert(set.lossMarks.end(), t.lossMarks.begin(), t.lossMarks.end());
    }
    if (!complete) {
        set.meta.stopWallNs = 0;
        set.meta.stopMonoNs = 0;
    }
    return set;
}

} // namespace nt
