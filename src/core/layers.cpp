// The layer table: one place that says which layer a probe belongs to.
#include "layers.h"

#include "event.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <string>

namespace nt {
namespace {

// Marked for lupdate: the same identifiers are the source texts of layerDisplayName().
constexpr std::array<const char *, kLayerCount> kLayerNames = {
    QT_TRANSLATE_NOOP("nt::Layer", "Device"),  QT_TRANSLATE_NOOP("nt::Layer", "GRO"),
    QT_TRANSLATE_NOOP("nt::Layer", "Bridge"),  QT_TRANSLATE_NOOP("nt::Layer", "Netfilter"),
    QT_TRANSLATE_NOOP("nt::Layer", "IPv4"),    QT_TRANSLATE_NOOP("nt::Layer", "IPv6"),
    QT_TRANSLATE_NOOP("nt::Layer", "Routing"), QT_TRANSLATE_NOOP("nt::Layer", "TCP"),
    QT_TRANSLATE_NOOP("nt::Layer", "UDP"),     QT_TRANSLATE_NOOP("nt::Layer", "Socket"),
    QT_TRANSLATE_NOOP("nt::Layer", "Xmit"),    QT_TRANSLATE_NOOP("nt::Layer", "SoftIRQ"),
    QT_TRANSLATE_NOOP("nt::Layer", "Drop")};

struct Rule {
    std::string_view pattern; // exact name, or a prefix when it ends with '*'
    Layer layer;
};

// Order matters: the first match wins, so exact names and longer prefixes come first.
constexpr Rule kRules[] = {
    // tracepoints
    {"netif_receive_skb", Layer::Device},
    {"netif_rx", Layer::Device},
    {"napi_gro_receive_entry", Layer::GRO},
    {"napi_gro_receive_exit", Layer::GRO},
    {"net_dev_queue", Layer::Xmit},
    {"net_dev_start_xmit", Layer::Xmit},
    {"net_dev_xmit", Layer::Xmit},
    {"qdisc_enqueue", Layer::Xmit},
    {"qdisc_dequeue", Layer::Xmit},
    {"kfree_skb", Layer::Drop},
    {"kfree_skb_reason", Layer::Drop},
    {"sk_skb_reason_drop", Layer::Drop},
    {"consume_skb", Layer::Device},
    {"skb_copy_datagram_iovec", Layer::Socket},
    {"sock_rcvqueue_full", Layer::Socket},
    {"tcp_probe", Layer::TCP},
    {"fib_table_lookup", Layer::Routing},
    {"fib6_table_lookup", Layer::Routing},
    {"udp_fail_queue_rcv_skb", Layer::UDP},
    // functions, by prefix
    {"__netif_receive_skb*", Layer::Device},
    {"netif_*", Layer::Device},
    {"netdev_*", Layer::Device},
    {"eth_*", Layer::Device},
    {"veth_*", Layer::Device},
    {"napi_gro_*", Layer::GRO},
    {"gro_*", Layer::GRO},
    {"dev_gro_*", Layer::GRO},
    {"inet_gro_*", Layer::GRO},
    {"ipv6_gro_*", Layer::GRO},
    {"tcp4_gro_*", Layer::GRO},
    {"tcp6_gro_*", Layer::GRO},
    {"udp4_gro_*", Layer::GRO},
    {"udp6_gro_*", Layer::GRO},
    {"skb_gro_*", Layer::GRO},
    {"br_*", Layer::Bridge},
    {"nf_*", Layer::Netfilter},
    {"nft_*", Layer::Netfilter},
    {"ipt_*", Layer::Netfilter},
    {"ip6t_*", Layer::Netfilter},
    {"__nf_*", Layer::Netfilter},
    {"netfilter*", Layer::Netfilter},
    {"fib_*", Layer::Routing},
    {"fib4_*", Layer::Routing},
    {"fib6_*", Layer::Routing},
    {"ip_route_*", Layer::Routing},
    {"ip6_route_*", Layer::Routing},
    {"ip_rt_*", Layer::Routing},
    {"rt6_*", Layer::Routing},
    {"dst_*", Layer::Routing},
    {"ip6_*", Layer::IPv6},
    {"ipv6_*", Layer::IPv6},
    {"icmpv6_*", Layer::IPv6},
    {"ndisc_*", Layer::IPv6},
    {"ip_*", Layer::IPv4},
    {"ipv4_*", Layer::IPv4},
    {"icmp_*", Layer::IPv4},
    {"arp_*", Layer::IPv4},
    {"tcp_*", Layer::TCP},
    {"tcp4_*", Layer::TCP},
    {"tcp6_*", Layer::TCP},
    {"__tcp_*", Layer::TCP},
    {"inet_csk_*", Layer::TCP},
    {"udp_*", Layer::UDP},
    {"udp4_*", Layer::UDP},
    {"udp6_*", Layer::UDP},
    {"udpv6_*", Layer::UDP},
    {"__udp*", Layer::UDP},
    {"sock_*", Layer::Socket},
    {"sk_*", Layer::Socket},
    {"skb_copy_datagram*", Layer::Socket},
    {"unix_*", Layer::Socket},
    {"raw_*", Layer::Socket},
    {"ping_*", Layer::Socket},
    {"dev_queue_xmit*", Layer::Xmit},
    {"__dev_queue_xmit*", Layer::Xmit},
    {"dev_hard_start_xmit*", Layer::Xmit},
    {"sch_*", Layer::Xmit},
    {"qdisc_*", Layer::Xmit},
    {"__qdisc_*", Layer::Xmit},
    {"validate_xmit*", Layer::Xmit},
    {"net_rx_action", Layer::SoftIRQ},
    {"__napi_poll", Layer::SoftIRQ},
    {"napi_*", Layer::SoftIRQ},
    {"process_backlog", Layer::SoftIRQ},
    {"do_softirq*", Layer::SoftIRQ},
    {"kfree_skb*", Layer::Drop},
    {"__kfree_skb*", Layer::Drop},
    {"skb_release*", Layer::Drop},
};

bool matches(std::string_view pattern, std::string_view name) {
    if (!pattern.empty() && pattern.back() == '*') {
        return name.starts_with(pattern.substr(0, pattern.size() - 1));
    }
    return pattern == name;
}

constexpr TracepointInfo kTracepoints[] = {
    {NT_PROBE_NETIF_RECEIVE_SKB, "netif_receive_skb", "net"},
    {NT_PROBE_NETIF_RX, "netif_rx", "net"},
    {NT_PROBE_NAPI_GRO_RECEIVE_ENTRY, "napi_gro_receive_entry", "net"},
    {NT_PROBE_NAPI_GRO_RECEIVE_EXIT, "napi_gro_receive_exit", "net"},
    {NT_PROBE_NET_DEV_QUEUE, "net_dev_queue", "net"},
    {NT_PROBE_NET_DEV_START_XMIT, "net_dev_start_xmit", "net"},
    {NT_PROBE_NET_DEV_XMIT, "net_dev_xmit", "net"},
    {NT_PROBE_QDISC_ENQUEUE, "qdisc_enqueue", "qdisc"},
    {NT_PROBE_QDISC_DEQUEUE, "qdisc_dequeue", "qdisc"},
    {NT_PROBE_KFREE_SKB, "kfree_skb", "skb"},
    {NT_PROBE_CONSUME_SKB, "consume_skb", "skb"},
    {NT_PROBE_SKB_COPY_DATAGRAM_IOVEC, "skb_copy_datagram_iovec", "skb"},
    {NT_PROBE_TCP_PROBE, "tcp_probe", "tcp"},
    {NT_PROBE_TCP_RETRANSMIT_SKB, "tcp_retransmit_skb", "tcp"},
    {NT_PROBE_TCP_SEND_RESET, "tcp_send_reset", "tcp"},
    {NT_PROBE_TCP_BAD_CSUM, "tcp_bad_csum", "tcp"},
    {NT_PROBE_UDP_FAIL_QUEUE_RCV_SKB, "udp_fail_queue_rcv_skb", "udp"},
    {NT_PROBE_FIB_TABLE_LOOKUP, "fib_table_lookup", "fib"},
    {NT_PROBE_FIB6_TABLE_LOOKUP, "fib6_table_lookup", "fib6"},
    {NT_PROBE_SOCK_RCVQUEUE_FULL, "sock_rcvqueue_full", "sock"},
};
static_assert(std::size(kTracepoints) == NT_PROBE_TRACEPOINT_COUNT - 1);

} // namespace

const char *layerName(Layer layer) {
    const auto i = static_cast<size_t>(layer);
    return i < kLayerNames.size() ? kLayerNames[i] : "?";
}

QString layerDisplayName(Layer layer) {
    const auto i = static_cast<size_t>(layer);
    return i < kLayerNames.size() ? QCoreApplication::translate("nt::Layer", kLayerNames[i])
                                  : QStringLiteral("?");
}

std::optional<Layer> layerFromName(std::string_view name) {
    for (size_t i = 0; i < kLayerNames.size(); ++i) {
        if (name == kLayerNames[i]) {
            return static_cast<Layer>(i);
        }
    }
    return std::nullopt;
}

Layer classifyProbe(std::string_view name) {
    for (const Rule &r : kRules) {
        if (matches(r.pattern, name)) {
            return r.layer;
        }
    }
    // Names that say nothing about their layer ("skb_clone", "pskb_expand_head") are
    // packet-buffer handling done on behalf of the device layer.
    return Layer::Device;
}

std::span<const TracepointInfo> tracepoints() {
    return kTracepoints;
}

const char *tracepointName(uint16_t probe) {
    for (const TracepointInfo &t : kTracepoints) {
        if (t.probe == probe) {
            return t.name;
        }
    }
    return nullptr;
}

std::string verdictName(int32_t code) {
    switch (code) {
    case verdict::Drop:
        return "DROP";
    case verdict::Accept:
        return "ACCEPT";
    case verdict::Stolen:
        return "STOLEN";
    case verdict::Queue:
        return "QUEUE";
    case verdict::Repeat:
        return "REPEAT";
    case verdict::Stop:
        return "STOP";
    case verdict::Continue:
        return "CONTINUE";
    case verdict::Break:
        return "BREAK";
    case verdict::Jump:
        return "JUMP";
    case verdict::Goto:
        return "GOTO";
    case verdict::Return:
        return "RETURN";
    case verdict::None:
        return "";
    default:
        return "UNKNOWN(" + std::to_string(code) + ")";
    }
}

} // namespace nt
