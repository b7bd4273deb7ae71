// RuleTextIndex: rule and chain texts of a ruleset snapshot, by family/table/chain/handle.
#include "rule_text.h"

#include "nft_expr_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace nt {
QString RuleTextIndex::key(const QString &family, const QString &table, const QString &chain,
                           quint64 handle) {
    return family + QLatin1Char('\x1f') + table + QLatin1Char('\x1f') + chain +
           QLatin1Char('\x1f') + QString::number(handle);
}

RuleTextIndex::RuleTextIndex(const std::string &rulesetJson) {
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(rulesetJson));
    for (const auto &item : doc.object().value(QLatin1String("nftables")).toArray()) {
        const QJsonObject o = item.toObject();
        if (o.contains(QLatin1String("rule"))) {
            const QJsonObject r = o.value(QLatin1String("rule")).toObject();
            rules_.insert(key(r.value(QLatin1String("family")).toString(),
                              r.value(QLatin1String("table")).toString(),
                              r.value(QLatin1String("chain")).toString(),
                              static_cast<quint64>(r.value(QLatin1String("handle")).toInteger())),
                          nftRuleObjectText(r));
        } else if (o.contains(QLatin1String("chain"))) {
            const QJsonObject c = o.value(QLatin1String("chain")).toObject();
            if (!c.contains(QLatin1String("hook"))) {
                continue;
            }
            chains_.insert(key(c.value(QLatin1String("family")).toString(),
                               c.value(QLatin1String("table")).toString(),
                               c.value(QLatin1String("name")).toString(), 0),
                           QStringLiteral("hook %1 priority %2 policy %3")
                               .arg(c.value(QLatin1String("hook")).toString(),
                                    nftPriorityText(c.value(QLatin1String("family")).toString(),
                                                    c.value(QLatin1String("hook")).toString(),
                                                    c.value(QLatin1String("prio")).toInteger()),
                                    c.value(QLatin1String("policy")).toString()));
        }
    }
}

QString RuleTextIndex::ruleText(const QString &family, const QString &table, const QString &chain,
                                quint64 handle) const {
    return rules_.value(key(family, table, chain, handle));
}

QString RuleTextIndex::chainText(const QString &family, const QString &table,
                                 const QString &chain) const {
    return chains_.value(key(family, table, chain, 0));
}

} // namespace nt
