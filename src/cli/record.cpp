// `nft-tracer-cli record`: live lines while recording, journeys and statistics at the end.
#include "cli.h"

#include "assembler.h"
#include "error.h"
#include "filter.h"
#include "functions.h"
#include "recorder.h"
#include "recording_loop.h"
#include "report.h"
#include "textwidth.h"
#include "tracefile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <csignal>
#include <cstdio>
#include <memory>
#include <poll.h>
#include <sys/signalfd.h>
#include <unistd.h>

namespace nt::cli {
namespace {

// SIGINT/SIGTERM/SIGHUP arrive through a descriptor, so the loop stops between batches and
// tears everything down in order.
class StopSignals {
public:
    StopSignals() {
        sigemptyset(&set_);
        sigaddset(&set_, SIGINT);
        sigaddset(&set_, SIGTERM);
        sigaddset(&set_, SIGHUP);
        sigprocmask(SIG_BLOCK, &set_, &old_);
        fd_ = signalfd(-1, &set_, SFD_NONBLOCK | SFD_CLOEXEC);
    }
    ~StopSignals() {
        if (fd_ >= 0) {
            close(fd_);
        }
        sigprocmask(SIG_SETMASK, &old_, nullptr);
    }
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;
    int fd() const { return fd_; }
    // Takes the pending signals, so restoring the mask later does not deliver them again.
    bool consume() {
        signalfd_siginfo info{};
        bool any = false;
        while (read(fd_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
            any = true;
        }
        return any;
    }

private:
    sigset_t set_{}, old_{};
    int fd_ = -1;
};

// The live line of an nft trace record, in the columns of Report::eventLine.
std::string nftLine(uint64_t index, const NftTraceRecord &r, uint64_t baseTs) {
    const double us = r.tsNs >= baseTs ? static_cast<double>(r.tsNs - baseTs) / 1000.0 : 0.0;
    std::string what = r.type == NftTraceType::Rule     ? "rule " + std::to_string(r.ruleHandle)
                       : r.type == NftTraceType::Policy ? std::string("policy")
                       : r.type == NftTraceType::Return ? std::string("return")
                       : r.type == NftTraceType::Chain  ? std::string("chain verdict")
                                                        : std::string("-");
    std::string verdictText = verdictName(r.verdict);
    if (!r.jumpTarget.empty()) {
        verdictText += " " + r.jumpTarget;
    }
    char buf[512];
    std::snprintf(buf, sizeof buf, "[%6llu] %14.3f\u00b5s  NFT   ",
                  static_cast<unsigned long long>(index), us);
    std::string line = buf;
    line += padRight(layerDisplayName(Layer::Netfilter), 10);
    std::snprintf(buf, sizeof buf, " %s %s %s  %s  id=%08x\n", nfFamilyName(r.family).c_str(),
                  r.table.c_str(), r.chain.c_str(), what.c_str(), r.id);
    line += buf;
    if (!verdictText.empty()) {
        line.insert(line.size() - 1, "  [" + verdictText + "]");
    }
    return line;
}

struct RecordArgs {
    RecorderOptions recorder;
    double durationS = 0;
    uint64_t maxPackets = 0;
    QString output;
    bool quiet = false;
};

bool parseArgs(const QStringList &args, RecordArgs &ra) {
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "nt::Cli", "Record packet journeys through the kernel and nftables."));
    p.addHelpOption();
    const QCommandLineOption filter(
        {QStringLiteral("f"), QStringLiteral("filter")},
        QCoreApplication::translate("nt::Cli",
                                    "Only packets matching EXPR (tcpdump-style, plus ifname "
                                    "and mark)."),
        QStringLiteral("EXPR"));
    const QCommandLineOption netns(
        {QStringLiteral("n"), QStringLiteral("netns")},
        QCoreApplication::translate("nt::Cli", "Trace inside this network namespace (a name from "
                                               "'ip netns' or a path)."),
        QStringLiteral("NAME|PATH"));
    const QCommandLineOption duration(
        {QStringLiteral("d"), QStringLiteral("duration")},
        QCoreApplication::translate("nt::Cli", "Stop after S seconds."), QStringLiteral("S"));
    const QCommandLineOption maxPackets(
        {QStringLiteral("c"), QStringLiteral("max-packets")},
        QCoreApplication::translate("nt::Cli", "Stop after N packets."), QStringLiteral("N"));
    const QCommandLineOption output(
        {QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate(
            "nt::Cli", "Save the trace to FILE (.nftrace); an existing file is never replaced."),
        QStringLiteral("FILE"));
    const QCommandLineOption quiet(
        {QStringLiteral("q"), QStringLiteral("quiet")},
        QCoreApplication::translate("nt::Cli",
                                    "No live lines and no per-packet journeys; statistics "
                                    "only."));
    const QCommandLineOption config(
        QStringLiteral("config"),
        QCoreApplication::translate("nt::Cli", "Trace the enabled kernel functions of FILE "
                                               "(trace_config.json, see 'discover --config')."),
        QStringLiteral("FILE"));
    const QCommandLineOption functions(
        QStringLiteral("functions"),
        QCoreApplication::translate("nt::Cli", "Trace these kernel functions (comma-separated)."),
        QStringLiteral("A,B,..."));
    const QCommandLineOption layers(
        QStringLiteral("layers"),
        QCoreApplication::translate("nt::Cli", "Trace the kernel functions of these layers."),
        QStringLiteral("L,..."));
    const QCommandLineOption priority(
        QStringLiteral("priority"),
        QCoreApplication::translate(
            "nt::Cli", "Trace the kernel functions of priority 0 (critical) to N (3: verbose)."),
        QStringLiteral("N"));
    const QCommandLineOption maxFunctions(
        QStringLiteral("max-functions"),
        QCoreApplication::translate("nt::Cli",
                                    "Trace at most N kernel functions, most important first."),
        QStringLiteral("N"));
    const QCommandLineOption backend(
        QStringLiteral("backend"),
        QCoreApplication::translate(
            "nt::Cli", "How to trace kernel functions: auto (default: the best this kernel "
                       "offers), kprobe-multi, kprobe, fentry, or tracepoint (none)."),
        QStringLiteral("NAME"));
    const QCommandLineOption nftNetlink(
        QStringLiteral("nft-netlink"),
        QCoreApplication::translate(
            "nt::Cli", "Take nftables verdicts from netlink trace messages even where the "
                       "kernel function backend can read them in the kernel (to compare)."));
    p.addOptions({filter, netns, duration, maxPackets, output, quiet, config, functions, layers,
                  priority, maxFunctions, backend, nftNetlink});
    p.addPositionalArgument(
        QStringLiteral("EXPR"),
        QCoreApplication::translate("nt::Cli", "Filter, as an alternative to --filter."),
        QStringLiteral("[EXPR...]"));
    if (!p.parse(QStringList{QStringLiteral("record")} + args)) {
        throw Error(p.errorText());
    }
    if (p.isSet(QStringLiteral("help"))) {
        out(p.helpText());
        return false;
    }
    QString expr = p.value(filter);
    if (!p.positionalArguments().isEmpty()) {
        if (!expr.isEmpty()) {
            throw Error(QCoreApplication::translate(
                "nt::Cli", "give the filter either with --filter or after the options, not both"));
        }
        expr = p.positionalArguments().join(QLatin1Char(' '));
    }
    ra.recorder.filter = expr.toStdString();
    ra.recorder.netns = p.value(netns).toStdString();
    if (p.isSet(duration)) {
        bool ok = false;
        ra.durationS = p.value(duration).toDouble(&ok);
        if (!ok || ra.durationS <= 0 || ra.durationS > 366.0 * 86400) {
            throw Error(QCoreApplication::translate(
                            "nt::Cli", "--duration needs a positive number of seconds, got '%1'")
                            .arg(p.value(duration)));
        }
    }
    if (p.isSet(maxPackets)) {
        bool ok = false;
        ra.maxPackets = p.value(maxPackets).toULongLong(&ok);
        if (!ok || ra.maxPackets == 0) {
            throw Error(QCoreApplication::translate(
                            "nt::Cli", "--max-packets needs a positive whole number, got '%1'")
                            .arg(p.value(maxPackets)));
        }
    }
    ra.output = p.value(output);
    ra.quiet = p.isSet(quiet);
    ra.recorder.nftInKernel = !p.isSet(nftNetlink);

    FunctionSelection &sel = ra.recorder.functions;
    if (p.isSet(config)) {
        QFile file(p.value(config));
        if (!file.open(QIODevice::ReadOnly)) {
            throw Error(QCoreApplication::translate("nt::Cli", "cannot read %1: %2")
                            .arg(p.value(config), file.errorString()));
        }
        sel.config = parseFunctionConfig(file.readAll(), p.value(config));
    }
    for (const QString &v : p.values(functions)) {
        for (const QString &name : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            sel.names.push_back(name.trimmed().toStdString());
        }
    }
    sel.layers = parseLayersOption(p.values(layers));
    if (p.isSet(priority)) {
        sel.maxPriority = parsePriorityOption(p.value(priority), QStringLiteral("--priority"));
    }
    if (p.isSet(maxFunctions)) {
        sel.maxFunctions =
            parseCountOption(p.value(maxFunctions), QStringLiteral("--max-functions"));
    }
    if (p.isSet(backend)) {
        bool ok = false;
        ra.recorder.backend = backendFromName(p.value(backend).toStdString(), &ok);
        if (!ok) {
            throw Error(QCoreApplication::translate(
                            "nt::Cli", "--backend must be auto, kprobe-multi, kprobe, fentry or "
                                       "tracepoint, got '%1'")
                            .arg(p.value(backend)));
        }
    }
    return true;
}

// Live lines on stdout, the trace file, and the signals that stop a recording.
class RecordSink : public RecordingSink {
public:
    RecordSink(StopSignals &signals, Trace &trace, const Report &report, TraceWriter *writer,
               bool quiet)
        : signals_(signals), trace_(trace), report_(report), writer_(writer), quiet_(quiet),
          lastCommit_(monotonicNs()) {}

