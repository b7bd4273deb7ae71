// Event stream encoder and decoder: explicit little-endian field-by-field serialization.
#include "event_stream.h"

#include <QCoreApplication>

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <stdexcept>

namespace nt::stream {

// The 56-byte event record goes on the wire as its little-endian memory image: pin the layout so
// a change to bpf/nt_event.h breaks the build here instead of the format.
static_assert(sizeof(Event) == kEventWireBytes);
static_assert(offsetof(nt_event, type) == 0 && offsetof(nt_event, flags) == 1);
static_assert(offsetof(nt_event, probe) == 2 && offsetof(nt_event, cpu) == 4);
static_assert(offsetof(nt_event, protocol) == 6 && offsetof(nt_event, ts_ns) == 8);
static_assert(offsetof(nt_event, skb) == 16 && offsetof(nt_event, location) == 24);
static_assert(offsetof(nt_event, netns) == 32 && offsetof(nt_event, ifindex) == 36);
static_assert(offsetof(nt_event, len) == 40 && offsetof(nt_event, mark) == 44);
static_assert(offsetof(nt_event, aux) == 48 && offsetof(nt_event, aux2) == 52);
static_assert(std::endian::native == std::endian::little ||
              std::endian::native == std::endian::big);

namespace {

constexpr bool kLittle = std::endian::native == std::endian::little;

const char *frameName(uint16_t type) {
    switch (static_cast<FrameType>(type)) {
    case FrameType::Header:
        return "Header";
    case FrameType::Records:
        return "Records";
    case FrameType::Counters:
        return "Counters";
    case FrameType::End:
        return "End";
    case FrameType::Error:
        return "Error";
    case FrameType::Interfaces:
        return "Interfaces";
    case FrameType::LossMarks:
        return "LossMarks";
    }
    return "unknown";
}

[[noreturn]] void tooLarge(const char *field, size_t size, size_t limit) {
    throw StreamError(
        StreamError::Kind::TooLarge,
        QCoreApplication::translate(
            "nt::EventStream",
            "Cannot send %1 in the event stream: %2 bytes, more than the limit of %3.")
            .arg(QLatin1String(field))
            .arg(size)
            .arg(limit));
}

// ---- writing ----

class Writer {
public:
    explicit Writer(std::string &out) : out_(out) {}

    void u8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
    void u16(uint16_t v) { le(v); }
    void u32(uint32_t v) { le(v); }
    void u64(uint64_t v) { le(v); }
    void i32(int32_t v) { le(static_cast<uint32_t>(v)); }
    void i64(int64_t v) { le(static_cast<uint64_t>(v)); }
    void f64(double v) { le(std::bit_cast<uint64_t>(v)); }
    void count(size_t n) { u32(static_cast<uint32_t>(n)); }
    void str(std::string_view s, uint32_t limit, const char *field) {
        if (s.size() > limit) {
            tooLarge(field, s.size(), limit);
        }
        u32(static_cast<uint32_t>(s.size()));
        out_.append(s.data(), s.size());
    }
    void bytes(const std::vector<uint8_t> &b, uint32_t limit, const char *field) {
        str(std::string_view(reinterpret_cast<const char *>(b.data()), b.size()), limit, field);
    }
    void events(const Event *e, size_t n) {
        if constexpr (kLittle) {
            out_.append(reinterpret_cast<const char *>(e), n * sizeof(Event));
        } else {
            for (size_t i = 0; i < n; ++i) {
                const Event &x = e[i];
                u8(x.type), u8(x.flags), u16(x.probe), u16(x.cpu), u16(x.protocol);
                u64(x.ts_ns), u64(x.skb), u64(x.location);
                u32(x.netns), u32(x.ifindex), u32(x.len), u32(x.mark), u32(x.aux), u32(x.aux2);
            }
        }
    }

