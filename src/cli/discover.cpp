// `nft-tracer-cli discover`: the kernel functions with an sk_buff argument, by layer and
// priority; writes trace_config.json files for `record --config`.
#include "cli.h"

#include "discovery.h"
#include "error.h"
#include "functions.h"
#include "textwidth.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <array>

namespace nt::cli {
std::optional<int> parsePriorityOption(const QString &value, const QString &option) {
    bool ok = false;
    const int p = value.toInt(&ok);
    if (!ok || p < kPriorityCritical || p > kPriorityVerbose) {
        throw Error(QCoreApplication::translate(
                        "nt::Cli", "%1 needs a priority from 0 (critical) to 3 (verbose), got '%2'")
                        .arg(option, value));
    }
    return p;
}

size_t parseCountOption(const QString &value, const QString &option) {
    bool ok = false;
    const qulonglong n = value.toULongLong(&ok);
    if (!ok || n == 0) {
        throw Error(
            QCoreApplication::translate("nt::Cli", "%1 needs a positive whole number, got '%2'")
                .arg(option, value));
    }
    return static_cast<size_t>(n);
}

std::vector<Layer> parseLayersOption(const QStringList &values) {
    std::vector<Layer> layers;
    for (const QString &v : values) {
        for (Layer l : parseLayerList(v)) {
            if (std::find(layers.begin(), layers.end(), l) == layers.end()) {
                layers.push_back(l);
            }
        }
    }
    return layers;
}

namespace {

// The command line options of `discover`.
struct DiscoverOptions {
    QCommandLineOption layers{
        {QStringLiteral("l"), QStringLiteral("layers")},
        QCoreApplication::translate(
            "nt::Cli",
            "Only these layers (comma-separated: Device, GRO, Bridge, Netfilter, IPv4, IPv6, "
            "Routing, TCP, UDP, Socket, Xmit, SoftIRQ, Drop)."),
        QStringLiteral("L,...")};
    QCommandLineOption priority{{QStringLiteral("p"), QStringLiteral("priority")},
                                QCoreApplication::translate("nt::Cli", "Only priorities 0 to N."),
                                QStringLiteral("N")};
    QCommandLineOption json{
        QStringLiteral("json"),
        QCoreApplication::translate("nt::Cli", "Print JSON instead of a table.")};
    QCommandLineOption config{
        QStringLiteral("config"),
        QCoreApplication::translate(
            "nt::Cli",
            "Write a trace_config.json with the chosen functions, for 'record --config'."),
        QStringLiteral("OUT")};
    QCommandLineOption maxTrace{
        QStringLiteral("max-trace"),
        QCoreApplication::translate(
            "nt::Cli", "With --config: at most N functions, most important first (default 100)."),
        QStringLiteral("N")};
    QCommandLineOption noCache{
        QStringLiteral("no-cache"),
        QCoreApplication::translate("nt::Cli",
                                    "Scan the kernel's BTF again instead of using the cache.")};
};

// --config OUT: the top functions of the selection written as a trace_config.json.
int writeDiscoverConfig(const QCommandLineParser &p, const DiscoverOptions &o, const Discovery &d,
                        FunctionSelection sel) {
    sel.maxFunctions = p.isSet(o.maxTrace)
                           ? parseCountOption(p.value(o.maxTrace), QStringLiteral("--max-trace"))
                           : 100;
    const SelectedFunctions top = selectFunctions(d.functions, sel);
    QSaveFile file(p.value(o.config));
    if (!file.open(QIODevice::WriteOnly) || file.write(functionConfigJson(top.functions)) < 0 ||
        !file.commit()) {
        throw Error(QCoreApplication::translate("nt::Cli", "cannot write %1: %2")
                        .arg(p.value(o.config), file.errorString()));
    }
    std::fprintf(stderr, "%s\n",
                 QCoreApplication::translate("nt::Cli", "Wrote %1 functions to %2")
                     .arg(top.functions.size())
                     .arg(p.value(o.config))
                     .toUtf8()
                     .constData());
    return 0;
}

// --json: the chosen functions with where discovery found them.
void printDiscoverJson(const Discovery &d, const SelectedFunctions &chosen) {
    QJsonArray list;
    for (const KernelFunction &f : chosen.functions) {
        QJsonObject o;
        o[QStringLiteral("name")] = QString::fromStdString(f.name);
        o[QStringLiteral("module")] = QString::fromStdString(f.module);
        o[QStringLiteral("layer")] = QString::fromLatin1(layerName(f.layer));
        o[QStringLiteral("priority")] = f.priority;
        o[QStringLiteral("skb_arg")] = f.skbArg;
        if (f.pktinfo) {
            o[QStringLiteral("via")] = QStringLiteral("nft_pktinfo");
        }
        list.append(o);
    }
    QJsonObject root;
    root[QStringLiteral("traceable_source")] = QString::fromStdString(d.traceableSource);
    root[QStringLiteral("btf_functions")] = static_cast<qint64>(d.btfFunctions);
    root[QStringLiteral("functions")] = list;
    out(QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented)));
}

