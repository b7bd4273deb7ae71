// The recording loop shared by `nft-tracer-cli record` and the helper's sessions: wait on the
// recorder's sources, read bounded batches, hand them to a sink, stop on a request, the
// duration or the journey limit, then tear down and hand over what was still buffered.
#pragma once

#include "assembler.h"
#include "recorder.h"

#include <poll.h>

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace nt {

struct RecordingLimits {
    uint64_t durationNs = 0;  // 0: until stopped
    uint64_t maxJourneys = 0; // --max-packets / max_packets: packets (journeys); 0: no limit
};

// Why a recording loop ended.
enum class LoopEnd {
    Stopped,     // the sink asked to stop (a signal, StopTrace, the client left)
    Duration,    // RecordingLimits::durationNs passed
    MaxJourneys, // RecordingLimits::maxJourneys journeys were seen
};

// What the loop's owner does with the records; every call comes from the loop's thread.
class RecordingSink {
public:
    virtual ~RecordingSink() = default;
    RecordingSink() = default;
    RecordingSink(const RecordingSink &) = delete;
    RecordingSink &operator=(const RecordingSink &) = delete;

    // Descriptors to wait on besides the recorder's (a stop request, an output socket).
    virtual std::vector<pollfd> waitFds() { return {}; }
    // After each wait, with `waitFds()`'s entries and their revents. False ends the loop
    // (LoopEnd::Stopped): the sink's owner knows why.
    virtual bool afterWait(std::span<const pollfd> fds) {
        (void)fds;
        return true;
    }
    // False while the output is backed up: the recorder is not read, so a slow consumer shows
    // as ring-buffer loss counted by the BPF side.
    virtual bool readyForRecords() { return true; }
    // Records read since the last call (either may be empty), with the interface names and
    // kernel symbols first seen in them. `final`: the last call, after the probes are gone.
    virtual void records(const RecordBatch &batch, const std::vector<NftTraceRecord> &nft,
                         const std::vector<InterfaceName> &interfaces,
                         const std::vector<KernelSymbol> &symbols, bool final) = 0;
    // With an assembling loop: each record right after the assembler took it, in arrival
    // order (live lines see the journey as of that record).
    virtual void added(const PacketHeader &header) { (void)header; }
    virtual void added(const Event &event) { (void)event; }
    virtual void added(const NftTraceRecord &record) { (void)record; }
    // A bounded assembling loop (RecordingLoop's assembleMemoryBytes) flushed `old`, which
    // reached its bound, and goes on with `fresh`: whatever refers to `old` must move to `fresh`
    // now. Journeys open at that moment were completed as in flight; their later events start
    // new journeys in `fresh`.
    virtual void assemblerReplaced(const Assembler &old, const Assembler &fresh) {
        (void)old;
        (void)fresh;
    }
    // The ring buffer lost records: `total` lost so far, noticed at `nowNs` (monotonic).
    virtual void lost(uint64_t nowNs, uint64_t total) {
        (void)nowNs;
        (void)total;
    }
    // Once per round (about every kWaitMs), for periodic work (commits, counters).
    virtual void tick(uint64_t nowNs) { (void)nowNs; }
};

class RecordingLoop {
public:
    // How long one wait lasts at most: the loop notices limits and the sink's periodic work
    // this often.
    static constexpr int kWaitMs = 100;
    // How often ring-buffer loss is checked.
    static constexpr uint64_t kLossCheckNs = 50'000'000;

    // An assembler that only counts journeys for the limit starts afresh beyond this size, so
    // a long session with a high limit holds bounded memory (the journeys open at that moment
    // may be counted twice: the limit is reached a few packets early, never late).
    static constexpr size_t kCountingMemoryBytes = 64u << 20;

    // `assemble`: journeys are assembled for the owner (assembler()). Otherwise an assembler
    // runs only when the journey limit needs one to count. `assembleMemoryBytes` (when
    // assembling; 0: unbounded): beyond it the assembler is flushed and replaced by a fresh one
    // (RecordingSink::assemblerReplaced), so a recording of any length holds bounded memory.
    RecordingLoop(Recorder &recorder, RecordingLimits limits, bool assemble,
                  size_t assembleMemoryBytes = 0);

    // Runs until the sink, the duration or the journey limit stops it; then stops the recorder
    // and hands the sink the last records (final = true). Errors of the recorder or the sink
    // propagate; the recorder is then still to be stopped by its owner.
    LoopEnd run(RecordingSink &sink);

    // The journeys (after run(): flushed, every journey completed), since the assembler was last
    // replaced. Null unless assembling.
    Assembler *assembler() { return assemble_ ? assembler_.get() : nullptr; }
    // Journeys seen, by every assembler the loop used.
    uint64_t journeys() const;

private:
    void handOver(RecordingSink &sink, bool final);
    void checkLoss(RecordingSink &sink, uint64_t now);
    void boundMemory(RecordingSink &sink);

    Recorder &recorder_;
    RecordingLimits limits_;
    bool assemble_;
    size_t assembleMemoryBytes_;
    std::unique_ptr<Assembler> assembler_;
    uint64_t journeysBefore_ = 0; // counted by assemblers replaced
    uint64_t lostSoFar_ = 0;
    RecordBatch batch_;
    std::vector<NftTraceRecord> nft_;
};

} // namespace nt
