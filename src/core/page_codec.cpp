// Page building blocks: a checking reader, a value dictionary and the zstd container.
#include "page_codec.h"

#include <QCoreApplication>

#include <zstd.h>

#include <algorithm>

namespace nt::pages {

bool Reader::u8(uint8_t &v) {
    std::span<const uint8_t> b;
    if (!raw(b, 1))
        return false;
    v = b[0];
    return true;
}

bool Reader::varint(uint64_t &v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos_ >= p_.size()) {
            error =
                QCoreApplication::translate("nt::TraceFile", "it ends in the middle of a value");
            return false;
        }
        const uint8_t b = p_[pos_++];
        if (shift == 63 && b > 1)
            break;
        v |= uint64_t{b & 0x7fU} << shift;
        if ((b & 0x80) == 0)
            return true;
    }
    error = QCoreApplication::translate("nt::TraceFile", "it holds a number longer than 64 bits");
    return false;
}

bool Reader::outOfRange(const char *what, uint64_t value) {
    error = QCoreApplication::translate("nt::TraceFile", "it holds %1 %2, out of range")
                .arg(QString::fromLatin1(what))
                .arg(value);
    return false;
}

bool Reader::signed32(int32_t &v, const char *what) {
    uint64_t z = 0;
    if (!varint(z))
        return false;
    const auto x = static_cast<int64_t>(unzigzag(z, 0));
    if (x < std::numeric_limits<int32_t>::min() || x > std::numeric_limits<int32_t>::max())
        return outOfRange(what, static_cast<uint64_t>(x));
    v = static_cast<int32_t>(x);
    return true;
}

bool Reader::bytes(std::span<const uint8_t> &v, size_t max, const char *what) {
    uint64_t n = 0;
    if (!varint(n))
        return false;
    if (n > max)
        return outOfRange(what, n);
    return raw(v, n);
}

bool Reader::raw(std::span<const uint8_t> &v, size_t n) {
    if (n > left()) {
        error = QCoreApplication::translate("nt::TraceFile", "it ends in the middle of a value");
        return false;
    }
    v = p_.subspan(pos_, n);
    pos_ += n;
    return true;
}

bool Reader::count(uint64_t &n, size_t minBytes, uint64_t max, const char *what) {
    if (!varint(n))
        return false;
    if (n > max || n > left() / std::max<size_t>(minBytes, 1)) {
        error =
            QCoreApplication::translate("nt::TraceFile", "it promises %1 %2, more than it can hold")
                .arg(n)
                .arg(QString::fromLatin1(what));
        return false;
    }
    return true;
}

bool Reader::header(uint8_t format, uint64_t &n, size_t minBytes, uint64_t max, const char *what) {
    uint8_t got = 0;
    if (!u8(got))
        return false;
    if (got != format) {
        error = QCoreApplication::translate("nt::TraceFile", "it has format %1, not %2")
                    .arg(got)
                    .arg(format);
        return false;
    }
    return count(n, minBytes, max, what);
}

bool Reader::end() {
    if (left() == 0)
        return true;
    error = QCoreApplication::translate("nt::TraceFile", "it has %1 bytes after its last record")
                .arg(left());
    return false;
}

uint64_t Dictionary::indexOf(uint64_t v) {
    if (values_.size() * 2 >= slots_.size()) {
        slots_.assign(std::max<size_t>(64, slots_.size() * 2), 0);
        for (size_t i = 0; i < values_.size(); ++i) {
            size_t h = (values_[i] * 0x9E3779B97F4A7C15ull) >> 20;
            while (slots_[h & (slots_.size() - 1)] != 0)
                ++h;
            slots_[h & (slots_.size() - 1)] = uint32_t(i + 1);
        }
    }
    const size_t mask = slots_.size() - 1;
    for (size_t h = (v * 0x9E3779B97F4A7C15ull) >> 20;; ++h) {
        uint32_t &slot = slots_[h & mask];
        if (slot == 0) {
            values_.push_back(v);
            slot = uint32_t(values_.size());
            return values_.size() - 1;
        }
        if (values_[slot - 1] == v)
            return slot - 1;
    }
}

