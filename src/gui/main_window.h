// The main window: menus, packet list with filter bar, swimlane and journey detail, docks for
// the ruleset, latency charts and statistics, status bar; opens, saves, exports and traces.
#pragma once

#include "journey.h"
#include "trace_document.h"

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <vector>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QToolButton;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QListWidget;

namespace nt {

class FilterBar;
class HelperClient;
class JourneyDetail;
class Language;
class LatencyCharts;
class PacketListModel;
class RulesetView;
class StatisticsView;
class SwimlaneView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `language` (may be nullptr: no Settings ▸ Language) must outlive the window.
    explicit MainWindow(Language *language = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a trace file (asynchronously: TraceDocument::loaded or failed follows).
    void openFile(const QString &path);
    // Opens several files of one recording (a rotated set) or a folder of them as one trace.
    void openFiles(const QStringList &paths);
    // Extracts the bundled sample trace to a temporary file and opens it.
    void openSample();
    // Command-line arguments after the program name: the first one is a file to open.
    void handleArguments(const QStringList &args);

    TraceDocument *document() const { return doc_; }
    PacketListModel *packetModel() const { return model_; }
    QTableView *packetView() const { return table_; }
    FilterBar *filterBar() const { return filterBar_; }
    JourneyDetail *journeyDetail() const { return detail_; }
    StatisticsView *statisticsView() const { return stats_; }
    RulesetView *rulesetView() const { return ruleset_; }
    // Selects a journey's row (clears filters hiding it? no: returns false when hidden).
    bool selectJourney(JourneyId id);
    QStringList recentFiles() const;
    // Messages are shown in message boxes unless this is off (tests).
    void setInteractive(bool interactive) { interactive_ = interactive; }
    QString lastError() const { return lastError_; }
    // Says in the status bar which functions of a live trace the kernel lacks (the helper
    // skipped them).
    void showSkippedFunctions(const QStringList &functions);

    static QString sampleResourcePath() { return QStringLiteral(":/nft-tracer/sample.nftrace"); }

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createWidgets();
    QWidget *createWelcome();
    QWidget *createWorkArea();
    QTableView *createPacketTable(QWidget *parent);
    void connectFilterBar();
    void createDocks();
    void createStatusBar();
    void createToolBar();
    void retranslateUi();
    void updateActions();
    void updateStatus();
    void updateTitle();
    void updateRecentMenu();
    void addRecentFile(const QString &path);
    void showError(const QString &title, const QString &message);

    void onLoadingStarted(const QString &path);
    void onLoadingProgress(quint64 done, quint64 total);
    void onReplaced();
    void onLoaded();
    void hideProgress();
    void onFailed(const QString &message);
    void onCancelled();
    void onCurrentRowChanged();
    void onSelectionChanged();
    void onEventActivated(JourneyId id, int timelineIndex);
    void onRuleSelected(const QString &family, const QString &table, const QString &chain,
                        quint64 handle);

    void chooseFile();
    void chooseFolder();
    void saveAs();
    // Export JSON / pcapng: on the document's worker, progress in the status bar.
    void exportTrace(TraceDocument::ExportFormat format);
    void onExportFinished(const QString &path, const QString &error);
    void onExportCancelled();
    // The status bar's progress and Cancel button, for a file being opened or an export.
    void showProgress(const QString &cancelTip, const QString &message);
    void hideProgressBar();
    void startTrace();
    void stopTrace();
    // Settings ▸ Live Trace Memory: the budget of the next live trace, remembered.
    void chooseLiveBudget();
    void setLanguage(const QString &code);
    void about();

    Language *language_ = nullptr;
    TraceDocument *doc_ = nullptr;
    PacketListModel *model_ = nullptr;

    QStackedWidget *stack_ = nullptr;
    QWidget *welcome_ = nullptr;
    QLabel *welcomeTitle_ = nullptr, *welcomeText_ = nullptr, *recentTitle_ = nullptr;
    QPushButton *welcomeOpen_ = nullptr, *welcomeSample_ = nullptr;
    QListWidget *welcomeRecent_ = nullptr;
    QSplitter *vsplit_ = nullptr, *hsplit_ = nullptr;
    FilterBar *filterBar_ = nullptr;
    QTableView *table_ = nullptr;
    SwimlaneView *swimlane_ = nullptr;
    JourneyDetail *detail_ = nullptr;
    StatisticsView *stats_ = nullptr;
    LatencyCharts *latency_ = nullptr;
    RulesetView *ruleset_ = nullptr;
    QDockWidget *statsDock_ = nullptr, *latencyDock_ = nullptr, *rulesetDock_ = nullptr;
    QProgressBar *progress_ = nullptr;
    QToolButton *cancelLoad_ = nullptr;
    QLabel *busyLabel_ = nullptr;
    QLabel *backendLabel_ = nullptr, *packetsLabel_ = nullptr, *rateLabel_ = nullptr,
           *lostLabel_ = nullptr;

    QMenu *fileMenu_ = nullptr, *recentMenu_ = nullptr, *traceMenu_ = nullptr, *viewMenu_ = nullptr,
          *settingsMenu_ = nullptr, *languageMenu_ = nullptr, *helpMenu_ = nullptr;
    QAction *openAct_ = nullptr, *openFolderAct_ = nullptr, *openSampleAct_ = nullptr,
            *saveAsAct_ = nullptr, *exportJsonAct_ = nullptr, *exportPcapngAct_ = nullptr,
            *exportSqliteAct_ = nullptr, *quitAct_ = nullptr, *startAct_ = nullptr,
            *stopAct_ = nullptr, *filterAct_ = nullptr, *clearRecentAct_ = nullptr,
            *aboutAct_ = nullptr, *langSystemAct_ = nullptr, *langEnglishAct_ = nullptr,
            *langVietnameseAct_ = nullptr, *showSwimlaneAct_ = nullptr, *showDetailAct_ = nullptr,
            *liveBudgetAct_ = nullptr;
    QActionGroup *languageGroup_ = nullptr;

    std::unique_ptr<HelperClient> helper_;
    QString sampleCopy_; // extracted sample, removed at exit
    QString lastError_;
    bool interactive_ = true;
    bool defaultDockSize_ = false;
};

} // namespace nt
