// nft rules as text from the libnftables JSON ruleset a trace holds: "tcp dport 8082 drop".
#pragma once

#include <QHash>
#include <QString>

#include <string>

namespace nt {

class RuleTextIndex {
public:
    RuleTextIndex() = default;
    // Unparseable or empty JSON gives an empty index.
    explicit RuleTextIndex(const std::string &rulesetJson);

    // The rule's text in nft syntax, or an empty string when the ruleset does not have it.
    QString ruleText(const QString &family, const QString &table, const QString &chain,
                     quint64 handle) const;
    // "hook input priority 0 policy accept" for base chains, empty otherwise.
    QString chainText(const QString &family, const QString &table, const QString &chain) const;
    bool empty() const { return rules_.isEmpty() && chains_.isEmpty(); }

private:
    static QString key(const QString &family, const QString &table, const QString &chain,
                       quint64 handle);
    QHash<QString, QString> rules_;
    QHash<QString, QString> chains_;
};

} // namespace nt
