// nft-tracer-cli: record packet journeys on a server, show and export trace files.
#include "cli.h"

#include "error.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

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

QString usage() {
    return QCoreApplication::translate(
        "Cli", "Usage: nft-tracer-cli COMMAND [OPTIONS]\n"
               "\n"
               "Commands:\n"
               "  record [--filter EXPR] [--netns NAME|PATH] [--duration S] [--max-packets N]\n"
               "         [-o FILE] [--quiet]      record packet journeys (needs root)\n"
               "  show FILE [--packet ID] [--stats] [--json]\n"
               "                                  print the journeys and statistics of a trace\n"
               "  export FILE --format json|pcapng -o OUT\n"
               "                                  convert a trace for other tools\n"
               "\n"
               "Run 'nft-tracer-cli COMMAND --help' for the options of a command.\n");
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nft-tracer-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NT_VERSION));

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
    } catch (const nt::Error &e) {
        nt::cli::printError(e.message());
        return 1;
    }
    nt::cli::printError(
        QCoreApplication::translate("Cli", "unknown command '%1'; try --help").arg(command));
    return 2;
}
