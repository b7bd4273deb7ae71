// A live recording session: BPF probes, the nftables trace table and its netlink reader, set up
// together in one network namespace and torn down together. Writes no files.
#pragma once

#include "backends.h"
#include "bpf_tracer.h"
#include "event.h"
#include "functions.h"
#include "trace.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

namespace nt {

class Filter;
class KernelBtf;
class KernelSymbols;
class LinkWatcher;
class NetnsHandle;
class NftTraceReader;
class NftTraceTable;

struct RecorderOptions {
    std::string filter;      // filter language text; empty = everything
    std::string netns;       // NAME (/run/netns/NAME) or PATH; empty = the current one
    size_t ringbufBytes = 0; // 0: sized from the probes traced (ringBytesFor)
    bool nftTrace = true;    // install the nftables trace table
    // Kernel functions to trace besides the tracepoints. With no selection and no backend
    // forced: tracepoints only. With a function backend forced and no selection: priorities
    // 0 and 1, as the seed did.
    FunctionSelection functions;
    std::optional<Backend> backend; // nullopt: the best this kernel offers
    // Read nftables verdicts in BPF where a function backend is in use; false: always from
    // netlink trace messages.
    bool nftInKernel = true;
    // Discovery's result is cached per kernel build (discoveryCacheDir()); the helper, which
    // writes no files, scans BTF each time instead.
    bool discoveryCache = true;
};

// The ring buffer a recording of `functions` kernel functions (besides the tracepoints) needs:
// what arrives while the reader is away for one poll interval (RecordingLoop::kWaitMs, e.g. a
// file commit) at a flood rate of these machines (~250k packets/s untraced on veth), as a power
// of two between 8 and 256 MiB. A packet makes ~6 tracepoint events and crosses about a quarter
// of the functions traced (up to 100 of them); an event is 64 bytes in the ring. Tracepoints
// only: 16 MiB; the default function set (priorities 0-1, ~150 functions): 128 MiB.
size_t ringBytesFor(size_t functions);

class Recorder {
public:
    // Validates everything first (filter, namespace, root, BTF), then installs the probes and
    // the trace table. Throws nt::Error with a message naming what failed; on a throw nothing
    // stays installed.
    explicit Recorder(const RecorderOptions &options);
    ~Recorder();
    Recorder(const Recorder &) = delete;
    Recorder &operator=(const Recorder &) = delete;

    // Metadata known at start: host, kernel, backend, filter, namespace, start times.
    const TraceMeta &meta() const { return meta_; }
    const std::vector<ProbeDesc> &probes() const;
    const std::vector<std::string> &dropReasons() const { return dropReasons_; }
    const std::string &rulesetJson() const { return ruleset_; }
    const std::string &nftTableName() const;
    // What the nftables trace tables do not cover (a family or hook the kernel refused), one
    // sentence each; empty when nothing is missing or nft tracing is off.
    std::vector<QString> nftNotCovered() const;

    // The backend in use, and what each backend's check answered (why the others are not used).
    Backend backend() const { return backend_; }
    const std::vector<BackendCheck> &backendChecks() const { return backendChecks_; }
    // Whether nftables' rule evaluations are read in BPF (function probes on the kernel's trace
    // function) rather than from NFNLGRP_NFTRACE; when nft tracing is on and they are not, why.
    bool nftTraceInBpf() const { return nftInBpf_; }
    const std::string &nftTraceBpfError() const { return nftTraceError_; }
    // Base chain verdicts (nft_do_chain's return) read in BPF: empty when they are, else why
    // not (only asked when nftTraceInBpf()).
    const std::string &nftChainVerdictError() const { return nftChainError_; }
    // Functions named by the selection that this kernel does not have (skipped).
    const std::vector<std::string> &missingFunctions() const { return missingFunctions_; }

    // Descriptors to wait on (BPF ring buffer, nft netlink socket).
    std::vector<int> fds() const;

    // Records per source a consumer should take per poll: bounded batches let both sources
    // take turns under a flood (and keep stream frames small).
    static constexpr size_t kPollBatch = 8192;
    // Reads whatever is waiting on both sources (waits up to timeoutMs for the BPF side), at
    // most `maxRecords` BPF records and `maxRecords` nft records.
    void poll(int timeoutMs, RecordBatch &bpf, std::vector<NftTraceRecord> &nft,
              size_t maxRecords = SIZE_MAX);

    // Interface names of the traced namespace observed since the last call: every interface
    // at the first call, then those added or renamed (read by poll()).
    std::vector<InterfaceName> takeInterfaces();

    // Names for the kernel addresses in `events` not named before (free locations).
    std::vector<KernelSymbol> newSymbols(std::span<const Event> events);

    // Detaches the probes, reads what is still buffered into the outputs, removes the trace
    // table. Safe to call twice; the destructor calls it.
    void stop(RecordBatch &bpf, std::vector<NftTraceRecord> &nft);
    bool stopped() const { return stopped_; }

    // Counters as of now; final after stop().
    LossCounters counters() const;

private:
    void drainNft(std::vector<NftTraceRecord> &nft, size_t maxRecords = SIZE_MAX);
    void takeBpfNft(std::vector<NftTraceRecord> &nft);

    TraceMeta meta_;
    Backend backend_ = Backend::Tracepoint;
    std::vector<BackendCheck> backendChecks_;
    std::vector<std::string> missingFunctions_;
    std::vector<ProbeDesc> probes_; // kept after stop()
    std::vector<std::string> dropReasons_;
    std::string ruleset_;
    std::unique_ptr<NetnsHandle> netns_;
    std::unique_ptr<KernelBtf> btf_;
    std::unique_ptr<KernelSymbols> symbols_;
    std::unordered_set<uint64_t> named_;
    std::unique_ptr<LinkWatcher> links_;
    std::vector<InterfaceName> interfaces_; // observed, not yet taken
    std::unique_ptr<NftTraceReader> nftReader_;
    std::unique_ptr<NftTraceTable> nftTable_;
    std::unique_ptr<BpfTracer> bpf_;
    LossCounters finalCounters_;
    bool stopped_ = false;
    bool nftInBpf_ = false;
    std::string nftTraceError_;
    std::string nftChainError_;
};

// CLOCK_MONOTONIC / CLOCK_REALTIME now, in ns.
uint64_t monotonicNs();
int64_t realtimeNs();

} // namespace nt
