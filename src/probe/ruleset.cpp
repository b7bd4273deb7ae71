// Reading the nftables ruleset through libnftables JSON output, inside a network namespace.
#include "ruleset.h"

#include "error.h"
#include "netns.h"
#include "nft_context.h"
#include "nft_trace_table.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>
#include <nftables/libnftables.h>

namespace nt {

namespace {

// NftTraceTable creates inet, bridge and netdev tables; one of another family with that name
// belongs to someone else.
bool isTracerTable(const QJsonObject &o, const QString &nameKey) {
    const QString family = o.value(QLatin1String("family")).toString();
    return (family == QLatin1String("inet") || family == QLatin1String("bridge") ||
            family == QLatin1String("netdev")) &&
           o.value(nameKey).toString().startsWith(QLatin1String(NftTraceTable::kNamePrefix));
}

} // namespace

std::string stripTracerTables(const std::string &json) {
    QJsonParseError perr{};
    QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject() ||
        !doc.object().value(QLatin1String("nftables")).isArray()) {
        throw Error(
            QCoreApplication::translate(
                "nt::Ruleset", "libnftables returned a ruleset that is not nftables JSON (%1)")
                .arg(perr.error != QJsonParseError::NoError
                         ? perr.errorString()
                         : QCoreApplication::translate("nt::Ruleset", "no \"nftables\" array")));
    }
    const QJsonArray in = doc.object().value(QLatin1String("nftables")).toArray();
    QJsonArray kept;
    for (const auto &v : in) {
        const QJsonObject entry = v.toObject();
        bool drop = false;
        // Each entry is {"<kind>": {...}}; a table names itself in "name", everything that
        // lives in a table (chain, rule, set, map, element, flowtable, objects) in "table".
        for (auto it = entry.constBegin(); it != entry.constEnd() && !drop; ++it) {
            const QJsonObject body = it.value().toObject();
            drop = it.key() == QLatin1String("table")
                       ? isTracerTable(body, QStringLiteral("name"))
                       : isTracerTable(body, QStringLiteral("table"));
        }
        if (!drop) {
            kept.append(v);
        }
    }
    QJsonObject root = doc.object();
    root.insert(QLatin1String("nftables"), kept);
    return QJsonDocument(root).toJson(QJsonDocument::Compact).toStdString();
}

std::string readRulesetJson(const NetnsHandle *ns, bool includeTracerTables) {
    NftRunResult r;
    {
        NetnsGuard guard(ns);
        std::lock_guard lock(nftLibraryMutex());
        NftCtxPtr ctx = makeNftContext(NFT_CTX_OUTPUT_JSON | NFT_CTX_OUTPUT_HANDLE);
        r = runNft(ctx.get(), "list ruleset");
    }
    if (!r.ok) {
        if (r.err == EPERM || r.err == EACCES) {
            throw Error(QCoreApplication::translate(
                "nt::Ruleset", "cannot read the nftables ruleset: permission denied; run as root "
                               "(CAP_NET_ADMIN)"));
        }
        QString detail = QString::fromStdString(r.error).trimmed();
        if (detail.isEmpty()) {
            detail = QString::fromLocal8Bit(std::strerror(r.err));
        }
        throw Error(
            QCoreApplication::translate("nt::Ruleset", "cannot read the nftables ruleset: %1")
                .arg(detail));
    }
    return includeTracerTables ? r.output : stripTracerTables(r.output);
}

} // namespace nt
