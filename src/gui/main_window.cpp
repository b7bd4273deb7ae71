// MainWindow: wiring between the document, the models and the views; file and trace commands.
#include "main_window.h"

#include "error.h"
#include "export.h"
#include "filter_bar.h"
#include "helper_client.h"
#include "journey_detail.h"
#include "language.h"
#include "latency_charts.h"
#include "live_budget_dialog.h"
#include "packet_list_model.h"
#include "ruleset_view.h"
#include "start_dialog.h"
#include "statistics_view.h"
#include "swimlane_view.h"
#include "trace_document.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryFile>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace nt {
namespace {

constexpr int kMaxRecent = 10;
constexpr size_t kMaxSwimlaneSelection = 2000;
const QString kRecentKey = QStringLiteral("recentFiles");

} // namespace

MainWindow::MainWindow(Language *language, QWidget *parent)
    : QMainWindow(parent), language_(language) {
    setObjectName(QStringLiteral("MainWindow"));
    doc_ = new TraceDocument(this);
    doc_->setLiveBudget(LiveBudgetDialog::budgetBytes(LiveBudgetDialog::storedMiB()));
    model_ = new PacketListModel(this);
    model_->setDocument(doc_);
    createActions();
    createWidgets();
    createMenus();
    setAcceptDrops(true);

    connect(doc_, &TraceDocument::loadingStarted, this, &MainWindow::onLoadingStarted);
    connect(doc_, &TraceDocument::loadingProgress, this, &MainWindow::onLoadingProgress);
    connect(doc_, &TraceDocument::aboutToReplace, this, [this] {
        latency_->setTrace(nullptr, nullptr); // stops its job reading the old assembler
    });
    connect(doc_, &TraceDocument::replaced, this, &MainWindow::onReplaced);
    connect(doc_, &TraceDocument::loaded, this, &MainWindow::onLoaded);
    connect(doc_, &TraceDocument::failed, this, &MainWindow::onFailed);
    connect(doc_, &TraceDocument::cancelled, this, &MainWindow::onCancelled);
    connect(doc_, &TraceDocument::statusChanged, this, &MainWindow::updateStatus);
    connect(doc_, &TraceDocument::exportProgress, this, &MainWindow::onLoadingProgress);
    connect(doc_, &TraceDocument::exportFinished, this, &MainWindow::onExportFinished);
    connect(doc_, &TraceDocument::exportCancelled, this, &MainWindow::onExportCancelled);
    connect(doc_, &TraceDocument::liveEnded, this, [this] {
        updateActions();
        updateTitle();
    });
    connect(doc_, &TraceDocument::journeysAppended, this, [this] {
        if (!table_->currentIndex().isValid() && model_->rowCount() > 0) {
            table_->setCurrentIndex(model_->index(0, 0));
        }
        if (doc_->isLive()) {
            ruleset_->refreshHits();
            // Follow the newest packets while the view is at the bottom.
            QScrollBar *bar = table_->verticalScrollBar();
            if (bar->value() >= bar->maximum() - 2) {
                QTimer::singleShot(0, table_, [this] { table_->scrollToBottom(); });
            }
        }
        updateStatus();
    });
    connect(model_, &PacketListModel::countsChanged, this,
            [this](qsizetype visible, qsizetype total) {
                filterBar_->setCounts(visible, total);
                // While a file streams in, the charts wait for the end of it (onLoaded).
                if (doc_->state() != TraceDocument::State::Loading) {
                    latency_->setVisibleJourneys(model_->visibleJourneys());
                }
            });

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
        // First start: two thirds of the screen, in its middle (closeEvent saves what follows).
        const QRect screen = this->screen()->availableGeometry();
        resize(screen.width() * 2 / 3, screen.height() * 2 / 3);
        move(screen.center() - rect().center());
    }
    if (!restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray())) {
        // First start: the docks take what they need, the packets get the rest.
        defaultDockSize_ = true;
    }
    if (!vsplit_->restoreState(settings.value(QStringLiteral("mainWindow/vsplit")).toByteArray())) {
        vsplit_->setSizes({380, 420});
    }
    if (!hsplit_->restoreState(settings.value(QStringLiteral("mainWindow/hsplit")).toByteArray())) {
        hsplit_->setSizes({560, 440});
    }
    retranslateUi();
    updateRecentMenu();
    updateActions();
    updateStatus();
    updateTitle();
}

MainWindow::~MainWindow() {
    // The document (a child like the charts) may go first: its assembler must outlive the
    // charts' background job.
    latency_->setTrace(nullptr, nullptr);
    if (!sampleCopy_.isEmpty()) {
        QFile::remove(sampleCopy_);
    }
}

