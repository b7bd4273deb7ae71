// What a swimlane marker stands for. In a header of its own: Qt 6.8's lupdate loses the
// namespace of the classes that follow an enum with an underlying type in the same file.
#pragma once

#include <cstdint>

namespace nt {

enum class SwimlaneItemKind : uint8_t {
    Tracepoint, // a tracepoint event: filled circle
    Function,   // a kprobe/fentry function event: diamond
    Free,       // consume_skb: hollow circle, the journey ends normally
    Drop,       // kfree_skb: red ✕ with the drop reason
    NftRule,    // an nft rule decision: badge with handle and verdict
    NftPolicy,  // an nft chain policy decision: badge with the policy verdict
    NftReturn,  // an nft return/other record: small badge
};

} // namespace nt
