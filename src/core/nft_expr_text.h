// nft-like text for libnftables JSON: a rule's "expr" array as `nft list ruleset` prints it.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cstdint>

namespace nt {

// One statement or expression list, e.g. [{"match":…},{"accept":null}] → "tcp dport 8081 accept".
// Covers matches on payload/meta/ct/fib/concatenations with sets, ranges, prefixes and bitmasks,
// verdicts, counter, log, limit, quota, reject, nat, mangle, vmap, set updates and notrack;
// anything else is shown as compact JSON so no information is hidden.
QString nftRuleText(const QJsonArray &expr);
// A whole rule object of the ruleset ({"family":…, "expr": […], "comment": …}): its expressions
// and its comment, as `nft list ruleset` prints the rule.
QString nftRuleObjectText(const QJsonObject &rule);
// A single statement object ({"accept": null}, {"counter": {…}}, …).
QString nftStatementText(const QJsonValue &statement);

// "filter", "raw", "dstnat", … for a standard base chain priority (nft's names, which depend
// on family and hook), else the number ("-250", "filter + 10").
QString nftPriorityText(const QString &family, const QString &hook, int64_t priority);

} // namespace nt