void MainWindow::createActions() {
    openAct_ = new QAction(this);
    openAct_->setShortcut(QKeySequence::Open);
    openAct_->setIcon(QIcon::fromTheme(QStringLiteral("document-open"),
                                       style()->standardIcon(QStyle::SP_DialogOpenButton)));
    connect(openAct_, &QAction::triggered, this, &MainWindow::chooseFile);
    openFolderAct_ = new QAction(this);
    connect(openFolderAct_, &QAction::triggered, this, &MainWindow::chooseFolder);
    openSampleAct_ = new QAction(this);
    connect(openSampleAct_, &QAction::triggered, this, &MainWindow::openSample);
    saveAsAct_ = new QAction(this);
    // Some platforms bind no key to Save As: then the common Ctrl+Shift+S.
    saveAsAct_->setShortcuts(
        QKeySequence::keyBindings(QKeySequence::SaveAs).isEmpty()
            ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)}
            : QKeySequence::keyBindings(QKeySequence::SaveAs));
    saveAsAct_->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as"),
                                         style()->standardIcon(QStyle::SP_DialogSaveButton)));
    connect(saveAsAct_, &QAction::triggered, this, &MainWindow::saveAs);
    exportJsonAct_ = new QAction(this);
    connect(exportJsonAct_, &QAction::triggered, this,
            [this] { exportTrace(TraceDocument::ExportFormat::Json); });
    exportPcapngAct_ = new QAction(this);
    connect(exportPcapngAct_, &QAction::triggered, this,
            [this] { exportTrace(TraceDocument::ExportFormat::Pcapng); });
    liveBudgetAct_ = new QAction(this);
    connect(liveBudgetAct_, &QAction::triggered, this, &MainWindow::chooseLiveBudget);
    exportSqliteAct_ = new QAction(this);
    connect(exportSqliteAct_, &QAction::triggered, this,
            [this] { exportTrace(TraceDocument::ExportFormat::Sqlite); });
    quitAct_ = new QAction(this);
    quitAct_->setShortcut(QKeySequence::Quit);
    quitAct_->setMenuRole(QAction::QuitRole);
    connect(quitAct_, &QAction::triggered, this, &QWidget::close);
    clearRecentAct_ = new QAction(this);
    connect(clearRecentAct_, &QAction::triggered, this, [this] {
        QSettings().remove(kRecentKey);
        updateRecentMenu();
    });

    startAct_ = new QAction(this);
    startAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    startAct_->setIcon(QIcon::fromTheme(QStringLiteral("media-record"),
                                        style()->standardIcon(QStyle::SP_MediaPlay)));
    connect(startAct_, &QAction::triggered, this, &MainWindow::startTrace);
    stopAct_ = new QAction(this);
    stopAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    stopAct_->setIcon(QIcon::fromTheme(QStringLiteral("media-playback-stop"),
                                       style()->standardIcon(QStyle::SP_MediaStop)));
    connect(stopAct_, &QAction::triggered, this, &MainWindow::stopTrace);
    filterAct_ = new QAction(this);
    filterAct_->setShortcut(QKeySequence::Find);
    connect(filterAct_, &QAction::triggered, this, [this] { filterBar_->focusFilter(); });

    aboutAct_ = new QAction(this);
    aboutAct_->setMenuRole(QAction::AboutRole);
    connect(aboutAct_, &QAction::triggered, this, &MainWindow::about);

    languageGroup_ = new QActionGroup(this);
    auto langAction = [this](const QString &code) {
        auto *a = new QAction(this);
        a->setCheckable(true);
        a->setData(code);
        languageGroup_->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { setLanguage(code); });
        return a;
    };
    langSystemAct_ = langAction(QString());
    langEnglishAct_ = langAction(QStringLiteral("en"));
    langVietnameseAct_ = langAction(QStringLiteral("vi"));
    const QString current = language_ ? language_->language() : QString();
    for (QAction *a : languageGroup_->actions()) {
        a->setChecked(a->data().toString() == current);
    }
}

void MainWindow::createWidgets() {
    stack_ = new QStackedWidget(this);
    stack_->addWidget(createWelcome());
    stack_->addWidget(createWorkArea());
    setCentralWidget(stack_);
    connectFilterBar();
    createDocks();
    createStatusBar();
    createToolBar();
}

// Empty state: what a new user can do first.
QWidget *MainWindow::createWelcome() {
    welcome_ = new QWidget(stack_);
    welcome_->setObjectName(QStringLiteral("welcome"));
    auto *wl = new QVBoxLayout(welcome_);
    wl->addStretch(2);
    welcomeTitle_ = new QLabel(welcome_);
    QFont tf = welcomeTitle_->font();
    tf.setPointSizeF(tf.pointSizeF() * 2.0);
    tf.setBold(true);
    welcomeTitle_->setFont(tf);
    welcomeTitle_->setAlignment(Qt::AlignCenter);
    welcomeText_ = new QLabel(welcome_);
    welcomeText_->setAlignment(Qt::AlignCenter);
    welcomeText_->setWordWrap(true);
    welcomeText_->setFixedWidth(
        560); // wrapped labels get no width of their own in a centred layout
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    welcomeOpen_ = new QPushButton(welcome_);
    welcomeOpen_->setIcon(openAct_->icon());
    welcomeSample_ = new QPushButton(welcome_);
    welcomeSample_->setObjectName(QStringLiteral("openSampleButton"));
    connect(welcomeOpen_, &QPushButton::clicked, this, &MainWindow::chooseFile);
    connect(welcomeSample_, &QPushButton::clicked, this, &MainWindow::openSample);
    buttons->addWidget(welcomeOpen_);
    buttons->addWidget(welcomeSample_);
    buttons->addStretch();
    recentTitle_ = new QLabel(welcome_);
    recentTitle_->setAlignment(Qt::AlignCenter);
    welcomeRecent_ = new QListWidget(welcome_);
    welcomeRecent_->setFixedWidth(560);
    welcomeRecent_->setMaximumHeight(160);
    connect(welcomeRecent_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openFile(item->data(Qt::UserRole).toString()); });
    wl->addWidget(welcomeTitle_);
    wl->addSpacing(8);
    wl->addWidget(welcomeText_, 0, Qt::AlignHCenter);
    wl->addSpacing(16);
    wl->addLayout(buttons);
    wl->addSpacing(24);
    wl->addWidget(recentTitle_);
    wl->addWidget(welcomeRecent_, 0, Qt::AlignHCenter);
    wl->addStretch(3);

    return welcome_;
}