    std::vector<pollfd> waitFds() override { return {{signals_.fd(), POLLIN, 0}}; }
    bool afterWait(std::span<const pollfd> fds) override {
        return (fds[0].revents & POLLIN) == 0 || !signals_.consume();
    }
    void added(const PacketHeader &h) override {
        trace_.packets.push_back(h); // the report decodes endpoints from it
    }
    void added(const Event &e) override {
        if (!quiet_) {
            lines_ += report_.eventLine(++lineNo_, e, trace_.meta.startMonoNs);
            lines_ += '\n';
        }
    }
    void added(const NftTraceRecord &r) override {
        if (!quiet_) {
            lines_ += nftLine(++lineNo_, r, trace_.meta.startMonoNs);
        }
    }
    void records(const RecordBatch &batch, const std::vector<NftTraceRecord> &nft,
                 const std::vector<InterfaceName> &interfaces,
                 const std::vector<KernelSymbol> &symbols, bool final) override {
        (void) final;
        trace_.interfaces.insert(trace_.interfaces.end(), interfaces.begin(), interfaces.end());
        trace_.symbols.insert(trace_.symbols.end(), symbols.begin(), symbols.end());
        out(QString::fromStdString(lines_));
        lines_.clear();
        if (writer_) {
            writer_->addInterfaces(interfaces);
            writer_->addSymbols(symbols);
            for (const PacketHeader &h : batch.packets) {
                writer_->append(h);
            }
            writer_->append(batch.events);
            for (const NftTraceRecord &r : nft) {
                writer_->append(r);
            }
        }
        std::fflush(stdout);
    }
    void lost(uint64_t nowNs, uint64_t total) override {
        trace_.lossMarks.push_back({nowNs, total});
        if (writer_) {
            writer_->appendLossMark(nowNs, total);
        }
    }
    void tick(uint64_t nowNs) override {
        if (writer_ && nowNs - lastCommit_ >= 100'000'000) {
            writer_->commit();
            lastCommit_ = nowNs;
        }
    }

private:
    StopSignals &signals_;
    Trace &trace_;
    const Report &report_;
    TraceWriter *writer_;
    bool quiet_;
    uint64_t lastCommit_;
    uint64_t lineNo_ = 0;
    std::string lines_;
};

// What is traced and how: tracepoints, functions and their backend, why not the better
// backends, functions skipped or refused.
QString recordHeader(const Recorder &recorder, const Trace &trace) {
    int tracepoints = 0, tracepointsOk = 0, functions = 0, functionsOk = 0;
    std::vector<const ProbeDesc *> refused;
    for (const ProbeDesc &p : trace.probes) {
        if (p.kind == "netfilter") {
            continue; // the nft trace function: reported below
        }
        const bool isFunction = p.id >= NT_PROBE_FUNCTION_BASE;
        (isFunction ? functions : tracepoints) += 1;
        (isFunction ? functionsOk : tracepointsOk) += p.attached ? 1 : 0;
        if (isFunction && !p.attached) {
            refused.push_back(&p);
        }
    }
    QString text;
    const QString nft = recorder.nftTableName().empty()
                            ? QString()
                            : QCoreApplication::translate("nt::Cli", " and nftables trace table %1")
                                  .arg(QString::fromStdString(recorder.nftTableName()));
    const QString filterText = trace.meta.filter.empty()
                                   ? QString()
                                   : QCoreApplication::translate("nt::Cli", ", filter: %1")
                                         .arg(QString::fromStdString(trace.meta.filter));
    if (functions == 0) {
        text += QCoreApplication::translate(
                    "nt::Cli", "Recording with %1 of %2 tracepoints%3%4. Press Ctrl-C to stop.")
                    .arg(tracepointsOk)
                    .arg(tracepoints)
                    .arg(nft, filterText) +
                QLatin1Char('\n');
    } else {
        text += QCoreApplication::translate("nt::Cli",
                                            "Recording with %1 of %2 tracepoints and %3 of %4 "
                                            "kernel functions (backend %5)%6%7. Press Ctrl-C to "
                                            "stop.")
                    .arg(tracepointsOk)
                    .arg(tracepoints)
                    .arg(functionsOk)
                    .arg(functions)
                    .arg(QString::fromLatin1(backendName(recorder.backend())), nft, filterText) +
                QLatin1Char('\n');
    }
    for (const BackendCheck &c : recorder.backendChecks()) {
        if (!c.available) {
            text += QCoreApplication::translate("nt::Cli", "  backend %1 not available: %2\n")
                        .arg(QString::fromLatin1(backendName(c.backend)),
                             QString::fromStdString(c.reason));
        }
    }
    if (!recorder.missingFunctions().empty()) {
        QStringList names;
        for (const std::string &n : recorder.missingFunctions()) {
            names << QString::fromStdString(n);
        }
        text += QCoreApplication::translate("nt::Cli", "  not in this kernel (skipped): %1\n")
                    .arg(names.join(QStringLiteral(", ")));
    }
    if (!recorder.nftTableName().empty()) {
        if (recorder.nftTraceInBpf()) {
            text += QCoreApplication::translate(
                        "nt::Cli", "  nftables verdicts: read in the kernel at %1 (backend %2)\n")
                        .arg(QStringLiteral("__nft_trace_packet"),
                             QString::fromLatin1(backendName(recorder.backend())));
            text +=
                recorder.nftChainVerdictError().empty()
                    ? QCoreApplication::translate(
                          "nt::Cli", "  chain verdicts: read in the kernel at %1's return\n")
                          .arg(QStringLiteral("nft_do_chain"))
                    : QCoreApplication::translate("nt::Cli", "  chain verdicts: not read (%1)\n")
                          .arg(QString::fromStdString(recorder.nftChainVerdictError()));
        } else {
            text +=
                QCoreApplication::translate("nt::Cli", "  nftables verdicts: from netlink trace "
                                                       "messages (not read in the kernel: %1)\n")
                    .arg(QString::fromStdString(recorder.nftTraceBpfError()));
        }
    }
    for (const ProbeDesc *p : refused) {
        text += QCoreApplication::translate("nt::Cli", "  cannot attach to %1: %2\n")
                    .arg(QString::fromStdString(p->name), QString::fromStdString(p->error));
    }
    return text;
}

} // namespace

int record(const QStringList &args) {
    RecordArgs ra;
    if (!parseArgs(args, ra)) {
        return 0;
    }
    StopSignals signals;

    // Cheap checks before anything is created or installed: a typo costs nothing.
    (void)Filter::parse(ra.recorder.filter);
    if (geteuid() != 0) {
        throw Error(QCoreApplication::translate(
            "nt::Cli", "recording needs root: BPF programs and the nftables trace table can "
                       "only be installed by root. Run it with sudo; 'show' and 'export' work "
                       "without."));
    }
    // The file is created before probes are installed, so an unwritable path fails early; an
    // existing file is never replaced. If setting up the recording fails after that, the new
    // file is removed again.
    std::unique_ptr<TraceWriter> writer;
    const std::string path = ra.output.toStdString();
    if (!path.empty()) {
        writer = std::make_unique<TraceWriter>(path, TraceMeta{});
    }
    std::unique_ptr<Recorder> recorder;
    try {
        recorder = std::make_unique<Recorder>(ra.recorder);
    } catch (...) {
        writer.reset();
        if (!path.empty()) {
            TraceWriter::discard(path);
        }
        throw;
    }

    Trace trace; // what the report needs besides the assembler: meta, probes, reasons, symbols
    trace.meta = recorder->meta();
    trace.probes = recorder->probes();
    trace.dropReasons = recorder->dropReasons();
    trace.rulesetJson = recorder->rulesetJson();
    if (writer) {
        writer->setMeta(trace.meta);
        writer->setProbes(trace.probes);
        writer->setDropReasons(trace.dropReasons);
        writer->setRuleset(trace.rulesetJson);
        writer->commit();
    }

    std::fprintf(stderr, "%s", recordHeader(*recorder, trace).toUtf8().constData());
    for (const QString &gap : recorder->nftNotCovered()) {
        std::fprintf(
            stderr, "%s\n",
            QCoreApplication::translate("nt::Cli", "Warning: %1").arg(gap).toUtf8().constData());
    }

    RecordingLimits limits;
    limits.durationNs = ra.durationS > 0 ? static_cast<uint64_t>(ra.durationS * 1e9) : 0;
    limits.maxJourneys = ra.maxPackets;
    RecordingLoop loop(*recorder, limits, true);
    Assembler &assembler = *loop.assembler();
    const Report report(trace, assembler);
    RecordSink sink(signals, trace, report, writer.get(), ra.quiet);
    loop.run(sink);
    trace.meta = recorder->meta();
    recorder.reset();
    if (writer) {
        writer->finish(trace.meta);
        writer.reset();
    }

    if (!ra.quiet) {
        out(QString::fromStdString(journeysText(report, assembler)));
    }
    out(QString::fromStdString(Report::statisticsText(report.stats())));
    if (!path.empty()) {
        std::fprintf(stderr, "%s\n",
                     QCoreApplication::translate("nt::Cli", "Saved %1")
                         .arg(QString::fromStdString(path))
                         .toUtf8()
                         .constData());
    }
    return 0;
}

} // namespace nt::cli
