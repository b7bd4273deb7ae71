// A minimal pcapng writer: raw IP packets with a comment each, readable by Wireshark/tshark.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>

namespace nt {

class PcapngWriter {
public:
    // Creates `path` (replacing it) with a section header and one interface of link type
    // LINKTYPE_RAW (IPv4/IPv6 from the network header) and nanosecond timestamps.
    // Throws nt::Error when the file cannot be written.
    PcapngWriter(const std::string &path, const std::string &application, const std::string &os);
    ~PcapngWriter();
    PcapngWriter(const PcapngWriter &) = delete;
    PcapngWriter &operator=(const PcapngWriter &) = delete;

    // One Enhanced Packet Block; `wallNs` is CLOCK_REALTIME in ns, `origLen` the packet's
    // length on the wire (≥ data.size()), `comment` UTF-8 text shown as the packet comment.
    void write(int64_t wallNs, std::span<const uint8_t> data, uint32_t origLen,
               const std::string &comment);
    // Flushes and closes; throws nt::Error on a write error (disk full). The destructor closes
    // silently.
    void close();

private:
    void block(uint32_t type, const std::string &body);
    struct FileCloser {
        void operator()(std::FILE *f) const;
    };
    std::unique_ptr<std::FILE, FileCloser> file_;
    std::string path_;
};

} // namespace nt
