// The recording loop: poll, read bounded batches, assemble or count journeys, hand over, stop.
#include "recording_loop.h"

#include "error.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>

namespace nt {

RecordingLoop::RecordingLoop(Recorder &recorder, RecordingLimits limits, bool assemble,
                             size_t assembleMemoryBytes)
    : recorder_(recorder), limits_(limits), assemble_(assemble),
      assembleMemoryBytes_(assembleMemoryBytes) {
    // The limit counts journeys, as the report does, so it needs the assembler too.
    if (assemble_ || limits_.maxJourneys != 0) {
        assembler_ = std::make_unique<Assembler>(recorder_.probes(), recorder_.dropReasons());
    }
}

void RecordingLoop::handOver(RecordingSink &sink, bool final) {
    const std::vector<InterfaceName> interfaces = recorder_.takeInterfaces();
    if (batch_.empty() && nft_.empty() && interfaces.empty() && !final) {
        return;
    }
    const std::vector<KernelSymbol> symbols = recorder_.newSymbols(batch_.events);
    if (assembler_) {
        Assembler &a = *assembler_;
        batch_.visit(
            [&](const PacketHeader &h) {
                a.add(h);
                sink.added(h);
            },
            [&](const Event &e) {
                a.add(e);
                sink.added(e);
            });
        for (const NftTraceRecord &r : nft_) {
            a.add(r);
            sink.added(r);
        }
    }
    sink.records(batch_, nft_, interfaces, symbols, final);
    batch_.clear();
    nft_.clear();
}

// nft records that then find no packet are counted as lost to the ring buffer (the assembler
// and the sink both learn when).
void RecordingLoop::checkLoss(RecordingSink &sink, uint64_t now) {
    const uint64_t lost = recorder_.counters().ringbufFull;
    if (lost <= lostSoFar_) {
        return;
    }
    lostSoFar_ = lost;
    if (assembler_) {
        assembler_->noteLoss(now);
    }
    sink.lost(now, lost);
}

uint64_t RecordingLoop::journeys() const {
    return journeysBefore_ + (assembler_ ? assembler_->journeyCount() : 0);
}

void RecordingLoop::boundMemory(RecordingSink &sink) {
    const size_t bound = assemble_ ? assembleMemoryBytes_ : kCountingMemoryBytes;
    if (!assembler_ || bound == 0 || assembler_->memoryBytes() < bound) {
        return;
    }
    auto fresh = std::make_unique<Assembler>(recorder_.probes(), recorder_.dropReasons());
    if (assemble_) {
        assembler_->flush();
        sink.assemblerReplaced(*assembler_, *fresh);
    }
    journeysBefore_ += assembler_->journeyCount();
    assembler_ = std::move(fresh);
}

LoopEnd RecordingLoop::run(RecordingSink &sink) {
    const uint64_t start = monotonicNs();
    const uint64_t deadline = limits_.durationNs != 0 ? start + limits_.durationNs : UINT64_MAX;
    uint64_t lastLossCheck = start;
    const std::vector<int> sources = recorder_.fds();
    LoopEnd end = LoopEnd::Stopped;
    while (true) {
        std::vector<pollfd> pfds = sink.waitFds();
        const size_t own = pfds.size();
        const bool reading = sink.readyForRecords();
        if (reading) {
            for (int fd : sources) {
                pfds.push_back({fd, POLLIN, 0});
            }
        }
        if (::poll(pfds.data(), pfds.size(), kWaitMs) < 0 && errno != EINTR) {
            throw Error(QCoreApplication::translate("nt::Recorder", "poll failed: %1")
                            .arg(QString::fromUtf8(strerror(errno))));
        }
        if (!sink.afterWait(std::span<const pollfd>(pfds.data(), own))) {
            break;
        }
        if (reading) {
            recorder_.poll(0, batch_, nft_, Recorder::kPollBatch);
            handOver(sink, false);
        }
        const uint64_t now = monotonicNs();
        if (now - lastLossCheck >= kLossCheckNs) {
            checkLoss(sink, now);
            boundMemory(sink);
            lastLossCheck = now;
        }
        sink.tick(now);
        if (now >= deadline) {
            end = LoopEnd::Duration;
            break;
        }
        if (limits_.maxJourneys != 0 && journeys() >= limits_.maxJourneys) {
            end = LoopEnd::MaxJourneys;
            break;
        }
    }
    // Teardown first: probes and the nft table go before the last records are handed over.
    checkLoss(sink, monotonicNs());
    recorder_.stop(batch_, nft_);
    handOver(sink, true);
    if (assemble_) {
        assembler_->flush();
    }
    return end;
}

} // namespace nt