// The work area: packets on top, the selected journey below.
QWidget *MainWindow::createWorkArea() {
    vsplit_ = new QSplitter(Qt::Vertical, stack_);
    vsplit_->setObjectName(QStringLiteral("packetSplitter"));
    auto *top = new QWidget(vsplit_);
    auto *tl = new QVBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->setSpacing(0);
    filterBar_ = new FilterBar(top);
    table_ = createPacketTable(top);
    tl->addWidget(filterBar_);
    tl->addWidget(table_, 1);
    vsplit_->addWidget(top);

    hsplit_ = new QSplitter(Qt::Horizontal, vsplit_);
    hsplit_->setObjectName(QStringLiteral("journeySplitter"));
    swimlane_ = new SwimlaneView(hsplit_);
    swimlane_->setObjectName(QStringLiteral("swimlane"));
    hsplit_->addWidget(swimlane_);
    connect(swimlane_, &SwimlaneView::eventActivated, this, &MainWindow::onEventActivated);
    detail_ = new JourneyDetail(hsplit_);
    detail_->setObjectName(QStringLiteral("journeyDetail"));
    hsplit_->addWidget(detail_);
    hsplit_->setStretchFactor(0, 3);
    hsplit_->setStretchFactor(1, 2);
    vsplit_->addWidget(hsplit_);
    vsplit_->setStretchFactor(0, 1);
    vsplit_->setStretchFactor(1, 1);

    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentRowChanged);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onSelectionChanged);
    connect(model_, &QAbstractItemModel::modelReset, this, &MainWindow::onSelectionChanged);

    return vsplit_;
}

QTableView *MainWindow::createPacketTable(QWidget *parent) {
    auto *table = new QTableView(parent);
    table->setObjectName(QStringLiteral("packetList"));
    table->setModel(model_);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    table->horizontalHeader()->setSortIndicatorClearable(true);
    table->setSortingEnabled(true);
    const std::array<int, PacketListModel::ColumnCount> widths = {48,  90,  170, 170, 70, 60,
                                                                  240, 130, 150, 130, 90, 200};
    for (int c = 0; c < PacketListModel::ColumnCount; ++c) {
        table->setColumnWidth(c, widths[static_cast<size_t>(c)]);
    }
    return table;
}

// Filter changes keep the current journey selected when it stays visible.
void MainWindow::connectFilterBar() {
    connect(filterBar_, &FilterBar::filterChanged, this, [this](const Filter &f) {
        const JourneyId current = detail_->journey();
        model_->setFilter(f);
        const bool byName = std::any_of(f.terms().begin(), f.terms().end(), [](const auto &t) {
            return std::any_of(t.begin(), t.end(), [](const FilterPredicate &p) {
                return p.field == FilterPredicate::Field::IfName;
            });
        });
        if (byName && doc_->trace() != nullptr && doc_->trace()->interfaces.empty()) {
            statusBar()->showMessage(
                tr("This trace holds no interface names (it was recorded by an older version), "
                   "so 'ifname' matches nothing in it. Use 'ifindex N' instead."),
                15000);
        }
        if (current == kNoJourney || !selectJourney(current)) {
            if (model_->rowCount() > 0) {
                table_->setCurrentIndex(model_->index(0, 0));
            }
        }
    });
    connect(filterBar_, &FilterBar::ruleFilterCleared, this, [this] {
        const JourneyId current = detail_->journey();
        model_->setRuleFilter(std::nullopt);
        selectJourney(current);
    });
}

// Side panes: statistics, ruleset, latency.
void MainWindow::createDocks() {
    statsDock_ = new QDockWidget(this);
    statsDock_->setObjectName(QStringLiteral("statisticsDock"));
    stats_ = new StatisticsView(statsDock_);
    stats_->setDocument(doc_);
    statsDock_->setWidget(stats_);
    addDockWidget(Qt::RightDockWidgetArea, statsDock_);
    rulesetDock_ = new QDockWidget(this);
    rulesetDock_->setObjectName(QStringLiteral("rulesetDock"));
    ruleset_ = new RulesetView(rulesetDock_);
    rulesetDock_->setWidget(ruleset_);
    addDockWidget(Qt::RightDockWidgetArea, rulesetDock_);
    tabifyDockWidget(statsDock_, rulesetDock_);
    connect(ruleset_, &RulesetView::ruleSelected, this, &MainWindow::onRuleSelected);
    latencyDock_ = new QDockWidget(this);
    latencyDock_->setObjectName(QStringLiteral("latencyDock"));
    // Charts have a large minimum size: scrolled, so the dock can stay narrow.
    auto *latencyScroll = new QScrollArea(latencyDock_);
    latencyScroll->setWidgetResizable(true);
    latencyScroll->setFrameShape(QFrame::NoFrame);
    latency_ = new LatencyCharts(latencyScroll);
    latencyScroll->setWidget(latency_);
    latencyDock_->setWidget(latencyScroll);
    addDockWidget(Qt::RightDockWidgetArea, latencyDock_);
    tabifyDockWidget(statsDock_, latencyDock_);
    if (rulesetDock_) {
        rulesetDock_->raise();
    }
}

