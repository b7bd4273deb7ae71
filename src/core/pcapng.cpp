// pcapng blocks (draft-ietf-opsawg-pcapng): SHB, IDB, EPB, each 32-bit aligned.
#include "pcapng.h"

#include "error.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>

namespace nt {
namespace {

constexpr uint32_t kShb = 0x0A0D0D0A;
constexpr uint32_t kIdb = 0x00000001;
constexpr uint32_t kEpb = 0x00000006;
constexpr uint16_t kLinktypeRaw = 101;
constexpr uint16_t kOptEnd = 0, kOptComment = 1;
constexpr uint16_t kShbHardware = 2, kShbOs = 3, kShbUserAppl = 4;
constexpr uint16_t kIfTsresol = 9;

void put16(std::string &s, uint16_t v) {
    s.append(reinterpret_cast<const char *>(&v), 2);
}
void put32(std::string &s, uint32_t v) {
    s.append(reinterpret_cast<const char *>(&v), 4);
}
void pad4(std::string &s) {
    while (s.size() % 4 != 0) {
        s.push_back('\0');
    }
}
void option(std::string &s, uint16_t code, const void *data, size_t len) {
    // Option lengths are 16 bits: longer values (huge comments) are cut, never overflowed.
    len = std::min<size_t>(len, 0xfff0);
    put16(s, code);
    put16(s, static_cast<uint16_t>(len));
    s.append(static_cast<const char *>(data), len);
    pad4(s);
}
void option(std::string &s, uint16_t code, const std::string &text) {
    option(s, code, text.data(), text.size());
}

QString ioError(const std::string &path) {
    return QCoreApplication::translate("nt::Pcapng", "cannot write %1: %2")
        .arg(QString::fromStdString(path), QString::fromUtf8(std::strerror(errno)));
}

} // namespace

void PcapngWriter::FileCloser::operator()(std::FILE *f) const {
    std::fclose(f);
}

PcapngWriter::PcapngWriter(const std::string &path, const std::string &application,
                           const std::string &os)
    : path_(path) {
    file_.reset(std::fopen(path.c_str(), "wb"));
    if (!file_) {
        throw Error(ioError(path));
    }
    std::string shb;
    put32(shb, 0x1A2B3C4D); // byte-order magic
    put16(shb, 1);
    put16(shb, 0);
    put32(shb, 0xFFFFFFFF); // section length unknown
    put32(shb, 0xFFFFFFFF);
    option(shb, kShbHardware, std::string("Linux kernel trace (nft-tracer)"));
    option(shb, kShbOs, os);
    option(shb, kShbUserAppl, application);
    option(shb, kOptEnd, nullptr, 0);
    block(kShb, shb);

    std::string idb;
    put16(idb, kLinktypeRaw);
    put16(idb, 0);
    put32(idb, 0); // no snap length limit
    const uint8_t nanoseconds = 9;
    option(idb, kIfTsresol, &nanoseconds, 1);
    option(idb, kOptEnd, nullptr, 0);
    block(kIdb, idb);
}

PcapngWriter::~PcapngWriter() = default;

void PcapngWriter::block(uint32_t type, const std::string &body) {
    const auto total = static_cast<uint32_t>(body.size() + 12);
    std::string b;
    b.reserve(total);
    put32(b, type);
    put32(b, total);
    b += body;
    put32(b, total);
    if (!file_ || std::fwrite(b.data(), 1, b.size(), file_.get()) != b.size()) {
        throw Error(ioError(path_));
    }
}

void PcapngWriter::write(int64_t wallNs, std::span<const uint8_t> data, uint32_t origLen,
                         const std::string &comment) {
    std::string epb;
    const auto ts = static_cast<uint64_t>(wallNs < 0 ? 0 : wallNs);
    put32(epb, 0); // interface 0
    put32(epb, static_cast<uint32_t>(ts >> 32));
    put32(epb, static_cast<uint32_t>(ts & 0xffffffffU));
    put32(epb, static_cast<uint32_t>(data.size()));
    put32(epb, std::max<uint32_t>(origLen, static_cast<uint32_t>(data.size())));
    epb.append(reinterpret_cast<const char *>(data.data()), data.size());
    pad4(epb);
    if (!comment.empty()) {
        option(epb, kOptComment, comment);
        option(epb, kOptEnd, nullptr, 0);
    }
    block(kEpb, epb);
}

void PcapngWriter::close() {
    if (!file_) {
        return;
    }
    std::FILE *f = file_.release();
    const bool ok = std::fflush(f) == 0;
    if (std::fclose(f) != 0 || !ok) {
        throw Error(ioError(path_));
    }
}

} // namespace nt
