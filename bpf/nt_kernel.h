/* The few kernel types the BPF programs read, declared for CO-RE: libbpf relocates every
 * field access against the running kernel's BTF, so only names (not layouts) must match. */
#ifndef NT_KERNEL_H
#define NT_KERNEL_H

#include <linux/bpf.h>
#include <linux/types.h>

#pragma clang attribute push(__attribute__((preserve_access_index)), apply_to = record)

struct pt_regs;

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

struct Qdisc {
    __u32 handle;
};

struct in6_addr {
    __u8 s6_addr[16];
};

struct flowi4 {
    __u32 saddr;
    __u32 daddr;
};

struct flowi6 {
    struct in6_addr daddr;
    struct in6_addr saddr;
};

#pragma clang attribute pop

#endif /* NT_KERNEL_H */
