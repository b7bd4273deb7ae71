// SPDX-License-Identifier: GPL-2.0
/* Tracepoint and kernel function probes: follow the skbs that match the filter and emit one
 * event per probe hit, plus the packet's header bytes once, through one ring buffer. Both kinds
 * go through the same handler, so one journey mixes them. */
#include "nt_kernel.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "nt_event.h"

char LICENSE[] SEC("license") = "GPL";

#define ETH_P_IP 0x0800
#define ETH_P_IPV6 0x86DD
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define IPPROTO_SCTP 132
#define IPPROTO_UDPLITE 136
#define AF_UNIX 1
#define AF_NETLINK 16
#define NT_MAX_TRACKED 65536

/* Sized by user space before load (power of two, multiple of the page size). */
struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 8 << 20);
} nt_records SEC(".maps");

/* Per tracked skb: when it was first seen and its addresses, to check context-attributed
 * events (fib lookups) against the packet they are attributed to. */
struct nt_tracked {
    __u64 first_ts;
    __u32 netns; /* where it was first seen: stands in when an event cannot tell */
    __u32 fp;    /* header fingerprint, to notice a reused sk_buff whose free we missed */
    __u8 family;
    __u8 pad[3];
    __u8 saddr[16];
    __u8 daddr[16];
};

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, NT_MAX_TRACKED);
    __type(key, __u64);
    __type(value, struct nt_tracked);
} nt_tracked_skbs SEC(".maps");

/* How many skbs nt_tracked_skbs holds, or more: inserts and deletes here count, and nothing else
 * removes entries. While it is 0 no lookup can find anything, so events of skbs nobody follows
 * (all of them, when the filter matches nothing) skip the hash lookup, a likely cache miss.
 * Read without a lock: a lookup racing with another CPU's first insert may miss it, as the
 * lookup itself could. */
__u64 nt_tracked_n = 0;

static __always_inline struct nt_tracked *tracked(__u64 key) {
    if (!nt_tracked_n)
        return 0;
    return bpf_map_lookup_elem(&nt_tracked_skbs, &key);
}

static __always_inline int track(__u64 key, const struct nt_tracked *value) {
    int rc = bpf_map_update_elem(&nt_tracked_skbs, &key, value, BPF_NOEXIST);
    if (rc == 0)
        __sync_fetch_and_add(&nt_tracked_n, 1);
    return rc;
}

static __always_inline void untrack(__u64 key) {
    if (bpf_map_delete_elem(&nt_tracked_skbs, &key) == 0)
        __sync_fetch_and_add(&nt_tracked_n, -1);
}

/* The recording's settings, written by user space before load. In .rodata the verifier knows
 * them: an unset filter or namespace costs nothing at run time. They never change while
 * recording (a new filter is a new recording). */
const volatile struct nt_filter nt_filter_cfg = {};
const volatile __u32 nt_netns = 0; /* 0: all namespaces; else only events in this netns inode */
/* Records are submitted without waking the reader, who reads at least every poll interval
 * anyway; once this many bytes wait it is woken at once. 0: wake it for every record. */
const volatile __u64 nt_wakeup_bytes = 0;

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, NT_CNT_MAX);
    __type(key, __u32);
    __type(value, __u64);
} nt_counters SEC(".maps");

/* The skb this CPU saw last (for fib lookups) and the one inside napi_gro_receive. */
struct nt_cpu_ctx {
    /* The followed skb this CPU reported last (not counting context events), and whether that
     * event was where a packet enters from a device: a route lookup for output after it is
     * another packet's (the next datagram a socket sends, an ICMP error or a TCP reset). */
    __u64 last_skb;
    __u32 last_rx;
    __u32 pad;
    __u64 gro_skb;
    /* The skb the filter last turned down on this CPU, so that its next events (a packet's
     * events mostly follow each other on one CPU) leave without reading and testing the headers
     * again. It holds while the skb keeps its mark, its device and, at the probes where a packet
     * enters the stack, its first header bytes; its free clears it. */
    __u64 rej_skb;
    __u64 rej_head[2]; /* the first 16 bytes at the network header */
    __u32 rej_mark;
    __u32 rej_ifindex;
};

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct nt_cpu_ctx);
} nt_cpu SEC(".maps");

/* Fields the filter looks at, decoded from the header bytes. */
struct nt_fields {
    __u32 ifindex;
    __u32 mark;
    __u16 sport;
    __u16 dport;
    __u8 family;
    __u8 l4proto;
    __u8 has_ports;
    __u8 pad;
    __u32 ident; /* IPv4 id, TCP sequence number, ICMP echo id and sequence: per packet */
    __u8 saddr[16];
    __u8 daddr[16];
};

/* Staging area for header bytes and decoded fields: too big for the 512-byte BPF stack. */
struct nt_scratch {
    struct nt_packet pkt;
    struct nt_fields f;
    /* The filter walk's state (see filter_match). */
    __u32 term_ok;
    __u32 matched;
    /* The walk from an nft rule to the end of its chain (see chain_of_rule). */
    __u64 rule;
    __u64 last_rule;
};

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct nt_scratch);
} nt_scratch_map SEC(".maps");

static __always_inline void count(__u32 which) {
    __u64 *v = bpf_map_lookup_elem(&nt_counters, &which);
    if (v)
        *v += 1;
}

/* How the common path reads the skb, its device and socket: `mode` has NT_DIRECT when they are a
 * tracepoint's BTF-typed arguments (tp_btf), which the verifier lets a program load from like
 * memory (the JIT guards each load against faults, and CO-RE relocates the offsets). An skb only
 * known by its address (a context event, a kprobe's register) is read with a helper call, each
 * one several times the cost of a load. `mode` is a constant at every call site, so the compiler
 * keeps only one of the two reads. */
#define NT_RX 1          /* receive path: skb->data is the network header */
#define NT_FOLLOW_ONLY 2 /* never start tracking here: the skb may already be gone */
#define NT_ENTRY 4       /* a packet enters the stack here: check a followed skb is the same */
#define NT_DIRECT 8      /* skb and dev are the tracepoint's own BTF pointers: plain loads */

#define NT_READ(mode, src, field) (((mode)&NT_DIRECT) ? (src)->field : BPF_CORE_READ(src, field))

/* skb->dev shares its word with dev_scratch (a queued UDP datagram keeps its size there) and
 * skb->sk with ip_defrag_offset: such a word is no device or socket, and a plain load through it
 * faults, which costs far more than the helper's refusal. skb_dev() and skb_sk() give 0 for it,
 * so nothing after them follows it. Kernel addresses have the top bit set on the 64-bit
 * architectures Linux runs on; those words never do. The bound is kept in a register: the
 * verifier lets root compare a pointer, never shift it. */
static __always_inline int kernel_address(const void *p) {
    __u64 top = 0x8000000000000000ULL;
    barrier_var(top);
    return (__u64)p >= top;
}

