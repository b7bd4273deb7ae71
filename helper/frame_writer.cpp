// Bounded, non-blocking frame queue in front of the event stream socket.
#include "frame_writer.h"

#include <cerrno>
#include <sys/socket.h>

namespace nt::helper {

FrameWriter::FrameWriter(UniqueFd fd, size_t maxQueuedBytes)
    : fd_(std::move(fd)), max_(maxQueuedBytes) {}

bool FrameWriter::push(std::string frames, uint64_t events, bool essential) {
    if (peerClosed_ || !fd_) {
        droppedEvents_ += events;
        ++droppedFrames_;
        return false;
    }
    flush();
    if (!essential && queuedBytes_ + frames.size() > max_) {
        // Dropping the newest keeps the stream a sequence of whole frames: the one being
        // written is never cut, and what the client already got stays consistent.
        droppedEvents_ += events;
        ++droppedFrames_;
        return false;
    }
    queuedBytes_ += frames.size();
    queue_.push_back({std::move(frames), events});
    return flush();
}

bool FrameWriter::flush() {
    while (!peerClosed_ && fd_ && !queue_.empty()) {
        const std::string &front = queue_.front().bytes;
        const ssize_t n = ::send(fd_.get(), front.data() + offset_, front.size() - offset_,
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                break;
            }
            // EPIPE, ECONNRESET: the client is gone or closed the stream.
            peerClosed_ = true;
            for (const Queued &q : queue_) {
                droppedEvents_ += q.events;
                ++droppedFrames_;
            }
            queue_.clear();
            queuedBytes_ = 0;
            offset_ = 0;
            break;
        }
        offset_ += static_cast<size_t>(n);
        queuedBytes_ -= static_cast<size_t>(n);
        if (offset_ == front.size()) {
            queue_.pop_front();
            offset_ = 0;
        }
    }
    return !peerClosed_;
}

} // namespace nt::helper
