// libbpf side of the tracepoint backend.
#include "bpf_tracer.h"

#include "error.h"
#include "kernel_info.h"
#include "layers.h"

#include "nt_trace.skel.h"

#include <QCoreApplication>

#include <bpf/libbpf.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace nt {
namespace {

// What each program expects of its tracepoint's arguments, checked against the running
// kernel's BTF before loading, so a changed signature disables one probe instead of
// feeding it garbage.
struct ArgCheck {
    int index;
    const char *structName; // "" = an integer
};
struct ProgramSpec {
    const char *program;
    uint16_t probe;
    std::vector<ArgCheck> args;
    // The program for the tracepoint's older form, which lacks the last argument of `args`.
    const char *older = nullptr;
};

const std::vector<ProgramSpec> &programSpecs() {
    static const std::vector<ProgramSpec> specs = {
        {"nt_netif_receive_skb", NT_PROBE_NETIF_RECEIVE_SKB, {{0, "sk_buff"}}},
        {"nt_netif_rx", NT_PROBE_NETIF_RX, {{0, "sk_buff"}}},
        {"nt_napi_gro_receive_entry", NT_PROBE_NAPI_GRO_RECEIVE_ENTRY, {{0, "sk_buff"}}},
        {"nt_napi_gro_receive_exit", NT_PROBE_NAPI_GRO_RECEIVE_EXIT, {{0, ""}}},
        {"nt_net_dev_queue", NT_PROBE_NET_DEV_QUEUE, {{0, "sk_buff"}}},
        {"nt_net_dev_start_xmit", NT_PROBE_NET_DEV_START_XMIT, {{0, "sk_buff"}}},
        {"nt_net_dev_xmit", NT_PROBE_NET_DEV_XMIT, {{0, "sk_buff"}, {1, ""}, {2, "net_device"}}},
        {"nt_qdisc_enqueue", NT_PROBE_QDISC_ENQUEUE, {{0, "Qdisc"}, {2, "sk_buff"}}},
        {"nt_qdisc_dequeue", NT_PROBE_QDISC_DEQUEUE, {{0, "Qdisc"}, {2, ""}, {3, "sk_buff"}}},
        {"nt_kfree_skb", NT_PROBE_KFREE_SKB, {{0, "sk_buff"}, {2, ""}}},
        // consume_skb has its location argument since Linux 6.3 (Debian 12 runs 6.1).
        {"nt_consume_skb", NT_PROBE_CONSUME_SKB, {{0, "sk_buff"}, {1, "*"}}, "nt_consume_skb_v1"},
        {"nt_skb_copy_datagram_iovec", NT_PROBE_SKB_COPY_DATAGRAM_IOVEC, {{0, "sk_buff"}, {1, ""}}},
        {"nt_tcp_probe", NT_PROBE_TCP_PROBE, {{1, "sk_buff"}}},
        {"nt_tcp_retransmit_skb", NT_PROBE_TCP_RETRANSMIT_SKB, {{1, "sk_buff"}}},
        {"nt_tcp_send_reset", NT_PROBE_TCP_SEND_RESET, {{1, "sk_buff"}}},
        {"nt_tcp_bad_csum", NT_PROBE_TCP_BAD_CSUM, {{0, "sk_buff"}}},
        {"nt_udp_fail_queue_rcv_skb", NT_PROBE_UDP_FAIL_QUEUE_RCV_SKB, {{0, ""}, {2, "sk_buff"}}},
        {"nt_sock_rcvqueue_full", NT_PROBE_SOCK_RCVQUEUE_FULL, {{1, "sk_buff"}}},
        {"nt_fib_table_lookup", NT_PROBE_FIB_TABLE_LOOKUP, {{0, ""}, {1, "flowi4"}, {3, ""}}},
        {"nt_fib6_table_lookup", NT_PROBE_FIB6_TABLE_LOOKUP, {{3, "flowi6"}}},
    };
    return specs;
}

// Empty when the first `count` checks of `args` hold for the tracepoint, or why not.
std::string checkArgs(const KernelBtf &btf, const std::string &tracepoint,
                      const std::vector<ArgCheck> &args, size_t count) {
    for (size_t i = 0; i < count && i < args.size(); ++i) {
        std::string error = btf.checkTracepointArg(tracepoint, args[i].index, args[i].structName);
        if (!error.empty()) {
            return error;
        }
    }
    return {};
}

size_t roundUpPow2(size_t v) {
    size_t p = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    while (p < v) {
        p <<= 1;
    }
    return p;
}

QString errnoText(int err) {
    return QString::fromUtf8(std::strerror(err < 0 ? -err : err));
}

} // namespace