static __always_inline struct sock *skb_sk(struct sk_buff *skb, int mode) {
    struct sock *sk = NT_READ(mode, skb, sk);
    return kernel_address(sk) ? sk : 0;
}

static __always_inline struct net_device *skb_dev(struct sk_buff *skb, int mode) {
    struct net_device *dev = NT_READ(mode, skb, dev);
    return kernel_address(dev) ? dev : 0;
}

static __always_inline __u32 dev_ifindex(struct net_device *dev, int mode) {
    return NT_READ(mode, dev, ifindex);
}

static __always_inline __u32 skb_netns(struct sk_buff *skb, struct net_device *dev, __u8 *flags,
                                       int mode) {
    if (dev)
        return (mode & NT_DIRECT) ? dev->nd_net.net->ns.inum
                                  : BPF_CORE_READ(dev, nd_net.net, ns.inum);
    *flags |= NT_EVF_NO_DEV;
    struct sock *sk = skb_sk(skb, mode);
    if (!sk)
        return 0;
    return (mode & NT_DIRECT) ? sk->__sk_common.skc_net.net->ns.inum
                              : BPF_CORE_READ(sk, __sk_common.skc_net.net, ns.inum);
}

/* Where the header bytes start. On the receive path before the IP layer, skb->data points at the
 * network header while network_header may still be stale. */
static __always_inline unsigned char *header_start(struct sk_buff *skb, unsigned char *head,
                                                   int mode) {
    if (mode & NT_RX)
        return NT_READ(mode, skb, data);
    __u16 nh = NT_READ(mode, skb, network_header);
    if (nh == 0xffff)
        return NT_READ(mode, skb, data);
    return head + nh;
}

/* Reads the header bytes into the scratch packet record. */
static __always_inline struct nt_scratch *capture(struct sk_buff *skb, int mode) {
    __u32 zero = 0;
    struct nt_scratch *s = bpf_map_lookup_elem(&nt_scratch_map, &zero);
    if (!s)
        return 0;
    unsigned char *head = NT_READ(mode, skb, head);
    unsigned char *start = header_start(skb, head, mode);
    __u64 tail = (__u64)(head + NT_READ(mode, skb, tail));
    __u64 avail = tail > (__u64)start ? tail - (__u64)start : 0;
    __u32 caplen = avail > NT_PACKET_CAPLEN ? NT_PACKET_CAPLEN : (__u32)avail;
    s->pkt.caplen = 0;
    if (caplen > 0 && caplen <= NT_PACKET_CAPLEN) {
        if (bpf_probe_read_kernel(s->pkt.data, caplen, start) == 0)
            s->pkt.caplen = caplen;
    }
    s->pkt.protocol = bpf_ntohs(NT_READ(mode, skb, protocol));
    __builtin_memset(&s->f, 0, sizeof(s->f));
    return s;
}

/* The first 16 header bytes, what a rejected skb is recognised by (zeros when unreadable). */
static __always_inline void header_key(struct sk_buff *skb, int mode, __u64 out[2]) {
    unsigned char *start = header_start(skb, NT_READ(mode, skb, head), mode);
    if (bpf_probe_read_kernel(out, 16, start) != 0) {
        out[0] = 0;
        out[1] = 0;
    }
}

static __always_inline int has_ports(__u8 proto) {
    return proto == IPPROTO_TCP || proto == IPPROTO_UDP || proto == IPPROTO_SCTP ||
           proto == IPPROTO_UDPLITE;
}

static __always_inline void decode(const struct nt_packet *p, struct nt_fields *f) {
    __u32 off = 0;
    if (p->caplen < 20)
        return;
    __u8 v = p->data[0] >> 4;
    /* The version nibble must agree with skb->protocol, or these are not IP header bytes. */
    if ((v == 4 && p->protocol != ETH_P_IP) || (v == 6 && p->protocol != ETH_P_IPV6))
        return;
    if (v == 4) {
        f->family = 4;
        f->l4proto = p->data[9];
        __builtin_memcpy(f->saddr, &p->data[12], 4);
        __builtin_memcpy(f->daddr, &p->data[16], 4);
        off = (p->data[0] & 0x0f) * 4;
        __u16 frag = ((__u16)p->data[6] << 8 | p->data[7]) & 0x1fff;
        if (frag)
            return;
    } else if (v == 6 && p->caplen >= 40) {
        f->family = 6;
        f->l4proto = p->data[6];
        __builtin_memcpy(f->saddr, &p->data[8], 16);
        __builtin_memcpy(f->daddr, &p->data[24], 16);
        off = 40;
    } else {
        return;
    }
    if (f->family == 4)
        f->ident = (__u32)p->data[4] << 8 | p->data[5];
    /* off is at most 60 here. Masked behind a barrier, so the compiler keeps the mask: the
     * 6.12 verifier loses off's bounds across the caplen comparisons below (it rejected the
     * program with "makes map_value pointer be out of bounds"). */
    barrier_var(off);
    off &= 0x3f;
    if (has_ports(f->l4proto) && off + 4 <= p->caplen && off <= NT_PACKET_CAPLEN - 4) {
        f->has_ports = 1;
        f->sport = (__u16)p->data[off] << 8 | p->data[off + 1];
        f->dport = (__u16)p->data[off + 2] << 8 | p->data[off + 3];
    }
    if ((f->l4proto == IPPROTO_TCP || f->l4proto == 1 || f->l4proto == 58) &&
        off + 8 <= p->caplen && off <= NT_PACKET_CAPLEN - 8) {
        /* TCP: sequence number; ICMP/ICMPv6: echo identifier and sequence */
        f->ident ^= (__u32)p->data[off + 4] << 24 | (__u32)p->data[off + 5] << 16 |
                    (__u32)p->data[off + 6] << 8 | p->data[off + 7];
    }
}

/* A hash of what stays the same while one packet crosses the stack (not TTL, not checksums):
 * equal at every entry point of one packet, different for the next one. Word by word: each step
 * is a bijection of the word, so packets that differ in one word never hash alike. It stays in
 * BPF (the tracking entry), so it need not match user space's fingerprint. */
_Static_assert(__builtin_offsetof(struct nt_fields, daddr) + 16 -
                       __builtin_offsetof(struct nt_fields, sport) ==
                   11 * sizeof(__u32),
               "sport through daddr are 11 words");
static __always_inline __u32 fingerprint(const struct nt_fields *f) {
    const __u32 *w = (const __u32 *)&f->sport;
    __u32 h = 2166136261u;
    for (int i = 0; i < 11; i++) /* ports, family/l4proto/has_ports/pad, ident, saddr, daddr */
        h = (h ^ w[i]) * 0x9e3779b1u;
    return h;
}

/* The walk's state is in the scratch map, not on the stack: verifiers before Linux 6.7 check a
 * bpf_loop callback as if it ran once, so a result the callback leaves on the caller's stack
 * can be taken as constant (Debian 12's 6.1 then filtered out every packet). Map memory is
 * never assumed. */
