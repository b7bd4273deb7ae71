// Sets up and tears down one recording: filter → namespace → BTF → ruleset → nft → BPF.
#include "recorder.h"

#include "discovery.h"
#include "error.h"
#include "filter.h"
#include "kernel_info.h"
#include "link_watcher.h"
#include "netns.h"
#include "nft_trace_reader.h"
#include "nft_trace_table.h"
#include "ruleset.h"

#include <QCoreApplication>

#include <algorithm>
#include <ctime>
#include <poll.h>
#include <unistd.h>

namespace nt {

uint64_t monotonicNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<uint64_t>(ts.tv_sec) * 1000000000ULL + static_cast<uint64_t>(ts.tv_nsec);
}

int64_t realtimeNs() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

size_t ringBytesFor(size_t functions) {
    constexpr double kPacketsPerS = 250'000;
    constexpr double kAwayS = 0.1; // RecordingLoop::kWaitMs
    constexpr double kEventBytes = 64;
    const double eventsPerPacket = 6 + static_cast<double>(std::min<size_t>(functions / 4, 100));
    const auto need = static_cast<size_t>(kPacketsPerS * kAwayS * eventsPerPacket * kEventBytes);
    return std::clamp(std::bit_ceil(need), size_t{8} << 20, size_t{256} << 20);
}

Recorder::Recorder(const RecorderOptions &options) {
    // Cheap checks first, so a typo costs nothing and installs nothing.
    const Filter filter = Filter::parse(options.filter);
    if (geteuid() != 0) {
        throw Error(QCoreApplication::translate(
            "nt::Recorder", "recording needs root: BPF programs and the nftables trace table "
                            "can only be installed by root. Run it with sudo."));
    }
    if (!options.netns.empty()) {
        netns_ = std::make_unique<NetnsHandle>(options.netns.find('/') != std::string::npos
                                                   ? NetnsHandle::byPath(options.netns)
                                                   : NetnsHandle::byName(options.netns));
    }
    btf_ = std::make_unique<KernelBtf>();

    BpfTracerOptions bpfOptions;
    bpfOptions.netns = netns_ ? netns_->inode() : 0;
    {
        // Interface names mean something only inside the namespace being traced.
        NetnsGuard guard(netns_.get());
        bpfOptions.filter = filter.toBpf(ifindexByName);
    }

    dropReasons_ = btf_->dropReasons();
    symbols_ = std::make_unique<KernelSymbols>();
    ruleset_ = readRulesetJson(netns_.get());

    const bool wantFunctions =
        options.functions.any() || (options.backend && *options.backend != Backend::Tracepoint);
    if (wantFunctions) {
        DiscoveryOptions discoveryOptions;
        discoveryOptions.useCache = options.discoveryCache;
        const Discovery discovered = discoverFunctions(discoveryOptions);
        FunctionSelection selection = options.functions;
        if (!selection.any()) {
            selection.maxPriority = 1;
        }
        SelectedFunctions chosen = selectFunctions(discovered.functions, selection);
        missingFunctions_ = std::move(chosen.missing);
        // A function in vmlinux to try each backend on: modules may not be loaded everywhere.
        std::string probeFunction;
        for (const std::vector<KernelFunction> *list :
             {static_cast<const std::vector<KernelFunction> *>(&chosen.functions),
              &discovered.functions}) {
            for (const KernelFunction &f : *list) {
                if (f.module.empty() && probeFunction.empty()) {
                    probeFunction = f.name;
                }
            }
        }
        backendChecks_ = checkBackends(probeFunction);
        backend_ = chooseBackend(options.backend, backendChecks_);
        if (backend_ != Backend::Tracepoint) {
            bpfOptions.functions = std::move(chosen.functions);
            bpfOptions.backend = backend_;
        }
    }

    bpfOptions.ringbufBytes = options.ringbufBytes != 0 ? options.ringbufBytes
                                                        : ringBytesFor(bpfOptions.functions.size());

    meta_.host = hostName();
    meta_.kernel = kernelDescription();
    meta_.backend = backend_ == Backend::Tracepoint
                        ? std::string("tracepoints")
                        : std::string(backendName(backend_)) + "+tracepoints";
    meta_.filter = filter.text();
    meta_.netns = options.netns;
    meta_.toolVersion = NT_VERSION;

    links_ = std::make_unique<LinkWatcher>(netns_.get());
    links_->drain(interfaces_); // the dump's answer is usually there at once; poll() reads later
    // The probes go in first and the trace table last (and at stop the table goes first): a
    // packet nft traces is then always one the probes see too. Loading the probes takes long
    // enough (a second on a busy machine) that packets in between would otherwise leave nft
    // records that no journey can hold.
    // With function probes the rule evaluations are read in BPF, in the kernel's trace function
    // (exact: by the skb's address); the kernel then builds no netlink trace messages at all,
    // as nobody listens to NFNLGRP_NFTRACE.
    bpfOptions.nftTrace = options.nftTrace && options.nftInKernel;
    bpf_ = std::make_unique<BpfTracer>(*btf_, bpfOptions);
    probes_ = bpf_->probes();
    if (options.nftTrace) {
        nftInBpf_ = bpf_->nftTraceProbe().version != 0;
        nftChainError_ = bpf_->nftTraceProbe().chainError;
        nftTraceError_ = options.nftInKernel ? bpf_->nftTraceProbe().error
                                             : std::string("netlink trace messages were asked for");
        meta_.backend += nftInBpf_ ? "+nftrace-bpf" : "+nftrace";
        if (!nftInBpf_) {
            // The reader subscribes before the table exists so the first packets are not
            // missed.
            nftReader_ = std::make_unique<NftTraceReader>(netns_.get());
        }
        // The table still sets nftrace on the packets: that makes the kernel walk its trace
        // path, where the BPF program reads the verdicts.
        nftTable_ = std::make_unique<NftTraceTable>(netns_.get(), filter.toNft());
    }
    meta_.startMonoNs = monotonicNs();
    meta_.startWallNs = realtimeNs();
}

