// The events of completed journeys, stored compactly: a journey's events share their skb and
// mostly their device, namespace and length, and follow each other by microseconds, so each is
// kept as the differences from the one before (about 6-10 bytes instead of 56).
#pragma once

#include "event.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace nt {

class EventStore {
public:
    // Where a journey's events are; opaque.
    using Position = uint64_t;

    // Stores the time-sorted events of one journey, all of which should belong to `skb` and
    // start at or after `baseTs`; events that do not are stored whole (never lost or changed).
    Position append(std::span<const Event> events, uint64_t skb, uint64_t baseTs);
    // The `count` events stored at `pos` by append(..., skb, baseTs), replacing `out`.
    void read(Position pos, uint32_t count, uint64_t skb, uint64_t baseTs,
              std::vector<Event> &out) const;
    // Gives back the unused end of the last block (a later append() starts a new one).
    void shrink();
    size_t memoryBytes() const;

private:
    struct Block {
        std::unique_ptr<uint8_t[]> data;
        size_t size = 0, used = 0;
    };
    std::vector<Block> blocks_;
    std::vector<uint8_t> scratch_;
};

} // namespace nt
