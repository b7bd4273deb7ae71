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
#include "trace_set.h"
#include "tracefile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
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
    RotationOptions rotation;
    bool quiet = false;
};

// The options of `record`, with their help texts.
struct RecordOptions {
    const QCommandLineOption filter{
        {QStringLiteral("f"), QStringLiteral("filter")},
        QCoreApplication::translate(
            "nt::Cli", "Only packets matching EXPR (tcpdump-style, plus ifname and mark)."),
        QStringLiteral("EXPR")};
    const QCommandLineOption netns{
        {QStringLiteral("n"), QStringLiteral("netns")},
        QCoreApplication::translate(
            "nt::Cli", "Trace inside this network namespace (a name from 'ip netns' or a path)."),
        QStringLiteral("NAME|PATH")};
    const QCommandLineOption duration{
        {QStringLiteral("d"), QStringLiteral("duration")},
        QCoreApplication::translate("nt::Cli", "Stop after S seconds."),
        QStringLiteral("S")};
    const QCommandLineOption maxPackets{
        {QStringLiteral("c"), QStringLiteral("max-packets")},
        QCoreApplication::translate("nt::Cli", "Stop after N packets."),
        QStringLiteral("N")};
    const QCommandLineOption output{
        {QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate(
            "nt::Cli", "Save the trace to FILE (.nftrace); an existing file is never replaced."),
        QStringLiteral("FILE")};
    const QCommandLineOption maxSize{
        QStringLiteral("max-size"),
        QCoreApplication::translate("nt::Cli",
                                    "Start a new file when the current one holds SIZE (K, M, G or "
                                    "T; at least 4M). The files "
                                    "are named FILE_NNNNN_TIME.nftrace after their start (UTC)."),
        QStringLiteral("SIZE")};
    const QCommandLineOption maxDuration{
        QStringLiteral("max-duration"),
        QCoreApplication::translate(
            "nt::Cli", "Start a new file every DURATION (s, m or h; plain numbers are seconds)."),
        QStringLiteral("DURATION")};
    const QCommandLineOption ring{
        QStringLiteral("ring"),
        QCoreApplication::translate(
            "nt::Cli", "Keep only the newest N files of a rotating recording (with --max-size or "
                       "--max-duration): the oldest is removed when a new one starts."),
        QStringLiteral("N")};
    const QCommandLineOption quiet{
        {QStringLiteral("q"), QStringLiteral("quiet")},
        QCoreApplication::translate("nt::Cli",
                                    "No live lines and no per-packet journeys; statistics only.")};
    const QCommandLineOption config{
        QStringLiteral("config"),
        QCoreApplication::translate("nt::Cli", "Trace the enabled kernel functions of FILE "
                                               "(trace_config.json, see 'discover --config')."),
        QStringLiteral("FILE")};
    const QCommandLineOption functions{
        QStringLiteral("functions"),
        QCoreApplication::translate("nt::Cli", "Trace these kernel functions (comma-separated)."),
        QStringLiteral("A,B,...")};
    const QCommandLineOption layers{
        QStringLiteral("layers"),
        QCoreApplication::translate("nt::Cli", "Trace the kernel functions of these layers."),
        QStringLiteral("L,...")};
    const QCommandLineOption priority{
        QStringLiteral("priority"),
        QCoreApplication::translate(
            "nt::Cli", "Trace the kernel functions of priority 0 (critical) to N (3: verbose)."),
        QStringLiteral("N")};
    const QCommandLineOption maxFunctions{
        QStringLiteral("max-functions"),
        QCoreApplication::translate("nt::Cli",
                                    "Trace at most N kernel functions, most important first."),
        QStringLiteral("N")};
    const QCommandLineOption backend{
        QStringLiteral("backend"),
        QCoreApplication::translate(
            "nt::Cli",
            "How to trace kernel functions: auto (default: the best this kernel offers), "
            "kprobe-multi, kprobe, fentry, or tracepoint (none)."),
        QStringLiteral("NAME")};
    const QCommandLineOption nftNetlink{
        QStringLiteral("nft-netlink"),
        QCoreApplication::translate(
            "nt::Cli",
            "Take nftables verdicts from netlink trace messages even where the kernel function "
            "backend can read them in the kernel (to compare).")};
};

// "100M", "2G", "512K", "4194304" -> bytes; 0 when the text is not a size.
uint64_t sizeValue(const QString &text) {
    static const QRegularExpression re(QStringLiteral("^(\\d{1,12})([KMGT]?)(i?B)?$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch()) {
        return 0;
    }
    const uint64_t n = m.captured(1).toULongLong();
    const QChar unit = m.captured(2).isEmpty() ? QLatin1Char(' ') : m.captured(2).at(0).toUpper();
    const int shift = unit == QLatin1Char('K')   ? 10
                      : unit == QLatin1Char('M') ? 20
                      : unit == QLatin1Char('G') ? 30
                      : unit == QLatin1Char('T') ? 40
                                                 : 0;
    return n > (UINT64_MAX >> shift) ? 0 : n << shift;
}

// "90", "90s", "15m", "1.5h" -> seconds; 0 when the text is not a duration.
double durationValue(const QString &text) {
    static const QRegularExpression re(QStringLiteral("^(\\d{1,9}(\\.\\d+)?)([smh]?)$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch()) {
        return 0;
    }
    const double n = m.captured(1).toDouble();
    const QString unit = m.captured(3);
    return unit == QLatin1String("h") ? n * 3600 : unit == QLatin1String("m") ? n * 60 : n;
}

// Smallest and largest file a rotating recording accepts: every file starts with about 1 MB of
// tables, and SQLite's own limit with 64 KiB pages is far above the largest.
constexpr uint64_t kMinFileBytes = 4u << 20;
constexpr uint64_t kMaxFileBytes = uint64_t{16} << 40;
constexpr double kMaxSeconds = 366.0 * 86400;
constexpr uint32_t kMaxRingFiles = 100000;

void readRotation(const QCommandLineParser &p, const RecordOptions &o, RecordArgs &ra) {
    if (p.isSet(o.maxSize)) {
        ra.rotation.maxBytes = sizeValue(p.value(o.maxSize));
        if (ra.rotation.maxBytes < kMinFileBytes || ra.rotation.maxBytes > kMaxFileBytes) {
            throw Error(QCoreApplication::translate(
                            "nt::Cli", "--max-size needs a size from 4M to 16T (a number with K, "
                                       "M, G or T), got '%1'")
                            .arg(p.value(o.maxSize)));
        }
    }
    if (p.isSet(o.maxDuration)) {
        const double s = durationValue(p.value(o.maxDuration));
        if (s < 1 || s > kMaxSeconds) {
            throw Error(QCoreApplication::translate(
                            "nt::Cli", "--max-duration needs a duration from 1s to 366 days (a "
                                       "number with s, m or h), got '%1'")
                            .arg(p.value(o.maxDuration)));
        }
        ra.rotation.maxDurationNs = static_cast<uint64_t>(s * 1e9);
    }
    if (p.isSet(o.ring)) {
        bool ok = false;
        const uint n = p.value(o.ring).toUInt(&ok);
        if (!ok || n == 0 || n > kMaxRingFiles) {
            throw Error(QCoreApplication::translate(
                            "nt::Cli", "--ring needs a number of files from 1 to %1, got '%2'")
                            .arg(kMaxRingFiles)
                            .arg(p.value(o.ring)));
        }
        if (!ra.rotation.rotates()) {
            throw Error(QCoreApplication::translate(
                "nt::Cli", "--ring needs --max-size or --max-duration: they say when a new "
                           "file starts"));
        }
        ra.rotation.ring = n;
    }
    if (ra.rotation.rotates() && ra.output.isEmpty()) {
        throw Error(QCoreApplication::translate(
            "nt::Cli", "--max-size, --max-duration and --ring need an output file: -o FILE"));
    }
}

void readLimits(const QCommandLineParser &p, const RecordOptions &o, RecordArgs &ra) {
    if (p.isSet(o.duration)) {
        bool ok = false;
        ra.durationS = p.value(o.duration).toDouble(&ok);
        if (!ok || ra.durationS <= 0 || ra.durationS > kMaxSeconds) {
            throw Error(QCoreApplication::translate(
                            "nt::Cli", "--duration needs a positive number of seconds, got '%1'")
                            .arg(p.value(o.duration)));
        }
    }
    if (p.isSet(o.maxPackets)) {
        bool ok = false;
        ra.maxPackets = p.value(o.maxPackets).toULongLong(&ok);
        if (!ok || ra.maxPackets == 0) {
            throw Error(QCoreApplication::translate(
                            "nt::Cli", "--max-packets needs a positive whole number, got '%1'")
                            .arg(p.value(o.maxPackets)));
        }
    }
}

void readFunctions(const QCommandLineParser &p, const RecordOptions &o, RecordArgs &ra) {
    FunctionSelection &sel = ra.recorder.functions;
    if (p.isSet(o.config)) {
        QFile file(p.value(o.config));
        if (!file.open(QIODevice::ReadOnly)) {
            throw Error(QCoreApplication::translate("nt::Cli", "cannot read %1: %2")
                            .arg(p.value(o.config), file.errorString()));
        }
        sel.config = parseFunctionConfig(file.readAll(), p.value(o.config));
    }
    for (const QString &v : p.values(o.functions)) {
        for (const QString &name : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            sel.names.push_back(name.trimmed().toStdString());
        }
    }
    sel.layers = parseLayersOption(p.values(o.layers));
    if (p.isSet(o.priority)) {
        sel.maxPriority = parsePriorityOption(p.value(o.priority), QStringLiteral("--priority"));
    }
    if (p.isSet(o.maxFunctions)) {
        sel.maxFunctions =
            parseCountOption(p.value(o.maxFunctions), QStringLiteral("--max-functions"));
    }
    if (p.isSet(o.backend)) {
        bool ok = false;
        ra.recorder.backend = backendFromName(p.value(o.backend).toStdString(), &ok);
        if (!ok) {
            throw Error(QCoreApplication::translate(
                            "nt::Cli", "--backend must be auto, kprobe-multi, kprobe, fentry or "
                                       "tracepoint, got '%1'")
                            .arg(p.value(o.backend)));
        }
    }
}

bool parseArgs(const QStringList &args, RecordArgs &ra) {
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "nt::Cli", "Record packet journeys through the kernel and nftables."));
    p.addHelpOption();
    const RecordOptions o;
    p.addOptions({o.filter, o.netns, o.duration, o.maxPackets, o.output, o.maxSize, o.maxDuration,
                  o.ring, o.quiet, o.config, o.functions, o.layers, o.priority, o.maxFunctions,
                  o.backend, o.nftNetlink});
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
    QString expr = p.value(o.filter);
    if (!p.positionalArguments().isEmpty()) {
        if (!expr.isEmpty()) {
            throw Error(QCoreApplication::translate(
                "nt::Cli", "give the filter either with --filter or after the options, not both"));
        }
        expr = p.positionalArguments().join(QLatin1Char(' '));
    }
    ra.recorder.filter = expr.toStdString();
    ra.recorder.netns = p.value(o.netns).toStdString();
    ra.output = p.value(o.output);
    ra.quiet = p.isSet(o.quiet);
    ra.recorder.nftInKernel = !p.isSet(o.nftNetlink);
    readLimits(p, o, ra);
    readRotation(p, o, ra);
    readFunctions(p, o, ra);
    return true;
}

// Live lines on stdout, the trace files, the statistics of replaced assemblers, and the signals
// that stop a recording. A trace file that cannot be written (disk full) stops the recording:
// what was committed before stays readable.
class RecordSink : public RecordingSink {
public:
    RecordSink(StopSignals &signals, const Recorder &recorder, Trace &trace, TraceFileSet *files,
               bool quiet)
        : signals_(signals), recorder_(recorder), trace_(trace), files_(files), quiet_(quiet),
          lastCommit_(monotonicNs()) {}

