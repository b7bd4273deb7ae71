// `nft-tracer-cli show` and `export`: a trace file as text, JSON or pcapng.
#include "cli.h"

#include "assembler.h"
#include "error.h"
#include "pcapng.h"
#include "report.h"
#include "tracefile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>

namespace nt::cli {
namespace {

QJsonObject metaJson(const Trace &t) {
    QJsonObject m;
    auto s = [](const std::string &v) { return QString::fromStdString(v); };
    m[QStringLiteral("host")] = s(t.meta.host);
    m[QStringLiteral("kernel")] = s(t.meta.kernel);
    m[QStringLiteral("backend")] = s(t.meta.backend);
    m[QStringLiteral("filter")] = s(t.meta.filter);
    m[QStringLiteral("netns")] = s(t.meta.netns);
    m[QStringLiteral("tool_version")] = s(t.meta.toolVersion);
    m[QStringLiteral("start_wall_ns")] = static_cast<qint64>(t.meta.startWallNs);
    m[QStringLiteral("stop_wall_ns")] = static_cast<qint64>(t.meta.stopWallNs);
    m[QStringLiteral("complete")] = t.meta.stopWallNs != 0;
    QJsonArray probes;
    for (const ProbeDesc &p : t.probes) {
        QJsonObject o;
        o[QStringLiteral("id")] = p.id;
        o[QStringLiteral("name")] = s(p.name);
        o[QStringLiteral("kind")] = s(p.kind);
        o[QStringLiteral("attached")] = p.attached;
        if (!p.error.empty()) {
            o[QStringLiteral("error")] = s(p.error);
        }
        probes.append(o);
    }
    m[QStringLiteral("probes")] = probes;
    return m;
}

struct Loaded {
    Trace trace;
    Assembler assembler;
};

Loaded load(const QString &file) {
    Trace trace = readTrace(file.toStdString());
    Assembler a = Assembler::assemble(trace);
    return {std::move(trace), std::move(a)};
}

QByteArray traceJson(const Loaded &l, const Report &report, std::optional<JourneyId> only) {
    QJsonObject root;
    root[QStringLiteral("format")] = QStringLiteral("nft-tracer-journeys");
    root[QStringLiteral("version")] = 1;
    root[QStringLiteral("meta")] = metaJson(l.trace);
    QJsonArray journeys;
    for (JourneyId id = 0; id < l.assembler.journeyCount(); ++id) {
        if (!only || *only == id) {
            journeys.append(report.journeyJson(id));
        }
    }
    root[QStringLiteral("journeys")] = journeys;
    root[QStringLiteral("stats")] = Report::statsJson(report.stats());
    if (!l.trace.rulesetJson.empty()) {
        root[QStringLiteral("ruleset")] =
            QJsonDocument::fromJson(QByteArray::fromStdString(l.trace.rulesetJson)).object();
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

void writeAtomically(const QString &path, const QByteArray &data) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        throw Error(QCoreApplication::translate("nt::Cli", "cannot write %1: %2")
                        .arg(path, f.errorString()));
    }
}

} // namespace

std::string journeysText(const Report &report, const Assembler &assembler) {
    std::string text;
    for (JourneyId id = 0; id < assembler.journeyCount(); ++id) {
        text += report.packetTrace(id);
        text += '\n';
    }
    return text;
}

int show(const QStringList &args) {
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "nt::Cli", "Print the journeys and statistics of a trace file."));
    p.addHelpOption();
    const QCommandLineOption packet(
        QStringLiteral("packet"),
        QCoreApplication::translate("nt::Cli", "Only the journey with this id."),
        QStringLiteral("ID"));
    const QCommandLineOption stats(QStringLiteral("stats"),
                                   QCoreApplication::translate("nt::Cli", "Only the statistics."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QCoreApplication::translate("nt::Cli", "JSON instead of text."));
    p.addOptions({packet, stats, json});
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QCoreApplication::translate("nt::Cli", "A .nftrace file."));
    if (!p.parse(QStringList{QStringLiteral("show")} + args)) {
        throw Error(p.errorText());
    }
    if (p.isSet(QStringLiteral("help"))) {
        out(p.helpText());
        return 0;
    }
    if (p.positionalArguments().size() != 1) {
        throw Error(QCoreApplication::translate(
            "nt::Cli", "show needs exactly one trace file; try 'show --help'"));
    }
    const Loaded l = load(p.positionalArguments().first());
    const Report report(l.trace, l.assembler);
    std::optional<JourneyId> only;
    if (p.isSet(packet)) {
        bool ok = false;
        const uint id = p.value(packet).toUInt(&ok);
        if (!ok || id >= l.assembler.journeyCount()) {
            throw Error(QCoreApplication::translate(
                            "nt::Cli", "no journey %1 in this trace: it has journeys 0 to %2")
                            .arg(p.value(packet))
                            .arg(static_cast<qint64>(l.assembler.journeyCount()) - 1));
        }
        only = id;
    }
    if (p.isSet(json)) {
        if (p.isSet(stats)) {
            out(QString::fromUtf8(QJsonDocument(Report::statsJson(report.stats())).toJson()));
        } else {
            out(QString::fromUtf8(traceJson(l, report, only)));
        }
        return 0;
    }
    if (!l.trace.meta.stopWallNs) {
        std::fprintf(stderr, "%s\n",
                     QCoreApplication::translate(
                         "nt::Cli",
                         "note: this trace was not finished (the recorder stopped abruptly); "
                         "it holds what was saved until then.")
                         .toUtf8()
                         .constData());
    }
    if (only) {
        out(QString::fromStdString(report.packetTrace(*only)));
        return 0;
    }
    if (!p.isSet(stats)) {
        out(QString::fromStdString(journeysText(report, l.assembler)));
    }
    out(QString::fromStdString(Report::statisticsText(report.stats())));
    return 0;
}

