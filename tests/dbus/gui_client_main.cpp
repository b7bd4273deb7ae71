// Test driver of the desktop app: runs MainWindow offscreen as an unprivileged user on the test
// bus, works it through its own actions and dialogs as a person would, and prints what it shows
// as lines the D-Bus GUI test parses ("RUNNING", "ROW ...", "STATUS ...", "MESSAGEBOX ...").
//
//   nt-dbus-test-gui-client trace NETNS FILTER SAVE_PATH
//     Starts a trace (Start Trace dialog: FILTER, NETNS), reports rows as they appear; "stop" on
//     stdin presses Stop; once the trace ended, File ▸ Save As writes SAVE_PATH.
//   nt-dbus-test-gui-client refused NETNS
//     Starts a trace that is expected to fail, reports the message box, then opens the sample.
#include "main_window.h"
#include "packet_list_model.h"
#include "start_dialog.h"
#include "trace_document.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSocketNotifier>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

using nt::MainWindow;
using nt::PacketListModel;

namespace {

// Generous: the machine may be busy building; the parent test has its own, tighter, waits.
constexpr int kGiveUpMs = 180000;

void out(const QString &line) {
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QString oneLine(QString s) {
    return s.replace(QLatin1Char('\n'), QLatin1Char(' '))
        .replace(QLatin1Char('\t'), QLatin1Char(' '));
}

QString yesNo(bool b) {
    return b ? QStringLiteral("1") : QStringLiteral("0");
}

// Actions have no object names: Start and Stop are found by their fixed shortcuts. Save As's
// key depends on the platform, so it is found by its text (this driver runs untranslated).
QAction *actionFor(MainWindow &w, const QKeySequence &key) {
    for (QAction *a : w.findChildren<QAction *>()) {
        if (!key.isEmpty() && a->shortcut() == key) {
            return a;
        }
    }
    return nullptr;
}
QAction *actionNamed(MainWindow &w, const QString &text) {
    for (QAction *a : w.findChildren<QAction *>()) {
        if (a->text().remove(QLatin1Char('&')) == text) {
            return a;
        }
    }
    return nullptr;
}

// What the user sees in the status bar: the permanent labels and the transient message.
QString statusText(MainWindow &w) {
    QStringList parts;
    for (const QLabel *l : w.statusBar()->findChildren<QLabel *>()) {
        if (l->isVisibleTo(&w) && !l->text().isEmpty()) {
            parts << l->text();
        }
    }
    parts << QStringLiteral("message=") + w.statusBar()->currentMessage();
    return oneLine(parts.join(QStringLiteral(" | ")));
}

// One row of the packet list as tab-separated key=value fields.
QString rowText(const PacketListModel &m, int row) {
    auto text = [&](int column) { return oneLine(m.data(m.index(row, column)).toString()); };
    return QStringLiteral(
               "id=%1\tfate=%2\tsrc=%3\tdst=%4\tproto=%5\tfatetext=%6\tverdict=%7\tinfo=%8")
        .arg(m.data(m.index(row, 0), PacketListModel::JourneyIdRole).toUInt())
        .arg(m.data(m.index(row, 0), PacketListModel::FateRole).toInt())
        .arg(text(PacketListModel::SourceColumn), text(PacketListModel::DestinationColumn),
             text(PacketListModel::ProtocolColumn), text(PacketListModel::FateColumn),
             text(PacketListModel::VerdictColumn), text(PacketListModel::InfoColumn));
}

} // namespace

int main(int argc, char **argv) {
    // Qt's own file dialog, which this driver can fill in, whatever the platform offers.
    QApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("nft-tracer-dbus-test"));
    QCoreApplication::setApplicationName(QStringLiteral("nft-tracer-dbus-test"));
    const QStringList args = app.arguments().mid(1);
    const QString mode = args.value(0);
    const bool traceMode = mode == QLatin1String("trace") && args.size() == 4;
    if (!traceMode && !(mode == QLatin1String("refused") && args.size() == 2)) {
        out(QStringLiteral("USAGE trace NETNS FILTER SAVE_PATH | refused NETNS"));
        return 64;
    }
    const QString netns = args.value(1);
    const QString filter = traceMode ? args.value(2) : QString();
    const QString savePath = args.value(3);

