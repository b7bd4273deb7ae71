// Capabilities(): backends this kernel can run, and honest reasons for those it cannot.
#include "capabilities.h"

#include "backends.h"
#include "discovery.h"
#include "error.h"
#include "filter.h"
#include "kernel_info.h"
#include "nft_trace_probe.h"
#include "probes.h"

#include <QCoreApplication>
#include <QStringList>

#include <bpf/btf.h>
#include <linux/btf.h>

namespace nt::helper {

QVariantMap helperCapabilities(uint32_t maxSessions) {
    QVariantMap caps;
    caps[QStringLiteral("kernel")] = QString::fromStdString(kernelDescription());
    caps[QStringLiteral("version")] = QStringLiteral(NT_VERSION);
    caps[QStringLiteral("max_sessions")] = maxSessions;
    caps[QStringLiteral("max_filter_length")] = static_cast<uint32_t>(kFilterMaxLength);

    QStringList backends, tracepointNames;
    QMap<QString, QString> unavailable;
    bool btfOk = false;
    try {
        const KernelBtf btf;
        btfOk = true;
        for (const TracepointInfo &tp : tracepoints()) {
            // tp_btf programs attach through the btf_trace_<name> typedef of the tracepoint.
            const std::string typedefName = std::string("btf_trace_") + tp.name;
            if (btf__find_by_name_kind(btf.raw(), typedefName.c_str(), BTF_KIND_TYPEDEF) > 0) {
                tracepointNames << QString::fromLatin1(tp.name);
            }
        }
        if (tracepointNames.isEmpty()) {
            unavailable[QStringLiteral("tracepoints")] = QCoreApplication::translate(
                "nt::Helper", "the kernel's BTF describes none of the networking tracepoints");
        } else {
            backends << QStringLiteral("tracepoints");
        }
    } catch (const Error &e) {
        unavailable[QStringLiteral("tracepoints")] = e.message();
    }
    // nftables rule tracing runs beside the BPF probes and needs them (the journeys join on
    // their packets), so it is offered exactly when tracepoints are.
    if (backends.contains(QStringLiteral("tracepoints"))) {
        backends << QStringLiteral("nftrace");
    } else {
        unavailable[QStringLiteral("nftrace")] = QCoreApplication::translate(
            "nt::Helper", "nftables rule tracing runs together with the tracepoint backend, "
                          "which is unavailable");
    }
    // Function backends: what this kernel allows, each tried with a two-instruction program
    // (the helper runs as root). Discovery's functions are counted per layer and priority, so a
    // client can say how many functions a choice traces without reading BTF itself.
    QStringList functionBackends;
    std::string probeFunction;
    QVariantMap functionCounts;
    uint32_t functionTotal = 0;
    try {
        DiscoveryOptions noCache; // the helper writes no files
        noCache.useCache = false;
        for (const KernelFunction &f : discoverFunctions(noCache).functions) {
            if (probeFunction.empty() && f.module.empty()) {
                probeFunction = f.name;
            }
            const QString key =
                QStringLiteral("%1/%2").arg(QLatin1String(layerName(f.layer))).arg(f.priority);
            functionCounts[key] = functionCounts.value(key).toUInt() + 1;
            ++functionTotal;
        }
    } catch (const Error &) { // NOLINT(bugprone-empty-catch): no BTF is reported above
    }
    for (const BackendCheck &c : checkBackends(probeFunction)) {
        if (c.backend == Backend::Tracepoint) {
            continue;
        }
        const QString key = QString::fromLatin1(backendName(c.backend));
        if (c.available) {
            functionBackends << key;
        } else {
            unavailable[key] = QString::fromStdString(c.reason);
        }
    }
    caps[QStringLiteral("function_backends")] = functionBackends;
    caps[QStringLiteral("function_counts")] = functionCounts;
    caps[QStringLiteral("functions_total")] = functionTotal;
    // nftables verdicts read in BPF at the kernel's trace function: needs that function in BTF
    // (nf_tables loaded) and a function backend to probe it with.
    std::string nftProbeError;
    try {
        const KernelBtf btf;
        nftProbeError = findNftTraceProbe(btf.raw()).error;
    } catch (const Error &e) {
        nftProbeError = e.message().toStdString();
    }
    const bool nftBpf = nftProbeError.empty() && !functionBackends.isEmpty();
    caps[QStringLiteral("nft_trace_bpf")] = nftBpf;
    if (!nftProbeError.empty()) {
        unavailable[QStringLiteral("nft_trace_bpf")] =
            QCoreApplication::translate("nt::Helper",
                                        "nftables' trace function cannot be probed: %1")
                .arg(QString::fromStdString(nftProbeError));
    } else if (!nftBpf) {
        unavailable[QStringLiteral("nft_trace_bpf")] = QCoreApplication::translate(
            "nt::Helper", "no function backend (kprobe.multi, kprobe, fentry) is available to "
                          "probe nftables' trace function; verdicts come from netlink");
    }

    caps[QStringLiteral("btf")] = btfOk;
    caps[QStringLiteral("backends")] = backends;
    caps[QStringLiteral("tracepoints")] = tracepointNames;
    // a{ss}, as the contract says: main() registers QMap<QString, QString> with QtDBus.
    caps[QStringLiteral("unavailable")] = QVariant::fromValue(unavailable);
    return caps;
}

} // namespace nt::helper
