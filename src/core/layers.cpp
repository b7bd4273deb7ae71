// The layer table: one place that says which layer a probe belongs to.
#include "layers.h"

#include "event.h"
#include "probes.h"

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
    uint8_t priority;
};

// Order matters: the first match wins, so exact names and longer prefixes come first.
constexpr Rule kRules[] = {
    // functions that mark a layer's main path: critical (tracepoint names are the catalogue's)
    {"kfree_skb_reason", Layer::Drop, 0},
    {"sk_skb_reason_drop", Layer::Drop, 0},
    {"__netif_receive_skb_core", Layer::Device, 0},
    {"__netif_receive_skb_one_core", Layer::Device, 0},
    {"__netif_receive_skb", Layer::Device, 0},
    {"__netif_rx", Layer::Device, 0},
    {"netif_receive_skb_list_internal", Layer::Device, 0},
    {"napi_gro_receive", Layer::GRO, 0},
    {"dev_gro_receive", Layer::GRO, 0},
    {"napi_gro_frags", Layer::GRO, 0},
    {"nf_hook_slow", Layer::Netfilter, 0},
    {"nft_do_chain", Layer::Netfilter, 0},
    {"nft_do_chain_ipv4", Layer::Netfilter, 0},
    {"nft_do_chain_ipv6", Layer::Netfilter, 0},
    {"nft_do_chain_inet", Layer::Netfilter, 0},
    {"ipt_do_table", Layer::Netfilter, 0},
    {"ip6t_do_table", Layer::Netfilter, 0},
    {"nf_conntrack_in", Layer::Netfilter, 0},
    {"nf_nat_ipv4_fn", Layer::Netfilter, 0},
    {"nf_nat_inet_fn", Layer::Netfilter, 0},
    {"ip_rcv", Layer::IPv4, 0},
    {"ip_rcv_core", Layer::IPv4, 0},
    {"ip_rcv_finish", Layer::IPv4, 0},
    {"ip_rcv_finish_core", Layer::IPv4, 0},
    {"ip_local_deliver", Layer::IPv4, 0},
    {"ip_local_deliver_finish", Layer::IPv4, 0},
    {"ip_protocol_deliver_rcu", Layer::IPv4, 0},
    {"ip_forward", Layer::IPv4, 0},
    {"ip_forward_finish", Layer::IPv4, 0},
    {"ip_output", Layer::IPv4, 0},
    {"ip_finish_output", Layer::IPv4, 0},
    {"ip_finish_output2", Layer::IPv4, 0},
    {"__ip_finish_output", Layer::IPv4, 0},
    {"ip_local_out", Layer::IPv4, 0},
    {"__ip_local_out", Layer::IPv4, 0},
    {"ip_queue_xmit", Layer::IPv4, 0},
    {"__ip_queue_xmit", Layer::IPv4, 0},
    {"ip_send_skb", Layer::IPv4, 0},
    {"ip_defrag", Layer::IPv4, 0},
    {"icmp_rcv", Layer::IPv4, 0},
    {"ip_list_rcv", Layer::IPv4, 0},
    {"ipv6_rcv", Layer::IPv6, 0},
    {"ip6_rcv_core", Layer::IPv6, 0},
    {"ip6_rcv_finish", Layer::IPv6, 0},
    {"ip6_input", Layer::IPv6, 0},
    {"ip6_input_finish", Layer::IPv6, 0},
    {"ip6_protocol_deliver_rcu", Layer::IPv6, 0},
    {"ip6_forward", Layer::IPv6, 0},
    {"ip6_forward_finish", Layer::IPv6, 0},
    {"ip6_output", Layer::IPv6, 0},
    {"ip6_finish_output", Layer::IPv6, 0},
    {"ip6_finish_output2", Layer::IPv6, 0},
    {"ip6_xmit", Layer::IPv6, 0},
    {"ip6_local_out", Layer::IPv6, 0},
    {"__ip6_local_out", Layer::IPv6, 0},
    {"icmpv6_rcv", Layer::IPv6, 0},
    {"ipv6_list_rcv", Layer::IPv6, 0},
    {"ip_route_input_noref", Layer::Routing, 0},
    {"ip_route_input_slow", Layer::Routing, 0},
    {"ip_route_input_rcu", Layer::Routing, 0},
    {"ip_route_output_key_hash", Layer::Routing, 0},
    {"fib_validate_source", Layer::Routing, 0},
    {"ip6_route_input", Layer::Routing, 0},
    {"ip6_route_output_flags", Layer::Routing, 0},
    {"tcp_v4_rcv", Layer::TCP, 0},
    {"tcp_v6_rcv", Layer::TCP, 0},
    {"tcp_v4_do_rcv", Layer::TCP, 0},
    {"tcp_v6_do_rcv", Layer::TCP, 0},
    {"tcp_rcv_established", Layer::TCP, 0},
    {"tcp_rcv_state_process", Layer::TCP, 0},
    {"__tcp_transmit_skb", Layer::TCP, 0},
    {"tcp_v4_send_reset", Layer::TCP, 0},
    {"tcp_v6_send_reset", Layer::TCP, 0},
    {"tcp_conn_request", Layer::TCP, 0},
    {"udp_rcv", Layer::UDP, 0},
    {"udpv6_rcv", Layer::UDP, 0},
    {"__udp4_lib_rcv", Layer::UDP, 0},
    {"__udp6_lib_rcv", Layer::UDP, 0},
    {"udp_queue_rcv_skb", Layer::UDP, 0},
    {"udp_unicast_rcv_skb", Layer::UDP, 0},
    {"udp_send_skb", Layer::UDP, 0},
    {"udp_v6_send_skb", Layer::UDP, 0},
    {"udp_queue_rcv_one_skb", Layer::UDP, 0},
    {"sock_queue_rcv_skb", Layer::Socket, 0},
    {"sock_queue_rcv_skb_reason", Layer::Socket, 0},
    {"__sock_queue_rcv_skb", Layer::Socket, 0},
    {"tcp_queue_rcv", Layer::TCP, 0},
    {"skb_copy_datagram_iter", Layer::Socket, 0},
    {"dev_queue_xmit", Layer::Xmit, 0},
    {"__dev_queue_xmit", Layer::Xmit, 0},
    {"dev_hard_start_xmit", Layer::Xmit, 0},
    {"sch_direct_xmit", Layer::Xmit, 0},
    {"validate_xmit_skb", Layer::Xmit, 0},
    {"xmit_one", Layer::Xmit, 0},
    {"__kfree_skb", Layer::Drop, 0},
    {"kfree_skb_list_reason", Layer::Drop, 0},
    {"br_handle_frame", Layer::Bridge, 0},
    {"br_forward", Layer::Bridge, 0},
    {"br_dev_xmit", Layer::Bridge, 0},
    {"br_handle_frame_finish", Layer::Bridge, 0},
    // functions, by prefix
    {"__netif_receive_skb*", Layer::Device, 2},
    {"netif_*", Layer::Device, 2},
    {"netdev_*", Layer::Device, 2},
    {"eth_*", Layer::Device, 2},
    {"veth_*", Layer::Device, 2},
    {"napi_gro_*", Layer::GRO, 2},
    {"gro_*", Layer::GRO, 2},
    {"dev_gro_*", Layer::GRO, 2},
    {"inet_gro_*", Layer::GRO, 2},
    {"ipv6_gro_*", Layer::GRO, 2},
    {"tcp4_gro_*", Layer::GRO, 2},
    {"tcp6_gro_*", Layer::GRO, 2},
    {"udp4_gro_*", Layer::GRO, 2},
    {"udp6_gro_*", Layer::GRO, 2},
    {"skb_gro_*", Layer::GRO, 2},
    {"br_*", Layer::Bridge, 1},
    {"nf_*", Layer::Netfilter, 1},
    {"nft_*", Layer::Netfilter, 1},
    {"ipt_*", Layer::Netfilter, 1},
    {"ip6t_*", Layer::Netfilter, 1},
    {"__nf_*", Layer::Netfilter, 1},
    {"__nft_*", Layer::Netfilter, 3}, // the trace path: one call per rule evaluated
    {"netfilter*", Layer::Netfilter, 1},
    {"fib_*", Layer::Routing, 1},
    {"fib4_*", Layer::Routing, 1},
    {"fib6_*", Layer::Routing, 1},
    {"ip_route_*", Layer::Routing, 1},
    {"ip6_route_*", Layer::Routing, 1},
    {"ip_rt_*", Layer::Routing, 1},
    {"rt6_*", Layer::Routing, 1},
    {"dst_*", Layer::Routing, 2},
    {"ip6_*", Layer::IPv6, 1},
    {"ipv6_*", Layer::IPv6, 1},
    {"icmpv6_*", Layer::IPv6, 1},
    {"ndisc_*", Layer::IPv6, 2},
    {"__ip6_*", Layer::IPv6, 1},
    {"ip_*", Layer::IPv4, 1},
    {"__ip_*", Layer::IPv4, 1},
    {"ipv4_*", Layer::IPv4, 1},
    {"icmp_*", Layer::IPv4, 1},
    {"arp_*", Layer::IPv4, 2},
    {"tcp_*", Layer::TCP, 1},
    {"tcp4_*", Layer::TCP, 1},
    {"tcp6_*", Layer::TCP, 1},
    {"__tcp_*", Layer::TCP, 1},
    {"inet_csk_*", Layer::TCP, 2},
    {"udp_*", Layer::UDP, 1},
    {"udp4_*", Layer::UDP, 1},
    {"udp6_*", Layer::UDP, 1},
    {"udpv6_*", Layer::UDP, 1},
    {"__udp*", Layer::UDP, 1},
    {"sock_*", Layer::Socket, 2},
    {"sk_*", Layer::Socket, 2},
    {"skb_copy_datagram*", Layer::Socket, 2},
    {"unix_*", Layer::Socket, 2},
    {"raw_*", Layer::Socket, 2},
    {"ping_*", Layer::Socket, 2},
    {"dev_queue_xmit*", Layer::Xmit, 2},
    {"__dev_queue_xmit*", Layer::Xmit, 2},
    {"dev_hard_start_xmit*", Layer::Xmit, 2},
    {"sch_*", Layer::Xmit, 2},
    {"qdisc_*", Layer::Xmit, 2},
    {"__qdisc_*", Layer::Xmit, 2},
    {"validate_xmit*", Layer::Xmit, 2},
    {"net_rx_action", Layer::SoftIRQ, 2},
    {"__napi_poll", Layer::SoftIRQ, 2},
    {"napi_*", Layer::SoftIRQ, 2},
    {"process_backlog", Layer::SoftIRQ, 2},
    {"do_softirq*", Layer::SoftIRQ, 2},
    {"dev_*", Layer::Device, 2},
    {"kfree_skb*", Layer::Drop, 2},
    {"__kfree_skb*", Layer::Drop, 2},
    {"skb_release*", Layer::Drop, 3},
    // packet-buffer handling on behalf of whichever layer holds the skb: verbose
    {"skb_*", Layer::Device, 3},
    {"__skb_*", Layer::Device, 3},
    {"pskb_*", Layer::Device, 3},
    {"__pskb_*", Layer::Device, 3},
};

bool matches(std::string_view pattern, std::string_view name) {
    if (!pattern.empty() && pattern.back() == '*') {
        return name.starts_with(pattern.substr(0, pattern.size() - 1));
    }
    return pattern == name;
}

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
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    for (size_t i = 0; i < kLayerNames.size(); ++i) {
        const std::string_view known = kLayerNames[i];
        if (name.size() == known.size() &&
            std::equal(name.begin(), name.end(), known.begin(),
                       [&](char a, char b) { return lower(a) == lower(b); })) {
            return static_cast<Layer>(i);
        }
    }
    return std::nullopt;
}

Classification classify(std::string_view name) {
    if (const TracepointInfo *t = findTracepoint(name)) {
        return {t->layer, kPriorityCritical};
    }
    for (const Rule &r : kRules) {
        if (matches(r.pattern, name)) {
            return {r.layer, r.priority};
        }
    }
    // Names that say nothing about their layer are packet handling done on behalf of the
    // device layer, and rarely what a user looks for.
    return {Layer::Device, kPriorityVerbose};
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
