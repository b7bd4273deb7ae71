// The kernel layers a packet crosses, and the one table that classifies probes into them.
#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <string_view>

namespace nt {

enum class Layer : uint8_t {
    Device,
    GRO,
    Bridge,
    Netfilter,
    IPv4,
    IPv6,
    Routing,
    TCP,
    UDP,
    Socket,
    Xmit,
    SoftIRQ,
    Drop,
};
constexpr int kLayerCount = 13;

// Stable English identifier, used in files, JSON and the CLI ("Device", "GRO", ...).
const char *layerName(Layer layer);
// The layer's name for people, translated ("nt::Layer" context): text output and UI labels.
QString layerDisplayName(Layer layer);
// Case does not matter ("ipv4" is IPv4): config files written by hand use either.
std::optional<Layer> layerFromName(std::string_view name);

// How much a kernel function tells about a packet's path: 0 critical (the main entry point of
// a layer: ip_rcv, nft_do_chain, tcp_v4_rcv), 1 important, 2 detail, 3 verbose (buffer
// handling and names the table does not know).
constexpr int kPriorityCritical = 0;
constexpr int kPriorityVerbose = 3;

struct Classification {
    Layer layer;
    uint8_t priority;
};

// Layer and priority of a tracepoint or kernel function by name: a tracepoint's name (and a
// function of that name) gets the tracepoint's layer from the probe catalogue, critical; other
// functions are classified by the table in layers.cpp. One answer for both, so a packet seen by
// either backend lands in the same lanes.
Classification classify(std::string_view name);
inline Layer classifyProbe(std::string_view name) {
    return classify(name).layer;
}

} // namespace nt
