// A UDP flood between two network namespaces joined by veth, for the benchmarks: a sender in A,
// a receiving socket in B (so packets are delivered, not dropped for want of a socket).
#pragma once

#include "netns.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string>
#include <thread>

namespace nt::bench {

class UdpFlood {
public:
    // Namespaces PREFIX-a (NET.1) and PREFIX-b (NET.2), e.g. ("nt-bench", "10.98.0").
    UdpFlood(const std::string &prefix, const std::string &net)
        : a(prefix + "-a"), b(prefix + "-b"), net_(net) {
        sh("ip netns del " + a);
        sh("ip netns del " + b);
        sh("ip netns add " + a);
        sh("ip netns add " + b);
        sh("ip -n " + a + " link add veth-a type veth peer name veth-b netns " + b);
        sh("ip -n " + a + " addr add " + net_ + ".1/24 dev veth-a");
        sh("ip -n " + b + " addr add " + net_ + ".2/24 dev veth-b");
        sh("ip -n " + a + " link set veth-a up");
        sh("ip -n " + b + " link set veth-b up");
    }
    ~UdpFlood() {
        end();
        sh("ip netns del " + a);
        sh("ip netns del " + b);
    }
    UdpFlood(const UdpFlood &) = delete;
    UdpFlood &operator=(const UdpFlood &) = delete;

    // Starts sending 64-byte datagrams from A to B:9999 as fast as one thread can, or about
    // `perSecond` of them a second.
    void begin(uint64_t perSecond = 0) {
        stop_ = false;
        sent = 0;
        const NetnsHandle nsB = NetnsHandle::byName(b);
        {
            NetnsGuard g(&nsB);
            rx_ = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
            sockaddr_in addr{};
            addr.sin_family = AF_INET;
            addr.sin_port = htons(9999);
            bind(rx_, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        }
        sender_ = std::thread([this, perSecond] {
            const NetnsHandle nsA = NetnsHandle::byName(a);
            NetnsGuard g(&nsA);
            const int fd = socket(AF_INET, SOCK_DGRAM, 0);
            sockaddr_in dst{};
            dst.sin_family = AF_INET;
            dst.sin_port = htons(9999);
            inet_pton(AF_INET, (net_ + ".2").c_str(), &dst.sin_addr);
            char payload[64] = {};
            while (!stop_.load(std::memory_order_relaxed)) {
                for (int i = 0; i < 64; ++i) {
                    sendto(fd, payload, sizeof payload, 0, reinterpret_cast<sockaddr *>(&dst),
                           sizeof dst);
                }
                sent.fetch_add(64, std::memory_order_relaxed);
                if (perSecond != 0) {
                    usleep(static_cast<useconds_t>(64'000'000 / perSecond));
                }
            }
            close(fd);
        });
        drainer_ = std::thread([this] {
            char buf[256];
            while (!stop_.load(std::memory_order_relaxed)) {
                while (recv(rx_, buf, sizeof buf, 0) > 0) {
                }
                usleep(1000);
            }
        });
    }
    void end() {
        stop_ = true;
        if (sender_.joinable()) {
            sender_.join();
        }
        if (drainer_.joinable()) {
            drainer_.join();
        }
        if (rx_ >= 0) {
            close(rx_);
            rx_ = -1;
        }
    }

    const std::string a, b;
    std::atomic<uint64_t> sent{0};

private:
    static int sh(const std::string &cmd) {
        return std::system((cmd + " >/dev/null 2>&1").c_str());
    }
    std::string net_;
    std::atomic<bool> stop_{false};
    std::thread sender_, drainer_;
    int rx_ = -1;
};

} // namespace nt::bench
