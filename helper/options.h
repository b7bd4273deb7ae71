// What a D-Bus caller may ask of the helper: the StartTrace options and namespace names,
// validated completely before anything privileged happens.
#pragma once

#include "backends.h"
#include "error.h"
#include "functions.h"

#include <QString>
#include <QVariantMap>

#include <cstdint>
#include <optional>
#include <string>

namespace nt::helper {

// Limits on every option (also reported by Capabilities where a client needs them).
constexpr uint32_t kMinRingbufMb = 1;
constexpr uint32_t kMaxRingbufMb = 256;
constexpr uint32_t kDefaultRingbufMb = 0; // 0: sized from the probes (nt::ringBytesFor)
constexpr uint32_t kMaxDurationS = 86400;
constexpr uint64_t kMaxPackets = 1'000'000'000;
constexpr int kMaxNetnsNameLength = 64;
// Kernel function selection: names in "functions" (and their length), "max_functions", and the
// size of a "function_config" document.
constexpr int kMaxFunctionNames = 20000;
constexpr int kMaxFunctionNameLength = 128;
constexpr uint32_t kMaxFunctions = 100000;
constexpr int kMaxFunctionConfigBytes = 4 << 20;
// The only place namespace names are looked up: `ip netns add` creates them there.
constexpr const char *kNetnsDir = "/run/netns";

// A rejected option: becomes io.github.nfttracer.Error.InvalidOption.
class OptionError : public Error {
public:
    using Error::Error;
};

struct TraceOptions {
    std::string filter; // parsed once already: Filter::parse accepts it
    std::string netns;  // a name that exists under the netns directory; empty = the helper's own
    bool nftTrace = true;
    uint32_t ringbufMb = kDefaultRingbufMb; // a power of two, or 0
    uint32_t durationS = 0;                 // 0 = until stopped
    uint64_t maxPackets = 0;                // 0 = no limit (packets: journeys)
    // Kernel functions besides the tracepoints: only names discovery found are ever attached.
    FunctionSelection functions;
    std::optional<Backend> backend; // nullopt: "auto"
};

// Checks every key, type and range of StartTrace's a{sv}: only the documented keys, each with
// its exact D-Bus type (a "u" is not an "i", a "t" is not a "u"), values in range, the filter
// no longer than kFilterMaxLength and accepted by the filter parser, the namespace a plain name
// that exists in `netnsDir`, function names plain C identifiers, layers known, a config
// document in the trace_config.json shape (its content: the helper reads no caller's file).
// ringbuf_mb is rounded up to a power of two. Throws OptionError naming the key and what is
// allowed.
TraceOptions validateTraceOptions(const QVariantMap &options,
                                  const QString &netnsDir = QString::fromLatin1(kNetnsDir));

// A network namespace name as a caller gives it: "" (the helper's own) or
// [A-Za-z0-9_.-]{1,64}, not "." or "..", existing in `netnsDir`. Never a path. Throws
// OptionError.
std::string validateNetnsName(const QString &name,
                              const QString &netnsDir = QString::fromLatin1(kNetnsDir));

} // namespace nt::helper
