// Validation of everything a D-Bus caller sends before the helper acts on it.
#include "options.h"

#include "filter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMetaType>
#include <QStringList>

#include <algorithm>
#include <bit>

namespace nt::helper {
namespace {

// The D-Bus signature a QVariant decoded from a message came from, for error messages.
QString dbusTypeName(const QVariant &v) {
    switch (v.metaType().id()) {
    case QMetaType::QString:
        return QStringLiteral("s");
    case QMetaType::Bool:
        return QStringLiteral("b");
    case QMetaType::UChar:
        return QStringLiteral("y");
    case QMetaType::Short:
        return QStringLiteral("n");
    case QMetaType::UShort:
        return QStringLiteral("q");
    case QMetaType::Int:
        return QStringLiteral("i");
    case QMetaType::UInt:
        return QStringLiteral("u");
    case QMetaType::LongLong:
        return QStringLiteral("x");
    case QMetaType::ULongLong:
        return QStringLiteral("t");
    case QMetaType::Double:
        return QStringLiteral("d");
    default:
        return QString::fromLatin1(v.metaType().name() ? v.metaType().name() : "?");
    }
}

// Exact types only: a client that sends the wrong type has a bug worth hearing about, and
// silent conversions (a negative "i" to a huge "u") are how range checks get bypassed.
void requireType(const QString &key, const QVariant &v, QMetaType::Type type,
                 const char *signature) {
    if (v.metaType().id() != type) {
        throw OptionError(QCoreApplication::translate(
                              "nt::Helper", "option \"%1\" must have D-Bus type \"%2\", not \"%3\"")
                              .arg(key, QLatin1String(signature), dbusTypeName(v)));
    }
}

// A kernel symbol name: C identifier characters, and '.' for compiler clones (ip_rcv.cold).
bool validFunctionName(const QString &name) {
    if (name.isEmpty() || name.size() > kMaxFunctionNameLength) {
        return false;
    }
    for (QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
              u == u'_' || u == u'.')) {
            return false;
        }
    }
    return true;
}

bool validNetnsChar(QChar c) {
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
           u == u'_' || u == u'.' || u == u'-';
}

} // namespace

std::string validateNetnsName(const QString &name, const QString &netnsDir) {
    if (name.isEmpty()) {
        return {};
    }
    // A name, never a path: the caller must not make root open files of its choosing.
    bool plain = name.size() <= kMaxNetnsNameLength && name != QLatin1String(".") &&
                 name != QLatin1String("..");
    for (QChar c : name) {
        plain = plain && validNetnsChar(c);
    }
    if (!plain) {
        throw OptionError(
            QCoreApplication::translate(
                "nt::Helper",
                "network namespace \"%1\" is not a valid name: use 1 to %2 letters, digits, "
                "'_', '.' or '-' (a name from 'ip netns list', not a path)")
                .arg(name.left(kMaxNetnsNameLength + 8))
                .arg(kMaxNetnsNameLength));
    }
    const QFileInfo info(netnsDir + QLatin1Char('/') + name);
    if (!info.exists() || info.isSymLink() || info.isDir()) {
        throw OptionError(
            QCoreApplication::translate(
                "nt::Helper", "there is no network namespace named \"%1\" (see 'ip netns list')")
                .arg(name));
    }
    return name.toStdString();
}

