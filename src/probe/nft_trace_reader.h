// Reads nftables trace messages (NFNLGRP_NFTRACE) from a netlink socket in one namespace.
#pragma once

#include "event.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include <linux/netlink.h>
#include <sys/socket.h>

struct nlmsghdr;
struct mnl_socket;

namespace nt {

class NetnsHandle;

// Parses one NFT_MSG_TRACE message into `out` (tsNs and netns are left alone: the caller
// knows them). The message is trusted to lie within nlh->nlmsg_len readable bytes; everything
// inside is checked before libnftnl sees it, because libnftnl exit()s on a malformed
// attribute. Returns false for another message type, a truncated or malformed message.
bool parseNftTraceMessage(const struct nlmsghdr *nlh, NftTraceRecord &out);

// Parses every message of a netlink datagram (or a concatenation of them, as in the test
// fixtures). Messages that are not traces are skipped; returns the number of records added,
// and counts unparsable trace messages in *malformed when given.
size_t parseNftTraceBuffer(const void *data, size_t len, std::vector<NftTraceRecord> &out,
                           uint64_t *malformed = nullptr);

// A non-blocking NETLINK_NETFILTER socket, opened inside the target namespace and subscribed
// to NFNLGRP_NFTRACE. The kernel generates trace messages only while such a listener exists.
//
// Loss: when the socket's receive buffer is full the kernel drops trace messages and reports
// ENOBUFS once on the next read. How many were dropped is unknown, so lost() counts overflow
// EVENTS (each stands for one or more lost messages), not messages. The buffer is made large
// (SO_RCVBUFFORCE as root, SO_RCVBUF otherwise) to make that rare.
//
// Timestamps: the kernel sends no time in trace messages; each record gets CLOCK_MONOTONIC at
// receipt, the clock of bpf_ktime_get_ns(), so it sorts with BPF events (later by the socket
// queueing delay).
class NftTraceReader {
public:
    // ns == nullptr: the calling thread's namespace.
    explicit NftTraceReader(const NetnsHandle *ns, int receiveBufferBytes = 16 << 20);
    ~NftTraceReader();
    NftTraceReader(const NftTraceReader &) = delete;
    NftTraceReader &operator=(const NftTraceReader &) = delete;

    // For poll()/QSocketNotifier: readable when messages are pending.
    int fd() const;
    // Reads until the socket would block (or maxRecords were added); returns records added.
    size_t drain(std::vector<NftTraceRecord> &out, size_t maxRecords = SIZE_MAX);

    uint64_t lost() const { return lost_; }           // ENOBUFS overflow events
    uint64_t malformed() const { return malformed_; } // trace messages we could not parse
    uint32_t netns() const { return netns_; }
    // Receive buffer the kernel actually granted, in bytes.
    int receiveBufferBytes() const { return rcvbuf_; }

    // Sees every received netlink message before parsing (used to record test fixtures).
    void setRawSink(std::function<void(const struct nlmsghdr *)> sink) { sink_ = std::move(sink); }

private:
    struct SocketCloser {
        void operator()(mnl_socket *s) const;
    };
    size_t parseDatagram(const char *data, size_t len, uint64_t now,
                         std::vector<NftTraceRecord> &out);

    // Datagrams read per system call, and the room for each (a trace message is far smaller;
    // a larger one is counted as malformed).
    static constexpr size_t kSlots = 32;
    static constexpr size_t kSlotBytes = 8192;
    std::unique_ptr<mnl_socket, SocketCloser> sock_;
    std::vector<char> buf_;
    std::vector<struct mmsghdr> msgs_;
    std::vector<struct iovec> iov_;
    std::vector<struct sockaddr_nl> addrs_;
    uint64_t lost_ = 0;
    uint64_t malformed_ = 0;
    uint32_t netns_ = 0;
    int rcvbuf_ = 0;
    std::function<void(const struct nlmsghdr *)> sink_;
};

} // namespace nt