struct nt_eval {
    const volatile struct nt_filter *flt;
    const struct nt_fields *f;
    struct nt_scratch *st;
};

static __always_inline int addr_match(const volatile struct nt_pred *p, const __u8 *addr,
                                      __u8 family) {
    if (family != p->family)
        return 0;
    int n = family == 4 ? 4 : 16;
    for (int i = 0; i < 16; i++) {
        if (i >= n)
            break;
        if ((addr[i] & p->mask[i]) != p->addr[i])
            return 0;
    }
    return 1;
}

static __always_inline int pred_test(const volatile struct nt_pred *p, const struct nt_fields *f) {
    switch (p->field) {
    case NT_PF_FAMILY:
        return f->family == p->lo;
    case NT_PF_L4PROTO:
        return f->family && f->l4proto == p->lo;
    case NT_PF_SADDR:
        return addr_match(p, f->saddr, f->family);
    case NT_PF_DADDR:
        return addr_match(p, f->daddr, f->family);
    case NT_PF_SPORT:
        return f->has_ports && f->sport >= p->lo && f->sport <= p->hi;
    case NT_PF_DPORT:
        return f->has_ports && f->dport >= p->lo && f->dport <= p->hi;
    case NT_PF_IFINDEX:
        return f->ifindex == p->lo;
    case NT_PF_MARK:
        return (f->mark & p->hi) == p->lo;
    }
    return 0;
}

/* One step of the DNF walk: i enumerates (term, predicate) pairs. */
static long eval_step(__u32 i, void *data) {
    struct nt_eval *e = data;
    __u32 t = i / NT_FILTER_MAX_PREDS;
    __u32 k = i % NT_FILTER_MAX_PREDS;
    if (t >= NT_FILTER_MAX_TERMS || t >= e->flt->nterms)
        return 1;
    __u32 n = e->flt->npreds[t];
    if (k == 0)
        e->st->term_ok = 1;
    if (k < n && e->st->term_ok) {
        const volatile struct nt_pred *p = &e->flt->preds[t][k];
        int r = pred_test(p, e->f);
        if (p->negate)
            r = !r;
        if (!r)
            e->st->term_ok = 0;
    }
    if (k == NT_FILTER_MAX_PREDS - 1 && e->st->term_ok) {
        e->st->matched = 1;
        return 1;
    }
    return 0;
}

static __always_inline int filter_match(const struct nt_fields *f) {
    if (!nt_filter_cfg.enabled)
        return 1;
    __u32 zero = 0;
    struct nt_scratch *st = bpf_map_lookup_elem(&nt_scratch_map, &zero);
    if (!st)
        return 0;
    st->term_ok = 0;
    st->matched = 0;
    struct nt_eval e = {.flt = &nt_filter_cfg, .f = f, .st = st};
    bpf_loop(NT_FILTER_MAX_TERMS * NT_FILTER_MAX_PREDS, eval_step, &e, 0);
    return st->matched;
}

static __always_inline void set_last(__u64 skb, int mode) {
    __u32 zero = 0;
    struct nt_cpu_ctx *c = bpf_map_lookup_elem(&nt_cpu, &zero);
    if (c) {
        c->last_skb = skb;
        c->last_rx = (mode & NT_RX) ? 1 : 0;
    }
}

/* The common path of every probe: filter or follow, then emit. Its `mode` flags are above
 * NT_READ. */

/* `dev` is the device the event happened on: skb->dev, except where the probe names it (after
 * a veth xmit skb->dev already is the peer). */
/* Messages of netlink and AF_UNIX sockets are sk_buffs too (D-Bus, nft's trace messages, the
 * helper's own event stream): they pass skb_copy_datagram_iovec and consume_skb like packets.
 * They are never traced, so the tracer does not trace itself. Decided before anything is
 * looked up or reserved. */
static __always_inline int local_ipc(struct sk_buff *skb, int mode) {
    struct sock *sk = skb_sk(skb, mode);
    if (!sk)
        return 0;
    __u16 family = NT_READ(mode, sk, __sk_common.skc_family);
    return family == AF_UNIX || family == AF_NETLINK;
}

/* The ring buffer's submit flags for a record of `size` bytes: no wakeup, except for the record
 * that makes another nt_wakeup_bytes wait. A wakeup per record would cost an irq_work each while
 * the reader is busy anyway; one per nt_wakeup_bytes also wakes a reader that missed one (records
 * of other CPUs reserved in between can hide the exact crossing). */
static __always_inline __u64 wakeup_flags(__u64 size) {
    if (!nt_wakeup_bytes)
        return 0;
    __u64 step = size + 8; /* BPF_RINGBUF_HDR_SZ; both sizes are multiples of 8 */
    __u64 avail = bpf_ringbuf_query(&nt_records, BPF_RB_AVAIL_DATA);
    return avail >= step && avail / nt_wakeup_bytes != (avail - step) / nt_wakeup_bytes
               ? BPF_RB_FORCE_WAKEUP
               : BPF_RB_NO_WAKEUP;
}

/* An skb the filter turned down before on this CPU, and still the packet it turned down: its
 * event ends here. Entry probes also compare the header bytes, since some frees have no
 * tracepoint and the address may hold another packet by now. */
static __always_inline int still_rejected(struct sk_buff *skb, __u64 key, struct net_device *dev,
                                          int mode) {
    __u32 zero = 0;
    struct nt_cpu_ctx *c = bpf_map_lookup_elem(&nt_cpu, &zero);
    if (!c || c->rej_skb != key)
        return 0;
    if (NT_READ(mode, skb, mark) != c->rej_mark ||
        (dev && dev_ifindex(dev, mode) != c->rej_ifindex))
        return 0;
    if (mode & NT_ENTRY) {
        __u64 h[2];
        header_key(skb, mode, h);
        if (h[0] != c->rej_head[0] || h[1] != c->rej_head[1])
            return 0;
    }
    return 1;
}

static __always_inline void remember_rejected(struct sk_buff *skb, __u64 key,
                                              const struct nt_fields *f, int mode) {
    __u32 zero = 0;
    struct nt_cpu_ctx *c = bpf_map_lookup_elem(&nt_cpu, &zero);
    if (!c)
        return;
    c->rej_skb = key;
    c->rej_mark = f->mark;
    c->rej_ifindex = f->ifindex;
    header_key(skb, mode, c->rej_head);
}

static __always_inline void forget_rejected(__u64 key) {
    __u32 zero = 0;
    struct nt_cpu_ctx *c = bpf_map_lookup_elem(&nt_cpu, &zero);
    if (c && c->rej_skb == key)
        c->rej_skb = 0;
}

