// nftables' trace function in the running kernel, resolved from BTF: where the BPF programs read
// each rule evaluation of a traced packet (rule handle, verdict, chain, table, trace id) next
// to its sk_buff, instead of subscribing to NFNLGRP_NFTRACE.
#pragma once

#include "event.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>

struct btf;

namespace nt {

struct NftTraceProbe {
    // Which of the kernel's signatures __nft_trace_packet has, 0 when it cannot be probed:
    //   1: (struct nft_traceinfo *info, const struct nft_chain *chain, type)   up to Linux 6.2
    //   2: (pkt, verdict, rule, struct nft_traceinfo *info, type)              Linux 6.3 on
    int version = 0;
    std::string function;
    std::string module; // "nf_tables", or empty when nf_tables is built into the kernel
    std::string error;  // why it cannot be probed, when version == 0
    // nft_do_chain(struct nft_pktinfo *, void *) as BPF reads it on return: the verdict each
    // base chain gave a traced packet, probed with the trace function when chainVerdicts().
    std::string chainFunction;
    std::string chainError;
    bool chainVerdicts() const { return version != 0 && chainError.empty(); }
};

// Looks the function up in the kernel's BTF and, when nf_tables is a module, in the module's
// (/sys/kernel/btf/nf_tables: nf_tables must be loaded). Needs no root.
NftTraceProbe findNftTraceProbe(const struct btf *vmlinux);

// One NT_REC_NFT ring-buffer record (struct nt_nft and the names after it, bpf/nt_event.h) as
// the record NFNLGRP_NFTRACE would have carried, with the skb's address. Nothing when the
// record is shorter than its fixed part and the name lengths it gives.
std::optional<NftTraceRecord> parseNftRecord(std::span<const uint8_t> bytes);

} // namespace nt
