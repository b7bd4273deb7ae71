// trace_config.json and the choice of functions to trace.
#include "functions.h"

#include "error.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace nt {
namespace {

QString knownLayers() {
    QStringList names;
    for (int i = 0; i < kLayerCount; ++i) {
        names << QString::fromLatin1(layerName(static_cast<Layer>(i)));
    }
    return names.join(QStringLiteral(", "));
}

QString jsonTypeName(const QJsonValue &v) {
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

// A whole number in a JSON value (JSON has only doubles).
std::optional<int> wholeNumber(const QJsonValue &v) {
    if (!v.isDouble()) {
        return std::nullopt;
    }
    const double d = v.toDouble();
    if (d != static_cast<double>(static_cast<int>(d))) {
        return std::nullopt;
    }
    return static_cast<int>(d);
}

FunctionConfigEntry parseEntry(const QJsonValue &value, qsizetype index, const QString &source) {
    // "functions[3] (ip_rcv)" once the name is known, so the user finds the entry.
    QString where = QStringLiteral("%1: functions[%2]").arg(source).arg(index);
    if (!value.isObject()) {
        throw Error(QCoreApplication::translate("nt::FunctionConfig",
                                                "%1: each entry must be an object, got %2")
                        .arg(where, jsonTypeName(value)));
    }
    const QJsonObject o = value.toObject();
    const QJsonValue name = o.value(QStringLiteral("name"));
    if (!name.isString() || name.toString().isEmpty()) {
        throw Error(QCoreApplication::translate("nt::FunctionConfig",
                                                "%1: \"name\" must be a non-empty string")
                        .arg(where));
    }
    FunctionConfigEntry e;
    e.name = name.toString().toStdString();
    where += QStringLiteral(" (%1)").arg(name.toString());
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        if (key != QLatin1String("name") && key != QLatin1String("layer") &&
            key != QLatin1String("priority") && key != QLatin1String("enabled")) {
            throw Error(QCoreApplication::translate(
                            "nt::FunctionConfig",
                            "%1: unknown key \"%2\" (known: name, layer, priority, enabled)")
                            .arg(where, key));
        }
    }
    const Classification table = classify(e.name);
    e.layer = table.layer;
    e.priority = table.priority;
    if (const QJsonValue layer = o.value(QStringLiteral("layer")); !layer.isUndefined()) {
        if (!layer.isString()) {
            throw Error(QCoreApplication::translate("nt::FunctionConfig",
                                                    "%1: \"layer\" must be a string, got %2")
                            .arg(where, jsonTypeName(layer)));
        }
        const std::optional<Layer> l = layerFromName(layer.toString().toStdString());
        if (!l) {
            throw Error(QCoreApplication::translate("nt::FunctionConfig",
                                                    "%1: unknown layer \"%2\" (known: %3)")
                            .arg(where, layer.toString(), knownLayers()));
        }
        e.layer = *l;
    }
    if (const QJsonValue prio = o.value(QStringLiteral("priority")); !prio.isUndefined()) {
        const std::optional<int> p = wholeNumber(prio);
        if (!p || *p < kPriorityCritical || *p > kPriorityVerbose) {
            throw Error(QCoreApplication::translate(
                            "nt::FunctionConfig",
                            "%1: \"priority\" must be a whole number from 0 to 3, got %2")
                            .arg(where, prio.isDouble() ? QString::number(prio.toDouble())
                                                        : jsonTypeName(prio)));
        }
        e.priority = *p;
    }
    if (const QJsonValue en = o.value(QStringLiteral("enabled")); !en.isUndefined()) {
        if (!en.isBool()) {
            throw Error(QCoreApplication::translate("nt::FunctionConfig",
                                                    "%1: \"enabled\" must be true or false, got %2")
                            .arg(where, jsonTypeName(en)));
        }
        e.enabled = en.toBool();
    }
    return e;
}

} // namespace

void sortByImportance(std::vector<KernelFunction> &functions) {
    std::stable_sort(functions.begin(), functions.end(),
                     [](const KernelFunction &a, const KernelFunction &b) {
                         if (a.priority != b.priority) {
                             return a.priority < b.priority;
                         }
                         if (a.layer != b.layer) {
                             return a.layer < b.layer;
                         }
                         return a.name < b.name;
                     });
}