/* `tr`: the skb's tracking entry when the caller looked it up already, else 0 (looked up here). */
static __always_inline int handle_dev(struct sk_buff *skb, struct net_device *dev, __u16 probe,
                                      __u32 aux, __u32 aux2, __u64 location, int mode, __u8 flags,
                                      struct nt_tracked *tr) {
    if (!skb)
        return 0;
    /* An entry handed in is a followed packet's, and a local message is never followed. */
    if (!tr && local_ipc(skb, mode)) {
        count(NT_CNT_EXCLUDED);
        return 0;
    }
    __u64 key = (__u64)skb;
    __u32 netns = skb_netns(skb, dev, &flags, mode);
    int is_free = probe == NT_PROBE_KFREE_SKB || probe == NT_PROBE_CONSUME_SKB;
    if (nt_netns && netns && netns != nt_netns && !is_free) {
        /* Elsewhere, and not a free (which must still forget a followed skb that left): nothing
         * to report, whether followed or not, so no lookup. */
        count(NT_CNT_FILTERED);
        return 0;
    }
    if (!tr)
        tr = tracked(key);
    if (!netns && tr)
        netns = tr->netns; /* e.g. TCP clears skb->dev once the socket owns the skb */
    int in_ns = !nt_netns || netns == nt_netns;
    if (!tr) {
        /* Not followed: start following only here, alive, and in the traced namespace. */
        if (is_free) {
            if (nt_filter_cfg.enabled)
                forget_rejected(key);
            return 0;
        }
        if ((mode & NT_FOLLOW_ONLY) || !in_ns) {
            if (!in_ns)
                count(NT_CNT_FILTERED);
            return 0;
        }
        /* The filter runs once per packet: at its first sight, or when it changed since. */
        if (nt_filter_cfg.enabled && still_rejected(skb, key, dev, mode)) {
            count(NT_CNT_FILTERED);
            return 0;
        }
    }
    __u64 now = bpf_ktime_get_ns();
    if (tr && (mode & NT_ENTRY) && in_ns) {
        /* Some frees have no tracepoint (__kfree_skb, deferred frees): a followed address may
         * now hold another packet. A different header means it does: start over. */
        struct nt_scratch *sc = capture(skb, mode);
        if (sc) {
            decode(&sc->pkt, &sc->f);
            if (sc->f.family && fingerprint(&sc->f) != tr->fp) {
                untrack(key);
                tr = 0;
            }
        }
    }
    if (!tr) {
        if (is_free || !in_ns)
            return 0;
        /* A buffer with no protocol set is no frame from a wire (nor one going to it). */
        __u16 proto = bpf_ntohs(NT_READ(mode, skb, protocol));
        if (!proto) {
            count(NT_CNT_EXCLUDED);
            return 0;
        }
        struct nt_scratch *sc = capture(skb, mode);
        if (!sc)
            return 0;
        struct nt_packet *p = &sc->pkt;
        struct nt_fields *f = &sc->f;
        f->ifindex = dev ? dev_ifindex(dev, mode) : 0;
        f->mark = NT_READ(mode, skb, mark);
        decode(p, f);
        /* A frame that says it is IP must parse as IP. Other frames (ARP, LLDP …) are followed
         * as what they are: family 0 for the filter, as in tcpdump (`not port 80` matches ARP),
         * and user space shows their ethertype, never invented addresses. */
        int ip = proto == ETH_P_IP || proto == ETH_P_IPV6;
        if ((ip && !f->family) || !filter_match(f)) {
            count(NT_CNT_FILTERED);
            if (nt_filter_cfg.enabled)
                remember_rejected(skb, key, f, mode);
            return 0;
        }
        if (nt_filter_cfg.enabled)
            forget_rejected(key);
        struct nt_tracked nt = {
            .first_ts = now, .netns = netns, .fp = fingerprint(f), .family = f->family};
        __builtin_memcpy(nt.saddr, f->saddr, 16);
        __builtin_memcpy(nt.daddr, f->daddr, 16);
        if (track(key, &nt) != 0)
            count(NT_CNT_TRACK_FULL);
        struct nt_packet *out = bpf_ringbuf_reserve(&nt_records, sizeof(*out), 0);
        if (!out) {
            count(NT_CNT_RINGBUF_FULL);
        } else {
            p->type = NT_REC_PACKET;
            p->ts_ns = now;
            p->skb = key;
            p->netns = netns;
            p->len = NT_READ(mode, skb, len);
            __builtin_memcpy(out, p, sizeof(*out));
            bpf_ringbuf_submit(out, wakeup_flags(sizeof(*out)));
            count(NT_CNT_PACKETS);
        }
        flags |= NT_EVF_FIRST;
    }
    if (!in_ns) {
        /* A followed packet that left the traced namespace (veth): stop reporting it, but
         * still forget it when it is freed, or the tracking map would fill up. */
        count(NT_CNT_FILTERED);
        if (is_free)
            untrack(key);
        return 0;
    }
    struct nt_event *ev = bpf_ringbuf_reserve(&nt_records, sizeof(*ev), 0);
    if (!ev) {
        count(NT_CNT_RINGBUF_FULL);
    } else {
        ev->type = NT_REC_EVENT;
        ev->flags = flags | (skb_sk(skb, mode) ? NT_EVF_HAS_SK : 0);
        ev->probe = probe;
        ev->cpu = bpf_get_smp_processor_id();
        ev->protocol = bpf_ntohs(NT_READ(mode, skb, protocol));
        ev->ts_ns = now;
        ev->skb = key;
        ev->location = location;
        ev->netns = netns;
        ev->ifindex = dev ? dev_ifindex(dev, mode) : 0;
        ev->len = NT_READ(mode, skb, len);
        ev->mark = NT_READ(mode, skb, mark);
        ev->aux = aux;
        ev->aux2 = aux2;
        bpf_ringbuf_submit(ev, wakeup_flags(sizeof(*ev)));
        count(NT_CNT_EVENTS);
    }
    if (is_free)
        untrack(key);
    else if (!(flags & NT_EVF_CONTEXT))
        set_last(key, mode);
    return 0;
}

static __always_inline int handle(struct sk_buff *skb, __u16 probe, __u32 aux, __u32 aux2,
                                  __u64 location, int mode, __u8 flags) {
    if (!skb)
        return 0;
    return handle_dev(skb, skb_dev(skb, mode), probe, aux, aux2, location, mode, flags, 0);
}

/* An event for the skb this CPU handled last, when the probe itself carries no skb. Only for
 * tracked skbs, and only when `addr` (of `family`), if given, is one of that packet's addresses. */
static __always_inline int handle_context(__u64 skb, __u16 probe, __u32 aux, __u32 aux2,
                                          const __u8 *addr, __u8 family) {
    if (!skb)
        return 0;
    struct nt_tracked *tr = tracked(skb);
    if (!tr)
        return 0;
    if (addr && family) {
        if (tr->family != family)
            return 0;
        int n = family == 4 ? 4 : 16;
        int same_d = 1, same_s = 1;
        for (int i = 0; i < 16; i++) {
            if (i >= n)
                break;
            if (addr[i] != tr->daddr[i])
                same_d = 0;
            if (addr[i] != tr->saddr[i])
                same_s = 0;
        }
        if (!same_d && !same_s)
            return 0;
    }
    struct sk_buff *s = (struct sk_buff *)skb;
    return handle_dev(s, skb_dev(s, 0), probe, aux, aux2, 0, NT_FOLLOW_ONLY, NT_EVF_CONTEXT, tr);
}