// Status bar: where the data came from and what may be missing from it.
void MainWindow::createStatusBar() {
    busyLabel_ = new QLabel(this);
    busyLabel_->hide();
    statusBar()->addWidget(busyLabel_);
    connect(model_, &PacketListModel::busyChanged, this, [this](bool busy) {
        busyLabel_->setText(tr("Sorting and filtering %n packet(s)…", nullptr,
                               static_cast<int>(model_->totalCount())));
        busyLabel_->setVisible(busy);
    });
    backendLabel_ = new QLabel(this);
    packetsLabel_ = new QLabel(this);
    rateLabel_ = new QLabel(this);
    lostLabel_ = new QLabel(this);
    for (QLabel *l : {backendLabel_, packetsLabel_, rateLabel_, lostLabel_}) {
        l->setContentsMargins(6, 0, 6, 0);
        statusBar()->addPermanentWidget(l);
    }
    // Opening a file: the window shows the journeys as they are read, so the progress stays
    // out of the way in the status bar.
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->setMaximumWidth(160);
    progress_->setTextVisible(false);
    cancelLoad_ = new QToolButton(this);
    cancelLoad_->setAutoRaise(true);
    // Cancels what the progress shows: an export, or the file being opened.
    connect(cancelLoad_, &QToolButton::clicked, this, [this] {
        if (doc_->exporting()) {
            doc_->cancelExport();
        } else {
            doc_->cancel();
        }
    });
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancelLoad_);
    progress_->hide();
    cancelLoad_->hide();
}

void MainWindow::createToolBar() {
    auto *toolbar = addToolBar(QString());
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(openAct_);
    toolbar->addAction(saveAsAct_);
    toolbar->addSeparator();
    toolbar->addAction(startAct_);
    toolbar->addAction(stopAct_);
    toolbar->toggleViewAction()->setVisible(false);
}

