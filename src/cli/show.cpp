// `nft-tracer-cli show` and `export`: a trace file as text, JSON, pcapng or plain SQLite rows.
#include "cli.h"

#include "assembler.h"
#include "error.h"
#include "export.h"
#include "report.h"
#include "trace_set.h"
#include "tracefile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>
#include <optional>

namespace nt::cli {
namespace {

// Parses `command`'s arguments, which name one trace: a file, the files of one recording, or a
// folder holding them. False when --help was printed (nothing else to do); throws nt::Error on a
// usage error.
bool parseWithFiles(QCommandLineParser &p, const QString &command, const QStringList &args) {
    p.addPositionalArgument(
        QStringLiteral("FILE"),
        QCoreApplication::translate("nt::Cli",
                                    "A .nftrace file; several files or a folder of a rotating "
                                    "recording (--max-size, --max-duration) open as one trace."),
        QStringLiteral("FILE..."));
    if (!p.parse(QStringList{command} + args)) {
        throw Error(p.errorText());
    }
    if (p.isSet(QStringLiteral("help"))) {
        out(p.helpText());
        return false;
    }
    if (p.positionalArguments().isEmpty()) {
        throw Error(QCoreApplication::translate(
                        "nt::Cli", "%1 needs a trace file or a folder of them; try '%1 --help'")
                        .arg(command));
    }
    return true;
}

struct Loaded {
    Trace trace;
    Assembler assembler;
};

// A truncated file gives what it holds up to the cut, and a warning of what was lost on stderr
// (the output itself stays what a whole file of those records would give).
Loaded load(const QStringList &files) {
    std::vector<std::string> paths;
    for (const QString &f : files) {
        paths.push_back(f.toStdString());
    }
    QString damage;
    Trace trace = openTraceSet(paths, {}, &damage);
    if (!damage.isEmpty()) {
        std::fprintf(
            stderr, "%s\n",
            QCoreApplication::translate("nt::Cli", "warning: %1").arg(damage).toUtf8().constData());
    }
    Assembler a = Assembler::assemble(trace);
    return {std::move(trace), std::move(a)};
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
    if (!parseWithFiles(p, QStringLiteral("show"), args)) {
        return 0;
    }
    const Loaded l = load(p.positionalArguments());
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
            out(QString::fromUtf8(traceJson(l.trace, l.assembler, only)));
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
                                    "json (journeys, statistics, ruleset), pcapng (one "
                                    "packet per journey, the journey as its comment) or sqlite "
                                    "(a trace file with one row per event, for sqlite3)."),
        QStringLiteral("FORMAT"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QCoreApplication::translate("nt::Cli", "Write to OUT."),
                                    QStringLiteral("OUT"));
    p.addOptions({format, output});
    if (!parseWithFiles(p, QStringLiteral("export"), args)) {
        return 0;
    }
    const QString fmt = p.value(format);
    if (fmt != QLatin1String("json") && fmt != QLatin1String("pcapng") &&
        fmt != QLatin1String("sqlite")) {
        throw Error(QCoreApplication::translate("nt::Cli",
                                                "--format must be json, pcapng or sqlite, got '%1'")
                        .arg(fmt));
    }
    if (!p.isSet(output)) {
        throw Error(QCoreApplication::translate("nt::Cli", "export needs an output file: -o OUT"));
    }
    const QString dest = p.value(output);
    const Loaded l = load(p.positionalArguments());
    if (fmt == QLatin1String("json")) {
        exportJson(l.trace, l.assembler, dest.toStdString());
    } else if (fmt == QLatin1String("sqlite")) {
        writeTrace(QFile::encodeName(dest).toStdString(), l.trace, EventLayout::Rows);
    } else {
        exportPcapng(l.trace, l.assembler, dest.toStdString(), "nft-tracer-cli " NT_VERSION);
    }
    return 0;
}

} // namespace nt::cli
