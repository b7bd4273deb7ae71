// nft-tracer-cli: record packet journeys on a server, show and export trace files.
#include "cli.h"

#include "error.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

#include <clocale>
#include <cstdio>

namespace nt::cli {

void printError(const QString &message) {
    std::fprintf(stderr, "nft-tracer-cli: %s\n", message.toUtf8().constData());
}

void out(const QString &text) {
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, static_cast<size_t>(b.size()), stdout);
}

} // namespace nt::cli

namespace {

// Qt ships no Vietnamese translation of its own strings, and QCommandLineParser's headings and
// errors show in every `COMMAND --help` and option error. Listing them here makes lupdate keep
// them in our .ts files under Qt's context, so our translator answers for them. The source
// texts must match Qt's exactly (checked by tests/unit/translations_test.cpp).
[[maybe_unused]] constexpr const char *kQtParserStrings[] = {
    QT_TRANSLATE_NOOP("QCommandLineParser", "Usage: %1"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "[options]"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Options:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Arguments:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help on commandline options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help including Qt specific options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays version information."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown option '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown options: %1."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Missing value after '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unexpected value after '%1'."),
};

QString usage() {
    return QCoreApplication::translate(
        "nt::Cli",
        "Usage: nft-tracer-cli COMMAND [OPTIONS]\n"
        "\n"
        "Commands:\n"
        "  record [--filter EXPR] [--netns NAME|PATH] [--duration S] [--max-packets N]\n"
        "         [-o FILE [--max-size SIZE] [--max-duration D] [--ring N]] [--quiet]\n"
        "                                  record packet journeys (needs root)\n"
        "         [--config FILE] [--functions A,B] [--layers L,...] [--priority N]\n"
        "         [--max-functions N] [--backend auto|kprobe-multi|kprobe|fentry|tracepoint]\n"
        "                                  ...and the kernel functions they pass\n"
        "  show FILE...|DIR [--packet ID] [--stats] [--json]\n"
        "                                  print the journeys and statistics of a trace\n"
        "  export FILE...|DIR --format json|pcapng|sqlite -o OUT\n"
        "                                  convert a trace for other tools\n"
        "  discover [--layers L,...] [--priority N] [--json] [--config OUT --max-trace N]\n"
        "                                  list the kernel functions that take an sk_buff\n"
        "\n"
        "Run 'nft-tracer-cli COMMAND --help' for the options of a command.\n");
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nft-tracer-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NT_VERSION));
    // QCoreApplication adopted the environment's C locale; numbers in the text output keep the
    // C form ("12.345µs") in every language, so columns, scripts and bug reports agree.
    std::setlocale(LC_NUMERIC, "C");

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("nft-tracer"), QStringLiteral("_"),
                        QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(&translator);
    }

    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args.isEmpty() || args.first() == QLatin1String("--help") ||
        args.first() == QLatin1String("-h")) {
        nt::cli::out(usage());
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version")) {
        nt::cli::out(QStringLiteral("nft-tracer-cli " NT_VERSION "\n"));
        return 0;
    }
    const QString command = args.takeFirst();
    try {
        if (command == QLatin1String("record")) {
            return nt::cli::record(args);
        }
        if (command == QLatin1String("show")) {
            return nt::cli::show(args);
        }
        if (command == QLatin1String("export")) {
            return nt::cli::exportTrace(args);
        }
        if (command == QLatin1String("discover")) {
            return nt::cli::discover(args);
        }
    } catch (const nt::Error &e) {
        nt::cli::printError(e.message());
        return 1;
    }
    nt::cli::printError(
        QCoreApplication::translate("nt::Cli", "unknown command '%1'; try --help").arg(command));
    return 2;
}
