// NFNLGRP_NFTRACE subscription and parsing of nftables trace messages (libmnl, no libnftnl).
#include "nft_trace_reader.h"

#include "error.h"
#include "netns.h"

#include <QCoreApplication>

#include <algorithm>
#include <arpa/inet.h> // before the linux/ headers, which would redefine in_addr
#include <cerrno>
#include <climits>
#include <cstring>
#include <ctime>
#include <endian.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netlink.h>
#include <string_view>
#include <sys/socket.h>

namespace nt {

namespace {

QString errnoText(int err) {
    return QString::fromLocal8Bit(std::strerror(err));
}

// Conntrack attributes of trace messages, sent since Linux 6.7 (enum nft_trace_attributes in
// the kernel's include/uapi/linux/netfilter/nf_tables.h, after NFTA_TRACE_PAD). Debian 12's
// uapi header predates them; the values are the kernel's ABI and never change.
constexpr uint16_t kTraceCtId = 18;        // NFTA_TRACE_CT_ID: u32, the conntrack id
constexpr uint16_t kTraceCtDirection = 19; // NFTA_TRACE_CT_DIRECTION: u8, IP_CT_DIR_*
constexpr uint16_t kTraceCtStatus = 20;    // NFTA_TRACE_CT_STATUS: be32, IPS_* bits
constexpr uint16_t kTraceCtState = 21;     // NFTA_TRACE_CT_STATE: be32, NF_CT_STATE_* bits
static_assert(NFTA_TRACE_PAD == 17, "the conntrack attributes follow NFTA_TRACE_PAD");

bool isTraceMessage(const nlmsghdr *nlh) {
    return NFNL_SUBSYS_ID(nlh->nlmsg_type) == NFNL_SUBSYS_NFTABLES &&
           NFNL_MSG_TYPE(nlh->nlmsg_type) == NFT_MSG_TRACE;
}

bool validString(const nlattr *a) {
    const uint16_t len = mnl_attr_get_payload_len(a);
    return len > 0 && std::memchr(mnl_attr_get_payload(a), '\0', len) != nullptr;
}

// Walks the attributes in [begin, begin + len) and calls check() on each; false when one is
// rejected or the attributes do not fill the range exactly (a truncated message).
template <typename Check> bool walkAttributes(const char *begin, size_t len, Check check) {
    size_t off = 0;
    while (len - off >= sizeof(nlattr)) {
        nlattr a;
        std::memcpy(&a, begin + off, sizeof a);
        if (a.nla_len < sizeof(nlattr) || a.nla_len > len - off) {
            return false;
        }
        if (!check(reinterpret_cast<const nlattr *>(begin + off))) {
            return false;
        }
        off += std::min<size_t>(MNL_ALIGN(a.nla_len), len - off);
    }
    return off == len;
}

// A string attribute's text (validString() checked its NUL).
std::string_view attrString(const nlattr *a) {
    const auto *p = static_cast<const char *>(mnl_attr_get_payload(a));
    return {p, ::strnlen(p, mnl_attr_get_payload_len(a))};
}

void assignBytes(std::vector<uint8_t> &to, const nlattr *a) {
    const auto *p = static_cast<const uint8_t *>(mnl_attr_get_payload(a));
    to.assign(p, p + mnl_attr_get_payload_len(a));
}

uint64_t be64(const nlattr *a) {
    uint64_t v = 0;
    std::memcpy(&v, mnl_attr_get_payload(a), sizeof v);
    return be64toh(v);
}

// The 32-bit attributes; the type and id are required, so their presence is noted.
bool readU32Attr(const nlattr *a, NftTraceRecord &r, bool &haveId, bool &haveType) {
    const uint16_t len = mnl_attr_get_payload_len(a);
    if (len != sizeof(uint32_t)) {
        return false;
    }
    const uint32_t v = ntohl(mnl_attr_get_u32(a));
    switch (mnl_attr_get_type(a)) {
    case NFTA_TRACE_ID:
        haveId = true;
        r.id = v;
        break;
    case NFTA_TRACE_TYPE:
        haveType = true;
        r.type = v <= static_cast<uint32_t>(NftTraceType::Rule) ? static_cast<NftTraceType>(v)
                                                                : NftTraceType::Unspec;
        break;
    case NFTA_TRACE_IIF:
        r.iif = v;
        break;
    case NFTA_TRACE_OIF:
        r.oif = v;
        break;
    case NFTA_TRACE_MARK:
        r.mark = v;
        break;
    case NFTA_TRACE_NFPROTO:
        r.nfproto = v;
        break;
    default:
        r.policy = v;
        break;
    }
    return true;
}

// The verdict: a nested code, and the chain a jump or goto names.
bool readVerdictAttr(const nlattr *a, NftTraceRecord &r) {
    const uint16_t len = mnl_attr_get_payload_len(a);
    bool haveCode = false;
    const nlattr *chain = nullptr;
    int32_t code = 0;
    const bool nestedOk = walkAttributes(
        static_cast<const char *>(mnl_attr_get_payload(a)), len, [&](const nlattr *v) {
            switch (mnl_attr_get_type(v)) {
            case NFTA_VERDICT_CODE:
                if (mnl_attr_get_payload_len(v) != sizeof(uint32_t)) {
                    return false;
                }
                haveCode = true;
                code = static_cast<int32_t>(ntohl(mnl_attr_get_u32(v)));
                return true;
            case NFTA_VERDICT_CHAIN:
                chain = v;
                return validString(v);
            default:
                return true;
            }
        });
    if (!nestedOk || !haveCode || (chain == nullptr && (code == NFT_JUMP || code == NFT_GOTO))) {
        return false;
    }
    // Non-negative codes carry extra bits above NF_VERDICT_MASK (queue number, errno).
    r.verdict = code >= 0 ? (code & NF_VERDICT_MASK) : code;
    r.jumpTarget = chain != nullptr ? Name(attrString(chain)) : Name();
    return true;
}

// The conntrack attributes of newer kernels.
bool readCtAttr(const nlattr *a, NftTraceRecord &r) {
    const uint16_t len = mnl_attr_get_payload_len(a);
    switch (mnl_attr_get_type(a)) {
    case kTraceCtId:
        if (len != sizeof(uint32_t)) {
            return false;
        }
        r.ctId = mnl_attr_get_u32(a); // the kernel puts it unconverted: an opaque number
        return true;
    case kTraceCtStatus:
    case kTraceCtState:
        if (len != sizeof(uint32_t)) {
            return false;
        }
        (mnl_attr_get_type(a) == kTraceCtStatus ? r.ctStatus : r.ctState) =
            ntohl(mnl_attr_get_u32(a));
        return true;
    case kTraceCtDirection:
        if (len != sizeof(uint8_t)) {
            return false;
        }
        r.ctDirection = mnl_attr_get_u8(a);
        return true;
    default:
        return true;
    }
}

// One pass over the attributes: each is checked (the checks libnftnl makes with abi_breakage(),
// which calls exit(), plus NUL termination of strings, which it does not check) and read into
// `r` as libnftnl would read it (the last of repeated attributes wins). Names are interned; the
// only heap allocations are the header bytes of a chain walk's first message.
bool readTrace(const nlmsghdr *nlh, NftTraceRecord &r) {
    if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(nfgenmsg)) || !isTraceMessage(nlh)) {
        return false;
    }
    const auto *nfg = static_cast<const nfgenmsg *>(mnl_nlmsg_get_payload(nlh));
    r.family = nfg->nfgen_family;
    const char *attrs =
        static_cast<const char *>(mnl_nlmsg_get_payload_offset(nlh, sizeof(nfgenmsg)));
    const char *tail = reinterpret_cast<const char *>(nlh) + nlh->nlmsg_len;
    if (attrs > tail) {
        return false;
    }
    bool haveId = false, haveType = false;
    const bool ok = walkAttributes(attrs, tail - attrs, [&](const nlattr *a) {
        const uint16_t len = mnl_attr_get_payload_len(a);
        switch (mnl_attr_get_type(a)) {
        case NFTA_TRACE_TABLE:
            if (!validString(a)) {
                return false;
            }
            r.table = attrString(a);
            return true;
        case NFTA_TRACE_CHAIN:
            if (!validString(a)) {
                return false;
            }
            r.chain = attrString(a);
            return true;
        case NFTA_TRACE_RULE_HANDLE:
            if (len != sizeof(uint64_t)) {
                return false;
            }
            r.ruleHandle = be64(a);
            return true;
        case NFTA_TRACE_ID:
        case NFTA_TRACE_TYPE:
        case NFTA_TRACE_IIF:
        case NFTA_TRACE_OIF:
        case NFTA_TRACE_MARK:
        case NFTA_TRACE_NFPROTO:
        case NFTA_TRACE_POLICY:
            return readU32Attr(a, r, haveId, haveType);
        case NFTA_TRACE_IIFTYPE:
        case NFTA_TRACE_OIFTYPE:
            if (len != sizeof(uint16_t)) {
                return false;
            }
            (mnl_attr_get_type(a) == NFTA_TRACE_IIFTYPE ? r.iiftype : r.oiftype) =
                ntohs(mnl_attr_get_u16(a));
            return true;
        case NFTA_TRACE_LL_HEADER:
        case NFTA_TRACE_NETWORK_HEADER:
        case NFTA_TRACE_TRANSPORT_HEADER:
            if (len == 0) {
                return false;
            }
            assignBytes(mnl_attr_get_type(a) == NFTA_TRACE_LL_HEADER        ? r.llHeader
                        : mnl_attr_get_type(a) == NFTA_TRACE_NETWORK_HEADER ? r.networkHeader
                                                                            : r.transportHeader,
                        a);
            return true;
        case NFTA_TRACE_VERDICT:
            return readVerdictAttr(a, r);
        case kTraceCtId:
        case kTraceCtStatus:
        case kTraceCtState:
        case kTraceCtDirection:
            return readCtAttr(a, r);
        default:
            return true; // newer attributes, padding: libnftnl skips them too
        }
    });
    return ok && haveId && haveType;
}