    // A frame: header now, length patched by end().
    size_t begin(FrameType type) {
        const size_t at = out_.size();
        u32(0);
        u16(static_cast<uint16_t>(type));
        u16(0);
        return at;
    }
    void end(size_t at) {
        const size_t payload = out_.size() - at - kFrameHeaderBytes;
        if (payload > kMaxFrameBytes) {
            tooLarge(frameName(static_cast<uint16_t>(out_[at + 4])), payload, kMaxFrameBytes);
        }
        for (int i = 0; i < 4; ++i) {
            out_[at + i] = static_cast<char>((payload >> (8 * i)) & 0xff);
        }
    }

private:
    template <typename T> void le(T v) {
        char b[sizeof(T)];
        for (size_t i = 0; i < sizeof(T); ++i) {
            b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
        }
        out_.append(b, sizeof(T));
    }
    std::string &out_;
};

void writeLoss(Writer &w, const LossCounters &l) {
    w.u64(l.ringbufFull), w.u64(l.trackFull), w.u64(l.nftLost), w.u64(l.bpfEvents);
    w.u64(l.filtered);
    w.u64(l.excluded); // since version 2
}

void writeMeta(Writer &w, const TraceMeta &m) {
    w.str(m.host, kMaxStringBytes, "host");
    w.str(m.kernel, kMaxStringBytes, "kernel");
    w.str(m.backend, kMaxStringBytes, "backend");
    w.str(m.filter, kMaxStringBytes, "filter");
    w.str(m.netns, kMaxStringBytes, "netns");
    w.str(m.toolVersion, kMaxStringBytes, "toolVersion");
    w.i64(m.startWallNs), w.i64(m.stopWallNs), w.u64(m.startMonoNs), w.u64(m.stopMonoNs);
    writeLoss(w, m.loss);
}

void writeSymbol(Writer &w, const KernelSymbol &s) {
    w.u64(s.addr);
    w.str(s.name, kMaxStringBytes, "symbol");
}

// Bytes each item takes on the wire, for splitting batches into frames.
size_t packetCost(const PacketHeader &p) {
    return 4 + 8 + 8 + 4 + 4 + 2 + 4 + p.data.size();
}
size_t nftCost(const NftTraceRecord &r) {
    return 8 + 8 + 4 * 6 + 4 + 2 + 2 + 1 + 1 + 4 + 4 * 3 + 1 + 6 * 4 + 8 + 1 + r.table.size() +
           r.chain.size() + r.jumpTarget.size() + r.llHeader.size() + r.networkHeader.size() +
           r.transportHeader.size();
}
size_t symbolCost(const KernelSymbol &s) {
    return 8 + 4 + s.name.size();
}

void writePacket(Writer &w, const PacketHeader &p, size_t before) {
    w.u32(static_cast<uint32_t>(before));
    w.u64(p.skb), w.u64(p.tsNs), w.u32(p.netns), w.u32(p.len), w.u16(p.protocol);
    w.bytes(p.data, kMaxPacketBytes, "packet header bytes");
}

void writeNft(Writer &w, const NftTraceRecord &r) {
    w.u64(r.tsNs), w.u64(r.ruleHandle);
    w.u32(r.id), w.u32(r.iif), w.u32(r.oif), w.u32(r.mark), w.u32(r.nfproto), w.u32(r.policy);
    w.i32(r.verdict);
    w.u16(r.iiftype), w.u16(r.oiftype);
    w.u8(r.family), w.u8(static_cast<uint8_t>(r.type));
    w.u32(r.netns);
    w.u32(r.ctId), w.u32(r.ctStatus), w.u32(r.ctState), w.u8(r.ctDirection);
    w.str(r.table, kMaxStringBytes, "nft table");
    w.str(r.chain, kMaxStringBytes, "nft chain");
    w.str(r.jumpTarget, kMaxStringBytes, "nft jump target");
    w.bytes(r.llHeader, kMaxHeaderBytes, "nft link-layer header");
    w.bytes(r.networkHeader, kMaxHeaderBytes, "nft network header");
    w.bytes(r.transportHeader, kMaxHeaderBytes, "nft transport header");
    w.u64(r.skb);
    w.u8(r.walkStart ? 1 : 0);
}

// ---- reading ----

class Reader {
public:
    Reader(const char *p, size_t n, const char *frame, uint16_t version = kVersion)
        : p_(p), n_(n), frame_(frame), version_(version) {}
    // The stream's format version: fields added later are read only from streams that have them.
    uint16_t version() const { return version_; }