Recorder::~Recorder() {
    RecordBatch ignored;
    std::vector<NftTraceRecord> ignoredNft;
    try {
        stop(ignored, ignoredNft);
    } catch (...) { // NOLINT(bugprone-empty-catch): teardown must not throw
    }
}

const std::vector<ProbeDesc> &Recorder::probes() const {
    return probes_;
}

const std::string &Recorder::nftTableName() const {
    static const std::string none;
    return nftTable_ ? nftTable_->name() : none;
}

std::vector<QString> Recorder::nftNotCovered() const {
    return nftTable_ ? nftTable_->notCovered() : std::vector<QString>{};
}

std::vector<int> Recorder::fds() const {
    std::vector<int> fds;
    if (bpf_ && !stopped_) {
        fds.push_back(bpf_->fd());
    }
    if (nftReader_ && !stopped_) {
        fds.push_back(nftReader_->fd());
    }
    if (links_ && !stopped_) {
        fds.push_back(links_->fd());
    }
    return fds;
}

void Recorder::poll(int timeoutMs, RecordBatch &bpf, std::vector<NftTraceRecord> &nft,
                    size_t maxRecords) {
    if (stopped_) {
        return;
    }
    std::vector<pollfd> pfds;
    for (int fd : fds()) {
        pfds.push_back({fd, POLLIN, 0});
    }
    if (timeoutMs > 0) {
        ::poll(pfds.data(), pfds.size(), timeoutMs);
    }
    bpf_->poll(0, bpf, maxRecords);
    takeBpfNft(nft);
    links_->drain(interfaces_);
    if (nftReader_) {
        // Bounded too: under a flood nft messages keep coming, and an unbounded drain would
        // starve the ring buffer (its overflow is then counted as lost nft messages instead).
        drainNft(nft, maxRecords);
    }
}

void Recorder::drainNft(std::vector<NftTraceRecord> &nft, size_t maxRecords) {
    const size_t before = nft.size();
    nftReader_->drain(nft, maxRecords);
    // Our own chain's rule accepts, so the kernel reports it once per hook: the rule, which
    // carries the packet's headers, joins the packet and marks the hook. A packet flagged
    // before that no rule of the chain matches (a filter that stops matching after NAT) ends
    // in the chain's policy: that record says nothing and goes.
    auto noise = [](const NftTraceRecord &r) {
        return r.networkHeader.empty() && r.table.starts_with(kTracerTablePrefix);
    };
    nft.erase(std::remove_if(nft.begin() + static_cast<std::ptrdiff_t>(before), nft.end(), noise),
              nft.end());
}

// Rule evaluations read in BPF. Of our own table's, as in drainNft, only the rule that sets
// nftrace stays (hidden, as today): it marks the hook in time.
void Recorder::takeBpfNft(std::vector<NftTraceRecord> &nft) {
    const size_t before = nft.size();
    bpf_->takeNft(nft);
    auto noise = [](const NftTraceRecord &r) {
        return r.table.starts_with(kTracerTablePrefix) &&
               (r.type != NftTraceType::Rule || r.ruleHandle == 0);
    };
    nft.erase(std::remove_if(nft.begin() + static_cast<std::ptrdiff_t>(before), nft.end(), noise),
              nft.end());
}

std::vector<InterfaceName> Recorder::takeInterfaces() {
    std::vector<InterfaceName> out;
    out.swap(interfaces_);
    return out;
}

std::vector<KernelSymbol> Recorder::newSymbols(std::span<const Event> events) {
    std::vector<KernelSymbol> out;
    for (const Event &e : events) {
        if (e.location != 0 && named_.insert(e.location).second) {
            out.push_back({e.location, symbols_->resolve(e.location)});
        }
    }
    return out;
}

void Recorder::stop(RecordBatch &bpf, std::vector<NftTraceRecord> &nft) {
    if (stopped_) {
        return;
    }
    stopped_ = true;
    nftTable_.reset(); // no new packets flagged from here; their messages are still read below
    bpf_->detach();
    bpf_->poll(0, bpf);
    takeBpfNft(nft);
    finalCounters_ = bpf_->counters();
    if (nftReader_) {
        // Trace messages for the last packets may still be in flight: give them a moment.
        pollfd p{nftReader_->fd(), POLLIN, 0};
        for (int i = 0; i < 5 && ::poll(&p, 1, 20) > 0; ++i) {
            drainNft(nft);
        }
        drainNft(nft);
        finalCounters_.nftLost = nftReader_->lost();
    }
    links_->drain(interfaces_);
    nftReader_.reset();
    bpf_.reset();
    meta_.stopMonoNs = monotonicNs();
    meta_.stopWallNs = realtimeNs();
    meta_.loss = finalCounters_;
}

LossCounters Recorder::counters() const {
    if (stopped_) {
        return finalCounters_;
    }
    LossCounters c = bpf_->counters();
    if (nftReader_) {
        c.nftLost = nftReader_->lost();
    }
    return c;
}

} // namespace nt
