// The main window: a file from the command line, the sample from the resources, the filter
// bar, recent files, the language switch, and screenshots of the main views (build dir,
// screenshots/) for people to look at.
#include "filter_bar.h"
#include "journey_detail.h"
#include "language.h"
#include "live_budget_dialog.h"
#include "main_window.h"
#include "packet_list_model.h"
#include "ruleset_model.h"
#include "ruleset_view.h"
#include "sample_trace_fixture.h"
#include "statistics_view.h"
#include "trace_document.h"

#include <QCheckBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

namespace {

using namespace nt;

const QString kSample = QString::fromStdString(nt::testing::kSampleTrace);

class MainWindowTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        // ctest runs the tests of this file as parallel processes: each keeps its settings
        // (recent files, last folder) in a folder of its own, or one's clear() empties
        // another's recent-file list.
        static QTemporaryDir settingsDir;
        ASSERT_TRUE(settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("nft-tracer-test"));
        QCoreApplication::setApplicationName(QStringLiteral("nft-tracer-test"));
        QSettings().clear();
    }
    void SetUp() override {
        window = std::make_unique<MainWindow>(&language);
        window->setInteractive(false);
        window->resize(1440, 900);
    }
    void TearDown() override {
        window.reset();
        language.setLanguage(QStringLiteral("en"));
    }
    bool load(const QStringList &args) {
        QSignalSpy loaded(window->document(), &TraceDocument::loaded);
        window->handleArguments(args);
        return loaded.wait(10000);
    }
    int droppedRow() const {
        PacketListModel *m = window->packetModel();
        for (int r = 0; r < m->rowCount(); ++r) {
            if (m->data(m->index(r, 0), PacketListModel::FateRole).toInt() ==
                static_cast<int>(Fate::DroppedByRule)) {
                return r;
            }
        }
        return -1;
    }
    QMenu *menu(int i) const { return window->menuBar()->actions().at(i)->menu(); }

    Language language;
    std::unique_ptr<MainWindow> window;
};

TEST_F(MainWindowTest, OpensTheFileGivenOnTheCommandLine) {
    window->show();
    ASSERT_TRUE(load({QStringLiteral("--verbose"), kSample}));
    PacketListModel *m = window->packetModel();
    EXPECT_EQ(m->rowCount(), 27);
    EXPECT_EQ(window->packetView()->model(), m);
    EXPECT_TRUE(window->windowTitle().startsWith(QStringLiteral("two-namespaces.nftrace")));
    // The first packet is selected and shown in detail.
    EXPECT_EQ(window->packetView()->currentIndex().row(), 0);
    EXPECT_EQ(window->journeyDetail()->journey(), m->journeyAt(0));
    EXPECT_EQ(window->recentFiles().value(0), kSample);
    EXPECT_EQ(window->statisticsView()->stats().packets, 27u);

    // Keyboard: Down moves to the next journey and the detail follows.
    window->packetView()->setFocus();
    QTest::keyClick(window->packetView(), Qt::Key_Down);
    EXPECT_EQ(window->journeyDetail()->journey(), m->journeyAt(1));
}

TEST_F(MainWindowTest, FilterBarReducesTheListAndShowsErrors) {
    ASSERT_TRUE(load({kSample}));
    FilterBar *bar = window->filterBar();
    const int dropped = droppedRow();
    ASSERT_GE(dropped, 0);
    ASSERT_TRUE(window->selectJourney(window->packetModel()->journeyAt(dropped)));
    const JourneyId selected = window->journeyDetail()->journey();
    bar->setText(QStringLiteral("tcp dst port 8082"));
    EXPECT_EQ(window->packetModel()->rowCount(), 1);
    EXPECT_EQ(window->journeyDetail()->journey(), selected) << "the selection survives";
    bar->setText(QStringLiteral("tcp dst port 8082 and"));
    EXPECT_EQ(window->packetModel()->rowCount(), 1);
    EXPECT_NE(bar->errorText(), QString());
    EXPECT_GT(bar->errorColumn(), 0);
    bar->setText(QString());
    EXPECT_EQ(window->packetModel()->rowCount(), 27);
}

