// The building blocks of a trace file's pages (event_pages.h, record_pages.h): varints,
// differences, a reader that checks every value, and the compressed container a schema-3 page
// is stored in.
#pragma once

#include <QString>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace nt::pages {

// Unsigned LEB128.
inline void putVarint(std::string &out, uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

// The signed difference now - before, mapped to unsigned as (d << 1) ^ (d >> 63); it wraps, so
// any two values have one.
inline uint64_t zigzag(uint64_t now, uint64_t before) {
    const auto d = static_cast<int64_t>(now - before);
    return (static_cast<uint64_t>(d) << 1) ^ static_cast<uint64_t>(d >> 63);
}

inline uint64_t unzigzag(uint64_t z, uint64_t before) {
    const uint64_t d = (z >> 1) ^ (~(z & 1) + 1);
    return before + d;
}

// Writes into a string through a pointer, for encoders writing many small values: from `used`
// on, which follows what was written; room(n) makes space for n more bytes (the string keeps
// slack past `used`), the writes after it do no checks. The owner cuts the slack when done.
class Sink {
public:
    Sink(std::string &s, size_t &used) : s_(s), used_(used) {}
    Sink(const Sink &) = delete;
    Sink &operator=(const Sink &) = delete;

    void room(size_t n) {
        if (s_.size() - used_ < n)
            s_.resize(std::max(used_ + n, s_.size() * 2));
        p_ = s_.data() + used_;
    }
    void varint(uint64_t v) {
        while (v >= 0x80) {
            *p_++ = static_cast<char>((v & 0x7f) | 0x80);
            v >>= 7;
        }
        *p_++ = static_cast<char>(v);
        used_ = size_t(p_ - s_.data());
    }
    void byte(uint8_t b) {
        *p_++ = static_cast<char>(b);
        ++used_;
    }
    // A varint length, then the bytes.
    void bytes(std::span<const uint8_t> b) {
        varint(b.size());
        if (!b.empty())
            std::memcpy(p_, b.data(), b.size());
        p_ += b.size();
        used_ += b.size();
    }
    // The next n bytes, to be written by the caller.
    char *take(size_t n) {
        char *at = p_;
        p_ += n;
        used_ += n;
        return at;
    }

private:
    std::string &s_;
    size_t &used_;
    char *p_ = nullptr;
};

// Bytes at most one varint takes.
constexpr size_t kMaxVarintBytes = 10;

// The time range of a page's records; 0, 0 for an empty page.
struct Stats {
    uint64_t minTs = 0, maxTs = 0;
    // Takes in the time of the page's record number i (from 0).
    void widen(uint64_t ts, size_t i) {
        minTs = i == 0 ? ts : std::min(minTs, ts);
        maxTs = i == 0 ? ts : std::max(maxTs, ts);
    }
};

// What every page encoder keeps of the page it builds: the records' bytes, their count and
// their time range. The encoder keeps what its records are encoded against (previous values,
// names, dictionaries).
class Body {
public:
    // Counts a record of time ts; it is written through the sink returned.
    Sink add(uint64_t ts) {
        stats_.widen(ts, count_++);
        return Sink(bytes_, used_);
    }
    size_t count() const { return count_; }
    // Appends the format byte and the record count: what every page starts with.
    void head(std::string &out, uint8_t format) const {
        out.push_back(static_cast<char>(format));
        putVarint(out, count_);
    }
    // Appends the records' bytes, returns their time range and starts the next page.
    Stats take(std::string &out) {
        out.append(bytes_.data(), used_);
        const Stats stats = stats_;
        used_ = 0;
        count_ = 0;
        stats_ = {};
        return stats;
    }

private:
    std::string bytes_; // with slack past used_ (see Sink)
    size_t used_ = 0;
    size_t count_ = 0;
    Stats stats_;
};

// Reads a page's values; every method returns false at the first fault and leaves a
// translated reason in `error`.
class Reader {
public:
    explicit Reader(std::span<const uint8_t> bytes) : p_(bytes) {}

    bool u8(uint8_t &v);
    bool varint(uint64_t &v);
    // A varint that must fit T; `what` names it in the error.
    template <typename T> bool small(T &v, const char *what) {
        uint64_t raw = 0;
        if (!varint(raw))
            return false;
        if (raw > std::numeric_limits<T>::max())
            return outOfRange(what, raw);
        v = static_cast<T>(raw);
        return true;
    }
    // A zigzag difference from `before` whose value must fit T.
    template <typename T> bool delta(T &v, T before, const char *what) {
        uint64_t z = 0;
        if (!varint(z))
            return false;
        const uint64_t x = unzigzag(z, before);
        if (x > std::numeric_limits<T>::max())
            return outOfRange(what, x);
        v = static_cast<T>(x);
        return true;
    }
    // A signed 32-bit value stored as the zigzag difference from 0 of its 64-bit extension.
    bool signed32(int32_t &v, const char *what);
    // The next n bytes; the span points into the page.
    bool raw(std::span<const uint8_t> &v, size_t n);
    // A length-prefixed byte string of at most `max` bytes; the span points into the page.
    bool bytes(std::span<const uint8_t> &v, size_t max, const char *what);
    // A count of items that take at least `minBytes` each (so a damaged count cannot make the
    // caller reserve memory the page could not fill), and at most `max`.
    bool count(uint64_t &n, size_t minBytes, uint64_t max, const char *what);
    // A page's start: its format byte, which must be `format`, then its record count (as
    // count() reads it).
    bool header(uint8_t format, uint64_t &n, size_t minBytes, uint64_t max, const char *what);
    // True when every byte was read.
    bool end();
    size_t left() const { return p_.size() - pos_; }

    QString error;

private:
    bool outOfRange(const char *what, uint64_t value);
    std::span<const uint8_t> p_;
    size_t pos_ = 0;
};

// Distinct 64-bit values in first-appearance order, written as their count and zigzag
// differences from one to the next.
class Dictionary {
public:
    uint64_t indexOf(uint64_t v);
    void clear();
    void write(std::string &out) const;
    // Reads what write() wrote.
    static bool read(Reader &r, std::vector<uint64_t> &values);

private:
    std::vector<uint64_t> values_;
    // Open addressing over values_ indexes (+1; 0 = empty), grown at half full.
    std::vector<uint32_t> slots_;
};

// The container of a stored page (schema 3): u8 codec (0 stored as is, 1 zstd), varint size of
// the page, then the page or its zstd frame. A page that zstd does not make smaller is stored
// as is.
constexpr uint8_t kCodecStored = 0;
constexpr uint8_t kCodecZstd = 1;
// The largest page a reader unpacks.
constexpr size_t kMaxPageBytes = size_t{64} << 20;

class Compressor {
public:
    explicit Compressor(int level = 1);
    ~Compressor();
    Compressor(const Compressor &) = delete;
    Compressor &operator=(const Compressor &) = delete;
    // Replaces `out` with the container of `page`.
    void pack(const std::string &page, std::string &out);

private:
    struct Ctx;
    std::unique_ptr<Ctx> ctx_;
};

// Unpacks a container into `page`. Returns an empty string on success, else what is wrong.
QString unpack(std::span<const uint8_t> stored, std::string &page);

inline std::span<const uint8_t> asBytes(const std::string &s) {
    return {reinterpret_cast<const uint8_t *>(s.data()), s.size()};
}

} // namespace nt::pages
