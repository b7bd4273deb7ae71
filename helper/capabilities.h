// What this kernel offers the helper's clients: the answer of Capabilities().
#pragma once

#include <QVariantMap>

namespace nt::helper {

// Keys: "kernel" (s), "btf" (b), "backends" (as), "unavailable" (a{ss}: backend -> why not),
// "tracepoints" (as: those this kernel has), "version" (s), "max_sessions" (u),
// "max_filter_length" (u). Reads only what any user may read (BTF, uname); loads nothing.
QVariantMap helperCapabilities(uint32_t maxSessions);

} // namespace nt::helper