    uint8_t u8() { return static_cast<uint8_t>(*take(1)); }
    uint16_t u16() { return le<uint16_t>(); }
    uint32_t u32() { return le<uint32_t>(); }
    uint64_t u64() { return le<uint64_t>(); }
    int32_t i32() { return static_cast<int32_t>(u32()); }
    int64_t i64() { return static_cast<int64_t>(u64()); }
    double f64() { return std::bit_cast<double>(u64()); }
    bool boolean() {
        const uint8_t v = u8();
        if (v > 1) {
            malformed(
                QCoreApplication::translate("nt::EventStream", "a boolean field holds %1").arg(v));
        }
        return v == 1;
    }
    std::string str(uint32_t limit) {
        const uint32_t n = u32();
        if (n > limit) {
            malformed(QCoreApplication::translate("nt::EventStream",
                                                  "a field of %1 bytes exceeds the limit of %2")
                          .arg(n)
                          .arg(limit));
        }
        const char *p = take(n);
        return std::string(p, n);
    }
    std::vector<uint8_t> bytes(uint32_t limit) {
        const uint32_t n = u32();
        if (n > limit) {
            malformed(QCoreApplication::translate("nt::EventStream",
                                                  "a field of %1 bytes exceeds the limit of %2")
                          .arg(n)
                          .arg(limit));
        }
        const auto *p = reinterpret_cast<const uint8_t *>(take(n));
        return std::vector<uint8_t>(p, p + n);
    }
    // An item count, checked against the limit and against what the rest of the payload can
    // hold, before anything is allocated for it.
    uint32_t count(uint32_t limit, size_t minItemBytes) {
        const uint32_t n = u32();
        if (n > limit || n > (n_ - pos_) / minItemBytes) {
            malformed(
                QCoreApplication::translate(
                    "nt::EventStream", "%1 items announced, more than the %2 bytes left can hold")
                    .arg(n)
                    .arg(n_ - pos_));
        }
        return n;
    }
    const char *take(size_t n) {
        if (n > n_ - pos_) {
            malformed(
                QCoreApplication::translate("nt::EventStream", "the frame ends inside a field"));
        }
        const char *p = p_ + pos_;
        pos_ += n;
        return p;
    }
    void done() {
        if (pos_ != n_) {
            malformed(QCoreApplication::translate("nt::EventStream",
                                                  "%1 bytes left over after the last field")
                          .arg(n_ - pos_));
        }
    }
    [[noreturn]] void malformed(const QString &detail) const {
        throw StreamError(
            StreamError::Kind::Malformed,
            QCoreApplication::translate("nt::EventStream",
                                        "The event stream from the helper is corrupt (%1 frame: "
                                        "%2). Stop the trace and start it again; if this "
                                        "repeats, the helper and the application do not match: "
                                        "reinstall nft-tracer.")
                .arg(QLatin1String(frame_), detail));
    }

private:
    template <typename T> T le() {
        const auto *b = reinterpret_cast<const unsigned char *>(take(sizeof(T)));
        T v = 0;
        for (size_t i = 0; i < sizeof(T); ++i) {
            v |= static_cast<T>(static_cast<T>(b[i]) << (8 * i));
        }
        return v;
    }
    const char *p_;
    size_t n_;
    size_t pos_ = 0;
    const char *frame_;
    uint16_t version_;
};

LossCounters readLoss(Reader &r) {
    LossCounters l;
    l.ringbufFull = r.u64();
    l.trackFull = r.u64();
    l.nftLost = r.u64();
    l.bpfEvents = r.u64();
    l.filtered = r.u64();
    if (r.version() >= 2) {
        l.excluded = r.u64();
    }
    return l;
}

TraceMeta readMeta(Reader &r) {
    TraceMeta m;
    m.host = r.str(kMaxStringBytes);
    m.kernel = r.str(kMaxStringBytes);
    m.backend = r.str(kMaxStringBytes);
    m.filter = r.str(kMaxStringBytes);
    m.netns = r.str(kMaxStringBytes);
    m.toolVersion = r.str(kMaxStringBytes);
    m.startWallNs = r.i64();
    m.stopWallNs = r.i64();
    m.startMonoNs = r.u64();
    m.stopMonoNs = r.u64();
    m.loss = readLoss(r);
    return m;
}

KernelSymbol readSymbol(Reader &r) {
    KernelSymbol s;
    s.addr = r.u64();
    s.name = r.str(kMaxStringBytes);
    return s;
}

void readEvents(Reader &r, std::vector<Event> &events) {
    const uint32_t n = r.count(UINT32_MAX, kEventWireBytes);
    const char *p = r.take(size_t(n) * kEventWireBytes);
    events.resize(n);
    if constexpr (kLittle) {
        std::memcpy(events.data(), p, size_t(n) * kEventWireBytes);
    } else {
        Reader er(p, size_t(n) * kEventWireBytes, "Records");
        for (Event &x : events) {
            x.type = er.u8(), x.flags = er.u8(), x.probe = er.u16(), x.cpu = er.u16();
            x.protocol = er.u16(), x.ts_ns = er.u64(), x.skb = er.u64(), x.location = er.u64();
            x.netns = er.u32(), x.ifindex = er.u32(), x.len = er.u32(), x.mark = er.u32();
            x.aux = er.u32(), x.aux2 = er.u32();
        }
    }
    for (const Event &e : events) {
        if (e.type != NT_REC_EVENT) {
            r.malformed(
                QCoreApplication::translate("nt::EventStream", "an event record has type %1")
                    .arg(e.type));
        }
    }
}

void readPackets(Reader &r, RecordBatch &b) {
    const uint32_t n = r.count(UINT32_MAX, packetCost(PacketHeader{}));
    b.packets.resize(n);
    b.packetBefore.resize(n);
    size_t last = 0;
    for (uint32_t i = 0; i < n; ++i) {
        const uint32_t before = r.u32();
        if (before < last || before > b.events.size()) {
            r.malformed(QCoreApplication::translate(
                            "nt::EventStream",
                            "packet %1 is placed before event %2 (previous packet: %3, events: %4)")
                            .arg(i)
                            .arg(before)
                            .arg(last)
                            .arg(b.events.size()));
        }
        last = before;
        b.packetBefore[i] = before;
        PacketHeader &p = b.packets[i];
        p.skb = r.u64();
        p.tsNs = r.u64();
        p.netns = r.u32();
        p.len = r.u32();
        p.protocol = r.u16();
        p.data = r.bytes(kMaxPacketBytes);
    }
}

NftTraceRecord readNft(Reader &r) {
    NftTraceRecord x;
    x.tsNs = r.u64();
    x.ruleHandle = r.u64();
    x.id = r.u32();
    x.iif = r.u32();
    x.oif = r.u32();
    x.mark = r.u32();
    x.nfproto = r.u32();
    x.policy = r.u32();
    x.verdict = r.i32();
    x.iiftype = r.u16();
    x.oiftype = r.u16();
    x.family = r.u8();
    const uint8_t type = r.u8();
    if (type > static_cast<uint8_t>(NftTraceType::Chain)) {
        r.malformed(
            QCoreApplication::translate("nt::EventStream", "an nft trace record has type %1")
                .arg(type));
    }
    x.type = static_cast<NftTraceType>(type);
    x.netns = r.u32();
    if (r.version() >= 3) {
        x.ctId = r.u32();
        x.ctStatus = r.u32();
        x.ctState = r.u32();
        x.ctDirection = r.u8();
    }
    x.table = r.str(kMaxStringBytes);
    x.chain = r.str(kMaxStringBytes);
    x.jumpTarget = r.str(kMaxStringBytes);
    x.llHeader = r.bytes(kMaxHeaderBytes);
    x.networkHeader = r.bytes(kMaxHeaderBytes);
    x.transportHeader = r.bytes(kMaxHeaderBytes);
    if (r.version() >= 4) {
        x.skb = r.u64();
        x.walkStart = r.u8() != 0;
    }
    return x;
}

// The header frame: the recording's description, probes, drop reasons, symbols and ruleset.
HeaderFrame readHeaderFrame(Reader &r) {
    HeaderFrame f;
    f.trace.meta = readMeta(r);
    f.trace.probes.resize(r.count(kMaxProbes, 2 + 4 + 4 + 1 + 4));
    for (ProbeDesc &p : f.trace.probes) {
        p.id = r.u16();
        p.name = r.str(kMaxStringBytes);
        p.kind = r.str(kMaxStringBytes);
        p.attached = r.boolean();
        p.error = r.str(kMaxStringBytes);
    }
    f.trace.dropReasons.resize(r.count(kMaxDropReasons, 4));
    for (std::string &d : f.trace.dropReasons) {
        d = r.str(kMaxStringBytes);
    }
    f.trace.symbols.resize(r.count(UINT32_MAX, 8 + 4));
    for (KernelSymbol &s : f.trace.symbols) {
        s = readSymbol(r);
    }
    f.trace.rulesetJson = r.str(kMaxRulesetBytes);
    r.done();
    return f;
}

// A records frame: events, packets, nft trace records and newly resolved symbols.
RecordsFrame readRecordsFrame(Reader &r) {
    RecordsFrame f;
    readEvents(r, f.batch.events);
    readPackets(r, f.batch);
    f.nft.resize(r.count(UINT32_MAX, nftCost(NftTraceRecord{})));
    for (NftTraceRecord &x : f.nft) {
        x = readNft(r);
    }
    f.symbols.resize(r.count(UINT32_MAX, 8 + 4));
    for (KernelSymbol &s : f.symbols) {
        s = readSymbol(r);
    }
    r.done();
    return f;
}

// A counters frame: losses so far and the event rate.
CountersFrame readCountersFrame(Reader &r) {
    CountersFrame f;
    f.loss = readLoss(r);
    f.streamDroppedEvents = r.u64();
    f.streamDroppedFrames = r.u64();
    f.eventsPerSecond = r.f64();
    if (!std::isfinite(f.eventsPerSecond) || f.eventsPerSecond < 0) {
        r.malformed(QCoreApplication::translate("nt::EventStream",
                                                "the event rate is not a finite positive number"));
    }
    r.done();
    return f;
}

// An interfaces frame: names of interfaces seen in the events.
InterfacesFrame readInterfacesFrame(Reader &r) {
    InterfacesFrame f;
    f.interfaces.resize(r.count(UINT32_MAX, 8 + 4 + 4 + 4));
    for (InterfaceName &n : f.interfaces) {
        n.tsNs = r.u64();
        n.netns = r.u32();
        n.ifindex = r.u32();
        n.name = r.str(kMaxInterfaceNameBytes);
    }
    r.done();
    return f;
}

// A loss marks frame: the ring buffer loss count at points in time.
LossMarksFrame readLossMarksFrame(Reader &r) {
    LossMarksFrame f;
    f.marks.resize(r.count(UINT32_MAX, 16));
    for (LossMark &m : f.marks) {
        m.tsNs = r.u64();
        m.ringbufFull = r.u64();
    }
    r.done();
    return f;
}

} // namespace

// ---- encoder ----

std::string encodeStreamStart() {
    std::string out(kMagic, sizeof(kMagic));
    Writer w(out);
    w.u16(kVersion);
    w.u16(0);
    return out;
}

std::string encodeHeader(const Trace &trace) {
    std::string out;
    Writer w(out);
    const size_t at = w.begin(FrameType::Header);
    writeMeta(w, trace.meta);
    if (trace.probes.size() > kMaxProbes) {
        tooLarge("probes", trace.probes.size(), kMaxProbes);
    }
    w.count(trace.probes.size());
    for (const ProbeDesc &p : trace.probes) {
        w.u16(p.id);
        w.str(p.name, kMaxStringBytes, "probe name");
        w.str(p.kind, kMaxStringBytes, "probe kind");
        w.u8(p.attached ? 1 : 0);
        w.str(p.error, kMaxStringBytes, "probe error");
    }
    if (trace.dropReasons.size() > kMaxDropReasons) {
        tooLarge("drop reasons", trace.dropReasons.size(), kMaxDropReasons);
    }
    w.count(trace.dropReasons.size());
    for (const std::string &d : trace.dropReasons) {
        w.str(d, kMaxStringBytes, "drop reason");
    }
    w.count(trace.symbols.size());
    for (const KernelSymbol &s : trace.symbols) {
        writeSymbol(w, s);
    }
    w.str(trace.rulesetJson, kMaxRulesetBytes, "ruleset");
    w.end(at);
    return out;
}

void appendRecords(std::string &out, const RecordBatch &batch,
                   const std::vector<NftTraceRecord> &nft,
                   const std::vector<KernelSymbol> &symbols) {
    const size_t ne = batch.events.size(), np = batch.packets.size();
    if (batch.packetBefore.size() != np) {
        throw std::invalid_argument("RecordBatch: packetBefore and packets differ in size");
    }
    for (size_t i = 0; i < np; ++i) {
        if (batch.packetBefore[i] > ne ||
            (i > 0 && batch.packetBefore[i] < batch.packetBefore[i - 1])) {
            throw std::invalid_argument("RecordBatch: packetBefore out of order or out of range");
        }
    }
    size_t ei = 0, pi = 0, ni = 0, si = 0;
    // Greedy split: symbols first (they name locations in these events), then events with the
    // packets that precede them, then nft records. Each frame holds at least one item.
    while (ei < ne || pi < np || ni < nft.size() || si < symbols.size()) {
        size_t used = 0;
        auto fits = [&](size_t cost) { return used == 0 || used + cost <= kTargetFrameBytes; };
        const size_t s0 = si, e0 = ei, p0 = pi, n0 = ni;
        while (si < symbols.size() && fits(symbolCost(symbols[si]))) {
            used += symbolCost(symbols[si++]);
        }
        if (si == symbols.size()) {
            while (ei < ne) {
                size_t cost = kEventWireBytes, pj = pi;
                for (; pj < np && batch.packetBefore[pj] == ei; ++pj) {
                    cost += packetCost(batch.packets[pj]);
                }
                if (!fits(cost)) {
                    break;
                }
                used += cost;
                pi = pj;
                ++ei;
            }
            while (ei == ne && pi < np && fits(packetCost(batch.packets[pi]))) {
                used += packetCost(batch.packets[pi++]);
            }
            while (ei == ne && pi == np && ni < nft.size() && fits(nftCost(nft[ni]))) {
                used += nftCost(nft[ni++]);
            }
        }
        Writer w(out);
        const size_t at = w.begin(FrameType::Records);
        w.count(ei - e0);
        w.events(batch.events.data() + e0, ei - e0);
        w.count(pi - p0);
        for (size_t p = p0; p < pi; ++p) {
            writePacket(w, batch.packets[p], batch.packetBefore[p] - e0);
        }
        w.count(ni - n0);
        for (size_t n = n0; n < ni; ++n) {
            writeNft(w, nft[n]);
        }
        w.count(si - s0);
        for (size_t s = s0; s < si; ++s) {
            writeSymbol(w, symbols[s]);
        }
        w.end(at);
    }
}

std::string encodeRecords(const RecordBatch &batch, const std::vector<NftTraceRecord> &nft,
                          const std::vector<KernelSymbol> &symbols) {
    std::string out;
    out.reserve(kFrameHeaderBytes + 16 + batch.events.size() * kEventWireBytes +
                batch.packets.size() * packetCost(PacketHeader{}) + nft.size() * 128);
    appendRecords(out, batch, nft, symbols);
    return out;
}

std::string encodeCounters(const CountersFrame &c) {
    if (!std::isfinite(c.eventsPerSecond) || c.eventsPerSecond < 0) {
        throw std::invalid_argument("CountersFrame: eventsPerSecond must be finite and >= 0");
    }
    std::string out;
    Writer w(out);
    const size_t at = w.begin(FrameType::Counters);
    writeLoss(w, c.loss);
    w.u64(c.streamDroppedEvents);
    w.u64(c.streamDroppedFrames);
    w.f64(c.eventsPerSecond);
    w.end(at);
    return out;
}

std::string encodeLossMarks(std::span<const LossMark> marks) {
    std::string out;
    constexpr size_t kPerFrame = kTargetFrameBytes / 16;
    for (size_t i = 0; i < marks.size(); i += kPerFrame) {
        const size_t n = std::min(kPerFrame, marks.size() - i);
        Writer w(out);
        const size_t at = w.begin(FrameType::LossMarks);
        w.count(n);
        for (size_t k = i; k < i + n; ++k) {
            w.u64(marks[k].tsNs);
            w.u64(marks[k].ringbufFull);
        }
        w.end(at);
    }
    return out;
}

std::string encodeInterfaces(std::span<const InterfaceName> interfaces) {
    std::string out;
    size_t i = 0;
    while (i < interfaces.size()) {
        Writer w(out);
        const size_t at = w.begin(FrameType::Interfaces);
        const size_t countAt = out.size();
        w.u32(0);
        uint32_t n = 0;
        for (; i < interfaces.size() && out.size() - at < kTargetFrameBytes; ++i, ++n) {
            const InterfaceName &f = interfaces[i];
            w.u64(f.tsNs);
            w.u32(f.netns);
            w.u32(f.ifindex);
            w.str(f.name, kMaxInterfaceNameBytes, "interface name");
        }
        for (int b = 0; b < 4; ++b) {
            out[countAt + b] = static_cast<char>((n >> (8 * b)) & 0xff);
        }
        w.end(at);
    }
    return out;
}

std::string encodeEnd(const TraceMeta &meta) {
    std::string out;
    Writer w(out);
    const size_t at = w.begin(FrameType::End);
    writeMeta(w, meta);
    w.end(at);
    return out;
}

std::string encodeError(std::string_view message) {
    if (message.size() > kMaxStringBytes) {
        size_t cut = kMaxStringBytes;
        while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xc0) == 0x80) {
            --cut; // do not split a UTF-8 sequence
        }
        message = message.substr(0, cut);
    }
    std::string out;
    Writer w(out);
    const size_t at = w.begin(FrameType::Error);
    w.str(message, kMaxStringBytes, "error message");
    w.end(at);
    return out;
}