namespace {

// "filter": at most kFilterMaxLength bytes and parseable; stored in canonical form.
std::string validateFilter(const QVariant &v) {
    const QByteArray text = v.toString().toUtf8();
    if (static_cast<size_t>(text.size()) > kFilterMaxLength) {
        throw OptionError(QCoreApplication::translate(
                              "nt::Helper", "the filter is %1 bytes long; at most %2 are allowed")
                              .arg(text.size())
                              .arg(kFilterMaxLength));
    }
    try {
        return Filter::parse(text.toStdString()).text();
    } catch (const Error &e) {
        throw OptionError(QCoreApplication::translate("nt::Helper", "filter: %1").arg(e.message()));
    }
}

// "ringbuf_mb": within limits, rounded up to the power of two the kernel wants.
uint32_t validateRingbufMb(const QVariant &v) {
    const uint32_t mb = v.toUInt();
    if (mb < kMinRingbufMb || mb > kMaxRingbufMb) {
        throw OptionError(
            QCoreApplication::translate("nt::Helper",
                                        "option \"ringbuf_mb\" is %1; it must be between %2 and %3")
                .arg(mb)
                .arg(kMinRingbufMb)
                .arg(kMaxRingbufMb));
    }
    return std::bit_ceil(mb); // the kernel wants a power of two
}

// "duration_s": 0 (until stopped) up to kMaxDurationS.
uint32_t validateDurationS(const QVariant &v) {
    const uint32_t s = v.toUInt();
    if (s > kMaxDurationS) {
        throw OptionError(QCoreApplication::translate(
                              "nt::Helper", "option \"duration_s\" is %1; it must be at most %2 (0 "
                                            "records until stopped)")
                              .arg(s)
                              .arg(kMaxDurationS));
    }
    return s;
}

// "max_packets": 0 (no limit) up to kMaxPackets.
qulonglong validateMaxPackets(const QVariant &v) {
    const qulonglong n = v.toULongLong();
    if (n > kMaxPackets) {
        throw OptionError(
            QCoreApplication::translate("nt::Helper",
                                        "option \"max_packets\" is %1; it must be at most %2 (0 "
                                        "means no limit)")
                .arg(n)
                .arg(kMaxPackets));
    }
    return n;
}

// "backend": one of the backend names.
std::optional<Backend> validateBackend(const QVariant &v) {
    bool ok = false;
    const std::optional<Backend> backend = backendFromName(v.toString().toStdString(), &ok);
    if (!ok) {
        throw OptionError(QCoreApplication::translate("nt::Helper",
                                                      "option \"backend\" is \"%1\"; it must be "
                                                      "auto, kprobe-multi, kprobe, fentry or "
                                                      "tracepoint")
                              .arg(v.toString().left(64)));
    }
    return backend;
}

// "functions": a bounded list of kernel symbol names, appended to `names`.
void validateFunctionNames(const QVariant &v, std::vector<std::string> &names) {
    const QStringList list = v.toStringList();
    if (list.size() > kMaxFunctionNames) {
        throw OptionError(
            QCoreApplication::translate("nt::Helper",
                                        "option \"functions\" names %1 functions; at most %2 are "
                                        "allowed")
                .arg(list.size())
                .arg(kMaxFunctionNames));
    }
    for (const QString &name : list) {
        if (!validFunctionName(name)) {
            throw OptionError(
                QCoreApplication::translate("nt::Helper",
                                            "option \"functions\": \"%1\" is not a kernel "
                                            "function name (1 to %2 letters, digits, '_' or '.')")
                    .arg(name.left(kMaxFunctionNameLength + 8))
                    .arg(kMaxFunctionNameLength));
        }
        names.push_back(name.toStdString());
    }
}

// "layers": layer names, each added once to `layers`; an unknown one lists the valid ones.
void validateLayers(const QVariant &v, std::vector<Layer> &layers) {
    for (const QString &name : v.toStringList()) {
        const std::optional<Layer> layer = layerFromName(name.toStdString());
        if (!layer) {
            QStringList all;
            for (int i = 0; i < kLayerCount; ++i) {
                all << QString::fromLatin1(layerName(static_cast<Layer>(i)));
            }
            throw OptionError(QCoreApplication::translate(
                                  "nt::Helper", "option \"layers\": \"%1\" is not a layer; the "
                                                "layers are: %2")
                                  .arg(name.left(64), all.join(QStringLiteral(", "))));
        }
        if (std::find(layers.begin(), layers.end(), *layer) == layers.end()) {
            layers.push_back(*layer);
        }
    }
}

// "priority": 0 (critical) to 3 (verbose).
int validatePriority(const QVariant &v) {
    const uint32_t p = v.toUInt();
    if (p > static_cast<uint32_t>(kPriorityVerbose)) {
        throw OptionError(QCoreApplication::translate("nt::Helper",
                                                      "option \"priority\" is %1; it must be "
                                                      "from 0 (critical) to 3 (verbose)")
                              .arg(p));
    }
    return static_cast<int>(p);
}

// "max_functions": 1 to kMaxFunctions.
uint32_t validateMaxFunctions(const QVariant &v) {
    const uint32_t n = v.toUInt();
    if (n == 0 || n > kMaxFunctions) {
        throw OptionError(QCoreApplication::translate(
                              "nt::Helper", "option \"max_functions\" is %1; it must be between 1 "
                                            "and %2")
                              .arg(n)
                              .arg(kMaxFunctions));
    }
    return n;
}

// "function_config": a bounded trace_config.json text, parsed.
FunctionConfig validateFunctionConfig(const QVariant &v) {
    const QByteArray json = v.toString().toUtf8();
    if (json.size() > kMaxFunctionConfigBytes) {
        throw OptionError(QCoreApplication::translate("nt::Helper",
                                                      "option \"function_config\" is %1 bytes "
                                                      "long; at most %2 are allowed")
                              .arg(json.size())
                              .arg(kMaxFunctionConfigBytes));
    }
    try {
        return parseFunctionConfig(json, QStringLiteral("function_config"));
    } catch (const Error &e) {
        throw OptionError(e.message());
    }
}

// The options that choose which kernel functions to trace; false if `key` is not one.
bool applyFunctionOption(const QString &key, const QVariant &v, FunctionSelection &sel) {
    if (key == QLatin1String("functions")) {
        requireType(key, v, QMetaType::QStringList, "as");
        validateFunctionNames(v, sel.names);
    } else if (key == QLatin1String("layers")) {
        requireType(key, v, QMetaType::QStringList, "as");
        validateLayers(v, sel.layers);
    } else if (key == QLatin1String("priority")) {
        requireType(key, v, QMetaType::UInt, "u");
        sel.maxPriority = validatePriority(v);
    } else if (key == QLatin1String("max_functions")) {
        requireType(key, v, QMetaType::UInt, "u");
        sel.maxFunctions = validateMaxFunctions(v);
    } else if (key == QLatin1String("function_config")) {
        requireType(key, v, QMetaType::QString, "s");
        sel.config = validateFunctionConfig(v);
    } else {
        return false;
    }
    return true;
}

// The options about what and how long to record; false if `key` is not one.
bool applyCaptureOption(const QString &key, const QVariant &v, const QString &netnsDir,
                        TraceOptions &out) {
    if (key == QLatin1String("filter")) {
        requireType(key, v, QMetaType::QString, "s");
        out.filter = validateFilter(v);
    } else if (key == QLatin1String("netns")) {
        requireType(key, v, QMetaType::QString, "s");
        out.netns = validateNetnsName(v.toString(), netnsDir);
    } else if (key == QLatin1String("nft_trace")) {
        requireType(key, v, QMetaType::Bool, "b");
        out.nftTrace = v.toBool();
    } else if (key == QLatin1String("ringbuf_mb")) {
        requireType(key, v, QMetaType::UInt, "u");
        out.ringbufMb = validateRingbufMb(v);
    } else if (key == QLatin1String("duration_s")) {
        requireType(key, v, QMetaType::UInt, "u");
        out.durationS = validateDurationS(v);
    } else if (key == QLatin1String("max_packets")) {
        requireType(key, v, QMetaType::ULongLong, "t");
        out.maxPackets = validateMaxPackets(v);
    } else if (key == QLatin1String("backend")) {
        requireType(key, v, QMetaType::QString, "s");
        out.backend = validateBackend(v);
    } else {
        return false;
    }
    return true;
}

} // namespace

TraceOptions validateTraceOptions(const QVariantMap &options, const QString &netnsDir) {
    static const QStringList known = {
        QStringLiteral("filter"),        QStringLiteral("netns"),
        QStringLiteral("nft_trace"),     QStringLiteral("ringbuf_mb"),
        QStringLiteral("duration_s"),    QStringLiteral("max_packets"),
        QStringLiteral("backend"),       QStringLiteral("functions"),
        QStringLiteral("layers"),        QStringLiteral("priority"),
        QStringLiteral("max_functions"), QStringLiteral("function_config")};
    TraceOptions out;
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        const QString &key = it.key();
        const QVariant &v = it.value();
        if (!applyCaptureOption(key, v, netnsDir, out) &&
            !applyFunctionOption(key, v, out.functions)) {
            throw OptionError(QCoreApplication::translate(
                                  "nt::Helper", "unknown option \"%1\"; the options are: %2")
                                  .arg(key.left(64), known.join(QStringLiteral(", "))));
        }
    }
    return out;
}

} // namespace nt::helper
