// The BPF side of a recording: loads the programs, attaches the tracepoints and the chosen
// kernel functions with the chosen backend, reads the ring buffer.
#pragma once

#include "backends.h"
#include "event.h"
#include "functions.h"
#include "nft_trace_probe.h"
#include "probes.h"
#include "unique_fd.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

struct nt_trace;
struct ring_buffer;
struct bpf_link;
struct bpf_program;
struct btf;

namespace nt {

class KernelBtf;

struct BpfTracerOptions {
    nt_filter filter{};              // from Filter::toBpf(); enabled = 0 traces everything
    uint32_t netns = 0;              // inode; 0 = every namespace
    size_t ringbufBytes = 16u << 20; // rounded up to a power of two
    // Kernel functions to trace besides the tracepoints; function i gets probe id
    // NT_PROBE_FUNCTION_BASE + i in the catalogue (see ProbeCatalogue). Ignored with
    // Backend::Tracepoint.
    std::vector<KernelFunction> functions;
    Backend backend = Backend::Tracepoint;
    // Read nftables' rule evaluations of traced packets in the kernel's trace function
    // (needs a function backend); see nftTraceProbe() for whether that worked.
    bool nftTrace = false;
};

class BpfTracer {
public:
    // Loads and attaches; throws nt::Error when nothing can be attached (not root, no BTF,
    // BPF refused). Probes the kernel does not offer, and functions that refuse to attach, are
    // skipped and listed in probes() with the kernel's reason; the others go on. On a throw
    // every link made so far is closed again.
    BpfTracer(const KernelBtf &btf, const BpfTracerOptions &options);
    ~BpfTracer();
    BpfTracer(const BpfTracer &) = delete;
    BpfTracer &operator=(const BpfTracer &) = delete;

    const std::vector<ProbeDesc> &probes() const { return probes_; }
    // Wall time attaching the kernel functions took (for the benchmarks).
    uint64_t functionAttachNs() const { return functionAttachNs_; }
    int attachedCount() const;

    // File descriptor that becomes readable when a batch of records waits (for poll/epoll). The
    // programs submit without waking the reader below that (see ringWakeupBytes in the .cpp), so
    // a reader must also read after a timeout: the recording loop does every kWaitMs.
    int fd() const;
    // Waits up to timeoutMs (0: do not wait) or until a batch waits, then appends the waiting
    // records to `out`, at most
    // `maxRecords` (the rest stays in the ring buffer for the next call). Returns the number of
    // records read.
    int poll(int timeoutMs, RecordBatch &out, size_t maxRecords = SIZE_MAX);

    // Moves the nft rule evaluations read in BPF by the last polls into `out` (appended).
    void takeNft(std::vector<NftTraceRecord> &out);
    // The nft trace function probed, or (version 0) why it is not; chainError empty when the
    // chain verdicts (nft_do_chain's return) are read too.
    const NftTraceProbe &nftTraceProbe() const { return nftProbe_; }

    // Sums of the per-CPU counters: submitted, filtered and lost records.
    LossCounters counters() const;

    // Detaches every program (also done by the destructor).
    void detach();

private:
    static int onRecord(void *ctx, void *data, size_t size);
    size_t limit_ = SIZE_MAX; // records in *sink_ at which onRecord stops the consumer

    struct SkelDeleter {
        void operator()(nt_trace *s) const;
    };
    struct RingDeleter {
        void operator()(ring_buffer *r) const;
    };
    struct LinkDeleter {
        void operator()(bpf_link *l) const;
    };
    using LinkPtr = std::unique_ptr<bpf_link, LinkDeleter>;

    std::string load(const KernelBtf &btf, const BpfTracerOptions &options, bool withNft);
    void describeTracepoints(const KernelBtf &btf);
    void disableFunctionPrograms();
    std::string chooseFunctionPrograms(const BpfTracerOptions &options);
    struct bpf_program *nftProgram(Backend backend, int version) const;
    void prepareNftProgram(const BpfTracerOptions &options);
    void attachNft(const BpfTracerOptions &options);
    void attachNftChain(const BpfTracerOptions &options);
    void attachFunctions(const BpfTracerOptions &options, const struct btf *vmlinux);
    // The generic program of `backend` for program index i (see programIndex()).
    struct bpf_program *functionProgram(Backend backend, size_t i) const;
    void attachMulti(struct bpf_program *prog, const std::vector<size_t> &which);
    void attachKprobes(struct bpf_program *prog, const std::vector<size_t> &which);
    void attachFentry(struct bpf_program *prog, const std::vector<size_t> &which,
                      const struct btf *vmlinux);
    std::unique_ptr<nt_trace, SkelDeleter> skel_;
    std::unique_ptr<ring_buffer, RingDeleter> ring_;
    std::vector<ProbeDesc> probes_;
    // This recording's probes; the functions are chosen by options.functions and the backend.
    ProbeCatalogue catalogue_;
    std::span<const ProbeEntry> functions() const { return catalogue_.functionEntries(); }
    uint64_t functionAttachNs_ = 0;
    size_t firstFunction_ = 0; // index in probes_ of function 0
    // Links and fentry program copies are file descriptors: closing them (here, on a throw, or
    // by the kernel when the process dies) detaches, so no probe outlives the recorder.
    std::vector<LinkPtr> links_;
    std::vector<UniqueFd> fentryFds_;
    RecordBatch *sink_ = nullptr;
    NftTraceProbe nftProbe_;
    int loadErr_ = 0;                 // what nt_trace__load() returned when it failed
    std::vector<NftTraceRecord> nft_; // read, not yet taken
};

} // namespace nt
