// nft-like text for libnftables JSON, checked against `nft -a list ruleset` (tests/data/ruleset).
#include "nft_expr_text.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <initializer_list>
#include <vector>

namespace nt {
namespace {

// How values on the right of a match are printed, decided by the expression on the left.
struct ValueStyle {
    bool hex32 = false;  // marks: 0x00000001
    bool quoted = false; // interface names: "eth0"
};

QString compactJson(const QJsonValue &v) {
    if (v.isObject()) {
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    if (v.isArray()) {
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    }
    return v.toVariant().toString();
}

QString quote(const QString &s) {
    return QLatin1Char('"') + s + QLatin1Char('"');
}

QString number(const QJsonValue &v) {
    return QString::number(v.toInteger());
}

bool isMarkKey(const QJsonObject &o) {
    for (const char *kind : {"meta", "ct"}) {
        const QJsonValue inner = o.value(QLatin1String(kind));
        if (inner.isObject() &&
            inner.toObject().value(QLatin1String("key")).toString() == QLatin1String("mark")) {
            return true;
        }
    }
    return false;
}

ValueStyle styleFor(const QJsonValue &left) {
    ValueStyle s;
    QJsonObject o = left.toObject();
    const QJsonValue bin = o.value(QLatin1String("&"));
    if (bin.isArray() && !bin.toArray().isEmpty()) {
        o = bin.toArray().first().toObject();
    }
    s.hex32 = isMarkKey(o);
    const QJsonValue meta = o.value(QLatin1String("meta"));
    if (meta.isObject()) {
        const QString key = meta.toObject().value(QLatin1String("key")).toString();
        s.quoted = key == QLatin1String("iifname") || key == QLatin1String("oifname") ||
                   key == QLatin1String("iif") || key == QLatin1String("oif");
    }
    return s;
}

QString expr(const QJsonValue &v, const ValueStyle &style = {});

QString value(const QJsonValue &v, const ValueStyle &style) {
    switch (v.type()) {
    case QJsonValue::Double:
        if (style.hex32) {
            return QStringLiteral("0x%1").arg(static_cast<qulonglong>(v.toInteger()), 8, 16,
                                              QLatin1Char('0'));
        }
        return number(v);
    case QJsonValue::String: {
        const QString s = v.toString();
        return style.quoted && !s.startsWith(QLatin1Char('@')) ? quote(s) : s;
    }
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("exists") : QStringLiteral("missing");
    case QJsonValue::Array: { // a list of flags: "established,related"
        QStringList parts;
        const QJsonArray a = v.toArray();
        for (const auto &e : a) {
            parts << value(e, style);
        }
        return parts.join(QLatin1Char(','));
    }
    case QJsonValue::Object:
        return expr(v, style);
    default:
        return compactJson(v);
    }
}

QString payload(const QJsonObject &p) {
    if (p.contains(QLatin1String("protocol"))) {
        return p.value(QLatin1String("protocol")).toString() + QLatin1Char(' ') +
               p.value(QLatin1String("field")).toString();
    }
    return QStringLiteral("@%1,%2,%3")
        .arg(p.value(QLatin1String("base")).toString(), number(p.value(QLatin1String("offset"))),
             number(p.value(QLatin1String("len"))));
}

QString meta(const QJsonObject &m) {
    const QString key = m.value(QLatin1String("key")).toString();
    // nft prints these without the "meta" keyword.
    static const QStringList kUnqualified = {
        QStringLiteral("iif"),     QStringLiteral("oif"),      QStringLiteral("iifname"),
        QStringLiteral("oifname"), QStringLiteral("iifgroup"), QStringLiteral("oifgroup")};
    return kUnqualified.contains(key) ? key : QStringLiteral("meta ") + key;
}

QString ct(const QJsonObject &c) {
    QString s = QStringLiteral("ct");
    if (c.contains(QLatin1String("dir"))) {
        s += QLatin1Char(' ') + c.value(QLatin1String("dir")).toString();
    }
    if (c.contains(QLatin1String("family"))) {
        s += QLatin1Char(' ') + c.value(QLatin1String("family")).toString();
    }
    return s + QLatin1Char(' ') + c.value(QLatin1String("key")).toString();
}

QString setLiteral(const QJsonArray &elements, const ValueStyle &style) {
    QStringList parts;
    for (const auto &e : elements) {
        if (e.isArray() && e.toArray().size() == 2) { // map/vmap element: key : data
            parts << value(e.toArray().at(0), style) + QStringLiteral(" : ") +
                         expr(e.toArray().at(1));
        } else {
            parts << value(e, style);
        }
    }
    return QStringLiteral("{ ") + parts.join(QStringLiteral(", ")) + QStringLiteral(" }");
}

QString expr(const QJsonValue &v, const ValueStyle &style) {
    if (!v.isObject()) {
        return value(v, style);
    }
    const QJsonObject o = v.toObject();
    if (o.size() != 1) {
        return compactJson(v);
    }
    QString kind = o.constBegin().key();
    const QJsonValue arg = o.constBegin().value();
    const QJsonObject a = arg.toObject();
    if (kind == QLatin1String("payload")) {
        return payload(a);
    }
    if (kind == QLatin1String("meta")) {
        return meta(a);
    }
    if (kind == QLatin1String("ct")) {
        return ct(a);
    }
    if (kind == QLatin1String("rt")) {
        return QStringLiteral("rt ") + a.value(QLatin1String("key")).toString();
    }
    if (kind == QLatin1String("socket")) {
        return QStringLiteral("socket ") + a.value(QLatin1String("key")).toString();
    }
    if (kind == QLatin1String("tcp option")) {
        QString s = QStringLiteral("tcp option ") + a.value(QLatin1String("name")).toString();
        if (a.contains(QLatin1String("field"))) {
            s += QLatin1Char(' ') + a.value(QLatin1String("field")).toString();
        }
        return s;
    }
    if (kind == QLatin1String("fib")) {
        return QStringLiteral("fib ") +
               value(a.value(QLatin1String("flags")), {})
                   .replace(QLatin1Char(','), QLatin1Char(' ')) +
               QStringLiteral(" ") + a.value(QLatin1String("result")).toString();
    }
    if (kind == QLatin1String("concat")) {
        QStringList parts;
        const QJsonArray items = arg.toArray();
        for (const auto &e : items) {
            parts << expr(e, style);
        }
        return parts.join(QStringLiteral(" . "));
    }
    if (kind == QLatin1String("set")) {
        return arg.isArray() ? setLiteral(arg.toArray(), style) : setLiteral({arg}, style);
    }
    if (kind == QLatin1String("range")) {
        const QJsonArray r = arg.toArray();
        return value(r.at(0), style) + QLatin1Char('-') + value(r.at(1), style);
    }
    if (kind == QLatin1String("prefix")) {
        return a.value(QLatin1String("addr")).toString() + QLatin1Char('/') +
               number(a.value(QLatin1String("len")));
    }
    if (kind == QLatin1String("elem")) {
        return value(a.value(QLatin1String("val")), style);
    }
    if (kind == QLatin1String("map")) {
        return expr(a.value(QLatin1String("key"))) + QStringLiteral(" map ") +
               expr(a.value(QLatin1String("data")), style);
    }
    if (kind == QLatin1String("&") || kind == QLatin1String("|") || kind == QLatin1String("^") ||
        kind == QLatin1String("<<") || kind == QLatin1String(">>")) {
        const QJsonArray ops = arg.toArray();
        const ValueStyle inner = styleFor(ops.at(0));
        return expr(ops.at(0)) + QLatin1Char(' ') + kind + QLatin1Char(' ') +
               value(ops.at(1), inner);
    }
    // Verdicts can appear as map data.
    if (kind == QLatin1String("accept") || kind == QLatin1String("drop") ||
        kind == QLatin1String("continue") || kind == QLatin1String("return") ||
        kind == QLatin1String("jump") || kind == QLatin1String("goto")) {
        return nftStatementText(v);
    }
    return compactJson(v);
}

QString match(const QJsonObject &m) {
    const QJsonValue left = m.value(QLatin1String("left"));
    const QJsonValue right = m.value(QLatin1String("right"));
    const QString op = m.value(QLatin1String("op")).toString();
    const ValueStyle style = styleFor(left);
    const QJsonValue bin = left.toObject().value(QLatin1String("&"));
    // A flags test: "tcp flags syn / fin,syn,rst,ack".
    if (bin.isArray() && bin.toArray().at(1).isArray() &&
        (op == QLatin1String("==") || op == QLatin1String("!="))) {
        const QJsonArray ops = bin.toArray();
        return expr(ops.at(0)) +
               (op == QLatin1String("!=") ? QStringLiteral(" != ") : QStringLiteral(" ")) +
               value(right, style) + QStringLiteral(" / ") + value(ops.at(1), style);
    }
    QString s = expr(left) + QLatin1Char(' ');
    // "==" and "in" are implicit, except after a binary operation where nft spells out "==".
    if ((op != QLatin1String("==") && op != QLatin1String("in")) ||
        (op == QLatin1String("==") && left.toObject().contains(QLatin1String("&")))) {
        s += op + QLatin1Char(' ');
    }
    return s + value(right, style);
}

QString nat(const QString &kind, const QJsonObject &n) {
    QString s = kind;
    if (n.contains(QLatin1String("family"))) {
        s += QLatin1Char(' ') + n.value(QLatin1String("family")).toString();
    }
    const bool hasAddr = n.contains(QLatin1String("addr"));
    const bool hasPort = n.contains(QLatin1String("port"));
    if (hasAddr || hasPort) {
        s += QStringLiteral(" to ");
        if (hasAddr) {
            QString addr = expr(n.value(QLatin1String("addr")));
            if (hasPort && addr.contains(QLatin1Char(':'))) {
                addr = QLatin1Char('[') + addr + QLatin1Char(']');
            }
            s += addr;
        }
        if (hasPort) {
            s += QLatin1Char(':') + expr(n.value(QLatin1String("port")));
        }
    }
    if (n.contains(QLatin1String("flags"))) {
        s += QLatin1Char(' ') + value(n.value(QLatin1String("flags")), {});
    }
    return s;
}

QString counter(const QJsonValue &arg) {
    if (arg.isString()) {
        return QStringLiteral("counter name ") + quote(arg.toString());
    }
    if (arg.isNull()) {
        return QStringLiteral("counter");
    }
    const QJsonObject a = arg.toObject();
    return QStringLiteral("counter packets %1 bytes %2")
        .arg(number(a.value(QLatin1String("packets"))), number(a.value(QLatin1String("bytes"))));
}

QString logText(const QJsonObject &a) {
    QString s = QStringLiteral("log");
    if (a.contains(QLatin1String("prefix"))) {
        s += QStringLiteral(" prefix ") + quote(a.value(QLatin1String("prefix")).toString());
    }
    if (a.contains(QLatin1String("level"))) {
        s += QStringLiteral(" level ") + a.value(QLatin1String("level")).toString();
    }
    if (a.contains(QLatin1String("group"))) {
        s += QStringLiteral(" group ") + number(a.value(QLatin1String("group")));
    }
    return s;
}

QString limit(const QJsonObject &a) {
    QString s = QStringLiteral("limit rate ");
    if (a.value(QLatin1String("inv")).toBool()) {
        s += QStringLiteral("over ");
    }
    s += number(a.value(QLatin1String("rate")));
    const QString unit = a.value(QLatin1String("rate_unit")).toString();
    if (!unit.isEmpty() && unit != QLatin1String("packets")) {
        s += QLatin1Char(' ') + unit;
    }
    s += QLatin1Char('/') + a.value(QLatin1String("per")).toString();
    const qint64 burst = a.value(QLatin1String("burst")).toInteger();
    if (burst != 0 && (burst != 5 || (!unit.isEmpty() && unit != QLatin1String("packets")))) {
        const QString bunit = a.value(QLatin1String("burst_unit")).toString();
        s += QStringLiteral(" burst %1 %2")
                 .arg(burst)
                 .arg(bunit.isEmpty() ? QStringLiteral("packets") : bunit);
    }
    return s;
}

QString quota(const QJsonObject &a) {
    QString s = QStringLiteral("quota ");
    if (a.value(QLatin1String("inv")).toBool()) {
        s += QStringLiteral("over ");
    }
    return s + number(a.value(QLatin1String("val"))) + QLatin1Char(' ') +
           a.value(QLatin1String("val_unit")).toString();
}

QString reject(const QJsonObject &a) {
    const QString type = a.value(QLatin1String("type")).toString();
    const QString code = a.value(QLatin1String("expr")).toString();
    if (type.isEmpty() || (code == QLatin1String("port-unreachable"))) {
        return QStringLiteral("reject");
    }
    return QStringLiteral("reject with ") + type +
           (code.isEmpty() ? QString() : QLatin1Char(' ') + code);
}

// masquerade, redirect.
QString portRewrite(const QString &kind, const QJsonObject &a) {
    QString s = kind;
    if (a.contains(QLatin1String("port"))) {
        s += QStringLiteral(" to :") + expr(a.value(QLatin1String("port")));
    }
    if (a.contains(QLatin1String("flags"))) {
        s += QLatin1Char(' ') + value(a.value(QLatin1String("flags")), {});
    }
    return s;
}

QString queue(const QJsonObject &a) {
    QString s = QStringLiteral("queue");
    if (a.contains(QLatin1String("flags"))) {
        s += QStringLiteral(" flags ") + value(a.value(QLatin1String("flags")), {});
    }
    if (a.contains(QLatin1String("num"))) {
        s += QStringLiteral(" to ") + expr(a.value(QLatin1String("num")));
    }
    return s;
}

// fwd, dup.
QString forward(const QString &kind, const QJsonObject &a) {
    QString s = kind + QStringLiteral(" to ") +
                expr(a.value(QLatin1String(a.contains(QLatin1String("addr")) ? "addr" : "dev")),
                     ValueStyle{false, !a.contains(QLatin1String("addr"))});
    if (a.contains(QLatin1String("addr")) && a.contains(QLatin1String("dev"))) {
        s += QStringLiteral(" device ") + quote(a.value(QLatin1String("dev")).toString());
    }
    return s;
}

// Statements whose text is a few of their fields: mangle, vmap, dynamic set updates, ct count,
// flow; empty for other kinds.
QString fieldStatement(const QString &kind, const QJsonObject &a) {
    if (kind == QLatin1String("mangle")) {
        const QJsonValue key = a.value(QLatin1String("key"));
        return expr(key) + QStringLiteral(" set ") +
               value(a.value(QLatin1String("value")), styleFor(key));
    }
    if (kind == QLatin1String("vmap")) {
        return expr(a.value(QLatin1String("key"))) + QStringLiteral(" vmap ") +
               expr(a.value(QLatin1String("data")));
    }
    if (kind == QLatin1String("set") || kind == QLatin1String("map")) { // dynamic set update
        return a.value(QLatin1String("op")).toString() + QLatin1Char(' ') +
               a.value(QLatin1String("set")).toString() + QStringLiteral(" { ") +
               expr(a.value(QLatin1String("elem"))) + QStringLiteral(" }");
    }
    if (kind == QLatin1String("ct count")) {
        return QStringLiteral("ct count ") +
               (a.value(QLatin1String("inv")).toBool() ? QStringLiteral("over ") : QString()) +
               number(a.value(QLatin1String("val")));
    }
    if (kind == QLatin1String("flow")) {
        return QStringLiteral("flow ") + a.value(QLatin1String("op")).toString() +
               QLatin1Char(' ') + a.value(QLatin1String("flowtable")).toString();
    }
    return {};
}

} // namespace

QString nftStatementText(const QJsonValue &statement) {
    if (!statement.isObject() || statement.toObject().size() != 1) {
        return compactJson(statement);
    }
    const QJsonObject o = statement.toObject();
    QString kind = o.constBegin().key();
    const QJsonValue arg = o.constBegin().value();
    const QJsonObject a = arg.toObject();
    auto is = [&kind](std::initializer_list<const char *> names) {
        return std::any_of(names.begin(), names.end(),
                           [&kind](const char *n) { return kind == QLatin1String(n); });
    };
    if (is({"match"})) {
        return match(a);
    }
    if (is({"accept", "drop", "continue", "return", "notrack"})) {
        return kind;
    }
    if (is({"jump", "goto"})) {
        return kind + QLatin1Char(' ') + a.value(QLatin1String("target")).toString();
    }
    if (is({"counter"})) {
        return counter(arg);
    }
    if (is({"log"})) {
        return logText(a);
    }
    if (is({"limit"})) {
        return limit(a);
    }
    if (is({"quota"})) {
        return quota(a);
    }
    if (is({"reject"})) {
        return reject(a);
    }
    if (is({"snat", "dnat"})) {
        return nat(kind, a);
    }
    if (is({"masquerade", "redirect"})) {
        return portRewrite(kind, a);
    }
    if (is({"queue"})) {
        return queue(a);
    }
    if (is({"fwd", "dup"})) {
        return forward(kind, a);
    }
    if (QString s = fieldStatement(kind, a); !s.isEmpty()) {
        return s;
    }
    return compactJson(statement);
}

QString nftRuleText(const QJsonArray &expr) {
    QStringList parts;
    for (const auto &s : expr) {
        parts << nftStatementText(s);
    }
    return parts.join(QLatin1Char(' '));
}

QString nftRuleObjectText(const QJsonObject &rule) {
    QString text = nftRuleText(rule.value(QLatin1String("expr")).toArray());
    if (rule.contains(QLatin1String("comment"))) {
        text += QStringLiteral(" comment \"") + rule.value(QLatin1String("comment")).toString() +
                QLatin1Char('"');
    }
    return text;
}

QString nftPriorityText(const QString &family, const QString &hook, int64_t priority) {
    struct Named {
        const char *name;
        int64_t value;
    };
    const bool bridge = family == QLatin1String("bridge");
    const bool natIn = hook == QLatin1String("prerouting") || hook == QLatin1String("output");
    const bool natOut = hook == QLatin1String("postrouting") || hook == QLatin1String("input");
    std::vector<Named> names;
    if (family == QLatin1String("netdev")) {
        // nft names only "filter" for ingress and egress hooks.
        names = {{"filter", 0}};
    } else if (bridge) {
        names = {{"filter", -200}, {"out", 100}};
    } else {
        names = {{"raw", -300}, {"mangle", -150}, {"filter", 0}, {"security", 50}};
    }
    if (natIn && family != QLatin1String("netdev")) {
        names.push_back({"dstnat", bridge ? -300 : -100});
    }
    if (natOut && family != QLatin1String("netdev")) {
        names.push_back({"srcnat", bridge ? 300 : 100});
    }
    // nft names a priority near a standard one relative to it: "filter + 10".
    for (const Named &n : names) {
        const int64_t offset = priority - n.value;
        if (offset == 0) {
            return QString::fromLatin1(n.name);
        }
        if (offset >= -10 && offset <= 10) {
            return QStringLiteral("%1 %2 %3")
                .arg(QString::fromLatin1(n.name),
                     offset > 0 ? QStringLiteral("+") : QStringLiteral("-"))
                .arg(offset > 0 ? offset : -offset);
        }
    }
    return QString::number(priority);
}

} // namespace nt