SEC("tp_btf/netif_receive_skb")
int BPF_PROG(nt_netif_receive_skb, struct sk_buff *skb) {
    return handle(skb, NT_PROBE_NETIF_RECEIVE_SKB, 0, 0, 0, NT_RX | NT_ENTRY | NT_DIRECT, 0);
}

SEC("tp_btf/netif_rx")
int BPF_PROG(nt_netif_rx, struct sk_buff *skb) {
    return handle(skb, NT_PROBE_NETIF_RX, 0, 0, 0, NT_RX | NT_ENTRY | NT_DIRECT, 0);
}

SEC("tp_btf/napi_gro_receive_entry")
int BPF_PROG(nt_napi_gro_receive_entry, struct sk_buff *skb) {
    __u32 zero = 0;
    struct nt_cpu_ctx *c = bpf_map_lookup_elem(&nt_cpu, &zero);
    if (c)
        c->gro_skb = (__u64)skb;
    return handle(skb, NT_PROBE_NAPI_GRO_RECEIVE_ENTRY, 0, 0, 0, NT_RX | NT_ENTRY | NT_DIRECT, 0);
}

SEC("tp_btf/napi_gro_receive_exit")
int BPF_PROG(nt_napi_gro_receive_exit, int ret) {
    __u32 zero = 0;
    struct nt_cpu_ctx *c = bpf_map_lookup_elem(&nt_cpu, &zero);
    if (!c)
        return 0;
    __u64 skb = c->gro_skb;
    c->gro_skb = 0;
    return handle_context(skb, NT_PROBE_NAPI_GRO_RECEIVE_EXIT, (__u32)ret, 0, 0, 0);
}

SEC("tp_btf/net_dev_queue")
int BPF_PROG(nt_net_dev_queue, struct sk_buff *skb) {
    return handle(skb, NT_PROBE_NET_DEV_QUEUE, 0, 0, 0, NT_ENTRY | NT_DIRECT, 0);
}

SEC("tp_btf/net_dev_start_xmit")
int BPF_PROG(nt_net_dev_start_xmit, struct sk_buff *skb) {
    return handle(skb, NT_PROBE_NET_DEV_START_XMIT, 0, 0, 0, NT_DIRECT, 0);
}

SEC("tp_btf/net_dev_xmit")
int BPF_PROG(nt_net_dev_xmit, struct sk_buff *skb, int rc, struct net_device *dev) {
    /* After the driver took the skb it may already be freed (veth hands it to the peer):
     * report it only when it is being followed, never start following it here. */
    return handle_dev(skb, dev, NT_PROBE_NET_DEV_XMIT, (__u32)rc, 0, 0, NT_FOLLOW_ONLY | NT_DIRECT,
                      0, 0);
}

SEC("tp_btf/qdisc_enqueue")
int BPF_PROG(nt_qdisc_enqueue, struct Qdisc *q, void *txq, struct sk_buff *skb) {
    return handle(skb, NT_PROBE_QDISC_ENQUEUE, 0, q->handle, 0, NT_DIRECT, 0);
}

SEC("tp_btf/qdisc_dequeue")
int BPF_PROG(nt_qdisc_dequeue, struct Qdisc *q, void *txq, int packets, struct sk_buff *skb) {
    return handle(skb, NT_PROBE_QDISC_DEQUEUE, (__u32)packets, q->handle, 0, NT_DIRECT, 0);
}

SEC("tp_btf/kfree_skb")
int BPF_PROG(nt_kfree_skb, struct sk_buff *skb, void *location, int reason) {
    return handle(skb, NT_PROBE_KFREE_SKB, (__u32)reason, 0, (__u64)location, NT_DIRECT, 0);
}

SEC("tp_btf/consume_skb")
int BPF_PROG(nt_consume_skb, struct sk_buff *skb, void *location) {
    return handle(skb, NT_PROBE_CONSUME_SKB, 0, 0, (__u64)location, NT_DIRECT, 0);
}

/* Before Linux 6.3 the tracepoint had no location argument. */
SEC("tp_btf/consume_skb")
int BPF_PROG(nt_consume_skb_v1, struct sk_buff *skb) {
    return handle(skb, NT_PROBE_CONSUME_SKB, 0, 0, 0, NT_DIRECT, 0);
}

SEC("tp_btf/skb_copy_datagram_iovec")
int BPF_PROG(nt_skb_copy_datagram_iovec, struct sk_buff *skb, int len) {
    return handle(skb, NT_PROBE_SKB_COPY_DATAGRAM_IOVEC, 0, (__u32)len, 0, NT_DIRECT, 0);
}

SEC("tp_btf/tcp_probe")
int BPF_PROG(nt_tcp_probe, struct sock *sk, struct sk_buff *skb) {
    return handle(skb, NT_PROBE_TCP_PROBE, 0, 0, 0, NT_DIRECT, 0);
}

SEC("tp_btf/tcp_retransmit_skb")
int BPF_PROG(nt_tcp_retransmit_skb, struct sock *sk, struct sk_buff *skb) {
    return handle(skb, NT_PROBE_TCP_RETRANSMIT_SKB, 0, 0, 0, NT_DIRECT, 0);
}

SEC("tp_btf/tcp_send_reset")
int BPF_PROG(nt_tcp_send_reset, struct sock *sk, struct sk_buff *skb) {
    return handle(skb, NT_PROBE_TCP_SEND_RESET, 0, 0, 0, NT_DIRECT, 0);
}

SEC("tp_btf/tcp_bad_csum")
int BPF_PROG(nt_tcp_bad_csum, struct sk_buff *skb) {
    return handle(skb, NT_PROBE_TCP_BAD_CSUM, 0, 0, 0, NT_DIRECT, 0);
}

SEC("tp_btf/udp_fail_queue_rcv_skb")
int BPF_PROG(nt_udp_fail_queue_rcv_skb, int rc, struct sock *sk, struct sk_buff *skb) {
    return handle(skb, NT_PROBE_UDP_FAIL_QUEUE_RCV_SKB, (__u32)rc, 0, 0, NT_DIRECT, 0);
}

SEC("tp_btf/sock_rcvqueue_full")
int BPF_PROG(nt_sock_rcvqueue_full, struct sock *sk, struct sk_buff *skb) {
    return handle(skb, NT_PROBE_SOCK_RCVQUEUE_FULL, 0, 0, 0, NT_DIRECT, 0);
}

/* Output route lookups carry the loopback device as their input interface (flowi4_iif,
 * flowi6_iif); input lookups the receiving device. One for output right after a packet came in
 * on this CPU is another packet's. */
#define NT_LOOPBACK_IFINDEX 1

