// rtnetlink link dump and RTNLGRP_LINK notifications, parsed with libmnl.
#include "link_watcher.h"

#include "error.h"
#include "netns.h"

#include <QCoreApplication>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <libmnl/libmnl.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

namespace nt {
namespace {

uint64_t nowNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<uint64_t>(ts.tv_sec) * 1000000000ULL + static_cast<uint64_t>(ts.tv_nsec);
}

[[noreturn]] void fail(const char *what) {
    throw Error(QCoreApplication::translate(
                    "nt::LinkWatcher",
                    "cannot list the network interfaces of the traced namespace (%1: %2). "
                    "Check that rtnetlink (NETLINK_ROUTE) works in this namespace.")
                    .arg(QString::fromUtf8(what), QString::fromUtf8(std::strerror(errno))));
}

} // namespace

LinkWatcher::LinkWatcher(const NetnsHandle *netns) {
    {
        // The socket stays bound to the namespace it was created in.
        NetnsGuard guard(netns);
        fd_.reset(socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_ROUTE));
        inode_ = netns != nullptr ? netns->inode() : currentNetnsInode();
    }
    if (!fd_) {
        fail("socket");
    }
    sockaddr_nl addr{};
    addr.nl_family = AF_NETLINK;
    addr.nl_groups = RTMGRP_LINK;
    if (bind(fd_.get(), reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        fail("bind");
    }
    // The dump, after subscribing: a link added meanwhile shows up in one or the other.
    char req[MNL_SOCKET_BUFFER_SIZE];
    nlmsghdr *nlh = mnl_nlmsg_put_header(req);
    nlh->nlmsg_type = RTM_GETLINK;
    nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    nlh->nlmsg_seq = 1;
    auto *ifm = static_cast<ifinfomsg *>(mnl_nlmsg_put_extra_header(nlh, sizeof(ifinfomsg)));
    ifm->ifi_family = AF_UNSPEC;
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    if (sendto(fd_.get(), nlh, nlh->nlmsg_len, 0, reinterpret_cast<sockaddr *>(&kernel),
               sizeof kernel) < 0) {
        fail("sendto");
    }
}

void LinkWatcher::parse(const char *buf, size_t len, uint64_t ts, std::vector<InterfaceName> &out) {
    auto attrCb = [](const nlattr *a, void *data) -> int {
        if (mnl_attr_get_type(a) == IFLA_IFNAME && mnl_attr_validate(a, MNL_TYPE_NUL_STRING) >= 0) {
            *static_cast<const char **>(data) = mnl_attr_get_str(a);
        }
        return MNL_CB_OK;
    };
    int remaining = static_cast<int>(len);
    for (const auto *nlh = reinterpret_cast<const nlmsghdr *>(buf); mnl_nlmsg_ok(nlh, remaining);
         nlh = mnl_nlmsg_next(nlh, &remaining)) {
        if (nlh->nlmsg_type != RTM_NEWLINK || mnl_nlmsg_get_payload_len(nlh) < sizeof(ifinfomsg)) {
            continue;
        }
        const auto *ifm = static_cast<const ifinfomsg *>(mnl_nlmsg_get_payload(nlh));
        const char *name = nullptr;
        if (mnl_attr_parse(nlh, sizeof(ifinfomsg), attrCb, &name) < 0 || name == nullptr ||
            ifm->ifi_index <= 0) {
            continue;
        }
        const auto ifindex = static_cast<uint32_t>(ifm->ifi_index);
        auto it = std::find_if(known_.begin(), known_.end(),
                               [&](const auto &k) { return k.first == ifindex; });
        if (it != known_.end()) {
            if (it->second == name) {
                continue; // a state change (up/down, carrier), not a new name
            }
            it->second = name;
        } else {
            known_.emplace_back(ifindex, name);
        }
        out.push_back(InterfaceName{ts, inode_, ifindex, name});
    }
}

void LinkWatcher::drain(std::vector<InterfaceName> &out) {
    char buf[MNL_SOCKET_BUFFER_SIZE];
    for (;;) {
        const ssize_t n = recv(fd_.get(), buf, sizeof buf, MSG_DONTWAIT);
        if (n <= 0) {
            // ENOBUFS: notifications were lost; the names we have stay valid, and the next
            // rename is still seen.
            return;
        }
        parse(buf, static_cast<size_t>(n), nowNs(), out);
    }
}

} // namespace nt
