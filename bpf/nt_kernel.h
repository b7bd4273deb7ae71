/* The few kernel types the BPF programs read, declared for CO-RE: libbpf relocates every
 * field access against the running kernel's BTF, so only names (not layouts) must match. */
#ifndef NT_KERNEL_H
#define NT_KERNEL_H

#include <linux/bpf.h>
#include <linux/types.h>

#pragma clang attribute push(__attribute__((preserve_access_index)), apply_to = record)

/* Registers at a kprobe, for PT_REGS_PARMn_CORE. These are the kernel's own field names, which
 * bpf_tracing.h uses when it believes it sees the kernel's types (vmlinux.h). */
#ifndef __VMLINUX_H__
#define __VMLINUX_H__
#endif
#if defined(__TARGET_ARCH_x86)
struct pt_regs {
    unsigned long di;
    unsigned long si;
    unsigned long dx;
    unsigned long cx;
    unsigned long r8;
    unsigned long ax;
};
#elif defined(__TARGET_ARCH_arm64)
struct pt_regs;
struct user_pt_regs {
    __u64 regs[31];
};
#else
struct pt_regs;
#endif

struct ns_common {
    unsigned int inum;
};

struct net {
    struct ns_common ns;
};

typedef struct {
    struct net *net;
} possible_net_t;

struct net_device {
    int ifindex;
    possible_net_t nd_net;
};

struct sock_common {
    unsigned short skc_family; /* AF_*: netlink and AF_UNIX messages are not traced */
    possible_net_t skc_net;
};

struct sock {
    struct sock_common __sk_common;
};

struct sk_buff {
    unsigned int len;
    __u16 protocol; /* __be16 */
    __u32 mark;
    __u16 network_header;
    __u16 mac_header;
    unsigned int tail; /* sk_buff_data_t: an offset on 64-bit kernels */
    unsigned char *head;
    unsigned char *data;
    struct net_device *dev;
    struct sock *sk;
};

struct nf_hook_state {
    __u8 hook;
    __u8 pf;
    struct net_device *in;
    struct net_device *out;
    struct net *net;
};

/* nf_tables passes the packet as its pktinfo; the skb is its first member. */
struct nft_pktinfo {
    struct sk_buff *skb;
    const struct nf_hook_state *state;
};

/* nftables' trace path (net/netfilter/nf_tables_core.c, nf_tables_trace.c). */
struct nft_table {
    __u16 family : 6;
    char *name;
};

struct nft_chain {
    struct nft_table *table;
    char *name;
};

struct nft_base_chain {
    __u8 policy;
    struct nft_chain chain;
};

struct nft_verdict {
    __u32 code;
    struct nft_chain *chain;
};

/* A rule in the chain's blob: rules follow each other, `dlen` bytes of expressions apart; the
 * blob ends with an nft_rule_dp_last (is_last set) that names the chain (Linux 6.4+). */
struct nft_rule_dp {
    __u64 is_last : 1;
    __u64 dlen : 12;
    __u64 handle : 42;
};

struct nft_rule_dp_last {
    struct nft_rule_dp end;
    const struct nft_chain *chain;
};

struct nft_traceinfo {
    _Bool trace;
    _Bool nf_trace;
    _Bool packet_dumped;
    __u32 skbid;
    const struct nft_base_chain *basechain;
};

/* Up to Linux 6.2 the trace info also held the packet, the rule and the verdict. */
struct nft_traceinfo___v1 {
    const struct nft_pktinfo *pkt;
    const struct nft_rule_dp *rule;
    const struct nft_verdict *verdict;
};

struct Qdisc {
    __u32 handle;
};

struct in6_addr {
    __u8 s6_addr[16];
};

struct flowi_common {
    int flowic_oif;
    int flowic_iif; /* LOOPBACK_IFINDEX for output route lookups */
};

struct flowi4 {
    struct flowi_common __fl_common;
    __u32 saddr;
    __u32 daddr;
};

struct flowi6 {
    struct flowi_common __fl_common;
    struct in6_addr daddr;
    struct in6_addr saddr;
};

#pragma clang attribute pop

#endif /* NT_KERNEL_H */