static __always_inline int others_lookup(const struct nt_cpu_ctx *c,
                                         const struct flowi_common *fl) {
    return fl->flowic_iif == NT_LOOPBACK_IFINDEX && c->last_rx;
}

SEC("tp_btf/fib_table_lookup")
int BPF_PROG(nt_fib_table_lookup, __u32 tb_id, const struct flowi4 *flp, void *nhc, int err) {
    __u32 zero = 0;
    struct nt_cpu_ctx *c = bpf_map_lookup_elem(&nt_cpu, &zero);
    if (!c || !flp)
        return 0;
    if (others_lookup(c, &flp->__fl_common))
        return 0;
    __u8 addr[16] = {};
    __u32 daddr = flp->daddr;
    __builtin_memcpy(addr, &daddr, 4);
    return handle_context(c->last_skb, NT_PROBE_FIB_TABLE_LOOKUP, (__u32)err, tb_id, addr, 4);
}

SEC("tp_btf/fib6_table_lookup")
int BPF_PROG(nt_fib6_table_lookup, void *net, void *res, void *table, const struct flowi6 *flp) {
    __u32 zero = 0;
    struct nt_cpu_ctx *c = bpf_map_lookup_elem(&nt_cpu, &zero);
    if (!c || !flp)
        return 0;
    if (others_lookup(c, &flp->__fl_common))
        return 0;
    __u8 addr[16] = {};
    bpf_probe_read_kernel(addr, 16, &flp->daddr);
    return handle_context(c->last_skb, NT_PROBE_FIB6_TABLE_LOOKUP, 0, 0, addr, 6);
}

/* Kernel functions, pwru-style: one generic program per position of the sk_buff argument,
 * attached to every function with its skb there. The probe id travels with the attachment: a
 * BPF cookie for kprobes and kprobe.multi; for fentry, where a program is loaded once per
 * function, user space writes it into the instruction that loads NT_FENTRY_ID_MAGIC. */
#define NT_FENTRY_ID_MAGIC 0x4e54f1d0

static __always_inline int handle_function(struct sk_buff *skb, __u64 probe) {
    if (probe < NT_PROBE_FUNCTION_BASE || probe > 0xffff)
        return 0;
    return handle(skb, (__u16)probe, 0, 0, 0, 0, 0);
}

/* `arg` is the probed argument: an sk_buff, or for nf_tables functions an nft_pktinfo. */
static __always_inline struct sk_buff *pkt_skb(__u64 arg) {
    return BPF_CORE_READ((struct nft_pktinfo *)arg, skb);
}

#define NT_FUNCTION_PROGRAMS(n, kind, get)                                                         \
    SEC("kprobe")                                                                                  \
    int nt_kprobe_##kind##n(struct pt_regs *ctx) {                                                 \
        return handle_function(get((__u64)PT_REGS_PARM##n##_CORE(ctx)),                            \
                               bpf_get_attach_cookie(ctx));                                        \
    }                                                                                              \
    SEC("kprobe.multi")                                                                            \
    int nt_kprobe_multi_##kind##n(struct pt_regs *ctx) {                                           \
        return handle_function(get((__u64)PT_REGS_PARM##n##_CORE(ctx)),                            \
                               bpf_get_attach_cookie(ctx));                                        \
    }                                                                                              \
    SEC("fentry")                                                                                  \
    int nt_fentry_##kind##n(unsigned long long *ctx) {                                             \
        __u64 id;                                                                                  \
        asm volatile("%0 = %1" : "=r"(id) : "i"(NT_FENTRY_ID_MAGIC));                              \
        return handle_function(get(ctx[n - 1]), id);                                               \
    }

#define NT_AS_SKB(v) ((struct sk_buff *)(v))
NT_FUNCTION_PROGRAMS(1, skb, NT_AS_SKB)
NT_FUNCTION_PROGRAMS(2, skb, NT_AS_SKB)
NT_FUNCTION_PROGRAMS(3, skb, NT_AS_SKB)
NT_FUNCTION_PROGRAMS(4, skb, NT_AS_SKB)
NT_FUNCTION_PROGRAMS(5, skb, NT_AS_SKB)
NT_FUNCTION_PROGRAMS(1, pkt, pkt_skb)
NT_FUNCTION_PROGRAMS(2, pkt, pkt_skb)
NT_FUNCTION_PROGRAMS(3, pkt, pkt_skb)

/* nftables' trace path, probed where function probes exist: every rule evaluation of a packet
 * with nftrace set passes __nft_trace_packet, and what the kernel would put in its
 * NFNLGRP_NFTRACE message is read here, next to the skb. Its signature changed in Linux 6.3:
 *   v1 (up to 6.2): (struct nft_traceinfo *info, const struct nft_chain *chain, type), the
 *                   packet, rule and verdict in info;
 *   v2 (6.3 on):    (pkt, verdict, rule, info, type), the chain found from the rule.
 * User space checks the kernel's BTF and loads the matching program. */
#define NFT_TRACETYPE_POLICY 1
#define NFT_TRACETYPE_RETURN 2
#define NFT_TRACETYPE_RULE 3
/* kTracerTablePrefix in src/core/event.h */
#define NT_TRACER_TABLE_PREFIX "nft_tracer_"
#define NFT_CONTINUE (-1)
#define NFT_JUMP (-3)
#define NFT_GOTO (-4)
#define NF_VERDICT_MASK 0xff
#define NT_NFT_MAX_RULES 4096

/* The probe id of the event that starts following a packet nft traces before any other probe
 * saw it (set before load). */
const volatile __u16 nt_nft_probe_id = 0;

/* One step of the walk from a rule to the end of its chain's blob, where the chain is named.
 * The walk's state is in the scratch map, for the reason given at filter_match. */
struct nt_walk {
    struct nt_scratch *st;
};

static long rule_step(__u32 i, void *data) {
    struct nt_scratch *w = ((struct nt_walk *)data)->st;
    const struct nft_rule_dp *r = (const struct nft_rule_dp *)w->rule;
    if (BPF_CORE_READ_BITFIELD_PROBED(r, is_last)) {
        w->last_rule = w->rule;
        return 1;
    }
    w->rule += bpf_core_type_size(struct nft_rule_dp) + BPF_CORE_READ_BITFIELD_PROBED(r, dlen);
    return 0;
}

static __always_inline const struct nft_chain *chain_of_rule(const struct nft_rule_dp *rule,
                                                             const struct nft_traceinfo *info) {
    if (!rule) {
        const struct nft_base_chain *bc = BPF_CORE_READ(info, basechain);
        return bc ? &bc->chain : 0;
    }
    if (!bpf_core_type_exists(struct nft_rule_dp_last))
        return 0;
    __u32 zero = 0;
    struct nt_scratch *w = bpf_map_lookup_elem(&nt_scratch_map, &zero);
    if (!w)
        return 0;
    w->rule = (__u64)rule;
    w->last_rule = 0;
    struct nt_walk walk = {.st = w};
    bpf_loop(NT_NFT_MAX_RULES, rule_step, &walk, 0);
    /* Out of the scratch map first: BPF_CORE_READ relocates every access in its argument. */
    const struct nft_rule_dp_last *last = (const struct nft_rule_dp_last *)w->last_rule;
    if (!last)
        return 0;
    return BPF_CORE_READ(last, chain);
}