FunctionConfig parseFunctionConfig(const QByteArray &json, const QString &source) {
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError) {
        throw Error(
            QCoreApplication::translate("nt::FunctionConfig", "%1: not valid JSON at byte %2: %3")
                .arg(source)
                .arg(err.offset)
                .arg(err.errorString()));
    }
    if (!doc.isObject()) {
        throw Error(QCoreApplication::translate(
                        "nt::FunctionConfig",
                        "%1: the top level must be an object with \"version\" and \"functions\"")
                        .arg(source));
    }
    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() != QLatin1String("version") && it.key() != QLatin1String("functions")) {
            throw Error(QCoreApplication::translate(
                            "nt::FunctionConfig",
                            "%1: unknown key \"%2\" at the top level (known: version, functions)")
                            .arg(source, it.key()));
        }
    }
    FunctionConfig config;
    // The seed wrote "1.0"; numbers and such strings both mean format 1.
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (version.isDouble()) {
        config.version = static_cast<int>(version.toDouble());
    } else if (version.isString()) {
        bool ok = false;
        config.version = static_cast<int>(version.toString().toDouble(&ok));
        if (!ok) {
            throw Error(QCoreApplication::translate("nt::FunctionConfig",
                                                    "%1: \"version\" must be a number, got \"%2\"")
                            .arg(source, version.toString()));
        }
    } else {
        throw Error(QCoreApplication::translate("nt::FunctionConfig",
                                                "%1: \"version\" is missing or not a number")
                        .arg(source));
    }
    if (config.version != 1) {
        throw Error(QCoreApplication::translate(
                        "nt::FunctionConfig",
                        "%1: format version %2 is not supported (this nft-tracer reads version 1)")
                        .arg(source)
                        .arg(config.version));
    }
    const QJsonValue functions = root.value(QStringLiteral("functions"));
    if (!functions.isArray()) {
        throw Error(QCoreApplication::translate("nt::FunctionConfig",
                                                "%1: \"functions\" must be an array, got %2")
                        .arg(source, jsonTypeName(functions)));
    }
    const QJsonArray list = functions.toArray();
    std::set<std::string> seen;
    for (qsizetype i = 0; i < list.size(); ++i) {
        FunctionConfigEntry e = parseEntry(list.at(i), i, source);
        if (!seen.insert(e.name).second) {
            throw Error(QCoreApplication::translate("nt::FunctionConfig",
                                                    "%1: functions[%2] (%3): listed twice")
                            .arg(source)
                            .arg(i)
                            .arg(QString::fromStdString(e.name)));
        }
        config.functions.push_back(std::move(e));
    }
    return config;
}

QByteArray functionConfigJson(const std::vector<KernelFunction> &functions) {
    QJsonArray list;
    for (const KernelFunction &f : functions) {
        QJsonObject o;
        o[QStringLiteral("name")] = QString::fromStdString(f.name);
        o[QStringLiteral("layer")] = QString::fromLatin1(layerName(f.layer));
        o[QStringLiteral("priority")] = f.priority;
        o[QStringLiteral("enabled")] = true;
        list.append(o);
    }
    QJsonObject root;
    root[QStringLiteral("version")] = 1;
    root[QStringLiteral("functions")] = list;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

SelectedFunctions selectFunctions(const std::vector<KernelFunction> &available,
                                  const FunctionSelection &selection) {
    SelectedFunctions out;
    std::unordered_map<std::string, const KernelFunction *> byName;
    for (const KernelFunction &f : available) {
        byName.emplace(f.name, &f);
    }
    std::vector<KernelFunction> candidates;
    if (selection.config || !selection.names.empty()) {
        std::set<std::string> taken;
        auto take = [&](const std::string &name, const FunctionConfigEntry *entry) {
            if (!taken.insert(name).second) {
                return;
            }
            const auto it = byName.find(name);
            if (it == byName.end()) {
                out.missing.push_back(name);
                return;
            }
            KernelFunction f = *it->second;
            if (entry != nullptr) {
                f.layer = entry->layer;
                f.priority = static_cast<uint8_t>(entry->priority);
            }
            candidates.push_back(std::move(f));
        };
        if (selection.config) {
            for (const FunctionConfigEntry &e : selection.config->functions) {
                if (e.enabled) {
                    take(e.name, &e);
                }
            }
        }
        for (const std::string &n : selection.names) {
            take(n, nullptr);
        }
    } else {
        candidates = available;
    }
    for (KernelFunction &f : candidates) {
        if (!selection.layers.empty() && std::find(selection.layers.begin(), selection.layers.end(),
                                                   f.layer) == selection.layers.end()) {
            continue;
        }
        if (selection.maxPriority && f.priority > *selection.maxPriority) {
            continue;
        }
        out.functions.push_back(std::move(f));
    }
    sortByImportance(out.functions);
    if (selection.maxFunctions != 0 && out.functions.size() > selection.maxFunctions) {
        out.functions.resize(selection.maxFunctions);
    }
    return out;
}

std::vector<Layer> parseLayerList(const QString &text) {
    std::vector<Layer> layers;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.trimmed();
        const std::optional<Layer> l = layerFromName(name.toStdString());
        if (!l) {
            throw Error(QCoreApplication::translate("nt::FunctionConfig",
                                                    "unknown layer \"%1\" (known: %2)")
                            .arg(name, knownLayers()));
        }
        if (std::find(layers.begin(), layers.end(), *l) == layers.end()) {
            layers.push_back(*l);
        }
    }
    return layers;
}

} // namespace nt
