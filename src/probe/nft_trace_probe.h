// nftables' trace function in the running kernel, resolved from BTF: where the BPF programs read
// each rule evaluation of a traced packet (rule handle, verdict, chain, table, trace id) next
// to its sk_buff, instead of subscribing to NFNLGRP_NFTRACE.
#pragma once

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
};

// Looks the function up in the kernel's BTF and, when nf_tables is a module, in the module's
// (/sys/kernel/btf/nf_tables: nf_tables must be loaded). Needs no root.
NftTraceProbe findNftTraceProbe(const struct btf *vmlinux);

} // namespace nt
