// Interned names: nft table, chain and jump-target names repeat in every trace record, so each
// distinct text is stored once per process and a record holds a pointer to it.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace nt {

// A name with value semantics whose copies, assignments and comparisons with other names cost a
// pointer. Making one from text looks the text up in a process-wide pool (thread-safe; a small
// per-thread cache answers the names seen last without a lock). The pool keeps every distinct
// name for the life of the process: nft names are at most 256 bytes and a ruleset has few.
class Name {
public:
    Name() noexcept : p_(&emptyText()) {}
    Name(std::string_view text) : p_(intern(text)) {} // NOLINT(google-explicit-constructor)
    Name(const std::string &text)                     // NOLINT(google-explicit-constructor)
        : p_(intern(text)) {}
    Name(const char *text) : p_(intern(text)) {} // NOLINT(google-explicit-constructor)

    const std::string &str() const noexcept { return *p_; }
    operator const std::string &() const noexcept { return *p_; } // NOLINT
    operator std::string_view() const noexcept { return *p_; }    // NOLINT
    const char *c_str() const noexcept { return p_->c_str(); }
    const char *data() const noexcept { return p_->data(); }
    size_t size() const noexcept { return p_->size(); }
    bool empty() const noexcept { return p_->empty(); }
    bool starts_with(std::string_view prefix) const noexcept { return p_->starts_with(prefix); }
    void clear() noexcept { p_ = &emptyText(); }

    friend bool operator==(const Name &a, const Name &b) noexcept { return a.p_ == b.p_; }
    friend bool operator==(const Name &a, std::string_view b) noexcept { return *a.p_ == b; }
    friend bool operator==(const Name &a, const std::string &b) noexcept { return *a.p_ == b; }
    friend bool operator==(const Name &a, const char *b) noexcept { return *a.p_ == b; }
    friend std::string operator+(const std::string &a, const Name &b) { return a + *b.p_; }
    friend std::string operator+(const char *a, const Name &b) { return a + *b.p_; }
    friend std::string operator+(const Name &a, const std::string &b) { return *a.p_ + b; }
    friend std::string operator+(const Name &a, const char *b) { return *a.p_ + b; }
    friend std::ostream &operator<<(std::ostream &os, const Name &n) { return os << *n.p_; }

    // Distinct names interned so far (for tests and memory figures).
    static size_t poolSize();

private:
    static const std::string &emptyText() noexcept {
        static const std::string empty;
        return empty;
    }
    static const std::string *intern(std::string_view text);
    const std::string *p_;
};

} // namespace nt
