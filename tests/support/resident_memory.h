// A process's resident memory, from /proc: the soak test and the recording benchmark sample it.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <fstream>
#include <string>

namespace nt::test {

// VmRSS of `pid` in KiB; 0 once the process is gone.
inline uint64_t residentKiB(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::stoull(line.substr(6));
        }
    }
    return 0;
}

} // namespace nt::test
