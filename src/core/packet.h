// Decoding the captured header bytes of a packet (from the network header on).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>

namespace nt {

struct PacketFields {
    uint8_t family = 0;    // 4, 6, or 0 when not IP
    uint8_t l4proto = 0;   // IPPROTO_*; for IPv6 the upper-layer protocol after extension headers
    bool hasPorts = false; // TCP, UDP, UDPLite, SCTP, DCCP
    bool fragment = false; // non-first fragment: no transport header
    std::array<uint8_t, 16> saddr{}; // IPv4 in the first 4 bytes
    std::array<uint8_t, 16> daddr{};
    uint16_t sport = 0, dport = 0; // host byte order
    uint16_t ipId = 0;             // IPv4 identification; IPv6: 0
    uint16_t totalLen = 0;         // IPv4 tot_len / IPv6 payload_len + 40
    uint8_t ttl = 0;
    uint32_t flowLabel = 0;  // IPv6 flow label; IPv4: 0
    bool extHeaders = false; // IPv6 with extension headers (hop-by-hop for MLD, ...)
    uint8_t tcpFlags = 0;    // FIN=1 SYN=2 RST=4 PSH=8 ACK=16 URG=32
    uint32_t tcpSeq = 0, tcpAck = 0;
    uint8_t icmpType = 0, icmpCode = 0;
    uint16_t icmpId = 0, icmpSeq = 0; // echo request/reply
    size_t l4Offset = 0;              // offset of the transport header in the bytes
};

// Parses IPv4 or IPv6 (with extension headers) and TCP/UDP/ICMP/ICMPv6 from bytes that start
// at the network header. `protocol` is the skb's ETH_P_* (host order): only ETH_P_IP and
// ETH_P_IPV6 are decoded, and only when the version nibble agrees. Anything else (0 for
// netlink and unix sockets, ARP, other ethertypes) is not an IP packet: false, never guessed.
bool parsePacket(std::span<const uint8_t> bytes, uint16_t protocol, PacketFields &out);

// The header bytes of an nft trace record: the network header and, apart, the transport header
// (the kernel sends the bytes at the transport offset, after any IPv6 extension headers, whose
// bytes it leaves out: then the upper-layer protocol is unknown and only the IP header is read).
bool parseNftHeaders(std::span<const uint8_t> network, std::span<const uint8_t> transport,
                     uint16_t protocol, PacketFields &out);

// What a frame that is not IP is, for people: "ARP", "RARP", "LLDP", "802.1Q", "MPLS",
// "PPPoE", "EAPOL", "ethertype 0x88b5"; "protocol 0 (not IP)" for 0 (netlink, unix sockets).
std::string frameName(uint16_t protocol);

// ETH_P_* of an nft trace record's network header: from its NFPROTO_* (ipv4 2, ipv6 10),
// else (bridge, netdev) from the ethertype in its link-layer header; 0 when unknown.
uint16_t nftRecordProtocol(uint32_t nfproto, std::span<const uint8_t> llHeader);

// "10.0.0.1", "2001:db8::1".
std::string addressToString(uint8_t family, const std::array<uint8_t, 16> &addr);

// "TCP", "UDP", "ICMP", "ICMPv6", or the number.
std::string protocolName(uint8_t l4proto);

// "10.0.0.1:80 → 10.0.0.2:5555" style endpoints (IPv6 in brackets).
std::string endpointsToString(const PacketFields &f);

// Hash of the fields that stay the same while one packet crosses the stack (addresses, ports,
// IPv4 id, TCP seq/ack/flags, ICMP type/id/seq; never TTL or checksums): joins nft trace
// records to the packets the BPF side saw. NAT changes it (see natInvariantKey). IPv6 packets
// with extension headers hash only the IP header's fields (nft records lack the bytes between).
uint64_t packetFingerprint(const PacketFields &f);

// Hash of the fields NAT leaves alone (family, protocol, length, IPv4 id, IPv6 flow label,
// TCP seq/ack/flags, ICMP type/code/seq; not addresses, ports or the ICMP echo id): the same
// packet before and after DNAT, SNAT/masquerade or un-NAT has the same key.
uint64_t natInvariantKey(const PacketFields &f);

// Hash of an ARP message (`protocol` ETH_P_ARP, bytes from the ARP header): hardware and
// protocol types, opcode and the four addresses, never the padding after them. It joins a bridge
// or netdev chain's records of an ARP frame to the frame's journey. 0 when the bytes are not a
// whole ARP message.
uint64_t arpFingerprint(std::span<const uint8_t> bytes, uint16_t protocol);

} // namespace nt