void BpfTracer::SkelDeleter::operator()(nt_trace *s) const {
    nt_trace__destroy(s);
}
void BpfTracer::RingDeleter::operator()(ring_buffer *r) const {
    ring_buffer__free(r);
}

BpfTracer::BpfTracer(const KernelBtf &btf, const BpfTracerOptions &options) {
    if (geteuid() != 0) {
        throw Error(QCoreApplication::translate(
            "nt::BpfTracer", "recording needs root: BPF programs and the nftables trace table can "
                             "only be installed by root. Run `sudo nft-tracer-cli record ...`."));
    }
    quietLibbpf();
    skel_.reset(nt_trace__open());
    if (!skel_) {
        throw Error(QCoreApplication::translate("nt::BpfTracer", "cannot open the BPF object: %1")
                        .arg(errnoText(errno)));
    }
    bpf_map__set_max_entries(skel_->maps.nt_records,
                             static_cast<__u32>(roundUpPow2(options.ringbufBytes)));

    for (const ProgramSpec &spec : programSpecs()) {
        struct bpf_program *prog = bpf_object__find_program_by_name(skel_->obj, spec.program);
        const char *tp = tracepointName(spec.probe);
        ProbeDesc desc;
        desc.id = spec.probe;
        desc.name = tp != nullptr ? tp : spec.program;
        desc.kind = "tracepoint";
        if (prog == nullptr) {
            desc.error = "program missing from the BPF object";
        } else {
            desc.error = checkArgs(btf, desc.name, spec.args, spec.args.size());
            if (spec.older != nullptr) {
                struct bpf_program *older =
                    bpf_object__find_program_by_name(skel_->obj, spec.older);
                const bool useOlder =
                    older != nullptr && !desc.error.empty() &&
                    checkArgs(btf, desc.name, spec.args, spec.args.size() - 1).empty();
                if (older != nullptr) {
                    bpf_program__set_autoload(older, useOlder);
                }
                if (useOlder) {
                    desc.error.clear();
                    bpf_program__set_autoload(prog, false);
                }
            }
            if (!desc.error.empty()) {
                bpf_program__set_autoload(prog, false);
            }
        }
        probes_.push_back(std::move(desc));
    }

    if (int err = nt_trace__load(skel_.get()); err != 0) {
        throw Error(QCoreApplication::translate(
                        "nt::BpfTracer",
                        "the kernel refused the BPF programs (%1). Check that this kernel "
                        "allows BPF tracing programs (CONFIG_BPF_SYSCALL, "
                        "kernel.unprivileged_bpf_disabled does not matter for root) and that "
                        "no security module (lockdown=confidentiality) blocks them.")
                        .arg(errnoText(err)));
    }

    const __u32 zero = 0;
    nt_config cfg{};
    cfg.netns = options.netns;
    if (bpf_map__update_elem(skel_->maps.nt_config_map, &zero, sizeof zero, &cfg, sizeof cfg,
                             BPF_ANY) != 0 ||
        bpf_map__update_elem(skel_->maps.nt_filter_map, &zero, sizeof zero, &options.filter,
                             sizeof options.filter, BPF_ANY) != 0) {
        throw Error(
            QCoreApplication::translate("nt::BpfTracer", "cannot configure the BPF filter: %1")
                .arg(errnoText(errno)));
    }

    for (size_t i = 0; i < programSpecs().size(); ++i) {
        ProbeDesc &desc = probes_[i];
        if (!desc.error.empty()) {
            continue;
        }
        const ProgramSpec &spec = programSpecs()[i];
        struct bpf_program *prog = bpf_object__find_program_by_name(skel_->obj, spec.program);
        if (spec.older != nullptr && !bpf_program__autoload(prog)) {
            prog = bpf_object__find_program_by_name(skel_->obj, spec.older);
        }
        struct bpf_link *link = bpf_program__attach(prog);
        if (link == nullptr) {
            desc.error = std::string("attach failed: ") + std::strerror(errno);
            continue;
        }
        // The skeleton owns the links array entries and destroys them with the skeleton.
        for (int l = 0; l < skel_->skeleton->prog_cnt; ++l) {
            if (*skel_->skeleton->progs[l].prog == prog) {
                *skel_->skeleton->progs[l].link = link;
            }
        }
        desc.attached = true;
    }
    if (attachedCount() == 0) {
        throw Error(
            QCoreApplication::translate("nt::BpfTracer", "no tracepoint could be attached: %1")
                .arg(QString::fromStdString(probes_.front().error)));
    }

    ring_.reset(
        ring_buffer__new(bpf_map__fd(skel_->maps.nt_records), &BpfTracer::onRecord, this, nullptr));
    if (!ring_) {
        throw Error(
            QCoreApplication::translate("nt::BpfTracer", "cannot map the BPF ring buffer: %1")
                .arg(errnoText(errno)));
    }
}

