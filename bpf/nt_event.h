/* Record layout shared by the BPF programs (bpf/) and the C++ reader (src/). */
#ifndef NT_EVENT_H
#define NT_EVENT_H

#ifndef NT_BPF_SIDE
#include <linux/types.h>
#endif

/* Every ring-buffer record starts with one of these in its first byte. */
enum nt_record_type {
    NT_REC_EVENT = 1,  /* struct nt_event: one observation of one skb */
    NT_REC_PACKET = 2, /* struct nt_packet: header bytes, once per tracked skb */
    NT_REC_NFT = 3,    /* struct nt_nft: one nftables rule evaluation of a tracked skb */
};

#include "nt_probes.h"

/* Probe identifiers: the tracepoints of nt_probes.h, then the kernel functions. Values are stored
 * in trace files: append, never renumber. */
enum nt_probe {
    NT_PROBE_NONE = 0,
#define NT_PROBE_ENUM(id, ENUM, ...) NT_PROBE_##ENUM = id,
    NT_TRACEPOINTS(NT_PROBE_ENUM)
#undef NT_PROBE_ENUM
        NT_PROBE_TRACEPOINT_COUNT = 21, /* one past the last tracepoint id */
    /* Kernel functions traced by kprobe/fentry get ids from here on. */
    NT_PROBE_FUNCTION_BASE = 256,
};

enum nt_event_flags {
    NT_EVF_FIRST = 1 << 0,  /* first event of this skb since it was tracked */
    NT_EVF_HAS_SK = 1 << 1, /* skb->sk was set */
    NT_EVF_NO_DEV = 1 << 2, /* skb->dev was NULL; ifindex/netns from the socket */
    NT_EVF_CONTEXT =
        1 << 3, /* attributed to the skb last seen on this CPU (fib lookups, GRO exit) */
};

/* One observation of one skb at one probe. Kept at 56 bytes (design limit 64). */
struct nt_event {
    __u8 type;   /* NT_REC_EVENT */
    __u8 flags;  /* enum nt_event_flags */
    __u16 probe; /* enum nt_probe, or NT_PROBE_FUNCTION_BASE + function index */
    __u16 cpu;
    __u16 protocol; /* skb->protocol, host byte order (ETH_P_IP, ETH_P_IPV6, ...) */
    __u64 ts_ns;    /* bpf_ktime_get_ns(): CLOCK_MONOTONIC */
    __u64 skb;      /* kernel address of the sk_buff: the packet's identity while it lives */
    __u64 location; /* kfree_skb/consume_skb: the freeing function's address; else 0 */
    __u32 netns;    /* inode number of the network namespace */
    __u32 ifindex;  /* skb->dev->ifindex (0 when no device) */
    __u32 len;      /* skb->len */
    __u32 mark;     /* skb->mark */
    __u32 aux;      /* kfree_skb: drop reason; net_dev_xmit: rc; fib: error; udp: rc */
    __u32 aux2;     /* fib lookups: table id; qdisc: handle; skb_copy_datagram_iovec: len */
};

#define NT_PACKET_CAPLEN 128

/* The first bytes from the network header, sent once when an skb starts being tracked. */
struct nt_packet {
    __u8 type; /* NT_REC_PACKET */
    __u8 pad;
    __u16 protocol; /* skb->protocol, host byte order */
    __u16 caplen;   /* valid bytes in data[] */
    __u16 pad2;
    __u64 ts_ns;
    __u64 skb;
    __u32 netns;
    __u32 len;
    __u8 data[NT_PACKET_CAPLEN];
};

/* Table and chain names are at most 255 bytes (NFT_TABLE_MAXNAMELEN, NFT_CHAIN_MAXNAMELEN). */
#define NT_NFT_NAME_MAX 256
/* Room for the three names of one record in the BPF scratch buffer: the second and third start
 * at most 255 + 255 bytes in and are read with up to NT_NFT_NAME_MAX bytes each. */
#define NT_NFT_NAMES_MAX (3 * NT_NFT_NAME_MAX)

/* trace_type of the records of nft_do_chain's return (not a kernel NFT_TRACETYPE_*): the
 * verdict a base chain gave the packet. */
