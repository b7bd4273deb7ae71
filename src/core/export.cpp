// JSON, pcapng and SQLite-row exports of a trace, shared by the command line and the desktop
// application.
#include "export.h"

#include "error.h"
#include "pcapng.h"
#include "report.h"
#include "tracefile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QString>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>

namespace nt {
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

} // namespace

QByteArray traceJson(const Trace &trace, const Assembler &assembler, std::optional<JourneyId> only,
                     const ExportProgress &progress) {
    const Report report(trace, assembler);
    QJsonObject root;
    root[QStringLiteral("format")] = QStringLiteral("nft-tracer-journeys");
    root[QStringLiteral("version")] = 1;
    root[QStringLiteral("meta")] = metaJson(trace);
    QJsonArray journeys;
    const uint64_t total = assembler.journeyCount();
    for (JourneyId id = 0; id < total; ++id) {
        if (progress && !progress(id, total)) {
            return {};
        }
        if (!only || *only == id) {
            journeys.append(report.journeyJson(id));
        }
    }
    root[QStringLiteral("journeys")] = journeys;
    root[QStringLiteral("stats")] = Report::statsJson(report.stats());
    if (!trace.rulesetJson.empty()) {
        root[QStringLiteral("ruleset")] =
            QJsonDocument::fromJson(QByteArray::fromStdString(trace.rulesetJson)).object();
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool exportJson(const Trace &trace, const Assembler &assembler, const std::string &path,
                const ExportProgress &progress) {
    const QByteArray data = traceJson(trace, assembler, std::nullopt, progress);
    if (data.isEmpty()) {
        return false; // stopped: the document always has content
    }
    const QString qpath = QString::fromStdString(path);
    QSaveFile f(qpath);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        throw Error(QCoreApplication::translate("nt::Export", "cannot write %1: %2")
                        .arg(qpath, f.errorString()));
    }
    return true;
}

namespace {

// Runs `write` on a file beside `path` and renames it over `path` when it returns true, so the
// destination is complete or untouched: a stop (false) or a failure leaves nothing behind
// (TraceWriter::discard also takes an SQLite file's journal).
bool writeBeside(const std::string &path, const std::function<bool(const std::string &)> &write) {
    const std::string tmp = path + ".partial";
    TraceWriter::discard(tmp); // one a crash left behind
    try {
        if (!write(tmp)) {
            TraceWriter::discard(tmp);
            return false;
        }
        if (std::rename(tmp.c_str(), path.c_str()) != 0) {
            throw Error(QCoreApplication::translate("nt::Export", "cannot write %1: %2")
                            .arg(QString::fromStdString(path),
                                 QString::fromLocal8Bit(std::strerror(errno))));
        }
    } catch (...) {
        TraceWriter::discard(tmp);
        throw;
    }
    return true;
}

} // namespace

bool exportPcapng(const Trace &trace, const Assembler &assembler, const std::string &path,
                  const std::string &application, const ExportProgress &progress) {
    const Report report(trace, assembler);
    return writeBeside(path, [&](const std::string &tmp) {
        PcapngWriter w(tmp, application, trace.meta.kernel);
        const TraceMeta &m = trace.meta;
        const uint64_t total = assembler.journeyCount();
        for (JourneyId id = 0; id < total; ++id) {
            if (progress && !progress(id, total)) {
                w.close();
                return false;
            }
            const Journey j = assembler.journey(id);
            if (j.header == kNoIndex || j.header >= trace.packets.size()) {
                continue;
            }
            const PacketHeader &h = trace.packets[j.header];
            const int64_t wall = m.startWallNs + (static_cast<int64_t>(j.firstTs) -
                                                  static_cast<int64_t>(m.startMonoNs));
            w.write(wall, h.data, h.len, report.packetTrace(id));
        }
        w.close();
        return true;
    });
}

bool exportSqlite(const Trace &trace, const std::string &path, const ExportProgress &progress) {
    return writeBeside(path, [&](const std::string &tmp) {
        return writeTrace(tmp, trace, EventLayout::Rows, progress);
    });
}

} // namespace nt