TEST_F(MainWindowTest, OpensTheBundledSampleAndReportsErrors) {
    ASSERT_TRUE(QFile::exists(MainWindow::sampleResourcePath()));
    QSignalSpy loaded(window->document(), &TraceDocument::loaded);
    window->openSample();
    ASSERT_TRUE(loaded.wait(10000));
    EXPECT_EQ(window->packetModel()->rowCount(), 27);
    const QString copy = window->document()->path();
    EXPECT_TRUE(QFile::exists(copy));
    EXPECT_FALSE(window->recentFiles().contains(copy)) << "a temporary copy is not recent";

    QSignalSpy failed(window->document(), &TraceDocument::failed);
    window->openFile(QStringLiteral("/nonexistent/trace.nftrace"));
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_TRUE(window->lastError().contains(QStringLiteral("/nonexistent/trace.nftrace")));
    EXPECT_EQ(window->packetModel()->rowCount(), 27) << "the open trace stays";
    window.reset();
    EXPECT_FALSE(QFile::exists(copy)) << "the extracted sample is removed";
}

TEST_F(MainWindowTest, JourneyDetailShowsTheRuleText) {
    ASSERT_TRUE(load({kSample}));
    const int dropped = droppedRow();
    ASSERT_GE(dropped, 0);
    ASSERT_TRUE(window->selectJourney(window->packetModel()->journeyAt(dropped)));
    const QString fate =
        window->journeyDetail()->findChild<QLabel *>(QStringLiteral("journeyFate"))->text();
    EXPECT_TRUE(fate.contains(QStringLiteral("rule handle 3 \u27e8tcp dport 8082 drop\u27e9")))
        << fate.toStdString();
    bool ruleRow = false;
    QTreeWidget *tree = window->journeyDetail()->tree();
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        ruleRow =
            ruleRow || (*it)->text(2).startsWith(QStringLiteral("handle 3: tcp dport 8082 drop"));
    }
    EXPECT_TRUE(ruleRow) << "the rules section names rule 3 by its text";
}

TEST_F(MainWindowTest, SwitchesToVietnameseAtRuntime) {
    ASSERT_TRUE(load({kSample}));
    const int dropped = droppedRow();
    ASSERT_GE(dropped, 0);
    PacketListModel *m = window->packetModel();
    const QModelIndex fate = m->index(dropped, PacketListModel::FateColumn);
    EXPECT_EQ(m->data(fate).toString(), QStringLiteral("DROPPED BY RULE"));

    ASSERT_TRUE(language.setLanguage(QStringLiteral("vi")));
    EXPECT_EQ(language.effectiveLanguage(), QStringLiteral("vi"));
    EXPECT_EQ(QCoreApplication::translate("nt::Report", "TRACE STATISTICS"),
              QStringLiteral("THỐNG KÊ TRACE"));
    QCoreApplication::processEvents(); // LanguageChange reaches the widgets
    EXPECT_EQ(m->data(fate).toString(), QStringLiteral("BỊ LUẬT HỦY"));
    EXPECT_EQ(menu(0)->title(), QCoreApplication::translate("nt::MainWindow", "&File"));
    EXPECT_TRUE(
        window->journeyDetail()->findChild<QLabel *>(QStringLiteral("journeyFate"))->text().size() >
        0);

    ASSERT_TRUE(language.setLanguage(QStringLiteral("en")));
    QCoreApplication::processEvents();
    EXPECT_EQ(m->data(fate).toString(), QStringLiteral("DROPPED BY RULE"));
    EXPECT_EQ(menu(0)->title(), QStringLiteral("&File"));
}