int exportTrace(const QStringList &args) {
    QCommandLineParser p;
    p.setApplicationDescription(
        QCoreApplication::translate("nt::Cli", "Convert a trace file for other tools."));
    p.addHelpOption();
    const QCommandLineOption format(
        QStringLiteral("format"),
        QCoreApplication::translate("nt::Cli",
                                    "json (journeys, statistics, ruleset) or pcapng (one "
                                    "packet per journey, the journey as its comment)."),
        QStringLiteral("FORMAT"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QCoreApplication::translate("nt::Cli", "Write to OUT."),
                                    QStringLiteral("OUT"));
    p.addOptions({format, output});
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QCoreApplication::translate("nt::Cli", "A .nftrace file."));
    if (!p.parse(QStringList{QStringLiteral("export")} + args)) {
        throw Error(p.errorText());
    }
    if (p.isSet(QStringLiteral("help"))) {
        out(p.helpText());
        return 0;
    }
    if (p.positionalArguments().size() != 1) {
        throw Error(QCoreApplication::translate(
            "nt::Cli", "export needs exactly one trace file; try 'export --help'"));
    }
    const QString fmt = p.value(format);
    if (fmt != QLatin1String("json") && fmt != QLatin1String("pcapng")) {
        throw Error(
            QCoreApplication::translate("nt::Cli", "--format must be json or pcapng, got '%1'")
                .arg(fmt));
    }
    if (!p.isSet(output)) {
        throw Error(QCoreApplication::translate("nt::Cli", "export needs an output file: -o OUT"));
    }
    const QString dest = p.value(output);
    const Loaded l = load(p.positionalArguments().first());
    const Report report(l.trace, l.assembler);
    if (fmt == QLatin1String("json")) {
        writeAtomically(dest, traceJson(l, report, std::nullopt));
        return 0;
    }
    // pcapng: written beside the destination and renamed, so a failure leaves nothing behind.
    const std::string tmp = dest.toStdString() + ".partial";
    try {
        PcapngWriter w(tmp, "nft-tracer-cli " NT_VERSION, l.trace.meta.kernel);
        const TraceMeta &m = l.trace.meta;
        for (JourneyId id = 0; id < l.assembler.journeyCount(); ++id) {
            const Journey j = l.assembler.journey(id);
            if (j.header == kNoIndex || j.header >= l.trace.packets.size()) {
                continue;
            }
            const PacketHeader &h = l.trace.packets[j.header];
            const int64_t wall = m.startWallNs + (static_cast<int64_t>(j.firstTs) -
                                                  static_cast<int64_t>(m.startMonoNs));
            w.write(wall, h.data, h.len, report.packetTrace(id));
        }
        w.close();
        if (std::rename(tmp.c_str(), dest.toStdString().c_str()) != 0) {
            throw Error(QCoreApplication::translate("nt::Cli", "cannot write %1").arg(dest));
        }
    } catch (...) {
        std::remove(tmp.c_str());
        throw;
    }
    return 0;
}

} // namespace nt::cli