/* An nft record is built here and copied into the ring buffer with only the bytes its names
 * use (bpf_ringbuf_output), instead of reserving room for three names of 256 bytes each. */
struct nt_nft_buf {
    struct nt_nft r;
    char names[NT_NFT_NAMES_MAX];
};

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct nt_nft_buf);
} nt_nft_buf_map SEC(".maps");

/* Reads a kernel string to `off` in the names and returns its length without the NUL (the next
 * name overwrites the NUL). */
static __always_inline __u8 put_name(struct nt_nft_buf *b, __u32 off, const char *src) {
    off &= 0x1ff; /* at most 255 + 255: the read below stays inside the names */
    long n = bpf_probe_read_kernel_str(&b->names[off], NT_NFT_NAME_MAX, src);
    return n > 1 ? (__u8)((n - 1) & 0xff) : 0;
}

/* 1 when the table named first in the names is one of nft-tracer's own trace tables. */
static __always_inline int own_table(const struct nt_nft_buf *b) {
    if (b->r.table_len < sizeof(NT_TRACER_TABLE_PREFIX) - 1)
        return 0;
    for (int i = 0; i < (int)sizeof(NT_TRACER_TABLE_PREFIX) - 1; i++) {
        if (b->names[i] != NT_TRACER_TABLE_PREFIX[i])
            return 0;
    }
    return 1;
}

static __always_inline void nft_submit(struct nt_nft_buf *b) {
    __u64 size = sizeof(struct nt_nft) + (__u64)b->r.table_len + b->r.chain_len + b->r.jump_len;
    if (size > sizeof(*b))
        return;
    if (bpf_ringbuf_output(&nt_records, b, size, 0) != 0)
        count(NT_CNT_RINGBUF_FULL);
}

/* The scratch record with the fields every nft record has (the packet, its hook, its table's
 * name), or nothing when the packet's namespace is not the traced one. */
static __always_inline struct nt_nft_buf *
nft_start(const struct nft_pktinfo *pkt, struct sk_buff *skb, const struct nft_chain *chain) {
    const struct nf_hook_state *state = BPF_CORE_READ(pkt, state);
    __u32 netns = BPF_CORE_READ(state, net, ns.inum);
    if (nt_netns && netns != nt_netns)
        return 0;
    __u32 zero = 0;
    struct nt_nft_buf *b = bpf_map_lookup_elem(&nt_nft_buf_map, &zero);
    if (!b)
        return 0;
    struct nt_nft *r = &b->r;
    r->type = NT_REC_NFT;
    r->hook = BPF_CORE_READ(state, hook);
    r->nfproto = BPF_CORE_READ(state, pf);
    r->pad = 0;
    r->ts_ns = bpf_ktime_get_ns();
    r->skb = (__u64)skb;
    r->netns = netns;
    struct net_device *in = BPF_CORE_READ(state, in);
    struct net_device *out = BPF_CORE_READ(state, out);
    r->iif = in ? BPF_CORE_READ(in, ifindex) : 0;
    r->oif = out ? BPF_CORE_READ(out, ifindex) : 0;
    r->mark = BPF_CORE_READ(skb, mark);
    const struct nft_table *table = BPF_CORE_READ(chain, table);
    r->family = (__u8)BPF_CORE_READ_BITFIELD_PROBED(table, family);
    r->table_len = put_name(b, 0, BPF_CORE_READ(table, name));
    r->chain_len = 0;
    r->jump_len = 0;
    return b;
}

static __always_inline int nft_trace(const struct nft_pktinfo *pkt, const struct nft_verdict *vd,
                                     const struct nft_rule_dp *rule,
                                     const struct nft_traceinfo *info,
                                     const struct nft_chain *chain, __u32 trace_type) {
    /* The kernel itself reports nothing unless the packet has nftrace set. */
    if (!info || !BPF_CORE_READ(info, trace) || !BPF_CORE_READ(info, nf_trace))
        return 0;
    struct sk_buff *skb = BPF_CORE_READ(pkt, skb);
    if (!skb || !chain)
        return 0;
    __u64 key = (__u64)skb;
    if (!tracked(key)) {
        /* Not followed yet (sent from this host, no probe before this hook): follow it from
         * here when the filter wants it. */
        handle(skb, nt_nft_probe_id, 0, 0, 0, 0, 0);
        if (!tracked(key))
            return 0;
    }
    struct nt_nft_buf *b = nft_start(pkt, skb, chain);
    if (!b)
        return 0;
    struct nt_nft *r = &b->r;
    r->trace_type = (__u8)trace_type;
    /* The kernel sends the packet's headers with the first message of each walk. */
    r->walk_start = !BPF_CORE_READ(info, packet_dumped);
    r->trace_id = BPF_CORE_READ(info, skbid);
    const struct nft_base_chain *bc = BPF_CORE_READ(info, basechain);
    r->policy = bc ? BPF_CORE_READ(bc, policy) : 0;
    __s32 code = vd ? (__s32)BPF_CORE_READ(vd, code) : NFT_CONTINUE;
    r->verdict = code >= 0 ? (code & NF_VERDICT_MASK) : code;
    /* As nf_tables_trace.c: no handle for the end of a chain (the blob's last entry) and for
     * the implicit return there. */
    r->rule_handle = 0;
    if (rule && !BPF_CORE_READ_BITFIELD_PROBED(rule, is_last) &&
        !(trace_type == NFT_TRACETYPE_RETURN && code == NFT_CONTINUE))
        r->rule_handle = BPF_CORE_READ_BITFIELD_PROBED(rule, handle);
    /* Of nft-tracer's own table only the rule that sets nftrace is wanted (it marks the hook);
     * the policy of a chain none of whose rules matched would be discarded by user space. */
    if ((trace_type != NFT_TRACETYPE_RULE || !r->rule_handle) && own_table(b))
        return 0;
    r->chain_len = put_name(b, r->table_len, BPF_CORE_READ(chain, name));
    if (vd && (code == NFT_JUMP || code == NFT_GOTO))
        r->jump_len =
            put_name(b, (__u32)r->table_len + r->chain_len, BPF_CORE_READ(vd, chain, name));
    nft_submit(b);
    return 0;
}

static __always_inline int nft_trace_v1(__u64 info_arg, __u64 chain, __u64 type) {
    const struct nft_traceinfo___v1 *v1 = (const struct nft_traceinfo___v1 *)info_arg;
    return nft_trace(BPF_CORE_READ(v1, pkt), BPF_CORE_READ(v1, verdict), BPF_CORE_READ(v1, rule),
                     (const struct nft_traceinfo *)info_arg, (const struct nft_chain *)chain,
                     (__u32)type);
}

