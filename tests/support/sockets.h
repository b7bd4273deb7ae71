// Listening sockets inside a test namespace, held by the test process (sockets keep the
// namespace they were made in): servers that are up before the first packet, without a child.
#pragma once

#include "netns.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nt::test {

// For each port, an IPv4 and an IPv6 (v6-only) socket on the wildcard address: listening for
// SOCK_STREAM, bound for SOCK_DGRAM. The caller closes them.
inline std::vector<int> listenIn(const std::string &ns, const std::vector<int> &ports,
                                 int type = SOCK_STREAM) {
    const nt::NetnsHandle h = nt::NetnsHandle::byName(ns);
    nt::NetnsGuard guard(&h);
    std::vector<int> fds;
    for (int port : ports) {
        for (int family : {AF_INET, AF_INET6}) {
            const int fd = socket(family, type | SOCK_CLOEXEC, 0);
            const int one = 1;
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
            if (family == AF_INET6) {
                setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
                sockaddr_in6 a{};
                a.sin6_family = AF_INET6;
                a.sin6_port = htons(static_cast<uint16_t>(port));
                a.sin6_addr = in6addr_any;
                EXPECT_EQ(bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a), 0);
            } else {
                sockaddr_in a{};
                a.sin_family = AF_INET;
                a.sin_port = htons(static_cast<uint16_t>(port));
                EXPECT_EQ(bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a), 0);
            }
            if (type == SOCK_STREAM) {
                EXPECT_EQ(listen(fd, 16), 0);
            }
            fds.push_back(fd);
        }
    }
    return fds;
}

} // namespace nt::test
