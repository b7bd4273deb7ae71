// What the running kernel offers: BTF, tracepoint signatures, drop reason names, symbols.
#pragma once

#include "event.h"
#include "trace.h"

#include <memory>
#include <string>
#include <vector>

struct btf;

namespace nt {

// The kernel's own BTF (/sys/kernel/btf/vmlinux), readable without root.
class KernelBtf {
public:
    // Throws nt::Error when the kernel has no BTF (CONFIG_DEBUG_INFO_BTF).
    KernelBtf();
    ~KernelBtf();
    KernelBtf(const KernelBtf &) = delete;
    KernelBtf &operator=(const KernelBtf &) = delete;

    // Names of enum skb_drop_reason by value, without the "SKB_DROP_REASON_"/"SKB_" prefix.
    std::vector<std::string> dropReasons() const;

    // Empty when the tracepoint exists and its argument `argIndex` (0 = first TP_PROTO
    // argument) is a pointer to `structName` (or, when structName is empty, an integer; when
    // it is "*", any pointer); otherwise why it does not fit.
    std::string checkTracepointArg(const std::string &tracepoint, int argIndex,
                                   const std::string &structName) const;

    const struct btf *raw() const { return btf_; }

private:
    struct btf *btf_ = nullptr;
};

// Routes libbpf's own messages away from stderr unless NFT_TRACER_DEBUG=1.
void quietLibbpf();

// "Linux 6.1.0-18-amd64 #1 SMP ..." from uname.
std::string kernelDescription();
std::string hostName();

// /proc/kallsyms text symbols, for naming the functions that freed packets.
class KernelSymbols {
public:
    // Loads the table; empty (and names nothing) when addresses are hidden (not root).
    KernelSymbols();
    // "tcp_v4_rcv+0x1a4", or "0xffffffff81234567" when unknown.
    std::string resolve(uint64_t addr) const;
    bool empty() const { return addrs_.empty(); }

private:
    std::vector<uint64_t> addrs_;
    std::vector<std::string> names_;
};

} // namespace nt
