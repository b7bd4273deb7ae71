// Header decoding for captured packet bytes.
#include "packet.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstdio>
#include <cstring>
#include <vector>

namespace nt {
namespace {

constexpr uint16_t kEthPIp = 0x0800;
constexpr uint16_t kEthPIpv6 = 0x86DD;
constexpr uint16_t kEthPArp = 0x0806;

uint16_t be16(const uint8_t *p) {
    return static_cast<uint16_t>((p[0] << 8) | p[1]);
}
uint32_t be32(const uint8_t *p) {
    return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

bool hasPorts(uint8_t proto) {
    return proto == IPPROTO_TCP || proto == IPPROTO_UDP || proto == IPPROTO_UDPLITE ||
           proto == IPPROTO_SCTP || proto == IPPROTO_DCCP;
}

void parseTransport(std::span<const uint8_t> b, size_t off, PacketFields &f) {
    f.l4Offset = off;
    if (f.fragment || off >= b.size()) {
        return;
    }
    const uint8_t *p = b.data() + off;
    const size_t left = b.size() - off;
    if (hasPorts(f.l4proto) && left >= 4) {
        f.hasPorts = true;
        f.sport = be16(p);
        f.dport = be16(p + 2);
        if (f.l4proto == IPPROTO_TCP && left >= 14) {
            f.tcpSeq = be32(p + 4);
            f.tcpAck = be32(p + 8);
            f.tcpFlags = p[13];
        }
    } else if ((f.l4proto == IPPROTO_ICMP || f.l4proto == IPPROTO_ICMPV6) && left >= 2) {
        f.icmpType = p[0];
        f.icmpCode = p[1];
        const bool echo = f.l4proto == IPPROTO_ICMP ? (f.icmpType == 8 || f.icmpType == 0)
                                                    : (f.icmpType == 128 || f.icmpType == 129);
        if (echo && left >= 8) {
            f.icmpId = be16(p + 4);
            f.icmpSeq = be16(p + 6);
        }
    }
}

bool parseIpv4(std::span<const uint8_t> b, PacketFields &f) {
    if (b.size() < 20) {
        return false;
    }
    const size_t ihl = size_t{b[0] & 0x0fU} * 4;
    if (ihl < 20) {
        return false;
    }
    f.family = 4;
    f.totalLen = be16(&b[2]);
    f.ipId = be16(&b[4]);
    f.fragment = (be16(&b[6]) & 0x1fff) != 0;
    f.ttl = b[8];
    f.l4proto = b[9];
    std::memcpy(f.saddr.data(), &b[12], 4);
    std::memcpy(f.daddr.data(), &b[16], 4);
    parseTransport(b, ihl, f);
    return true;
}

bool parseIpv6(std::span<const uint8_t> b, PacketFields &f) {
    if (b.size() < 40) {
        return false;
    }
    f.family = 6;
    f.flowLabel = be32(&b[0]) & 0xfffffU;
    f.totalLen = static_cast<uint16_t>(be16(&b[4]) + 40);
    f.ttl = b[7];
    std::memcpy(f.saddr.data(), &b[8], 16);
    std::memcpy(f.daddr.data(), &b[24], 16);
    uint8_t next = b[6];
    size_t off = 40;
    f.extHeaders = next == IPPROTO_HOPOPTS || next == IPPROTO_ROUTING || next == IPPROTO_DSTOPTS ||
                   next == IPPROTO_FRAGMENT;
    // Walk extension headers; bounded so a crafted chain cannot loop long.
    for (int i = 0; i < 8; ++i) {
        if (next == IPPROTO_HOPOPTS || next == IPPROTO_ROUTING || next == IPPROTO_DSTOPTS) {
            if (off + 2 > b.size()) {
                break;
            }
            next = b[off];
            off += (size_t{b[off + 1]} + 1) * 8;
        } else if (next == IPPROTO_FRAGMENT) {
            if (off + 8 > b.size()) {
                break;
            }
            f.fragment = (be16(&b[off + 2]) & 0xfff8) != 0;
            next = b[off];
            off += 8;
        } else {
            break;
        }
    }
    f.l4proto = next;
    parseTransport(b, off, f);
    return true;
}

} // namespace

bool parsePacket(std::span<const uint8_t> bytes, uint16_t protocol, PacketFields &out) {
    out = PacketFields{};
    if (bytes.empty()) {
        return false;
    }
    if (protocol == kEthPIp && (bytes[0] >> 4) == 4) {
        return parseIpv4(bytes, out);
    }
    if (protocol == kEthPIpv6 && (bytes[0] >> 4) == 6) {
        return parseIpv6(bytes, out);
    }
    return false;
}

bool parseNftHeaders(std::span<const uint8_t> network, std::span<const uint8_t> transport,
                     uint16_t protocol, PacketFields &out) {
    if (!parsePacket(network, protocol, out)) {
        return false;
    }
    if (out.family == 6 && out.extHeaders) {
        out.l4proto = 0; // the extension headers are not in the record
        out.l4Offset = network.size();
        return true;
    }
    if (out.family == 4) {
        const size_t ihl = size_t{network[0] & 0x0fU} * 4;
        if (network.size() < ihl) {
            return true; // options cut off: the transport bytes do not follow on
        }
    }
    if (!transport.empty() && !out.fragment) {
        parseTransport(transport, 0, out); // the transport bytes on their own, no copy
        out.l4Offset = out.family == 4 ? size_t{network[0] & 0x0fU} * 4 : 40;
    }
    return true;
}

std::string frameName(uint16_t protocol) {
    switch (protocol) {
    case 0:
        return "protocol 0 (not IP)";
    case 0x0806:
        return "ARP";
    case 0x8035:
        return "RARP";
    case 0x88cc:
        return "LLDP";
    case 0x8100:
    case 0x88a8:
        return "802.1Q";
    case 0x8847:
    case 0x8848:
        return "MPLS";
    case 0x8863:
    case 0x8864:
        return "PPPoE";
    case 0x888e:
        return "EAPOL";
    case kEthPIp:
        return "IPv4";
    case kEthPIpv6:
        return "IPv6";
    default:
        break;
    }
    char buf[24];
    std::snprintf(buf, sizeof buf, "ethertype 0x%04x", protocol);
    return buf;
}

uint16_t nftRecordProtocol(uint32_t nfproto, std::span<const uint8_t> llHeader) {
    constexpr uint32_t kNfprotoIpv4 = 2, kNfprotoIpv6 = 10;
    if (nfproto == kNfprotoIpv4) {
        return kEthPIp;
    }
    if (nfproto == kNfprotoIpv6) {
        return kEthPIpv6;
    }
    // Bridge and netdev chains: the link-layer header is an Ethernet header (14 bytes).
    if (llHeader.size() >= 14) {
        return be16(&llHeader[12]);
    }
    return 0;
}

std::string addressToString(uint8_t family, const std::array<uint8_t, 16> &addr) {
    char buf[INET6_ADDRSTRLEN] = {};
    if (family == 4) {
        inet_ntop(AF_INET, addr.data(), buf, sizeof buf);
    } else if (family == 6) {
        inet_ntop(AF_INET6, addr.data(), buf, sizeof buf);
    } else {
        return "?";
    }
    return buf;
}

std::string protocolName(uint8_t l4proto) {
    switch (l4proto) {
    case IPPROTO_TCP:
        return "TCP";
    case IPPROTO_UDP:
        return "UDP";
    case IPPROTO_ICMP:
        return "ICMP";
    case IPPROTO_ICMPV6:
        return "ICMPv6";
    case IPPROTO_SCTP:
        return "SCTP";
    case IPPROTO_UDPLITE:
        return "UDPLite";
    case IPPROTO_DCCP:
        return "DCCP";
    case IPPROTO_GRE:
        return "GRE";
    case IPPROTO_ESP:
        return "ESP";
    case IPPROTO_AH:
        return "AH";
    default:
        return std::to_string(l4proto);
    }
}

std::string endpointsToString(const PacketFields &f) {
    if (f.family == 0) {
        return "?";
    }
    auto side = [&](const std::array<uint8_t, 16> &a, uint16_t port) {
        std::string s = addressToString(f.family, a);
        if (!f.hasPorts) {
            return s;
        }
        if (f.family == 6) {
            s = "[" + s + "]";
        }
        return s + ":" + std::to_string(port);
    };
    return side(f.saddr, f.sport) + " \u2192 " + side(f.daddr, f.dport);
}

namespace {

// FNV-1a over chosen fields; cheap and good enough for joining within a time window. `seed`
// keeps hashes of different field sets apart.
class Fnv {
public:
    explicit Fnv(uint64_t seed) : h_(seed) {}
    void operator()(const void *p, size_t n) {
        const auto *c = static_cast<const uint8_t *>(p);
        for (size_t i = 0; i < n; ++i) {
            h_ = (h_ ^ c[i]) * 1099511628211ULL;
        }
    }
    uint64_t value() const { return h_; }

private:
    uint64_t h_;
};

} // namespace

uint64_t packetFingerprint(const PacketFields &f) {
    Fnv mix(1469598103934665603ULL);
    const size_t alen = f.family == 6 ? 16 : 4;
    mix(&f.family, 1);
    if (f.extHeaders) {
        mix(f.saddr.data(), alen);
        mix(f.daddr.data(), alen);
        mix(&f.totalLen, 2);
        mix(&f.flowLabel, 4);
        return mix.value();
    }
    mix(&f.l4proto, 1);
    mix(f.saddr.data(), alen);
    mix(f.daddr.data(), alen);
    mix(&f.ipId, 2);
    mix(&f.sport, 2);
    mix(&f.dport, 2);
    mix(&f.tcpSeq, 4);
    mix(&f.tcpAck, 4);
    mix(&f.tcpFlags, 1);
    mix(&f.icmpType, 1);
    mix(&f.icmpId, 2);
    mix(&f.icmpSeq, 2);
    return mix.value();
}

uint64_t natInvariantKey(const PacketFields &f) {
    Fnv mix(1099511628211ULL);
    mix(&f.family, 1);
    mix(&f.l4proto, 1);
    mix(&f.totalLen, 2);
    mix(&f.ipId, 2);
    mix(&f.flowLabel, 4);
    mix(&f.tcpSeq, 4);
    mix(&f.tcpAck, 4);
    mix(&f.tcpFlags, 1);
    mix(&f.icmpType, 1);
    mix(&f.icmpCode, 1);
    mix(&f.icmpSeq, 2);
    return mix.value();
}

uint64_t arpFingerprint(std::span<const uint8_t> bytes, uint16_t protocol) {
    constexpr size_t kFixed = 8; // htype, ptype, hlen, plen, opcode
    if (protocol != kEthPArp || bytes.size() < kFixed) {
        return 0;
    }
    const size_t hlen = bytes[4], plen = bytes[5];
    const size_t len = kFixed + 2 * (hlen + plen);
    if (hlen == 0 || plen == 0 || bytes.size() < len) {
        return 0;
    }
    Fnv mix(0x9e3779b97f4a7c15ULL); // apart from the IP fingerprints
    mix(bytes.data(), len);
    return mix.value();
}

} // namespace nt