// ---- decoder ----

void StreamDecoder::fail(StreamError::Kind kind, const QString &message) {
    throw StreamError(kind, message);
}

void StreamDecoder::feed(const char *data, size_t size, std::vector<StreamItem> &out) {
    if (failed_) {
        throw StreamError(errorKind_, errorMessage_);
    }
    try {
        if (ended_ && size > 0) {
            fail(StreamError::Kind::OutOfOrder,
                 QCoreApplication::translate(
                     "nt::EventStream",
                     "The helper sent data after the end of the event stream: the stream is "
                     "corrupt."));
        }
        buf_.append(data, size);
        if (!started_) {
            // Check the signature as soon as its bytes arrive, so a wrong descriptor fails fast.
            const size_t have = std::min(buf_.size() - pos_, sizeof(kMagic));
            if (std::memcmp(buf_.data() + pos_, kMagic, have) != 0) {
                fail(StreamError::Kind::BadMagic,
                     QCoreApplication::translate(
                         "nt::EventStream",
                         "The descriptor the helper returned does not carry an nft-tracer event "
                         "stream (wrong signature). Check that the installed helper belongs to "
                         "this version of nft-tracer."));
            }
            if (buf_.size() - pos_ < kStreamStartBytes) {
                return;
            }
            Reader r(buf_.data() + pos_ + sizeof(kMagic), kStreamStartBytes - sizeof(kMagic),
                     "stream start");
            version_ = r.u16();
            (void)r.u16(); // flags: none defined in version 1
            if (version_ == 0 || version_ > kVersion) {
                fail(StreamError::Kind::UnsupportedVersion,
                     QCoreApplication::translate(
                         "nt::EventStream",
                         "The helper's event stream has format version %1; this program reads "
                         "version %2 and older. Install the same version of nft-tracer and its "
                         "helper.")
                         .arg(version_)
                         .arg(kVersion));
            }
            pos_ += kStreamStartBytes;
            started_ = true;
        }
        while (buf_.size() - pos_ >= kFrameHeaderBytes) {
            Reader h(buf_.data() + pos_, kFrameHeaderBytes, "frame header");
            const uint32_t length = h.u32();
            const uint16_t type = h.u16();
            if (length > kMaxFrameBytes) {
                fail(StreamError::Kind::FrameTooLarge,
                     QCoreApplication::translate(
                         "nt::EventStream",
                         "The helper's event stream announces a frame of %1 bytes, more than the "
                         "limit of %2: the stream is corrupt. Stop the trace and start it again.")
                         .arg(length)
                         .arg(kMaxFrameBytes));
            }
            if (buf_.size() - pos_ - kFrameHeaderBytes < length) {
                break;
            }
            decodeFrame(type, buf_.data() + pos_ + kFrameHeaderBytes, length, out);
            pos_ += kFrameHeaderBytes + length;
            if (ended_ && pos_ != buf_.size()) {
                fail(StreamError::Kind::OutOfOrder,
                     QCoreApplication::translate(
                         "nt::EventStream",
                         "The helper sent data after the end of the event stream: the stream is "
                         "corrupt."));
            }
        }
        // Drop consumed bytes; amortised so that many small frames do not move the tail each time.
        if (pos_ == buf_.size()) {
            buf_.clear();
            pos_ = 0;
        } else if (pos_ >= (64u << 10) && pos_ * 2 >= buf_.size()) {
            buf_.erase(0, pos_);
            pos_ = 0;
        }
    } catch (const StreamError &e) {
        failed_ = true;
        errorKind_ = e.kind();
        errorMessage_ = e.message();
        buf_.clear();
        buf_.shrink_to_fit();
        pos_ = 0;
        throw;
    }
}