uint64_t monotonicNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<uint64_t>(ts.tv_sec) * 1000000000ULL + static_cast<uint64_t>(ts.tv_nsec);
}

} // namespace

bool parseNftTraceMessage(const struct nlmsghdr *nlh, NftTraceRecord &out) {
    NftTraceRecord r;
    r.tsNs = out.tsNs;
    r.netns = out.netns;
    if (nlh == nullptr || !readTrace(nlh, r)) {
        return false;
    }
    out = std::move(r);
    return true;
}

size_t parseNftTraceBuffer(const void *data, size_t len, std::vector<NftTraceRecord> &out,
                           uint64_t *malformed) {
    size_t added = 0;
    int remaining = static_cast<int>(std::min<size_t>(len, INT32_MAX));
    for (auto *nlh = static_cast<const nlmsghdr *>(data); mnl_nlmsg_ok(nlh, remaining);
         nlh = mnl_nlmsg_next(nlh, &remaining)) {
        if (!isTraceMessage(nlh)) {
            continue;
        }
        if (readTrace(nlh, out.emplace_back())) {
            ++added;
        } else {
            out.pop_back();
            if (malformed != nullptr) {
                ++*malformed;
            }
        }
    }
    return added;
}

void NftTraceReader::SocketCloser::operator()(mnl_socket *s) const {
    mnl_socket_close(s);
}

