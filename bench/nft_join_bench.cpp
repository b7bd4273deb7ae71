// Join cost of nft trace records: the recorded router trace (DNAT, masquerade, IPv6
// forwarding), replicated into many packets, assembled with and without its nft records.
// Run both modes under callgrind; the difference per nft record is the join cost:
//   valgrind --tool=callgrind --toggle-collect='*assembleCopies*' build/dev/bench/nft_join_bench
//   events valgrind --tool=callgrind --toggle-collect='*assembleCopies*'
//   build/dev/bench/nft_join_bench all
#include "assembler.h"
#include "nft_join_counters.h"
#include "replay.h"
#include "trace_stream.h"
#include "tracefile.h"

#include <cstdio>
#include <cstring>
#include <string>

namespace {

__attribute__((noinline)) size_t assembleCopies(const nt::Trace &t, bool withNft,
                                                nt::AssemblerCounters &counters) {
    nt::Assembler a(t.probes, t.dropReasons);
    const std::span<const nt::NftTraceRecord> nft = withNft
                                                        ? std::span<const nt::NftTraceRecord>(t.nft)
                                                        : std::span<const nt::NftTraceRecord>();
    nt::TimeMerge merge(std::span<const nt::PacketHeader>(t.packets), nft);
    auto onPacket = [&a](const nt::PacketHeader &h) { a.add(h); };
    auto onNft = [&a](const nt::NftTraceRecord &r) { a.add(r); };
    merge.feed(
        t.events, onPacket, [&a](const nt::Event &e) { a.add(e); }, onNft);
    merge.finish(onPacket, onNft);
    a.flush();
    counters = a.counters();
    return a.journeyCount();
}

} // namespace

int main(int argc, char **argv) {
    const bool withNft = argc < 2 || std::strcmp(argv[1], "events") != 0;
    const int copies = argc > 2 ? std::atoi(argv[2]) : 200;
    const nt::Trace recorded =
        nt::readTrace(std::string(NT_TEST_DATA_DIR) + "/recorded/router-nat.nftrace");
    const nt::Trace t = nt::bench::replicate(recorded, copies);
    nt::AssemblerCounters c;
    const size_t journeys = assembleCopies(t, withNft, c);
    std::printf("nft_join: %s, %zu events, %zu headers, %llu nft records, %zu journeys\n",
                withNft ? "with nft records" : "events only", t.events.size(), t.packets.size(),
                static_cast<unsigned long long>(c.nftRecords), journeys);
    nt::bench::printNftJoin(c, c.nftRecords);
    return 0;
}
