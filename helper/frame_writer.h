// Non-blocking writer of the event stream: a slow client never blocks the ring-buffer consumer.
// Whole frames are queued up to a byte limit; beyond it new frames are dropped and counted.
#pragma once

#include "unique_fd.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>

namespace nt::helper {

class FrameWriter {
public:
    // `fd` must be non-blocking (the helper's end of the socket pair). `maxQueuedBytes` bounds
    // what waits for the client, essential frames aside.
    FrameWriter(UniqueFd fd, size_t maxQueuedBytes);

    // Queues complete frames (one or more, never split by a drop) and writes what the socket
    // takes. Essential bytes (stream start, header, end, error) are always queued; others are
    // dropped when the queue would exceed the limit: `events` is then added to the dropped
    // count. Returns false when the frames were dropped (or the client is gone).
    bool push(std::string frames, uint64_t events, bool essential = false);

    // Writes queued bytes until the socket is full. Returns false once the client has closed
    // its end (everything queued is then discarded and its events counted as dropped).
    bool flush();

    bool pending() const { return queuedBytes_ > 0; }
    size_t queuedBytes() const { return queuedBytes_; }
    bool peerClosed() const { return peerClosed_; }
    uint64_t droppedEvents() const { return droppedEvents_; }
    uint64_t droppedFrames() const { return droppedFrames_; }
    int fd() const { return fd_.get(); }
    // Closes the socket: the client reads end of stream after what was written.
    void close() { fd_.reset(); }

private:
    UniqueFd fd_;
    size_t max_;
    struct Queued {
        std::string bytes;
        uint64_t events;
    };
    std::deque<Queued> queue_;
    size_t offset_ = 0; // bytes of queue_.front() already written
    size_t queuedBytes_ = 0;
    bool peerClosed_ = false;
    uint64_t droppedEvents_ = 0, droppedFrames_ = 0;
};

} // namespace nt::helper
