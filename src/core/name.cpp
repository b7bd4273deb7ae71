// The process-wide pool behind nt::Name.
#include "name.h"

#include <array>
#include <functional>
#include <mutex>
#include <unordered_set>

namespace nt {

namespace {

struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};

struct Pool {
    std::mutex mutex;
    // Node-based: an element's address never changes, so Names can point at it.
    std::unordered_set<std::string, TextHash, std::equal_to<>> texts;
};

Pool &pool() {
    static Pool p;
    return p;
}

} // namespace

const std::string *Name::intern(std::string_view text) {
    if (text.empty()) {
        return &emptyText();
    }
    // The names a thread met last, by a hash of their length and ends: most lookups end here.
    thread_local std::array<const std::string *, 64> recent{};
    const size_t front = static_cast<unsigned char>(text.front());
    const size_t back = static_cast<unsigned char>(text.back());
    const size_t slot = (text.size() * 31 + front * 7 + back) % recent.size();
    if (const std::string *hit = recent[slot]; hit != nullptr && *hit == text) {
        return hit;
    }
    Pool &p = pool();
    const std::lock_guard lock(p.mutex);
    auto it = p.texts.find(text);
    if (it == p.texts.end()) {
        it = p.texts.emplace(text).first;
    }
    recent[slot] = &*it;
    return &*it;
}

size_t Name::poolSize() {
    Pool &p = pool();
    const std::lock_guard lock(p.mutex);
    return p.texts.size();
}

} // namespace nt