// File ▸ Export offers the three formats, each only once a trace is loaded, in both languages.
TEST_F(MainWindowTest, ExportMenuOffersJsonPcapngAndSqliteRows) {
    auto exportAction = [&](const QString &text) -> QAction * {
        for (QAction *a : menu(0)->actions()) {
            if (a->text() == text) {
                return a;
            }
        }
        return nullptr;
    };
    const QString sqlite = QStringLiteral("Export SQLite &Rows…");
    QAction *rows = exportAction(sqlite);
    ASSERT_NE(rows, nullptr);
    ASSERT_NE(exportAction(QStringLiteral("Export &JSON…")), nullptr);
    ASSERT_NE(exportAction(QStringLiteral("Export &pcapng…")), nullptr);
    EXPECT_FALSE(rows->isEnabled()) << "nothing to export yet";
    ASSERT_TRUE(load({kSample}));
    EXPECT_TRUE(rows->isEnabled());
    EXPECT_TRUE(rows->toolTip().contains(QStringLiteral("events_named")));

    ASSERT_TRUE(language.setLanguage(QStringLiteral("vi")));
    QCoreApplication::processEvents();
    EXPECT_EQ(rows->text(), QStringLiteral("Xuất các &dòng SQLite…"));
    ASSERT_TRUE(language.setLanguage(QStringLiteral("en")));
    QCoreApplication::processEvents();
    EXPECT_EQ(rows->text(), sqlite);
}

// Settings ▸ Live Trace Memory: automatic until chosen, then the chosen size for every live
// trace of this and later runs, until set back to automatic.
TEST_F(MainWindowTest, LiveTraceMemoryIsASettingKeptBetweenRuns) {
    constexpr uint64_t kMiB = uint64_t{1024} * 1024;
    QAction *act = nullptr;
    for (QAction *a : menu(3)->actions()) {
        if (a->text() == QStringLiteral("Live Trace &Memory…")) {
            act = a;
        }
    }
    ASSERT_NE(act, nullptr) << "in the Settings menu";
    EXPECT_EQ(LiveBudgetDialog::storedMiB(), 0u);
    EXPECT_GE(window->document()->liveBudget(), 64 * kMiB) << "automatic: at least 64 MiB";
    EXPECT_LE(window->document()->liveBudget(), 4096 * kMiB) << "automatic: at most 4 GiB";

    {
        LiveBudgetDialog d;
        EXPECT_TRUE(d.automaticBox()->isChecked());
        EXPECT_FALSE(d.sizeBox()->isEnabled());
        EXPECT_EQ(d.choiceMiB(), 0u);
        d.automaticBox()->setChecked(false);
        EXPECT_TRUE(d.sizeBox()->isEnabled());
        d.sizeBox()->setValue(512);
        EXPECT_EQ(d.choiceMiB(), 512u);
        d.sizeBox()->setValue(1);
        EXPECT_EQ(d.choiceMiB(), uint64_t(LiveBudgetDialog::kMinMiB)) << "no less than 64 MiB";
        d.sizeBox()->setValue(512);
        LiveBudgetDialog::store(d.choiceMiB());
    }
    window = std::make_unique<MainWindow>(&language); // the next run
    EXPECT_EQ(window->document()->liveBudget(), 512 * kMiB);
    {
        LiveBudgetDialog d;
        EXPECT_FALSE(d.automaticBox()->isChecked());
        EXPECT_EQ(d.sizeBox()->value(), 512);
        ASSERT_TRUE(language.setLanguage(QStringLiteral("vi")));
        QCoreApplication::processEvents();
        EXPECT_EQ(d.windowTitle(), QStringLiteral("Bộ nhớ cho trace trực tiếp"));
        ASSERT_TRUE(language.setLanguage(QStringLiteral("en")));
    }
    LiveBudgetDialog::store(0);
    EXPECT_EQ(LiveBudgetDialog::storedMiB(), 0u);
    window = std::make_unique<MainWindow>(&language);
    EXPECT_NE(window->document()->liveBudget(), 512 * kMiB);
}