    // The live lines' report, on the loop's first assembler.
    void start(const Assembler &assembler) { report_.emplace(trace_, assembler); }
    const Report &report() const { return *report_; }
    StatsTally &tally() { return tally_; }
    uint64_t replacedAssemblers() const { return replaced_; }
    // Why writing stopped (empty while it works).
    const QString &writeError() const { return writeError_; }

    std::vector<pollfd> waitFds() override { return {{signals_.fd(), POLLIN, 0}}; }
    bool afterWait(std::span<const pollfd> fds) override {
        if (!writeError_.isEmpty()) {
            return false;
        }
        return (fds[0].revents & POLLIN) == 0 || !signals_.consume();
    }
    void added(const PacketHeader &h) override {
        trace_.packets.push_back(h); // the report decodes endpoints from it
    }
    void added(const Event &e) override {
        if (!quiet_) {
            lines_ += report_->eventLine(++lineNo_, e, trace_.meta.startMonoNs);
            lines_ += '\n';
        }
    }
    void added(const NftTraceRecord &r) override {
        if (!quiet_) {
            lines_ += nftLine(++lineNo_, r, trace_.meta.startMonoNs);
        }
    }
    void assemblerReplaced(const Assembler &old, const Assembler &fresh) override {
        (void)old;
        tally_.add(*report_);
        ++replaced_;
        trace_.packets.clear(); // header ordinals start again with the fresh assembler
        report_.emplace(trace_, fresh);
    }
    void records(const RecordBatch &batch, const std::vector<NftTraceRecord> &nft,
                 const std::vector<InterfaceName> &interfaces,
                 const std::vector<KernelSymbol> &symbols, bool final) override {
        (void) final;
        trace_.interfaces.insert(trace_.interfaces.end(), interfaces.begin(), interfaces.end());
        trace_.symbols.insert(trace_.symbols.end(), symbols.begin(), symbols.end());
        out(QString::fromStdString(lines_));
        lines_.clear();
        write([&] {
            files_->addInterfaces(interfaces);
            files_->addSymbols(symbols);
            for (const PacketHeader &h : batch.packets) {
                files_->append(h);
            }
            files_->append(batch.events);
            for (const NftTraceRecord &r : nft) {
                files_->append(r);
            }
        });
        std::fflush(stdout);
    }
    void lost(uint64_t nowNs, uint64_t total) override {
        write([&] { files_->appendLossMark(nowNs, total); });
    }
    void tick(uint64_t nowNs) override {
        if (nowNs - lastCommit_ < kCommitNs) {
            return;
        }
        lastCommit_ = nowNs;
        write([&] {
            files_->commit();
            if (files_->rotationDue()) {
                TraceMeta meta = recorder_.meta();
                meta.loss = recorder_.counters();
                files_->rotate(meta);
            }
        });
    }

private:
    // One commit per this many ns: a killed recorder loses at most this much.
    static constexpr uint64_t kCommitNs = 100'000'000;

