// The owner-flagged nftables tables whose chains set nftrace on the packets we follow.
#pragma once

#include "nft_context.h"

#include "event.h"

#include <QString>

#include <string>
#include <vector>

namespace nt {

class NetnsHandle;

// Installs, in one network namespace, owner-flagged (NFT_TABLE_F_OWNER) tables of one name in
// three families, each base chain at the lowest priority holding one
// `<expr> meta nftrace set 1 accept` rule per filter expression ("" matches every packet). The
// accept ends only our chain; the kernel then traces it with one message instead of three:
// - inet: prerouting and output. The nftrace flag stays on the skb, so later hooks see it set
//   already; input, forward and postrouting chains are added only for a non-empty filter,
//   which may match a packet only after NAT rewrote it. Every extra chain costs two or three
//   trace messages per traced packet.
// - bridge: prerouting and output, so frames through a Linux bridge are traced in the bridge
//   family's chains (with or without br_netfilter).
// - netdev: ingress and, where the kernel has it (5.16+, CONFIG_NETFILTER_EGRESS), egress,
//   both bound to every interface the namespace has when the table is created, and only when
//   the namespace has a netdev table of its own then: with no netdev rules there is nothing to
//   trace, and each chain would cost a trace message for every packet of every interface.
//   Interfaces and netdev tables created later are not hooked (their packets are still traced
//   from the inet and bridge hooks on).
// The inet table is required; a bridge or netdev table the kernel refuses is left out and
// said so in notCovered().
//
// Ownership: the kernel ties an owner table to the netlink port id of the socket that created
// it and deletes the table when that socket closes, even if the process is SIGKILLed. In
// libnftables >= 0.9.9 (we use 1.0.6) an nft_ctx opens its NETLINK_NETFILTER socket in
// nft_ctx_new() and keeps it until nft_ctx_free() (the EINTR socket re-open was removed in the
// same release that added owner tables, because it broke them). So this object keeps its
// context for its whole life; destroying it deletes the tables explicitly and then closes the
// socket. While it lives, no other process (not even `nft` as root) can change or delete the
// tables: the kernel answers EPERM.
//
// Thread: construct and destroy from one thread at a time; the constructor enters the target
// namespace with a NetnsGuard on the calling thread only.
class NftTraceTable {
public:
    // ns == nullptr: the calling thread's namespace. name empty: defaultName().
    // Throws nt::Error with libnftables' own diagnostic when the kernel refuses the inet table.
    NftTraceTable(const NetnsHandle *ns, const std::vector<std::string> &filterExpressions,
                  std::string name = {});
    ~NftTraceTable();
    NftTraceTable(const NftTraceTable &) = delete;
    NftTraceTable &operator=(const NftTraceTable &) = delete;

    const std::string &name() const { return name_; }
    // Namespace inode the tables live in.
    uint32_t netns() const { return netns_; }
    // Families whose table exists: "inet", then "bridge" and "netdev" when the kernel took them.
    const std::vector<std::string> &families() const { return families_; }
    // Interfaces with netdev chains, and whether the egress hook is among them.
    const std::vector<std::string> &devices() const { return devices_; }
    bool netdevEgress() const { return egress_; }
    // What is not traced and why, one sentence each, for the user (translated).
    const std::vector<QString> &notCovered() const { return notCovered_; }

    // "nft_tracer_<pid>" for the first table of this process, "nft_tracer_<pid>_<n>" after.
    static std::string defaultName();
    // Every table name this tool creates starts with this.
    static constexpr const char *kNamePrefix = kTracerTablePrefix;
    // The base chains' priority: the lowest there is (NF_IP_PRI_FIRST), before every other.
    static constexpr const char *kPriority = "-2147483648";
    // Most devices one netdev chain can bind (NFT_NETDEVICE_MAX).
    static constexpr size_t kMaxDevices = 256;

    // The nft scripts the constructor runs, one per family. Each throws nt::Error for a name,
    // expression or device that could smuggle extra commands into the script (';', newline,
    // '#', quotes, unbalanced braces).
    static std::string buildScript(const std::string &name,
                                   const std::vector<std::string> &filterExpressions);
    static std::string buildBridgeScript(const std::string &name,
                                         const std::vector<std::string> &filterExpressions);
    static std::string buildNetdevScript(const std::string &name,
                                         const std::vector<std::string> &filterExpressions,
                                         const std::vector<std::string> &devices, bool egress);
    // A filter expression for the bridge and netdev families: they see frames, not an IP
    // family, so `meta nfproto ipv4` (inet only) becomes `meta protocol ip`.
    static std::string linkLayerExpression(const std::string &expr);

private:
    void addLinkLayerTables(const std::vector<std::string> &filterExpressions);
    bool hasNetdevTables();

    std::string name_;
    uint32_t netns_ = 0;
    std::vector<std::string> families_;
    std::vector<std::string> devices_;
    bool egress_ = false;
    std::vector<QString> notCovered_;
    NftCtxPtr ctx_;
};

} // namespace nt
