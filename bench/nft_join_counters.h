// One line of the assembler's nft join counters, for the benchmarks' figures.
#pragma once

#include "assembler.h"

#include <cstdio>

namespace nt::bench {

inline void printNftJoin(const AssemblerCounters &c, uint64_t nftRecords, FILE *out = stdout) {
    const double share = nftRecords != 0 ? 100.0 * static_cast<double>(c.unjoinedNft) /
                                               static_cast<double>(nftRecords)
                                         : 0.0;
    std::fprintf(out,
                 "  nft unjoined         %llu of %llu (%.2f %%): no packet %llu, ring-buffer loss "
                 "%llu, no IP header %llu, orphan %llu, duplicate %llu; trace-id collisions "
                 "%llu, NAT continued %llu\n",
                 static_cast<unsigned long long>(c.unjoinedNft),
                 static_cast<unsigned long long>(nftRecords), share,
                 static_cast<unsigned long long>(c.unjoinedNoPacket),
                 static_cast<unsigned long long>(c.unjoinedLoss),
                 static_cast<unsigned long long>(c.unjoinedNoHeader),
                 static_cast<unsigned long long>(c.unjoinedOrphan),
                 static_cast<unsigned long long>(c.unjoinedDuplicate),
                 static_cast<unsigned long long>(c.traceIdCollisions),
                 static_cast<unsigned long long>(c.natContinued));
}

} // namespace nt::bench