static __always_inline int nft_trace_v2(__u64 pkt, __u64 verdict, __u64 rule, __u64 info,
                                        __u64 type) {
    const struct nft_traceinfo *ti = (const struct nft_traceinfo *)info;
    if (!ti || !BPF_CORE_READ(ti, trace) || !BPF_CORE_READ(ti, nf_trace))
        return 0;
    const struct nft_rule_dp *r = (const struct nft_rule_dp *)rule;
    return nft_trace((const struct nft_pktinfo *)pkt, (const struct nft_verdict *)verdict, r, ti,
                     chain_of_rule(r, ti), (__u32)type);
}

SEC("kprobe")
int nt_kprobe_nft_v1(struct pt_regs *ctx) {
    return nft_trace_v1(PT_REGS_PARM1_CORE(ctx), PT_REGS_PARM2_CORE(ctx), PT_REGS_PARM3_CORE(ctx));
}
SEC("kprobe.multi")
int nt_kprobe_multi_nft_v1(struct pt_regs *ctx) {
    return nft_trace_v1(PT_REGS_PARM1_CORE(ctx), PT_REGS_PARM2_CORE(ctx), PT_REGS_PARM3_CORE(ctx));
}
SEC("fentry")
int nt_fentry_nft_v1(unsigned long long *ctx) {
    return nft_trace_v1(ctx[0], ctx[1], ctx[2]);
}
SEC("kprobe")
int nt_kprobe_nft_v2(struct pt_regs *ctx) {
    return nft_trace_v2(PT_REGS_PARM1_CORE(ctx), PT_REGS_PARM2_CORE(ctx), PT_REGS_PARM3_CORE(ctx),
                        PT_REGS_PARM4_CORE(ctx), PT_REGS_PARM5_CORE(ctx));
}
SEC("kprobe.multi")
int nt_kprobe_multi_nft_v2(struct pt_regs *ctx) {
    return nft_trace_v2(PT_REGS_PARM1_CORE(ctx), PT_REGS_PARM2_CORE(ctx), PT_REGS_PARM3_CORE(ctx),
                        PT_REGS_PARM4_CORE(ctx), PT_REGS_PARM5_CORE(ctx));
}
SEC("fentry")
int nt_fentry_nft_v2(unsigned long long *ctx) {
    return nft_trace_v2(ctx[0], ctx[1], ctx[2], ctx[3], ctx[4]);
}

/* nft_do_chain(struct nft_pktinfo *pkt, void *priv): the verdict a base chain returned for the
 * packet (NF_ACCEPT, NF_DROP, NF_STOLEN, NF_QUEUE...; queue number and errno in the upper bits
 * are masked off), for every skb tracked when the chain began, nftrace set or not. The entry
 * (kprobe or fentry) keeps the arguments on a per-CPU stack (nft_do_chain nests when a hook
 * sends a packet, as reject does, or when a softirq interrupts an output hook) for the return
 * (kretprobe or fexit). Since Linux 6.7 a drop verdict frees the skb inside nft_do_chain (with
 * reason NETFILTER_DROP) and returns NF_STOLEN: a packet tracked at entry and freed by the
 * return, with NF_STOLEN, was dropped by the chain. */
#define NT_CHAIN_DEPTH 8
#define NF_DROP 0
#define NF_STOLEN 2
struct nt_chain_frames {
    __u64 pkt[NT_CHAIN_DEPTH];
    __u64 chain[NT_CHAIN_DEPTH];
    __u64 skb[NT_CHAIN_DEPTH]; /* 0: not tracked at entry */
    __u32 depth;
};

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct nt_chain_frames);
} nt_chain_frames_map SEC(".maps");

static __always_inline int nft_chain_entry(__u64 pkt, __u64 chain) {
    __u32 zero = 0;
    struct nt_chain_frames *f = bpf_map_lookup_elem(&nt_chain_frames_map, &zero);
    if (!f)
        return 0;
    __u32 d = f->depth;
    if (d < NT_CHAIN_DEPTH) {
        struct sk_buff *skb = pkt ? BPF_CORE_READ((struct nft_pktinfo *)pkt, skb) : 0;
        __u64 key = (__u64)skb;
        f->pkt[d & (NT_CHAIN_DEPTH - 1)] = pkt;
        f->chain[d & (NT_CHAIN_DEPTH - 1)] = chain;
        f->skb[d & (NT_CHAIN_DEPTH - 1)] = skb && tracked(key) ? key : 0;
    }
    f->depth = d + 1;
    return 0;
}

static __always_inline int nft_chain_exit(__u32 ret) {
    __u32 zero = 0;
    struct nt_chain_frames *f = bpf_map_lookup_elem(&nt_chain_frames_map, &zero);
    if (!f || f->depth == 0)
        return 0;
    __u32 d = --f->depth;
    if (d >= NT_CHAIN_DEPTH)
        return 0;
    const struct nft_pktinfo *pkt = (const struct nft_pktinfo *)f->pkt[d & (NT_CHAIN_DEPTH - 1)];
    const struct nft_chain *chain = (const struct nft_chain *)f->chain[d & (NT_CHAIN_DEPTH - 1)];
    __u64 key = f->skb[d & (NT_CHAIN_DEPTH - 1)];
    if (!pkt || !chain || !key)
        return 0;
    struct sk_buff *skb = (struct sk_buff *)key;
    __u32 verdict = ret & NF_VERDICT_MASK;
    if (!tracked(key)) {
        if (verdict != NF_STOLEN)
            return 0; /* followed no more, and not by a drop in this chain */
        verdict = NF_DROP;
    }
    struct nt_nft_buf *b = nft_start(pkt, skb, chain);
    if (!b || own_table(b))
        return 0;
    struct nt_nft *r = &b->r;
    r->trace_type = NT_NFT_TRACETYPE_CHAIN;
    r->walk_start = 0;
    r->trace_id = 0;
    r->policy = 0;
    r->rule_handle = 0;
    r->verdict = (__s32)verdict;
    r->chain_len = put_name(b, r->table_len, BPF_CORE_READ(chain, name));
    nft_submit(b);
    return 0;
}

SEC("fentry")
int nt_fentry_nft_chain(unsigned long long *ctx) {
    return nft_chain_entry(ctx[0], ctx[1]);
}

SEC("fexit")
int nt_fexit_nft_chain(unsigned long long *ctx) {
    return nft_chain_exit((__u32)ctx[2]);
}

SEC("kprobe")
int nt_kprobe_nft_chain(struct pt_regs *ctx) {
    return nft_chain_entry(PT_REGS_PARM1_CORE(ctx), PT_REGS_PARM2_CORE(ctx));
}

SEC("kretprobe")
int nt_kretprobe_nft_chain(struct pt_regs *ctx) {
    return nft_chain_exit((__u32)PT_REGS_RC_CORE(ctx));
}
