// Delta encoding of a journey's events.
#include "event_store.h"

#include <algorithm>
#include <cstring>

namespace nt {

namespace {

constexpr size_t kBlockBytes = size_t{1} << 20;
constexpr unsigned kOffsetBits = 32;

enum Format : uint8_t { Compact = 0, Whole = 1 };

// Fields that differ from the previous event of the journey (or are non-zero).
enum : uint8_t {
    CpuChanged = 1 << 0,
    ProtocolChanged = 1 << 1,
    NetnsChanged = 1 << 2,
    IfindexChanged = 1 << 3,
    LenChanged = 1 << 4,
    MarkChanged = 1 << 5,
    HasAux = 1 << 6,
    HasLocation = 1 << 7,
};

// Writes through a pointer the caller has made room for (kMaxCompactBytes per event).
void putVarint(uint8_t *&p, uint64_t v) {
    while (v >= 0x80) {
        *p++ = static_cast<uint8_t>(v | 0x80);
        v >>= 7;
    }
    *p++ = static_cast<uint8_t>(v);
}

// The most bytes one event takes in the compact format: mask, ts (10), probe (3), flags, cpu
// (3), protocol (3), netns, ifindex, len, mark (5 each), aux and aux2 (5 each), location (8).
constexpr size_t kMaxCompactBytes = 1 + 10 + 3 + 1 + 3 + 3 + 4 * 5 + 2 * 5 + 8;

// The store only reads what it wrote: no bounds to check beyond the block.
uint64_t getVarint(const uint8_t *&p) {
    uint64_t v = 0;
    for (unsigned shift = 0;; shift += 7) {
        const uint8_t b = *p++;
        v |= uint64_t{b & 0x7fU} << shift;
        if (!(b & 0x80)) {
            return v;
        }
    }
}

bool compactable(std::span<const Event> events, uint64_t skb, uint64_t baseTs) {
    uint64_t ts = baseTs;
    for (const Event &e : events) {
        if (e.type != NT_REC_EVENT || e.skb != skb || e.ts_ns < ts) {
            return false;
        }
        ts = e.ts_ns;
    }
    return true;
}

} // namespace

EventStore::Position EventStore::append(std::span<const Event> events, uint64_t skb,
                                        uint64_t baseTs) {
    std::vector<uint8_t> &out = scratch_;
    out.clear();
    if (compactable(events, skb, baseTs)) {
        out.resize(1 + events.size() * kMaxCompactBytes);
        uint8_t *p = out.data();
        *p++ = Compact;
        Event prev{};
        prev.ts_ns = baseTs;
        for (const Event &e : events) {
            uint8_t mask = 0;
            mask |= e.cpu != prev.cpu ? CpuChanged : 0;
            mask |= e.protocol != prev.protocol ? ProtocolChanged : 0;
            mask |= e.netns != prev.netns ? NetnsChanged : 0;
            mask |= e.ifindex != prev.ifindex ? IfindexChanged : 0;
            mask |= e.len != prev.len ? LenChanged : 0;
            mask |= e.mark != prev.mark ? MarkChanged : 0;
            mask |= (e.aux | e.aux2) != 0 ? HasAux : 0;
            mask |= e.location != 0 ? HasLocation : 0;
            *p++ = mask;
            putVarint(p, e.ts_ns - prev.ts_ns);
            putVarint(p, e.probe);
            *p++ = e.flags;
            if (mask & CpuChanged) {
                putVarint(p, e.cpu);
            }
            if (mask & ProtocolChanged) {
                putVarint(p, e.protocol);
            }
            if (mask & NetnsChanged) {
                putVarint(p, e.netns);
            }
            if (mask & IfindexChanged) {
                putVarint(p, e.ifindex);
            }
            if (mask & LenChanged) {
                putVarint(p, e.len);
            }
            if (mask & MarkChanged) {
                putVarint(p, e.mark);
            }
            if (mask & HasAux) {
                putVarint(p, e.aux);
                putVarint(p, e.aux2);
            }
            if (mask & HasLocation) {
                std::memcpy(p, &e.location, sizeof(e.location));
                p += sizeof(e.location);
            }
            prev = e;
        }
        out.resize(size_t(p - out.data()));
    } else {
        out.push_back(Whole);
        const size_t at = out.size();
        out.resize(at + events.size_bytes());
        std::memcpy(out.data() + at, events.data(), events.size_bytes());
    }

    if (blocks_.empty() || blocks_.back().used + out.size() > blocks_.back().size) {
        Block b;
        b.size = std::max(kBlockBytes, out.size());
        b.data = std::make_unique_for_overwrite<uint8_t[]>(b.size);
        blocks_.push_back(std::move(b));
    }
    Block &b = blocks_.back();
    std::memcpy(b.data.get() + b.used, out.data(), out.size());
    const Position pos = (Position{blocks_.size() - 1} << kOffsetBits) | b.used;
    b.used += out.size();
    if (out.capacity() > 4 * kBlockBytes) {
        std::vector<uint8_t>().swap(out); // a huge journey passed: don't keep its buffer
    }
    return pos;
}

void EventStore::read(Position pos, uint32_t count, uint64_t skb, uint64_t baseTs,
                      std::vector<Event> &out) const {
    out.clear();
    if (count == 0) {
        return;
    }
    const Block &b = blocks_.at(pos >> kOffsetBits);
    const uint8_t *p = b.data.get() + (pos & ((Position{1} << kOffsetBits) - 1));
    out.resize(count);
    if (*p++ == Whole) {
        std::memcpy(static_cast<void *>(out.data()), p, count * sizeof(Event));
        return;
    }
    Event prev{};
    prev.type = NT_REC_EVENT;
    prev.skb = skb;
    prev.ts_ns = baseTs;
    for (Event &e : out) {
        e = prev;
        const uint8_t mask = *p++;
        e.ts_ns = prev.ts_ns + getVarint(p);
        e.probe = static_cast<uint16_t>(getVarint(p));
        e.flags = *p++;
        if (mask & CpuChanged) {
            e.cpu = static_cast<uint16_t>(getVarint(p));
        }
        if (mask & ProtocolChanged) {
            e.protocol = static_cast<uint16_t>(getVarint(p));
        }
        if (mask & NetnsChanged) {
            e.netns = static_cast<uint32_t>(getVarint(p));
        }
        if (mask & IfindexChanged) {
            e.ifindex = static_cast<uint32_t>(getVarint(p));
        }
        if (mask & LenChanged) {
            e.len = static_cast<uint32_t>(getVarint(p));
        }
        if (mask & MarkChanged) {
            e.mark = static_cast<uint32_t>(getVarint(p));
        }
        e.aux = e.aux2 = 0;
        if (mask & HasAux) {
            e.aux = static_cast<uint32_t>(getVarint(p));
            e.aux2 = static_cast<uint32_t>(getVarint(p));
        }
        e.location = 0;
        if (mask & HasLocation) {
            std::memcpy(&e.location, p, sizeof(e.location));
            p += sizeof(e.location);
        }
        prev = e;
    }
}

void EventStore::shrink() {
    if (blocks_.empty() || blocks_.back().used == blocks_.back().size) {
        return;
    }
    Block &b = blocks_.back();
    auto trimmed = std::make_unique_for_overwrite<uint8_t[]>(std::max<size_t>(b.used, 1));
    std::memcpy(trimmed.get(), b.data.get(), b.used);
    b.data = std::move(trimmed);
    b.size = b.used; // full: the next append starts a new block
}

size_t EventStore::memoryBytes() const {
    size_t bytes = sizeof(*this) + blocks_.capacity() * sizeof(Block) + scratch_.capacity();
    for (const Block &b : blocks_) {
        bytes += b.size;
    }
    return bytes;
}

} // namespace nt