// The default output: a header, one line per function, and the count per layer.
void printDiscoverTable(const Discovery &d, const SelectedFunctions &chosen) {
    std::array<int, kLayerCount> perLayer{};
    std::string table;
    for (const KernelFunction &f : chosen.functions) {
        ++perLayer[static_cast<size_t>(f.layer)];
        table += "  " + std::to_string(f.priority) + "  ";
        table += padRight(layerDisplayName(f.layer), 10);
        table += (f.pktinfo ? "  pkt" : "  arg") + std::to_string(f.skbArg) + "  " + f.name;
        if (!f.module.empty()) {
            table += " [" + f.module + "]";
        }
        table += '\n';
    }
    out(QCoreApplication::translate(
            "nt::Cli", "%1 of %2 traceable kernel functions with a struct sk_buff * argument "
                       "(%3 in BTF; traceable according to %4)\n")
            .arg(chosen.functions.size())
            .arg(d.functions.size())
            .arg(d.btfFunctions)
            .arg(QString::fromStdString(d.traceableSource)));
    out(QString::fromStdString(table));
    QStringList counts;
    for (int i = 0; i < kLayerCount; ++i) {
        if (perLayer[static_cast<size_t>(i)] != 0) {
            counts << QStringLiteral("%1 %2")
                          .arg(layerDisplayName(static_cast<Layer>(i)))
                          .arg(perLayer[static_cast<size_t>(i)]);
        }
    }
    out(QCoreApplication::translate("nt::Cli", "By layer: %1\n")
            .arg(counts.join(QStringLiteral(", "))));
}

} // namespace

int discover(const QStringList &args) {
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "nt::Cli", "List the kernel functions that take a struct sk_buff * and can be traced, "
                   "classified by layer and priority (0 critical ... 3 verbose). Needs no root."));
    p.addHelpOption();
    const DiscoverOptions o;
    p.addOptions({o.layers, o.priority, o.json, o.config, o.maxTrace, o.noCache});
    if (!p.parse(QStringList{QStringLiteral("discover")} + args)) {
        throw Error(p.errorText());
    }
    if (p.isSet(QStringLiteral("help"))) {
        out(p.helpText());
        return 0;
    }
    if (!p.positionalArguments().isEmpty()) {
        throw Error(QCoreApplication::translate("nt::Cli", "discover takes no arguments, got '%1'")
                        .arg(p.positionalArguments().join(QLatin1Char(' '))));
    }
    FunctionSelection sel;
    sel.layers = parseLayersOption(p.values(o.layers));
    if (p.isSet(o.priority)) {
        sel.maxPriority = parsePriorityOption(p.value(o.priority), QStringLiteral("--priority"));
    }
    if (p.isSet(o.maxTrace) && !p.isSet(o.config)) {
        throw Error(
            QCoreApplication::translate("nt::Cli", "--max-trace only applies with --config OUT"));
    }
    DiscoveryOptions options;
    options.useCache = !p.isSet(o.noCache);
    const Discovery d = discoverFunctions(options);
    const SelectedFunctions chosen = selectFunctions(d.functions, sel);
    if (p.isSet(o.config)) {
        return writeDiscoverConfig(p, o, d, sel);
    }
    if (p.isSet(o.json)) {
        printDiscoverJson(d, chosen);
    } else {
        printDiscoverTable(d, chosen);
    }
    return 0;
}

} // namespace nt::cli
