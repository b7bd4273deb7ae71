// `nft -a list ruleset` text as (family, table, chain, handle) → the rule's text, for checking
// the rule text rendering against real nft output (tests/data/ruleset).
#pragma once

#include <QFile>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <map>
#include <tuple>

namespace nt::testing {

using RuleKey = std::tuple<QString, QString, QString, quint64>;

inline std::map<RuleKey, QString> parseNftListing(const QString &text) {
    std::map<RuleKey, QString> rules;
    static const QRegularExpression tableRe(QStringLiteral("^table (\\S+) (\\S+) \\{"));
    static const QRegularExpression chainRe(QStringLiteral("^\\s+chain (\\S+) \\{"));
    static const QRegularExpression ruleRe(QStringLiteral("^\\s+(.*\\S) # handle (\\d+)$"));
    QString family, table, chain;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        QRegularExpressionMatch m;
        if ((m = tableRe.match(line)).hasMatch()) {
            family = m.captured(1);
            table = m.captured(2);
            chain.clear();
        } else if ((m = chainRe.match(line)).hasMatch()) {
            chain = m.captured(1);
        } else if (!chain.isEmpty() && (m = ruleRe.match(line)).hasMatch()) {
            rules[{family, table, chain, m.captured(2).toULongLong()}] = m.captured(1);
        } else if (line.startsWith(QStringLiteral("\t}"))) {
            chain.clear();
        }
    }
    return rules;
}

// The file's text; empty (and the caller's assertions fail) when it cannot be read.
inline QString readTextFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(f.readAll());
}

} // namespace nt::testing