void MainWindow::createMenus() {
    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->addAction(openAct_);
    fileMenu_->addAction(openFolderAct_);
    recentMenu_ = fileMenu_->addMenu(QString());
    fileMenu_->addAction(openSampleAct_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(saveAsAct_);
    fileMenu_->addAction(exportJsonAct_);
    fileMenu_->addAction(exportPcapngAct_);
    fileMenu_->addAction(exportSqliteAct_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(quitAct_);

    traceMenu_ = menuBar()->addMenu(QString());
    traceMenu_->addAction(startAct_);
    traceMenu_->addAction(stopAct_);
    traceMenu_->addSeparator();
    traceMenu_->addAction(filterAct_);

    viewMenu_ = menuBar()->addMenu(QString());
    showSwimlaneAct_ = new QAction(this);
    showSwimlaneAct_->setCheckable(true);
    showSwimlaneAct_->setChecked(true);
    showSwimlaneAct_->setVisible(swimlane_ != nullptr);
    connect(showSwimlaneAct_, &QAction::toggled, this, [this](bool on) {
        if (swimlane_) {
            swimlane_->setVisible(on);
        }
    });
    showDetailAct_ = new QAction(this);
    showDetailAct_->setCheckable(true);
    showDetailAct_->setChecked(true);
    connect(showDetailAct_, &QAction::toggled, detail_, &QWidget::setVisible);
    viewMenu_->addAction(showSwimlaneAct_);
    viewMenu_->addAction(showDetailAct_);
    viewMenu_->addSeparator();
    for (QDockWidget *d : {statsDock_, latencyDock_, rulesetDock_}) {
        if (d) {
            viewMenu_->addAction(d->toggleViewAction());
        }
    }

    settingsMenu_ = menuBar()->addMenu(QString());
    languageMenu_ = settingsMenu_->addMenu(QString());
    languageMenu_->addActions(languageGroup_->actions());
    languageMenu_->setEnabled(language_ != nullptr);
    settingsMenu_->addAction(liveBudgetAct_);

    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->addAction(aboutAct_);
}

void MainWindow::retranslateUi() {
    fileMenu_->setTitle(tr("&File"));
    recentMenu_->setTitle(tr("Open &Recent"));
    traceMenu_->setTitle(tr("&Trace"));
    viewMenu_->setTitle(tr("&View"));
    settingsMenu_->setTitle(tr("&Settings"));
    languageMenu_->setTitle(tr("&Language"));
    liveBudgetAct_->setText(tr("Live Trace &Memory…"));
    liveBudgetAct_->setToolTip(
        tr("How much memory a live trace may hold before its oldest journeys leave the view"));
    helpMenu_->setTitle(tr("&Help"));
    openAct_->setText(tr("&Open…"));
    openAct_->setToolTip(
        tr("Open a trace file (.nftrace); select several files of one recording to open them "
           "as one trace"));
    openFolderAct_->setText(tr("Open &Folder…"));
    openFolderAct_->setToolTip(
        tr("Open the trace files of a folder as one trace (a rotated recording: record --ring)"));
    openSampleAct_->setText(tr("Open &Sample"));
    saveAsAct_->setText(tr("Save &As…"));
    exportJsonAct_->setText(tr("Export &JSON…"));
    exportPcapngAct_->setText(tr("Export &pcapng…"));
    exportSqliteAct_->setText(tr("Export SQLite &Rows…"));
    exportSqliteAct_->setToolTip(tr("Write the trace with one SQLite row per event, for sqlite3 "
                                    "and other SQL tools (the view events_named names probes "
                                    "and functions); nft-tracer opens it too"));
    quitAct_->setText(tr("&Quit"));
    clearRecentAct_->setText(tr("&Clear List"));
    startAct_->setText(tr("&Start…"));
    stopAct_->setText(tr("S&top"));
    filterAct_->setText(tr("&Filter"));
    filterAct_->setToolTip(tr("Go to the packet filter"));
    startAct_->setToolTip(tr("Start tracing packets live (needs the nft-tracer helper)"));
    stopAct_->setToolTip(tr("Stop the live trace"));
    aboutAct_->setText(tr("&About nft-tracer"));
    langSystemAct_->setText(tr("&System"));
    langEnglishAct_->setText(QStringLiteral("&English"));
    langVietnameseAct_->setText(QStringLiteral("&Tiếng Việt"));
    showSwimlaneAct_->setText(tr("S&wimlane"));
    showDetailAct_->setText(tr("Journey &Detail"));
    statsDock_->setWindowTitle(tr("Statistics"));
    if (latencyDock_) {
        latencyDock_->setWindowTitle(tr("Latency"));
    }
    if (rulesetDock_) {
        rulesetDock_->setWindowTitle(tr("Ruleset"));
    }
    welcomeTitle_->setText(tr("nft-tracer"));
    welcomeText_->setText(
        tr("Follow packets through the Linux kernel: every layer they cross, every nftables "
           "rule that judged them, and where they were dropped. Open a trace file, or start "
           "with the sample recorded between two network namespaces."));
    welcomeText_->setMinimumHeight(welcomeText_->heightForWidth(welcomeText_->width()));
    welcomeOpen_->setText(tr("Open…"));
    welcomeSample_->setText(tr("Open Sample"));
    recentTitle_->setText(tr("Recent traces"));
    updateTitle();
    updateStatus();
}

void MainWindow::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        model_->retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::updateActions() {
    const bool has = doc_->hasTrace();
    const bool live = doc_->isLive();
    // Exports are made from the journeys: not before they are all assembled.
    const bool complete = has && !live && doc_->state() != TraceDocument::State::Loading;
    saveAsAct_->setEnabled(has);
    exportJsonAct_->setEnabled(complete && !doc_->exporting());
    exportPcapngAct_->setEnabled(complete && !doc_->exporting());
    exportSqliteAct_->setEnabled(complete && !doc_->exporting());
    const bool running = helper_ && (helper_->state() == HelperClient::State::Starting ||
                                     helper_->state() == HelperClient::State::Running);
    startAct_->setEnabled(!running && !live);
    stopAct_->setEnabled(running || live);
    openAct_->setEnabled(!live);
    openFolderAct_->setEnabled(!live);
    openSampleAct_->setEnabled(!live);
    recentMenu_->setEnabled(!live);
}

void MainWindow::updateTitle() {
    QString name;
    if (doc_->isLive()) {
        name = tr("Live trace");
    } else if (!doc_->path().isEmpty() && doc_->path() == sampleCopy_) {
        name = tr("Sample trace");
    } else if (!doc_->path().isEmpty()) {
        name = QFileInfo(doc_->path()).fileName();
    } else if (doc_->hasTrace()) {
        name = tr("Unsaved trace");
    }
    setWindowTitle(name.isEmpty() ? tr("nft-tracer") : tr("%1 — nft-tracer").arg(name));
}

void MainWindow::updateStatus() {
    if (!doc_->hasTrace()) {
        backendLabel_->setText(tr("No trace"));
        packetsLabel_->clear();
        rateLabel_->hide();
        lostLabel_->hide();
        return;
    }
    const Trace &t = *doc_->trace();
    const QString backend = QString::fromStdString(t.meta.backend);
    backendLabel_->setText(tr("Backend: %1").arg(backend.isEmpty() ? tr("unknown") : backend));
    backendLabel_->setToolTip(
        tr("Kernel %1 on %2")
            .arg(QString::fromStdString(t.meta.kernel), QString::fromStdString(t.meta.host)));
    const QString window = doc_->windowStatus();
    packetsLabel_->setText(tr("Packets: %1 · Events: %2")
                               .arg(doc_->journeys().size())
                               .arg(doc_->assembler()->counters().events) +
                           (window.isEmpty() ? QString() : QStringLiteral(" · ") + window));
    rateLabel_->setVisible(doc_->isLive());
    rateLabel_->setText(tr("%1 events/s").arg(doc_->eventsPerSecond(), 0, 'f', 0));
    const uint64_t lost = doc_->lostEvents();
    const LossCounters &l = t.meta.loss;
    lostLabel_->show();
    lostLabel_->setText(tr("Lost: %1").arg(lost));
    lostLabel_->setStyleSheet(lost ? QStringLiteral("color: #c62828; font-weight: bold;")
                                   : QString());
    lostLabel_->setToolTip(tr("Ring buffer full: %1\nPackets not followed (tracking map full): %2\n"
                              "nft trace messages lost: %3\nnft records joined to no packet: %4")
                               .arg(l.ringbufFull)
                               .arg(l.trackFull)
                               .arg(l.nftLost)
                               .arg(doc_->assembler()->counters().unjoinedNft));
}

QStringList MainWindow::recentFiles() const {
    return QSettings().value(kRecentKey).toStringList();
}

void MainWindow::addRecentFile(const QString &path) {
    if (path.isEmpty() || path == sampleCopy_) {
        return;
    }
    const QString abs = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(abs);
    files.prepend(abs);
    while (files.size() > kMaxRecent) {
        files.removeLast();
    }
    QSettings().setValue(kRecentKey, files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    recentMenu_->clear();
    welcomeRecent_->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString &f = files[i];
        QAction *a = recentMenu_->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(f).fileName()));
        a->setToolTip(f);
        a->setStatusTip(f);
        connect(a, &QAction::triggered, this, [this, f] { openFile(f); });
        auto *item = new QListWidgetItem(QFileInfo(f).fileName() + QStringLiteral("  —  ") +
                                             QFileInfo(f).absolutePath(),
                                         welcomeRecent_);
        item->setData(Qt::UserRole, f);
    }
    if (!files.isEmpty()) {
        recentMenu_->addSeparator();
    }
    recentMenu_->addAction(clearRecentAct_);
    clearRecentAct_->setEnabled(!files.isEmpty());
    recentTitle_->setVisible(!files.isEmpty());
    welcomeRecent_->setVisible(!files.isEmpty());
}

