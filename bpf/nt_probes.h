/* The probe catalogue's fixed part: every tracepoint the BPF side follows packets at, in one
 * list read by the BPF programs (the probe ids), the core (names, layers) and the loader (the
 * program, its argument checks). Expand it with NT_TRACEPOINT defined as needed:
 *
 *   NT_TRACEPOINT(id, ENUM, name, subsystem, layer, older, args...)
 *
 *   id         the probe id, stored in trace files: append, never renumber or reuse
 *   ENUM       NT_PROBE_<ENUM> in enum nt_probe
 *   name       the tracepoint (/sys/kernel/tracing/events/<subsystem>/<name>); its program in
 *              nt_trace.bpf.c is nt_<name>
 *   layer      nt::Layer it belongs to
 *   older      NT_OLDER(program) for the program of the tracepoint's older form, which lacks
 *              the last argument checked; NT_NO_OLDER when there is none
 *   args...    what the program expects of the tracepoint's arguments, checked against the
 *              kernel's BTF before loading: {index, "struct name"}, "" an integer, "*" any
 *              pointer
 */
#ifndef NT_PROBES_H
#define NT_PROBES_H

#define NT_TRACEPOINTS(NT_TRACEPOINT)                                                              \
    NT_TRACEPOINT(1, NETIF_RECEIVE_SKB, netif_receive_skb, net, Device, NT_NO_OLDER,               \
                  {0, "sk_buff"})                                                                  \
    NT_TRACEPOINT(2, NETIF_RX, netif_rx, net, Device, NT_NO_OLDER, {0, "sk_buff"})                 \
    NT_TRACEPOINT(3, NAPI_GRO_RECEIVE_ENTRY, napi_gro_receive_entry, net, GRO, NT_NO_OLDER,        \
                  {0, "sk_buff"})                                                                  \
    NT_TRACEPOINT(4, NAPI_GRO_RECEIVE_EXIT, napi_gro_receive_exit, net, GRO, NT_NO_OLDER, {0, ""}) \
    NT_TRACEPOINT(5, NET_DEV_QUEUE, net_dev_queue, net, Xmit, NT_NO_OLDER, {0, "sk_buff"})         \
    NT_TRACEPOINT(6, NET_DEV_START_XMIT, net_dev_start_xmit, net, Xmit, NT_NO_OLDER,               \
                  {0, "sk_buff"})                                                                  \
    NT_TRACEPOINT(7, NET_DEV_XMIT, net_dev_xmit, net, Xmit, NT_NO_OLDER, {0, "sk_buff"}, {1, ""},  \
                  {2, "net_device"})                                                               \
    NT_TRACEPOINT(8, QDISC_ENQUEUE, qdisc_enqueue, qdisc, Xmit, NT_NO_OLDER, {0, "Qdisc"},         \
                  {2, "sk_buff"})                                                                  \
    NT_TRACEPOINT(9, QDISC_DEQUEUE, qdisc_dequeue, qdisc, Xmit, NT_NO_OLDER, {0, "Qdisc"},         \
                  {2, ""}, {3, "sk_buff"})                                                         \
    NT_TRACEPOINT(10, KFREE_SKB, kfree_skb, skb, Drop, NT_NO_OLDER, {0, "sk_buff"}, {2, ""})       \
    /* The location argument came with Linux 6.3 (Debian 12 runs 6.1). */                          \
    NT_TRACEPOINT(11, CONSUME_SKB, consume_skb, skb, Device, NT_OLDER(nt_consume_skb_v1),          \
                  {0, "sk_buff"}, {1, "*"})                                                        \
    NT_TRACEPOINT(12, SKB_COPY_DATAGRAM_IOVEC, skb_copy_datagram_iovec, skb, Socket, NT_NO_OLDER,  \
                  {0, "sk_buff"}, {1, ""})                                                         \
    NT_TRACEPOINT(13, TCP_PROBE, tcp_probe, tcp, TCP, NT_NO_OLDER, {1, "sk_buff"})                 \
    NT_TRACEPOINT(14, TCP_RETRANSMIT_SKB, tcp_retransmit_skb, tcp, TCP, NT_NO_OLDER,               \
                  {1, "sk_buff"})                                                                  \
    NT_TRACEPOINT(15, TCP_SEND_RESET, tcp_send_reset, tcp, TCP, NT_NO_OLDER, {1, "sk_buff"})       \
    NT_TRACEPOINT(16, TCP_BAD_CSUM, tcp_bad_csum, tcp, TCP, NT_NO_OLDER, {0, "sk_buff"})           \
    NT_TRACEPOINT(17, UDP_FAIL_QUEUE_RCV_SKB, udp_fail_queue_rcv_skb, udp, UDP, NT_NO_OLDER,       \
                  {0, ""}, {2, "sk_buff"})                                                         \
    NT_TRACEPOINT(18, FIB_TABLE_LOOKUP, fib_table_lookup, fib, Routing, NT_NO_OLDER, {0, ""},      \
                  {1, "flowi4"}, {3, ""})                                                          \
    NT_TRACEPOINT(19, FIB6_TABLE_LOOKUP, fib6_table_lookup, fib6, Routing, NT_NO_OLDER,            \
                  {3, "flowi6"})                                                                   \
    NT_TRACEPOINT(20, SOCK_RCVQUEUE_FULL, sock_rcvqueue_full, sock, Socket, NT_NO_OLDER,           \
                  {1, "sk_buff"})

#endif /* NT_PROBES_H */