NftTraceReader::NftTraceReader(const NetnsHandle *ns, int receiveBufferBytes)
    : buf_(kSlots * kSlotBytes), msgs_(kSlots), iov_(kSlots), addrs_(kSlots) {
    // Each slot's buffer and address, set once: recvmmsg only writes what it received.
    for (size_t i = 0; i < kSlots; ++i) {
        iov_[i] = {buf_.data() + i * kSlotBytes, kSlotBytes};
        msgs_[i].msg_hdr.msg_name = &addrs_[i];
        msgs_[i].msg_hdr.msg_iov = &iov_[i];
        msgs_[i].msg_hdr.msg_iovlen = 1;
    }
    NetnsGuard guard(ns);
    netns_ = currentNetnsInode();
    sock_.reset(mnl_socket_open2(NETLINK_NETFILTER, SOCK_NONBLOCK | SOCK_CLOEXEC));
    if (!sock_) {
        throw Error(QCoreApplication::translate(
                        "nt::NftTraceReader",
                        "cannot open a netfilter netlink socket: %1; load the nfnetlink and "
                        "nf_tables kernel modules (modprobe nf_tables)")
                        .arg(errnoText(errno)));
    }
    if (mnl_socket_bind(sock_.get(), 0, MNL_SOCKET_AUTOPID) < 0) {
        throw Error(QCoreApplication::translate("nt::NftTraceReader",
                                                "cannot bind the nftables trace socket: %1")
                        .arg(errnoText(errno)));
    }
    int group = NFNLGRP_NFTRACE;
    if (mnl_socket_setsockopt(sock_.get(), NETLINK_ADD_MEMBERSHIP, &group, sizeof group) < 0) {
        const int err = errno;
        if (err == EPERM || err == EACCES) {
            throw Error(QCoreApplication::translate(
                "nt::NftTraceReader",
                "cannot subscribe to nftables traces: permission denied; run as root "
                "(CAP_NET_ADMIN)"));
        }
        throw Error(
            QCoreApplication::translate("nt::NftTraceReader",
                                        "cannot subscribe to nftables traces (NFNLGRP_NFTRACE): %1")
                .arg(errnoText(err)));
    }
    const int fd = mnl_socket_get_fd(sock_.get());
    // SO_RCVBUFFORCE ignores net.core.rmem_max but needs CAP_NET_ADMIN; fall back quietly.
    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &receiveBufferBytes, sizeof(int)) != 0) {
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receiveBufferBytes, sizeof(int));
    }
    socklen_t optlen = sizeof rcvbuf_;
    getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf_, &optlen);
}