void MainWindow::showError(const QString &title, const QString &message) {
    lastError_ = message;
    statusBar()->showMessage(message, 10000);
    if (interactive_) {
        QMessageBox::critical(this, title, message);
    }
}

void MainWindow::openFile(const QString &path) {
    if (doc_->isLive()) {
        return;
    }
    doc_->open(path);
}

void MainWindow::openFiles(const QStringList &paths) {
    if (doc_->isLive() || paths.isEmpty()) {
        return;
    }
    doc_->open(paths);
}

void MainWindow::openSample() {
    QFile res(sampleResourcePath());
    QTemporaryFile tmp(QDir::temp().filePath(QStringLiteral("nft-tracer-sample-XXXXXX.nftrace")));
    tmp.setAutoRemove(false);
    // SQLite needs a real file: the resource is copied out and removed at exit.
    if (!res.open(QIODevice::ReadOnly) || !tmp.open() || tmp.write(res.readAll()) != res.size() ||
        !tmp.flush()) {
        showError(tr("Cannot open the sample"), tr("The sample trace could not be copied to %1: %2")
                                                    .arg(QDir::tempPath(), tmp.errorString()));
        tmp.remove();
        return;
    }
    tmp.close();
    if (!sampleCopy_.isEmpty() && sampleCopy_ != doc_->path()) {
        QFile::remove(sampleCopy_);
    }
    sampleCopy_ = tmp.fileName();
    openFile(sampleCopy_);
}

void MainWindow::handleArguments(const QStringList &args) {
    // Every file (or folder) named: several are one recording's set.
    QStringList paths;
    for (const QString &a : args) {
        if (!a.startsWith(QLatin1Char('-'))) {
            paths.push_back(a);
        }
    }
    openFiles(paths);
}

void MainWindow::chooseFile() {
    const QString dir = QSettings().value(QStringLiteral("lastDir")).toString();
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open Trace"), dir, tr("nft-tracer traces (*.nftrace);;All files (*)"));
    if (!paths.isEmpty()) {
        QSettings().setValue(QStringLiteral("lastDir"), QFileInfo(paths.front()).absolutePath());
        openFiles(paths);
    }
}

void MainWindow::chooseFolder() {
    const QString dir = QSettings().value(QStringLiteral("lastDir")).toString();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Folder"), dir);
    if (!folder.isEmpty()) {
        QSettings().setValue(QStringLiteral("lastDir"), folder);
        openFiles({folder});
    }
}

void MainWindow::showProgress(const QString &cancelTip, const QString &message) {
    progress_->setValue(0);
    progress_->show();
    cancelLoad_->setText(tr("Cancel"));
    cancelLoad_->setToolTip(cancelTip);
    cancelLoad_->show();
    statusBar()->showMessage(message);
    updateActions();
}

void MainWindow::hideProgressBar() {
    progress_->hide();
    cancelLoad_->hide();
    statusBar()->clearMessage();
}

void MainWindow::onLoadingStarted(const QString &path) {
    showProgress(tr("Stop reading %1; the packets read so far stay").arg(path),
                 tr("Opening %1…").arg(QFileInfo(path).fileName()));
}

void MainWindow::onLoadingProgress(quint64 done, quint64 total) {
    if (total) {
        progress_->setValue(static_cast<int>(std::min<quint64>(1000, done * 1000 / total)));
    }
}

void MainWindow::onReplaced() {
    stack_->setCurrentWidget(vsplit_);
    const Trace *t = doc_->trace();
    const Assembler *a = doc_->assembler();
    detail_->setSource(t, a, doc_->report());
    swimlane_->setTrace(t, a);
    latency_->setTrace(t, a, &doc_->readGuard());
    ruleset_->setTrace(t, a);
    filterBar_->setRuleLabel(QString());
    if (!doc_->isLive()) {
        addRecentFile(doc_->path());
    }
    updateActions();
    updateTitle();
    updateStatus();
}

void MainWindow::hideProgress() {
    hideProgressBar();
    // The views that summarise every journey catch up once the file stopped streaming.
    if (doc_->hasTrace() && !doc_->isLive()) {
        ruleset_->refreshHits();
        latency_->setVisibleJourneys(model_->visibleJourneys());
    }
    updateActions();
}

void MainWindow::onLoaded() {
    hideProgress();
    updateStatus();
}

void MainWindow::onFailed(const QString &message) {
    hideProgress();
    showError(tr("Cannot open the trace"), message);
}