// Checks a frame's place in the stream, then reads it with the read*Frame function of its type.
void StreamDecoder::decodeFrame(uint16_t type, const char *payload, size_t size,
                                std::vector<StreamItem> &out) {
    const auto outOfOrder = [&](const QString &why) {
        fail(StreamError::Kind::OutOfOrder,
             QCoreApplication::translate("nt::EventStream",
                                         "The helper's event stream is out of order (%1 frame: "
                                         "%2). Stop the trace and start it again.")
                 .arg(QLatin1String(frameName(type)), why));
    };
    Reader r(payload, size, frameName(type), version_);
    switch (static_cast<FrameType>(type)) {
    case FrameType::Header: {
        if (headerSeen_) {
            outOfOrder(QCoreApplication::translate("nt::EventStream", "a second header"));
        }
        HeaderFrame f = readHeaderFrame(r);
        headerSeen_ = true;
        out.emplace_back(std::move(f));
        return;
    }
    case FrameType::Records:
        if (!headerSeen_) {
            outOfOrder(QCoreApplication::translate("nt::EventStream", "records before the header"));
        }
        out.emplace_back(readRecordsFrame(r));
        return;
    case FrameType::Counters:
        if (!headerSeen_) {
            outOfOrder(
                QCoreApplication::translate("nt::EventStream", "counters before the header"));
        }
        out.emplace_back(readCountersFrame(r));
        return;
    case FrameType::End: {
        if (!headerSeen_) {
            outOfOrder(QCoreApplication::translate("nt::EventStream", "the end before the header"));
        }
        EndFrame f;
        f.meta = readMeta(r);
        r.done();
        ended_ = true;
        out.emplace_back(std::move(f));
        return;
    }
    case FrameType::Error: {
        ErrorFrame f;
        f.message = r.str(kMaxStringBytes);
        r.done();
        ended_ = true;
        out.emplace_back(std::move(f));
        return;
    }
    case FrameType::Interfaces:
        if (!headerSeen_) {
            outOfOrder(QCoreApplication::translate("nt::EventStream",
                                                   "interface names before the header"));
        }
        out.emplace_back(readInterfacesFrame(r));
        return;
    case FrameType::LossMarks:
        if (!headerSeen_) {
            outOfOrder(
                QCoreApplication::translate("nt::EventStream", "loss marks before the header"));
        }
        out.emplace_back(readLossMarksFrame(r));
        return;
    }
    // A frame type from a newer writer: skipped whole (its length bounded it).
    ++skipped_;
}

void StreamDecoder::finish() {
    if (failed_) {
        throw StreamError(errorKind_, errorMessage_);
    }
    if (!started_ || buf_.size() != pos_) {
        failed_ = true;
        errorKind_ = StreamError::Kind::Truncated;
        errorMessage_ = QCoreApplication::translate(
            "nt::EventStream",
            "The helper's event stream ended in the middle of a frame: the helper "
            "stopped unexpectedly. Check the system log for nft-tracer-helper.");
        throw StreamError(errorKind_, errorMessage_);
    }
}

} // namespace nt::stream
