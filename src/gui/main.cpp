// nft-tracer: the desktop application's entry point.
#include "language.h"
#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QIcon>

#include <clocale>

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("nft-tracer"));
    QCoreApplication::setApplicationName(QStringLiteral("nft-tracer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NT_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.nfttracer.NftTracer"));
    QGuiApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("io.github.nfttracer.NftTracer")));
    // Numbers in texts shared with the command line keep the C form in every language.
    std::setlocale(LC_NUMERIC, "C");

    nt::Language language;
    language.setLanguage(nt::Language::savedLanguage());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "nt::MainWindow", "Packet journeys through the Linux kernel and nftables."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QCoreApplication::translate(
            "nt::MainWindow",
            "A trace file (.nftrace) to open; several files of one recording, or their folder, "
            "open as one trace."),
        QStringLiteral("[FILE...]"));
    parser.process(app);

    nt::MainWindow window(&language);
    window.show();
    window.handleArguments(parser.positionalArguments());
    return QApplication::exec();
}