void MainWindow::onCancelled() {
    hideProgress();
    updateStatus();
    statusBar()->showMessage(doc_->partial()
                                 ? tr("Opening stopped: the packets read so far are shown")
                                 : tr("Opening cancelled"),
                             5000);
}

bool MainWindow::selectJourney(JourneyId id) {
    const int row = id == kNoJourney ? -1 : model_->rowOf(id);
    if (row < 0) {
        return false;
    }
    const QModelIndex index = model_->index(row, 0);
    table_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    table_->scrollTo(index);
    return true;
}

void MainWindow::onCurrentRowChanged() {
    const QModelIndex current = table_->currentIndex();
    const JourneyId id = current.isValid() ? model_->journeyAt(current.row()) : kNoJourney;
    if (id == detail_->journey()) {
        return;
    }
    detail_->showJourney(id);
    latency_->setSelectedJourney(id);
}

void MainWindow::onSelectionChanged() {
    std::vector<JourneyId> ids;
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows) {
        ids.push_back(model_->journeyAt(i.row()));
        if (ids.size() >= kMaxSwimlaneSelection) {
            break;
        }
    }
    if (ids.empty() && table_->currentIndex().isValid()) {
        ids.push_back(model_->journeyAt(table_->currentIndex().row()));
    }
    std::sort(ids.begin(), ids.end());
    swimlane_->showJourneys(ids);
}

void MainWindow::onEventActivated(JourneyId id, int timelineIndex) {
    if (id != detail_->journey()) {
        // Keep a multi-selection in the diagram: only the detail pane follows.
        detail_->showJourney(id);
        latency_->setSelectedJourney(id);
    }
    detail_->selectTimelineItem(timelineIndex);
}

void MainWindow::onRuleSelected(const QString &family, const QString &table, const QString &chain,
                                quint64 handle) {
    const JourneyId current = detail_->journey();
    model_->setRuleFilter(RuleFilter{family, table, chain, handle});
    filterBar_->setRuleLabel(handle ? tr("Rule: %1 %2 %3 #%4").arg(family, table, chain).arg(handle)
                                    : tr("Chain: %1 %2 %3").arg(family, table, chain));
    if (!selectJourney(current) && model_->rowCount() > 0) {
        table_->setCurrentIndex(model_->index(0, 0));
    }
}

void MainWindow::chooseLiveBudget() {
    LiveBudgetDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    LiveBudgetDialog::store(dialog.choiceMiB());
    doc_->setLiveBudget(LiveBudgetDialog::budgetBytes(dialog.choiceMiB()));
    statusBar()->showMessage(tr("The next live trace keeps up to %1 MiB in memory")
                                 .arg(doc_->liveBudget() / (uint64_t{1024} * 1024)),
                             5000);
}

void MainWindow::saveAs() {
    if (!doc_->hasTrace()) {
        return;
    }
    const QString dir = QSettings().value(QStringLiteral("lastDir"), QDir::homePath()).toString();
    QString path = QFileDialog::getSaveFileName(this, tr("Save Trace As"), dir,
                                                tr("nft-tracer traces (*.nftrace)"));
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".nftrace");
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        doc_->saveAs(path);
        QApplication::restoreOverrideCursor();
    } catch (const Error &e) {
        QApplication::restoreOverrideCursor();
        showError(tr("Cannot save the trace"), e.message());
        return;
    }
    if (!doc_->isLive()) {
        doc_->setPath(path);
        addRecentFile(path);
    }
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

void MainWindow::exportTrace(TraceDocument::ExportFormat format) {
    if (!doc_->hasTrace() || doc_->exporting()) {
        return;
    }
    QString path;
    switch (format) {
    case TraceDocument::ExportFormat::Json:
        path = QFileDialog::getSaveFileName(this, tr("Export JSON"), QDir::homePath(),
                                            tr("JSON files (*.json)"));
        break;
    case TraceDocument::ExportFormat::Pcapng:
        path = QFileDialog::getSaveFileName(this, tr("Export pcapng"), QDir::homePath(),
                                            tr("pcapng files (*.pcapng)"));
        break;
    case TraceDocument::ExportFormat::Sqlite:
        path = QFileDialog::getSaveFileName(this, tr("Export SQLite rows"), QDir::homePath(),
                                            tr("SQLite files (*.sqlite *.db)"));
        break;
    }
    if (path.isEmpty()) {
        return;
    }
    // Shown first: an export refused at once hides it again.
    showProgress(tr("Stop exporting; %1 is not written").arg(path),
                 tr("Exporting %1…").arg(QFileInfo(path).fileName()));
    doc_->exportTrace(format, path,
                      QStringLiteral("nft-tracer ") + QCoreApplication::applicationVersion());
    updateActions();
}

