// The tracepoint backend: loads the BPF programs, attaches what the kernel allows, reads the
// ring buffer.
#pragma once

#include "event.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct nt_trace;
struct ring_buffer;

namespace nt {

class KernelBtf;

struct BpfTracerOptions {
    nt_filter filter{};              // from Filter::toBpf(); enabled = 0 traces everything
    uint32_t netns = 0;              // inode; 0 = every namespace
    size_t ringbufBytes = 16u << 20; // rounded up to a power of two
};

class BpfTracer {
public:
    // Loads and attaches; throws nt::Error when nothing can be attached (not root, no BTF,
    // BPF refused). Probes the kernel does not offer are skipped and listed in probes().
    BpfTracer(const KernelBtf &btf, const BpfTracerOptions &options);
    ~BpfTracer();
    BpfTracer(const BpfTracer &) = delete;
    BpfTracer &operator=(const BpfTracer &) = delete;

    const std::vector<ProbeDesc> &probes() const { return probes_; }
    int attachedCount() const;

    // File descriptor that becomes readable when records wait (for poll/epoll).
    int fd() const;
    // Waits up to timeoutMs (0: do not wait) and appends the waiting records to `out`, at most
    // `maxRecords` (the rest stays in the ring buffer for the next call). Returns the number of
    // records read.
    int poll(int timeoutMs, RecordBatch &out, size_t maxRecords = SIZE_MAX);

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
    std::unique_ptr<nt_trace, SkelDeleter> skel_;
    std::unique_ptr<ring_buffer, RingDeleter> ring_;
    std::vector<ProbeDesc> probes_;
    RecordBatch *sink_ = nullptr;
};

} // namespace nt