BpfTracer::~BpfTracer() = default;

int BpfTracer::attachedCount() const {
    int n = 0;
    for (const ProbeDesc &p : probes_) {
        n += p.attached ? 1 : 0;
    }
    return n;
}

int BpfTracer::fd() const {
    return ring_ ? ring_buffer__epoll_fd(ring_.get()) : -1;
}

namespace {
// What onRecord returns to stop libbpf's consumer loop once a batch is full (any negative value
// stops it; this one is not an error code libbpf itself returns while consuming).
constexpr int kBatchFull = -ENOSPC;
} // namespace

int BpfTracer::onRecord(void *ctx, void *data, size_t size) {
    auto *self = static_cast<BpfTracer *>(ctx);
    RecordBatch *out = self->sink_;
    const auto *bytes = static_cast<const uint8_t *>(data);
    if (out == nullptr || size == 0) {
        return 0;
    }
    if (bytes[0] == NT_REC_EVENT && size >= sizeof(nt_event)) {
        Event e;
        std::memcpy(&e, data, sizeof e);
        out->events.push_back(e);
    } else if (bytes[0] == NT_REC_PACKET && size >= sizeof(nt_packet)) {
        const auto *p = static_cast<const nt_packet *>(data);
        PacketHeader h;
        h.skb = p->skb;
        h.tsNs = p->ts_ns;
        h.netns = p->netns;
        h.len = p->len;
        h.protocol = p->protocol;
        const size_t caplen = std::min<size_t>(p->caplen, NT_PACKET_CAPLEN);
        h.data.assign(p->data, p->data + caplen);
        out->packetBefore.push_back(out->events.size());
        out->packets.push_back(std::move(h));
    }
    // The record is consumed either way; stopping here leaves the rest for the next poll.
    return out->events.size() + out->packets.size() >= self->limit_ ? kBatchFull : 0;
}

int BpfTracer::poll(int timeoutMs, RecordBatch &out, size_t maxRecords) {
    if (!ring_) {
        return 0;
    }
    sink_ = &out;
    const size_t before = out.events.size() + out.packets.size();
    limit_ = maxRecords > SIZE_MAX - before ? SIZE_MAX : before + maxRecords;
    const int rc = timeoutMs > 0 ? ring_buffer__poll(ring_.get(), timeoutMs)
                                 : ring_buffer__consume(ring_.get());
    sink_ = nullptr;
    if (rc < 0 && rc != -EINTR && rc != kBatchFull) {
        throw Error(
            QCoreApplication::translate("nt::BpfTracer", "reading the BPF ring buffer failed: %1")
                .arg(errnoText(rc)));
    }
    return static_cast<int>(out.events.size() + out.packets.size() - before);
}

LossCounters BpfTracer::counters() const {
    LossCounters c;
    if (!skel_) {
        return c;
    }
    const int ncpu = libbpf_num_possible_cpus();
    if (ncpu <= 0) {
        return c;
    }
    std::vector<uint64_t> values(static_cast<size_t>(ncpu));
    auto sum = [&](uint32_t key) -> uint64_t {
        if (bpf_map__lookup_elem(skel_->maps.nt_counters, &key, sizeof key, values.data(),
                                 values.size() * sizeof(uint64_t), 0) != 0) {
            return 0;
        }
        uint64_t s = 0;
        for (uint64_t v : values) {
            s += v;
        }
        return s;
    };
    c.bpfEvents = sum(NT_CNT_EVENTS);
    c.ringbufFull = sum(NT_CNT_RINGBUF_FULL);
    c.trackFull = sum(NT_CNT_TRACK_FULL);
    c.filtered = sum(NT_CNT_FILTERED);
    c.excluded = sum(NT_CNT_EXCLUDED);
    return c;
}

void BpfTracer::detach() {
    if (!skel_) {
        return;
    }
    nt_trace__detach(skel_.get());
}

} // namespace nt