void Dictionary::clear() {
    values_.clear();
    std::fill(slots_.begin(), slots_.end(), 0);
}

void Dictionary::write(std::string &out) const {
    putVarint(out, values_.size());
    uint64_t prev = 0;
    for (uint64_t v : values_) {
        putVarint(out, zigzag(v, prev));
        prev = v;
    }
}

bool Dictionary::read(Reader &r, std::vector<uint64_t> &values) {
    uint64_t n = 0;
    if (!r.count(n, 1, std::numeric_limits<uint32_t>::max(), "values"))
        return false;
    values.resize(n);
    uint64_t prev = 0;
    for (uint64_t &v : values) {
        uint64_t z = 0;
        if (!r.varint(z))
            return false;
        v = prev = unzigzag(z, prev);
    }
    return true;
}

struct Compressor::Ctx {
    struct Free {
        void operator()(ZSTD_CCtx *c) const { ZSTD_freeCCtx(c); }
    };
    std::unique_ptr<ZSTD_CCtx, Free> cctx{ZSTD_createCCtx()};
    std::string frame;
};

Compressor::Compressor(int level) : ctx_(std::make_unique<Ctx>()) {
    if (!ctx_->cctx)
        throw std::bad_alloc();
    // A checksum in every frame: a damaged page is refused, never read as other records.
    ZSTD_CCtx_setParameter(ctx_->cctx.get(), ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setParameter(ctx_->cctx.get(), ZSTD_c_checksumFlag, 1);
}

Compressor::~Compressor() = default;

void Compressor::pack(const std::string &page, std::string &out) {
    out.clear();
    std::string &frame = ctx_->frame;
    frame.resize(ZSTD_compressBound(page.size()));
    const size_t n =
        ZSTD_compress2(ctx_->cctx.get(), frame.data(), frame.size(), page.data(), page.size());
    const bool packed = ZSTD_isError(n) == 0 && n < page.size();
    out.push_back(static_cast<char>(packed ? kCodecZstd : kCodecStored));
    putVarint(out, page.size());
    if (packed)
        out.append(frame.data(), n);
    else
        out += page;
}

QString unpack(std::span<const uint8_t> stored, std::string &page) {
    Reader r(stored);
    uint8_t codec = 0;
    uint64_t size = 0;
    if (!r.u8(codec) || !r.varint(size))
        return r.error;
    if (size > kMaxPageBytes)
        return QCoreApplication::translate("nt::TraceFile",
                                           "it says it unpacks to %1 bytes, more than %2")
            .arg(size)
            .arg(kMaxPageBytes);
    const std::span<const uint8_t> body = stored.subspan(stored.size() - r.left());
    if (codec == kCodecStored) {
        if (body.size() != size)
            return QCoreApplication::translate("nt::TraceFile",
                                               "it holds %1 bytes where it says %2")
                .arg(body.size())
                .arg(size);
        page.assign(reinterpret_cast<const char *>(body.data()), body.size());
        return {};
    }
    if (codec != kCodecZstd)
        return QCoreApplication::translate("nt::TraceFile", "it is packed in an unknown way (%1)")
            .arg(codec);
    // The frame says its size too; checked before any memory is taken for it.
    const unsigned long long said = ZSTD_getFrameContentSize(body.data(), body.size());
    if (said != size)
        return QCoreApplication::translate("nt::TraceFile",
                                           "its packed frame does not say the page's size");
    page.resize(size);
    const size_t n = ZSTD_decompress(page.data(), page.size(), body.data(), body.size());
    if (ZSTD_isError(n) != 0)
        return QCoreApplication::translate("nt::TraceFile", "it cannot be unpacked: %1")
            .arg(QString::fromUtf8(ZSTD_getErrorName(n)));
    if (n != size)
        return QCoreApplication::translate("nt::TraceFile",
                                           "it unpacks to %1 bytes where it says %2")
            .arg(n)
            .arg(size);
    return {};
}

} // namespace nt::pages
