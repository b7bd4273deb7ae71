// The stream writer never blocks: a full socket drops whole frames and counts their events.
#include "frame_writer.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <string>
#include <sys/socket.h>

namespace {

using nt::UniqueFd;
using nt::helper::FrameWriter;

struct Pair {
    UniqueFd writer, reader;
};

Pair socketPair(int sndbuf) {
    int fds[2];
    EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
    fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    setsockopt(fds[0], SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);
    return {UniqueFd(fds[0]), UniqueFd(fds[1])};
}

std::string drain(int fd) {
    std::string out;
    char buf[65536];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, MSG_DONTWAIT)) > 0) {
        out.append(buf, static_cast<size_t>(n));
    }
    return out;
}

TEST(FrameWriter, WritesEverythingWhenTheClientKeepsUp) {
    Pair p = socketPair(1 << 16);
    FrameWriter w(std::move(p.writer), 1 << 20);
    EXPECT_TRUE(w.push("abc", 3));
    EXPECT_TRUE(w.push("defg", 4));
    EXPECT_FALSE(w.pending());
    EXPECT_EQ(drain(p.reader.get()), "abcdefg");
    EXPECT_EQ(w.droppedEvents(), 0u);
}

TEST(FrameWriter, FullSocketDropsWholeFramesAndCountsThem) {
    Pair p = socketPair(4096);
    const size_t limit = 64 << 10;
    FrameWriter w(std::move(p.writer), limit);
    const std::string frame(8192, 'x');
    uint64_t accepted = 0, dropped = 0;
    for (int i = 0; i < 200; ++i) { // 1.6 MB into a 4 KiB socket that nobody reads
        (w.push(frame, 10) ? accepted : dropped) += 1;
    }
    EXPECT_GT(dropped, 0u);
    EXPECT_EQ(w.droppedFrames(), dropped);
    EXPECT_EQ(w.droppedEvents(), dropped * 10);
    EXPECT_LE(w.queuedBytes(), limit); // memory stays bounded
    // The client catches up: every accepted frame arrives whole, in order, nothing else.
    std::string got;
    while (true) {
        got += drain(p.reader.get());
        if (!w.pending()) {
            got += drain(p.reader.get());
            break;
        }
        w.flush();
    }
    EXPECT_EQ(got.size(), accepted * frame.size());
    EXPECT_EQ(got.find_first_not_of('x'), std::string::npos);
}

TEST(FrameWriter, EssentialFramesAreNeverDropped) {
    Pair p = socketPair(4096);
    FrameWriter w(std::move(p.writer), 1024);
    EXPECT_FALSE(w.push(std::string(4096, 'a'), 1)); // above the limit on its own
    EXPECT_TRUE(w.push(std::string(100000, 'h'), 0, true));
    EXPECT_TRUE(w.pending());
    EXPECT_EQ(w.droppedFrames(), 1u);
    std::string got;
    while (w.pending() || !got.empty()) {
        const std::string chunk = drain(p.reader.get());
        if (chunk.empty() && !w.pending()) {
            break;
        }
        got += chunk;
        w.flush();
    }
    got += drain(p.reader.get());
    EXPECT_EQ(got, std::string(100000, 'h'));
}

TEST(FrameWriter, ClosedPeerIsNoticedAndDropsAreCounted) {
    Pair p = socketPair(4096);
    FrameWriter w(std::move(p.writer), 1 << 20);
    p.reader.reset();
    EXPECT_FALSE(w.push("abc", 7)); // EPIPE, and no SIGPIPE thanks to MSG_NOSIGNAL
    EXPECT_TRUE(w.peerClosed());
    EXPECT_FALSE(w.flush());
    EXPECT_FALSE(w.push("def", 5));
    EXPECT_EQ(w.droppedEvents(), 12u);
    EXPECT_FALSE(w.pending());
}

} // namespace