    MainWindow window;
    // Interactive: errors come as the message boxes a user would see; the watcher reads them.
    window.setInteractive(true);
    window.resize(1280, 800);
    window.show();
    nt::TraceDocument *doc = window.document();
    PacketListModel *model = window.packetModel();
    QAction *startAct = actionFor(window, QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *stopAct = actionFor(window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QAction *saveAsAct = actionNamed(window, QStringLiteral("Save As…"));
    if (!startAct || !stopAct || !saveAsAct) {
        out(QStringLiteral("USAGE the window has no Start, Stop or Save As action"));
        return 65;
    }

    QString lastStatus;
    bool reportedRunning = false;
    auto reportStatus = [&] {
        const QString s = statusText(window);
        if (s != lastStatus) {
            lastStatus = s;
            out(QStringLiteral("STATUS live=%1 %2").arg(yesNo(doc->isLive()), s));
        }
    };

    // The continuation once an expected error box was dismissed (refused mode).
    auto afterError = [&] {
        reportStatus();
        out(QStringLiteral("ERROR %1").arg(oneLine(window.lastError())));
        out(QStringLiteral("ACTIONS start=%1 stop=%2 live=%3")
                .arg(yesNo(startAct->isEnabled()), yesNo(stopAct->isEnabled()),
                     yesNo(doc->isLive())));
        QObject::connect(doc, &nt::TraceDocument::loaded, &app, [&] {
            out(QStringLiteral("LOADED rows=%1 title=%2")
                    .arg(model->rowCount())
                    .arg(window.windowTitle()));
            out(QStringLiteral("DONE"));
            app.exit(0);
        });
        QObject::connect(doc, &nt::TraceDocument::failed, &app, [&](const QString &message) {
            out(QStringLiteral("LOADFAILED %1").arg(oneLine(message)));
            app.exit(2);
        });
        window.openSample();
    };

    // Answers every modal dialog the window opens, the way the test's user would.
    QTimer modalWatcher;
    modalWatcher.setInterval(20);
    QObject::connect(&modalWatcher, &QTimer::timeout, &app, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible()) {
            return;
        }
        if (auto *dialog = qobject_cast<nt::StartDialog *>(modal)) {
            auto *filterEdit = dialog->findChild<QLineEdit *>(QStringLiteral("startFilter"));
            auto *netnsBox = dialog->findChild<QComboBox *>(QStringLiteral("startNetns"));
            auto *buttons = dialog->findChild<QDialogButtonBox *>();
            if (!filterEdit || !netnsBox || !buttons) {
                out(QStringLiteral("DIALOG incomplete"));
                dialog->reject();
                return;
            }
            filterEdit->setText(filter);
            // The dialog lists /run/netns: the test namespace must be offered, not typed.
            const int listed = netnsBox->findText(netns);
            netnsBox->setCurrentIndex(listed);
            QPushButton *start = buttons->button(QDialogButtonBox::Ok);
            out(QStringLiteral("DIALOG netns_listed=%1 start_enabled=%2 filter_error=%3")
                    .arg(yesNo(listed >= 0), yesNo(start && start->isEnabled()),
                         oneLine(dialog->filterError())));
            if (listed < 0 || !start || !start->isEnabled()) {
                dialog->reject();
                return;
            }
            start->click();
        } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            out(QStringLiteral("MESSAGEBOX %1\t%2")
                    .arg(oneLine(box->windowTitle()), oneLine(box->text())));
            box->accept();
            if (!traceMode) {
                QTimer::singleShot(0, &app, afterError);
            }
        } else if (auto *files = qobject_cast<QFileDialog *>(modal)) {
            out(QStringLiteral("FILEDIALOG %1").arg(oneLine(files->windowTitle())));
            files->selectFile(savePath);
            static_cast<QDialog *>(files)->accept(); // public as QDialog's slot
        } else {
            out(QStringLiteral("MODAL %1 %2")
                    .arg(QLatin1String(modal->metaObject()->className()),
                         oneLine(modal->windowTitle())));
            modal->close();
        }
    });
    modalWatcher.start();

    QTimer poll;
    poll.setInterval(50);
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (!reportedRunning && doc->isLive()) {
            reportedRunning = true;
            out(QStringLiteral("RUNNING stop_enabled=%1 start_enabled=%2 title=%3")
                    .arg(yesNo(stopAct->isEnabled()), yesNo(startAct->isEnabled()),
                         window.windowTitle()));
        }
        reportStatus();
    });
    poll.start();

    QObject::connect(model, &QAbstractItemModel::rowsInserted, &app,
                     [&](const QModelIndex &, int first, int last) {
                         for (int r = first; r <= last; ++r) {
                             out(QStringLiteral("ROW live=%1\t%2")
                                     .arg(yesNo(doc->isLive()), rowText(*model, r)));
                         }
                     });

    QObject::connect(doc, &nt::TraceDocument::liveEnded, &app, [&] {
        reportStatus();
        out(QStringLiteral("STOPPED rows=%1 title=%2 save_enabled=%3")
                .arg(model->rowCount())
                .arg(window.windowTitle(), yesNo(saveAsAct->isEnabled())));
        for (int r = 0; r < model->rowCount(); ++r) {
            out(QStringLiteral("FINALROW\t%1").arg(rowText(*model, r)));
        }
        // Save As opens its file dialog modally: triggered from the event loop, not from here.
        QTimer::singleShot(0, &app, [&] {
            saveAsAct->trigger();
            out(QStringLiteral("SAVED exists=%1 title=%2 error=%3")
                    .arg(yesNo(QFileInfo::exists(savePath)), window.windowTitle(),
                         oneLine(window.lastError())));
            out(QStringLiteral("DONE"));
            app.exit(0);
        });
    });

    std::unique_ptr<QSocketNotifier> stdinNotifier;
    if (traceMode) {
        stdinNotifier = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(stdinNotifier.get(), &QSocketNotifier::activated, &app, [&] {
            char buf[256];
            const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
            if (n <= 0 || QByteArray(buf, static_cast<int>(n)).contains("stop")) {
                stdinNotifier->setEnabled(false);
                out(QStringLiteral("STOP stop_enabled=%1").arg(yesNo(stopAct->isEnabled())));
                stopAct->trigger();
            }
        });
    }

    // Start Trace opens its dialog modally: pressed once the event loop runs.
    QTimer::singleShot(0, &app, [&] {
        out(QStringLiteral("START start_enabled=%1").arg(yesNo(startAct->isEnabled())));
        startAct->trigger();
    });
    QTimer::singleShot(kGiveUpMs, &app, [&] {
        out(QStringLiteral("TIMEOUT"));
        app.exit(4);
    });
    return app.exec();
}
