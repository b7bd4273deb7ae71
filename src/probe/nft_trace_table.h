// The owner-flagged nftables table whose chains set nftrace on the packets we follow.
#pragma once

#include "nft_context.h"

#include "event.h"

#include <string>
#include <vector>

namespace nt {

class NetnsHandle;

// Installs, in one network namespace, an `inet` table with the owner flag
// (NFT_TABLE_F_OWNER) and one base chain per hook (prerouting, input, forward, output,
// postrouting) at priority -500, each holding one `<expr> meta nftrace set 1` rule per filter
// expression ("" matches every packet).
//
// Ownership: the kernel ties an owner table to the netlink port id of the socket that created
// it and deletes the table when that socket closes, even if the process is SIGKILLed. In
// libnftables >= 0.9.9 (we use 1.0.6) an nft_ctx opens its NETLINK_NETFILTER socket in
// nft_ctx_new() and keeps it until nft_ctx_free() (the EINTR socket re-open was removed in the
// same release that added owner tables, because it broke them). So this object keeps its
// context for its whole life; destroying it deletes the table explicitly and then closes the
// socket. While it lives, no other process (not even `nft` as root) can change or delete the
// table: the kernel answers EPERM.
//
// Scope: packets seen by the inet family only (IPv4 and IPv6 hooks). The netdev (ingress/
// egress per device) and bridge families have hooks of their own and are not traced.
//
// Thread: construct and destroy from one thread at a time; the constructor enters the target
// namespace with a NetnsGuard on the calling thread only.
class NftTraceTable {
public:
    // ns == nullptr: the calling thread's namespace. name empty: defaultName().
    // Throws nt::Error with libnftables' own diagnostic when the kernel refuses.
    NftTraceTable(const NetnsHandle *ns, const std::vector<std::string> &filterExpressions,
                  std::string name = {});
    ~NftTraceTable();
    NftTraceTable(const NftTraceTable &) = delete;
    NftTraceTable &operator=(const NftTraceTable &) = delete;

    const std::string &name() const { return name_; }
    // Namespace inode the table lives in.
    uint32_t netns() const { return netns_; }

    // "nft_tracer_<pid>" for the first table of this process, "nft_tracer_<pid>_<n>" after.
    static std::string defaultName();
    // Every table name this tool creates starts with this.
    static constexpr const char *kNamePrefix = kTracerTablePrefix;
    // The nft script the constructor runs. Throws nt::Error for a name or expression that
    // could smuggle extra commands into the script (';', newline, '#', unbalanced braces).
    static std::string buildScript(const std::string &name,
                                   const std::vector<std::string> &filterExpressions);

private:
    std::string name_;
    uint32_t netns_ = 0;
    NftCtxPtr ctx_;
};

} // namespace nt