#define NT_NFT_TRACETYPE_CHAIN 4

/* One step of nftables' trace of a packet, read in the kernel's trace function
 * (__nft_trace_packet): what NFNLGRP_NFTRACE would carry, joined to the skb by its address.
 * Also the verdict a base chain returned (nft_do_chain, trace_type NT_NFT_TRACETYPE_CHAIN).
 * Variable length: the table, chain and jump target names follow the fixed part,
 * back to back and without NULs, table_len + chain_len + jump_len bytes. */
struct nt_nft {
    __u8 type;       /* NT_REC_NFT */
    __u8 trace_type; /* NFT_TRACETYPE_*: 1 policy, 2 return, 3 rule; 4 chain verdict */
    __u8 family;     /* the table's NFPROTO_* */
    __u8 nfproto;    /* the packet's NFPROTO_* (the hook's protocol family) */
    __u8 hook;       /* NF_INET_* (or NF_NETDEV_*) hook number */
    __u8 policy;     /* the base chain's policy (policy records) */
    __u8 walk_start; /* 1: the first record of this chain walk (nft_do_chain call) */
    __u8 pad;
    __s32 verdict;  /* NF_* (masked with NF_VERDICT_MASK) or NFT_* (negative) */
    __u32 trace_id; /* the kernel's trace id of this packet (NFTA_TRACE_ID); 0 for chain records */
    __u64 ts_ns;
    __u64 skb;
    __u64 rule_handle; /* 0: no rule (policy, end of chain) */
    __u32 netns;
    __u32 iif;
    __u32 oif;
    __u32 mark;
    __u8 table_len;
    __u8 chain_len;
    __u8 jump_len; /* jump/goto target chain, else 0 */
    __u8 pad2[5];
    /* the names follow here, at sizeof(struct nt_nft) */
};

/* In-kernel filter: an OR of terms, each an AND of predicates (disjunctive normal form),
 * compiled from the filter language by src/core/filter. */
#define NT_FILTER_MAX_TERMS 16
#define NT_FILTER_MAX_PREDS 8

enum nt_pred_field {
    NT_PF_FAMILY = 1, /* lo: 4 or 6 */
    NT_PF_L4PROTO,    /* lo: IPPROTO_* (ICMPv6 = 58) */
    NT_PF_SADDR,      /* addr/mask, family in pred.family */
    NT_PF_DADDR,
    NT_PF_SPORT, /* lo..hi inclusive, host byte order; true only for TCP/UDP/SCTP/UDPLite */
    NT_PF_DPORT,
    NT_PF_IFINDEX, /* lo */
    NT_PF_MARK,    /* (mark & hi) == lo */
};

struct nt_pred {
    __u8 field;  /* enum nt_pred_field */
    __u8 negate; /* 1: predicate is true when the test fails */
    __u8 family; /* 4 or 6 for address predicates */
    __u8 pad;
    __u32 lo;
    __u32 hi;
    __u8 addr[16]; /* network byte order; IPv4 in the first 4 bytes */
    __u8 mask[16];
};

struct nt_filter {
    __u32 enabled; /* 0: everything matches */
    __u32 nterms;
    __u32 npreds[NT_FILTER_MAX_TERMS];
    struct nt_pred preds[NT_FILTER_MAX_TERMS][NT_FILTER_MAX_PREDS];
};

/* Per-CPU counters, summed by user space. */
enum nt_counter {
    NT_CNT_EVENTS = 0,   /* events submitted */
    NT_CNT_PACKETS,      /* packet records submitted */
    NT_CNT_RINGBUF_FULL, /* bpf_ringbuf_reserve failed: a record was lost */
    NT_CNT_TRACK_FULL,   /* the tracked-skb map was full: a packet was not followed */
    NT_CNT_FILTERED,     /* events skipped by the filter */
    NT_CNT_EXCLUDED,     /* events of skbs that are no packets: netlink and AF_UNIX socket
                          * messages (the tracer's own reads among them), buffers with no
                          * protocol set */
    NT_CNT_MAX,
};

#endif /* NT_EVENT_H */