TEST_F(MainWindowTest, FirstStartTakesTwoThirdsOfTheScreenAndRemembersTheSize) {
    window.reset();
    QSettings().clear();
    auto first = std::make_unique<MainWindow>(&language);
    first->setInteractive(false);
    const QRect screen = first->screen()->availableGeometry();
    EXPECT_NEAR(first->width(), screen.width() * 2 / 3, 2);
    EXPECT_NEAR(first->height(), screen.height() * 2 / 3, 2);
    EXPECT_TRUE(screen.contains(first->geometry())) << "placed on the screen";

    first->show();
    first->resize(screen.width() / 2, screen.height() / 2);
    QCoreApplication::processEvents();
    const QSize chosen = first->size();
    EXPECT_TRUE(first->close());
    first.reset();
    MainWindow again(&language);
    EXPECT_EQ(again.size(), chosen) << "the size the user left is restored";
    QSettings().clear();
}

TEST_F(MainWindowTest, RulesetColumnsShowHandlesAndPacketCountsWhole) {
    window->show();
    ASSERT_TRUE(load({kSample}));
    RulesetView *view = window->rulesetView();
    for (QDockWidget *dock : window->findChildren<QDockWidget *>()) {
        if (dock->widget() == view) {
            dock->raise();
        }
    }
    QTest::qWait(100);
    QTreeView *tree = view->treeView();
    ASSERT_GT(view->model()->rowCount(), 0);
    QHeaderView *header = tree->header();
    for (int c : {RulesetModel::HandleColumn, RulesetModel::HitsColumn}) {
        const int shown = header->sectionSize(c);
        EXPECT_LE(header->sectionViewportPosition(c) + shown, tree->viewport()->width())
            << "column " << c << " ends inside the dock";
        tree->resizeColumnToContents(c);
        EXPECT_GE(shown, header->sectionSize(c)) << "column " << c << " shows its content whole";
    }
}

void grab(QWidget *w, const QString &name) {
    QCoreApplication::processEvents();
    const QPixmap pixmap = w->grab();
    ASSERT_FALSE(pixmap.isNull());
    ASSERT_TRUE(pixmap.save(nt::testing::screenshotPath(name))) << name.toStdString();
}

TEST_F(MainWindowTest, Screenshots) {
    window->show();
    grab(window.get(), QStringLiteral("welcome.png"));
    ASSERT_TRUE(load({kSample}));
    const int dropped = droppedRow();
    ASSERT_GE(dropped, 0);
    window->packetView()->setCurrentIndex(window->packetModel()->index(dropped, 0));
    QTest::qWait(700); // charts and statistics refresh on timers
    grab(window.get(), QStringLiteral("main_window.png"));
    QMenu *file = menu(0);
    file->popup(window->mapToGlobal(QPoint(8, 24)));
    QTest::qWait(100);
    grab(file, QStringLiteral("file_menu.png"));
    file->hide();
    {
        LiveBudgetDialog budget(window.get());
        budget.show();
        grab(&budget, QStringLiteral("live_budget.png"));
    }

    for (QDockWidget *dock : window->findChildren<QDockWidget *>()) {
        if (dock->objectName() == QLatin1String("statisticsDock")) {
            dock->raise();
            QTest::qWait(100);
            grab(window.get(), QStringLiteral("statistics.png"));
        }
        if (dock->objectName() == QLatin1String("latencyDock")) {
            dock->raise();
            QTest::qWait(300);
            grab(window.get(), QStringLiteral("latency.png"));
        }
    }
    ASSERT_TRUE(language.setLanguage(QStringLiteral("vi")));
    QTest::qWait(100);
    grab(window.get(), QStringLiteral("main_window_vi.png"));
}

} // namespace

NT_GUI_TEST_MAIN()