void MainWindow::onExportFinished(const QString &path, const QString &error) {
    hideProgressBar();
    updateActions();
    if (!error.isEmpty()) {
        showError(tr("Cannot export"), error);
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
}

void MainWindow::onExportCancelled() {
    hideProgressBar();
    updateActions();
    statusBar()->showMessage(tr("Export cancelled"), 5000);
}

void MainWindow::startTrace() {
    if (doc_->isLive()) {
        return;
    }
    StartDialog dialog(this);
    dialog.load();
    // What this kernel offers (function backends, how many functions a choice traces) comes
    // from the helper, which needs no authorisation for it; the dialog is usable before.
    auto *caps = new HelperClient(&dialog);
    connect(caps, &HelperClient::capabilitiesReceived, &dialog, &StartDialog::setCapabilities);
    connect(caps, &HelperClient::errorOccurred, &dialog,
            [&dialog](HelperClient::ErrorKind kind, const QString &message) {
                dialog.setCapabilitiesError(
                    kind == HelperClient::ErrorKind::NoHelper
                        ? tr("the nft-tracer helper is not installed or could not be started")
                        : message);
            });
    caps->capabilities();
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    dialog.save();
    if (!helper_) {
        helper_ = std::make_unique<HelperClient>();
        HelperClient *h = helper_.get();
        connect(h, &HelperClient::headerReceived, this, [this](const Trace &header) {
            doc_->beginLive(header);
            updateActions();
            updateTitle();
        });
        connect(h, &HelperClient::recordsReceived, this,
                [this](const RecordBatch &batch, const std::vector<NftTraceRecord> &nft,
                       const std::vector<KernelSymbol> &symbols) {
                    doc_->appendRecords(batch, nft, symbols);
                });
        connect(h, &HelperClient::countersChanged, this, [this](const stream::CountersFrame &c) {
            doc_->setLiveLoss(c.loss, c.eventsPerSecond);
        });
        connect(h, &HelperClient::interfacesReceived, this,
                [this](const std::vector<InterfaceName> &names) { doc_->appendInterfaces(names); });
        connect(h, &HelperClient::lossMarksReceived, this,
                [this](const std::vector<LossMark> &marks) { doc_->appendLossMarks(marks); });
        connect(h, &HelperClient::finished, this, [this](const TraceMeta &meta) {
            doc_->endLive(meta);
            statusBar()->showMessage(tr("Trace stopped. Save it with File ▸ Save As."), 10000);
            updateActions();
        });
        connect(h, &HelperClient::stateChanged, this, [this] { updateActions(); });
        connect(h, &HelperClient::functionsSkipped, this, &MainWindow::showSkippedFunctions);
        connect(h, &HelperClient::errorOccurred, this,
                [this](HelperClient::ErrorKind kind, const QString &message) {
                    if (doc_->isLive()) {
                        doc_->endLive(doc_->trace()->meta);
                    }
                    updateActions();
                    QString text;
                    switch (kind) {
                    case HelperClient::ErrorKind::NoHelper:
                        text = tr("Live tracing needs the nft-tracer helper, which is not "
                                  "installed or could not be started. Install the "
                                  "nft-tracer-helper package (or run 'nft-tracer-cli record' "
                                  "as root); trace files can still be opened.");
                        break;
                    case HelperClient::ErrorKind::NotAuthorized:
                        text = tr("Tracing was not authorised. Tracing needs an administrator's "
                                  "permission; trace files can still be opened.");
                        break;
                    default:
                        text = message;
                        break;
                    }
                    if (kind != HelperClient::ErrorKind::NoHelper &&
                        kind != HelperClient::ErrorKind::NotAuthorized && !message.isEmpty() &&
                        text != message) {
                        text += QStringLiteral("\n\n") + message;
                    }
                    showError(tr("Live tracing failed"), text);
                });
    }
    helper_->startTrace(dialog.options());
    statusBar()->showMessage(tr("Starting the trace…"));
    updateActions();
}

void MainWindow::showSkippedFunctions(const QStringList &functions) {
    statusBar()->showMessage(tr("Not in this kernel, skipped (the other functions are traced): %1")
                                 .arg(functions.join(QStringLiteral(", "))),
                             60000);
}

void MainWindow::stopTrace() {
    if (helper_) {
        helper_->stopTrace();
        statusBar()->showMessage(tr("Stopping the trace…"));
    }
}

void MainWindow::setLanguage(const QString &code) {
    if (!language_) {
        return;
    }
    language_->setLanguage(code);
    Language::saveLanguage(code);
}

void MainWindow::about() {
    QMessageBox::about(
        this, tr("About nft-tracer"),
        tr("<h3>nft-tracer %1</h3><p>Packet journeys through the Linux kernel and nftables: "
           "every layer crossed, every rule evaluated, every drop with its reason.</p>"
           "<p>Traces are recorded with eBPF tracepoints and nftables rule tracing.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::showEvent(QShowEvent *event) {
    QMainWindow::showEvent(event);
    if (defaultDockSize_) {
        // First start: the docks take a third at most, the packets get the rest.
        defaultDockSize_ = false;
        resizeDocks({statsDock_}, {std::max(360, width() / 4)}, Qt::Horizontal);
    }
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (doc_->isLive() && helper_) {
        helper_->stopTrace();
    }
    if (interactive_ && doc_->hasTrace() && doc_->path().isEmpty() && !doc_->journeys().empty()) {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved Trace"),
            tr("The recorded trace has not been saved. Save it before quitting?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Save) {
            saveAs();
            if (doc_->path().isEmpty()) {
                event->ignore();
                return;
            }
        }
    }
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("mainWindow/vsplit"), vsplit_->saveState());
    settings.setValue(QStringLiteral("mainWindow/hsplit"), hsplit_->saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!doc_->isLive() && !urls.isEmpty() && urls.first().isLocalFile()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent *event) {
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            paths.push_back(url.toLocalFile());
        }
    }
    if (!paths.isEmpty()) {
        openFiles(paths);
        event->acceptProposedAction();
    }
}

} // namespace nt
