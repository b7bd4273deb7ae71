// Fuzzes the trace file reader: arbitrary bytes as a .nftrace file must give nt::Error, never a
// crash. A file shorter than its header says is read up to its cut (the seed corpus has one).
#include "tracefile.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace {

std::string tempPath() {
    const char *dir = std::getenv("TMPDIR");
    return std::string(dir && *dir ? dir : "/tmp") + "/nt_tracefile_fuzz_" +
           std::to_string(getpid()) + ".nftrace";
}

} // namespace

// Removes the scratch file when the fuzzer exits.
struct ScratchFile {
    std::string path = tempPath();
    ~ScratchFile() { ::unlink(path.c_str()); }
};

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const ScratchFile scratch;
    const std::string &path = scratch.path;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return 0;
    size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, data + done, size - done);
        if (n <= 0)
            break;
        done += size_t(n);
    }
    ::close(fd);
    try {
        uint64_t calls = 0;
        QString damage;
        nt::Trace t = nt::readTrace(
            path,
            [&calls](uint64_t done, uint64_t total) {
                // A reader that trusts the file could report progress past the end.
                if (done > total)
                    __builtin_trap();
                return ++calls < 1000000;
            },
            &damage);
        // What a cut-off file lost is said; a whole file has nothing to say.
        if (damage.isEmpty() == nt::readTraceInfo(path).truncated)
            __builtin_trap();
        // Everything read must satisfy the limits the reader promises.
        for (const nt::PacketHeader &p : t.packets)
            if (p.data.size() > NT_PACKET_CAPLEN)
                __builtin_trap();
        for (const nt::NftTraceRecord &r : t.nft)
            if (uint8_t(r.type) > uint8_t(nt::NftTraceType::Rule) ||
                r.llHeader.size() > nt::kMaxNftHeaderBytes)
                __builtin_trap();
        if (t.dropReasons.size() > nt::kMaxDropReasons)
            __builtin_trap();
    } catch (const nt::Error &) {
        // Refusing a damaged or foreign file is the expected outcome.
    }
    return 0;
}
