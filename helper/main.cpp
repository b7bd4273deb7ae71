// nft-tracer-helper: the privileged D-Bus service that owns the eBPF probes and nftables trace
// tables of unprivileged clients (started by D-Bus activation, as root).
#include "helper1adaptor.h"
#include "helper_service.h"
#include "kernel_info.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMetaType>
#include <QLocale>
#include <QSocketNotifier>
#include <QTranslator>

#include <csignal>
#include <cstdio>
#include <sys/signalfd.h>
#include <unistd.h>

namespace {

constexpr const char *kBusName = "io.github.nfttracer.Helper";
constexpr const char *kObjectPath = "/io/github/nfttracer/Helper";
constexpr int kDefaultIdleSeconds = 60;

void fail(const QString &message) {
    std::fprintf(stderr, "nft-tracer-helper: %s\n", message.toUtf8().constData());
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nft-tracer-helper"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NT_VERSION));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("nft-tracer"), QStringLiteral("_"),
                        QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(&translator);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "nt::Helper", "Privileged D-Bus helper of nft-tracer; started by D-Bus activation."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption idleOption(
        QStringLiteral("idle-timeout"),
        QCoreApplication::translate("nt::Helper",
                                    "Exit after SECONDS without sessions or calls (0: never; "
                                    "default %1, or NFT_TRACER_HELPER_IDLE_TIMEOUT).")
            .arg(kDefaultIdleSeconds),
        QStringLiteral("SECONDS"));
    parser.addOption(idleOption);
    parser.process(app);

    QString idleText = qEnvironmentVariable("NFT_TRACER_HELPER_IDLE_TIMEOUT");
    if (parser.isSet(idleOption)) {
        idleText = parser.value(idleOption);
    }
    int idleSeconds = kDefaultIdleSeconds;
    if (!idleText.isEmpty()) {
        bool ok = false;
        idleSeconds = idleText.toInt(&ok);
        if (!ok || idleSeconds < 0 || idleSeconds > 86400) {
            fail(QCoreApplication::translate("nt::Helper",
                                             "invalid idle timeout \"%1\": give 0 to 86400 "
                                             "seconds")
                     .arg(idleText));
            return 2;
        }
    }

    // SIGTERM (systemd, dbus-daemon) and SIGINT arrive through a descriptor, so sessions are
    // stopped in order from the event loop, never from a signal handler.
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGHUP);
    sigprocmask(SIG_BLOCK, &mask, nullptr);
    nt::UniqueFd signals(signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC));
    // A client that closes its stream early must not kill the helper with SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    nt::quietLibbpf();

    qDBusRegisterMetaType<QMap<QString, QString>>();
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        fail(QCoreApplication::translate("nt::Helper", "cannot connect to the system bus: %1")
                 .arg(bus.lastError().message()));
        return 1;
    }

    nt::helper::HelperService service(bus, idleSeconds * 1000);
    Helper1Adaptor adaptor(&service);
    if (!bus.registerObject(QLatin1String(kObjectPath), &service,
                            QDBusConnection::ExportAdaptors)) {
        fail(QCoreApplication::translate("nt::Helper", "cannot register the object %1: %2")
                 .arg(QLatin1String(kObjectPath), bus.lastError().message()));
        return 1;
    }
    if (!bus.registerService(QLatin1String(kBusName))) {
        fail(QCoreApplication::translate(
                 "nt::Helper", "cannot own the bus name %1: %2 (is another helper running, and "
                               "is the D-Bus policy file installed?)")
                 .arg(QLatin1String(kBusName), bus.lastError().message()));
        return 1;
    }

    QSocketNotifier notifier(signals.get(), QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        signalfd_siginfo info{};
        while (read(signals.get(), &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
        }
        // Release the name first, so D-Bus activates a fresh helper for new calls rather than
        // queueing them to one that is leaving.
        bus.unregisterService(QLatin1String(kBusName));
        service.shutdown();
        QCoreApplication::quit();
    });
    QObject::connect(&service, &nt::helper::HelperService::idle, &app, [&] {
        bus.unregisterService(QLatin1String(kBusName));
        QCoreApplication::quit();
    });

    const int rc = QCoreApplication::exec();
    service.shutdown();
    return rc;
}