    template <class F> void write(F &&f) {
        if (files_ == nullptr || !writeError_.isEmpty()) {
            return;
        }
        try {
            f();
        } catch (const TraceFileError &e) {
            writeError_ = e.message();
        }
    }

    StopSignals &signals_;
    const Recorder &recorder_;
    Trace &trace_;
    TraceFileSet *files_;
    bool quiet_;
    uint64_t lastCommit_;
    uint64_t lineNo_ = 0;
    std::string lines_;
    std::optional<Report> report_;
    StatsTally tally_;
    uint64_t replaced_ = 0;
    QString writeError_;
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

// The per-packet report at the end. A recording short enough to have kept its first assembler
// prints from memory; a longer one reads its journeys back from the files, unless they hold
// more than kReportMaxEvents events (the report would be too long to read and to hold).
constexpr uint64_t kReportMaxEvents = 1'000'000;

void printJourneys(const Report &report) {
    const Assembler &a = report.assembler();
    for (JourneyId id = 0; id < a.journeyCount(); ++id) {
        out(QString::fromStdString(report.packetTrace(id) + '\n'));
    }
}

void note(const QString &text) {
    std::fprintf(stderr, "%s\n", text.toUtf8().constData());
}

void printJourneysFromFiles(const RecordSink &sink, const TraceFileSet *files) {
    if (sink.replacedAssemblers() == 0) {
        printJourneys(sink.report());
        return;
    }
    if (files == nullptr || files->files().empty()) {
        note(QCoreApplication::translate(
            "nt::Cli", "Per-packet journeys not printed: a recording this long keeps only its "
                       "statistics in memory. Record with -o FILE to keep the journeys."));
        return;
    }
    uint64_t events = 0;
    for (const std::string &f : files->files()) {
        events += readTraceInfo(f).events;
    }
    if (events > kReportMaxEvents) {
        note(QCoreApplication::translate("nt::Cli",
                                         "Per-packet journeys not printed: the trace holds %1 "
                                         "events, more than the %2 printed at the end. 'show' "
                                         "prints them from the files.")
                 .arg(events)
                 .arg(kReportMaxEvents));
        return;
    }
    if (files->removed() != 0) {
        note(QCoreApplication::translate(
                 "nt::Cli", "Journeys of the %1 files kept (--ring removed %2 older ones):")
                 .arg(files->files().size())
                 .arg(files->removed()));
    }
    try {
        const Trace trace = openTraceSet(files->files());
        const Assembler assembler = Assembler::assemble(trace);
        printJourneys(Report(trace, assembler));
    } catch (const TraceFileError &e) {
        note(e.message()); // the statistics still follow
    }
}

// Cheap checks, then the first trace file, before anything is installed: a typo or an
// unwritable path costs nothing. An existing file is never replaced.
std::unique_ptr<TraceFileSet> prepare(const RecordArgs &ra) {
    (void)Filter::parse(ra.recorder.filter);
    if (geteuid() != 0) {
        throw Error(QCoreApplication::translate(
            "nt::Cli", "recording needs root: BPF programs and the nftables trace table can "
                       "only be installed by root. Run it with sudo; 'show' and 'export' work "
                       "without."));
    }
    if (ra.output.isEmpty()) {
        return nullptr;
    }
    return std::make_unique<TraceFileSet>(ra.output.toStdString(), ra.rotation);
}

// Installs the probes; a failure removes the file created for the recording.
std::unique_ptr<Recorder> startRecorder(const RecordArgs &ra,
                                        std::unique_ptr<TraceFileSet> &files) {
    try {
        return std::make_unique<Recorder>(ra.recorder);
    } catch (...) {
        if (files) {
            files->discard();
            files.reset();
        }
        throw;
    }
}

void printHeader(const Recorder &recorder, const Trace &trace) {
    std::fprintf(stderr, "%s", recordHeader(recorder, trace).toUtf8().constData());
    for (const QString &gap : recorder.nftNotCovered()) {
        note(QCoreApplication::translate("nt::Cli", "Warning: %1").arg(gap));
    }
}

// Closes the last file with the final meta. A file that cannot be finished any more (disk
// full) keeps its committed batches and reads back as cut short.
void finishFiles(RecordSink &sink, TraceFileSet *files, const TraceMeta &meta) {
    if (files == nullptr || !sink.writeError().isEmpty()) {
        return;
    }
    try {
        files->finish(meta);
    } catch (const TraceFileError &e) {
        note(e.message());
    }
}

void printSaved(const RecordSink &sink, const TraceFileSet *files) {
    if (files == nullptr) {
        return;
    }
    for (const std::string &f : files->files()) {
        note(QCoreApplication::translate("nt::Cli", "Saved %1").arg(QString::fromStdString(f)));
    }
    if (!sink.writeError().isEmpty()) {
        printError(QCoreApplication::translate(
                       "nt::Cli", "recording stopped: %1 What was written until then is kept.")
                       .arg(sink.writeError()));
    }
}

} // namespace

int record(const QStringList &args) {
    RecordArgs ra;
    if (!parseArgs(args, ra)) {
        return 0;
    }
    StopSignals signals;
    std::unique_ptr<TraceFileSet> files = prepare(ra);
    std::unique_ptr<Recorder> recorder = startRecorder(ra, files);

    Trace trace; // what the report needs besides the assembler: meta, probes, reasons, symbols
    trace.meta = recorder->meta();
    trace.probes = recorder->probes();
    trace.dropReasons = recorder->dropReasons();
    trace.rulesetJson = recorder->rulesetJson();
    if (files) {
        files->setHeader(trace);
        files->commit();
    }
    printHeader(*recorder, trace);

    RecordingLimits limits;
    limits.durationNs = ra.durationS > 0 ? static_cast<uint64_t>(ra.durationS * 1e9) : 0;
    limits.maxJourneys = ra.maxPackets;
    RecordingLoop loop(*recorder, limits, true, RecordingLoop::kCountingMemoryBytes);
    RecordSink sink(signals, *recorder, trace, files.get(), ra.quiet);
    sink.start(*loop.assembler());
    loop.run(sink);
    trace.meta = recorder->meta();
    recorder.reset();
    finishFiles(sink, files.get(), trace.meta);

    if (!ra.quiet) {
        printJourneysFromFiles(sink, files.get());
    }
    sink.tally().add(sink.report());
    out(QString::fromStdString(Report::statisticsText(sink.tally().stats(trace.meta.loss))));
    printSaved(sink, files.get());
    return sink.writeError().isEmpty() ? 0 : 1;
}

} // namespace nt::cli