NftTraceReader::~NftTraceReader() = default;

int NftTraceReader::fd() const {
    return mnl_socket_get_fd(sock_.get());
}

// Parses one received datagram's messages into `out`; returns the trace records added.
size_t NftTraceReader::parseDatagram(const char *data, size_t len, uint64_t now,
                                     std::vector<NftTraceRecord> &out) {
    size_t added = 0;
    int remaining = static_cast<int>(len);
    for (auto *nlh = reinterpret_cast<const nlmsghdr *>(data); mnl_nlmsg_ok(nlh, remaining);
         nlh = mnl_nlmsg_next(nlh, &remaining)) {
        if (sink_) {
            sink_(nlh);
        }
        if (!isTraceMessage(nlh)) {
            continue;
        }
        NftTraceRecord &r = out.emplace_back(); // parsed in place: no copy of the record
        if (!readTrace(nlh, r)) {
            out.pop_back();
            ++malformed_;
            continue;
        }
        r.tsNs = now;
        r.netns = netns_;
        ++added;
    }
    return added;
}

// Up to kSlots datagrams per recvmmsg: under a flood the kernel sends one datagram per trace
// message, and a system call each was a large share of the reader's time.
size_t NftTraceReader::drain(std::vector<NftTraceRecord> &out, size_t maxRecords) {
    size_t added = 0;
    const int fd = mnl_socket_get_fd(sock_.get());
    while (added < maxRecords) {
        const auto want = static_cast<unsigned>(std::min<size_t>(kSlots, maxRecords - added));
        for (unsigned i = 0; i < want; ++i) {
            msgs_[i].msg_hdr.msg_namelen = sizeof(sockaddr_nl); // in and out
        }
        const int n = recvmmsg(fd, msgs_.data(), want, 0, nullptr);
        if (n < 0) {
            const int err = errno;
            if (err == EINTR) {
                continue;
            }
            if (err == EAGAIN || err == EWOULDBLOCK) {
                break;
            }
            if (err == ENOBUFS) {
                ++lost_;
                continue;
            }
            throw Error(QCoreApplication::translate("nt::NftTraceReader",
                                                    "cannot read nftables trace messages: %1")
                            .arg(errnoText(err)));
        }
        const uint64_t now = monotonicNs();
        for (int i = 0; i < n; ++i) {
            const msghdr &h = msgs_[i].msg_hdr;
            // A message larger than a slot, or not from the kernel's netlink: skipped.
            if ((h.msg_flags & MSG_TRUNC) != 0 || h.msg_namelen != sizeof(sockaddr_nl)) {
                ++malformed_;
                continue;
            }
            added +=
                parseDatagram(buf_.data() + size_t(i) * kSlotBytes, msgs_[i].msg_len, now, out);
        }
        if (static_cast<unsigned>(n) < want) {
            break; // the socket had no more
        }
    }
    return added;
}

} // namespace nt
