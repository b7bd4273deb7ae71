// StartDialog: the form, its validation and its remembered values.
#include "start_dialog.h"

#include "error.h"
#include "filter.h"
#include "functions.h"
#include "layers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace nt {
namespace {

// The backend choice: the names the helper takes, best first ("auto" lets it choose).
constexpr const char *kBackends[] = {"auto", "kprobe-multi", "kprobe", "fentry", "tracepoint"};
constexpr int kLayerRole = Qt::UserRole;

QStringList splitNames(const QString &text) {
    static const QRegularExpression sep(QStringLiteral("[,\\s]+"));
    return text.split(sep, Qt::SkipEmptyParts);
}

} // namespace

StartDialog::StartDialog(QWidget *parent) : QDialog(parent) {
    auto *layout = new QVBoxLayout(this);
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    layout->addWidget(intro_);
    layout->addLayout(buildCaptureForm());
    layout->addWidget(buildFunctionsBox());
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons_);
    connectSignals();
    retranslateUi();
    validate();
}

// What to record: filter (with its error line), network namespace, nft trace, limits.
QFormLayout *StartDialog::buildCaptureForm() {
    auto *form = new QFormLayout;
    filter_ = new QLineEdit(this);
    filter_->setObjectName(QStringLiteral("startFilter"));
    filter_->setMaxLength(static_cast<int>(kFilterMaxLength));
    filterError_ = new QLabel(this);
    filterError_->setObjectName(QStringLiteral("startFilterError"));
    filterError_->setWordWrap(true);
    filterError_->setStyleSheet(QStringLiteral("color: #c62828;"));
    filterError_->hide();
    auto *filterBox = new QVBoxLayout;
    filterBox->setSpacing(2);
    filterBox->addWidget(filter_);
    filterBox->addWidget(filterError_);
    filterLabel_ = new QLabel(this);
    form->addRow(filterLabel_, filterBox);

    netns_ = new QComboBox(this);
    netns_->setObjectName(QStringLiteral("startNetns"));
    netns_->setEditable(true);
    netns_->addItem(QString());
    // Names the helper accepts are those under /run/netns (ip netns add NAME).
    const QStringList names =
        QDir(QStringLiteral("/run/netns")).entryList(QDir::Files | QDir::System);
    netns_->addItems(names);
    netnsLabel_ = new QLabel(this);
    form->addRow(netnsLabel_, netns_);

    nft_ = new QCheckBox(this);
    nft_->setChecked(true);
    form->addRow(QString(), nft_);

    duration_ = new QSpinBox(this);
    duration_->setRange(0, 24 * 3600);
    duration_->setSingleStep(10);
    durationLabel_ = new QLabel(this);
    form->addRow(durationLabel_, duration_);
    maxPackets_ = new QSpinBox(this);
    maxPackets_->setRange(0, 100'000'000);
    maxPackets_->setSingleStep(1000);
    packetsLabel_ = new QLabel(this);
    form->addRow(packetsLabel_, maxPackets_);
    return form;
}

// Which kernel functions to trace (one page per mode) and with which backend.
QGroupBox *StartDialog::buildFunctionsBox() {
    functionsBox_ = new QGroupBox(this);
    auto *fform = new QFormLayout(functionsBox_);
    mode_ = new QComboBox(functionsBox_);
    mode_->setObjectName(QStringLiteral("startFunctionMode"));
    for (int i = 0; i < 4; ++i) {
        mode_->addItem(QString());
    }
    modeLabel_ = new QLabel(functionsBox_);
    fform->addRow(modeLabel_, mode_);

    pages_ = new QStackedWidget(functionsBox_);
    pages_->addWidget(new QWidget(pages_)); // tracepoints only: nothing to choose
    pages_->addWidget(buildLayersPage());
    pages_->addWidget(buildListPage());
    pages_->addWidget(buildConfigPage());
    fform->addRow(pages_);

    functionCount_ = new QLabel(functionsBox_);
    functionCount_->setObjectName(QStringLiteral("startFunctionCount"));
    functionCount_->setWordWrap(true);
    fform->addRow(functionCount_);

    backend_ = new QComboBox(functionsBox_);
    backend_->setObjectName(QStringLiteral("startBackend"));
    for (const char *name : kBackends) {
        backend_->addItem(QString(), QString::fromLatin1(name));
    }
    backendLabel_ = new QLabel(functionsBox_);
    fform->addRow(backendLabel_, backend_);
    backendInfo_ = new QLabel(functionsBox_);
    backendInfo_->setObjectName(QStringLiteral("startBackendInfo"));
    backendInfo_->setWordWrap(true);
    fform->addRow(backendInfo_);
    return functionsBox_;
}

// The layers × priority choice, with an optional cap on the number of functions.
QWidget *StartDialog::buildLayersPage() {
    auto *layersPage = new QWidget(pages_);
    auto *lform = new QFormLayout(layersPage);
    lform->setContentsMargins(0, 0, 0, 0);
    layers_ = new QListWidget(layersPage);
    layers_->setObjectName(QStringLiteral("startLayers"));
    layers_->setFlow(QListView::LeftToRight);
    layers_->setWrapping(true);
    layers_->setResizeMode(QListView::Adjust);
    layers_->setSpacing(2);
    layers_->setMaximumHeight(96);
    for (int l = 0; l < kLayerCount; ++l) {
        auto *item = new QListWidgetItem(layers_);
        item->setData(kLayerRole, l);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    layersLabel_ = new QLabel(layersPage);
    lform->addRow(layersLabel_, layers_);
    priority_ = new QComboBox(layersPage);
    priority_->setObjectName(QStringLiteral("startPriority"));
    for (int p = kPriorityCritical; p <= kPriorityVerbose; ++p) {
        priority_->addItem(QString(), p);
    }
    priority_->setCurrentIndex(1); // critical and important, as the seed did
    priorityLabel_ = new QLabel(layersPage);
    lform->addRow(priorityLabel_, priority_);
    maxFunctions_ = new QSpinBox(layersPage);
    maxFunctions_->setObjectName(QStringLiteral("startMaxFunctions"));
    maxFunctions_->setRange(0, 100000);
    maxFunctions_->setSingleStep(50);
    maxFunctionsLabel_ = new QLabel(layersPage);
    lform->addRow(maxFunctionsLabel_, maxFunctions_);
    return layersPage;
}

// Kernel functions named in a list.
QWidget *StartDialog::buildListPage() {
    auto *listPage = new QWidget(pages_);
    auto *listForm = new QFormLayout(listPage);
    listForm->setContentsMargins(0, 0, 0, 0);
    functionList_ = new QLineEdit(listPage);
    functionList_->setObjectName(QStringLiteral("startFunctionList"));
    listLabel_ = new QLabel(listPage);
    listForm->addRow(listLabel_, functionList_);
    return listPage;
}

// A trace_config.json file, typed or browsed.
QWidget *StartDialog::buildConfigPage() {
    auto *configPage = new QWidget(pages_);
    auto *configForm = new QFormLayout(configPage);
    configForm->setContentsMargins(0, 0, 0, 0);
    auto *configRow = new QHBoxLayout;
    configPath_ = new QLineEdit(configPage);
    configPath_->setObjectName(QStringLiteral("startConfigPath"));
    browse_ = new QPushButton(configPage);
    configRow->addWidget(configPath_);
    configRow->addWidget(browse_);
    configLabel_ = new QLabel(configPage);
    configForm->addRow(configLabel_, configRow);
    return configPage;
}

// Validation and the function count follow every edit.
void StartDialog::connectSignals() {
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(filter_, &QLineEdit::textChanged, this, &StartDialog::validate);
    connect(mode_, &QComboBox::currentIndexChanged, this, [this](int i) {
        pages_->setCurrentIndex(i);
        updateFunctionInfo();
    });
    connect(layers_, &QListWidget::itemChanged, this, &StartDialog::updateFunctionInfo);
    connect(priority_, &QComboBox::currentIndexChanged, this, &StartDialog::updateFunctionInfo);
    connect(maxFunctions_, &QSpinBox::valueChanged, this, &StartDialog::updateFunctionInfo);
    connect(functionList_, &QLineEdit::textChanged, this, &StartDialog::updateFunctionInfo);
    connect(backend_, &QComboBox::currentIndexChanged, this, &StartDialog::updateFunctionInfo);
    connect(configPath_, &QLineEdit::editingFinished, this, &StartDialog::readConfig);
    connect(browse_, &QPushButton::clicked, this, &StartDialog::browseConfig);
}

QString StartDialog::filterError() const {
    try {
        (void)Filter::parse(filter_->text().trimmed().toStdString());
        return {};
    } catch (const FilterError &e) {
        return e.message();
    }
}

void StartDialog::validate() {
    const QString error = filterError();
    filterError_->setText(error);
    filterError_->setVisible(!error.isEmpty());
    filter_->setStyleSheet(
        error.isEmpty() ? QString()
                        : QStringLiteral("QLineEdit { background: #ffebee; color: black; }"));
    buttons_->button(QDialogButtonBox::Ok)
        ->setEnabled(error.isEmpty() && functionError().isEmpty());
}

QVariantMap StartDialog::options() const {
    QVariantMap o;
    const QString filter = filter_->text().trimmed();
    if (!filter.isEmpty()) {
        o[QStringLiteral("filter")] = filter;
    }
    const QString netns = netns_->currentText().trimmed();
    if (!netns.isEmpty()) {
        o[QStringLiteral("netns")] = netns;
    }
    o[QStringLiteral("nft_trace")] = nft_->isChecked();
    if (duration_->value() > 0) {
        o[QStringLiteral("duration_s")] = static_cast<uint>(duration_->value());
    }
    if (maxPackets_->value() > 0) {
        o[QStringLiteral("max_packets")] = static_cast<qulonglong>(maxPackets_->value());
    }
    const FunctionMode mode = functionMode();
    if (mode == FunctionMode::Tracepoints) {
        return o;
    }
    const QString backend = backend_->currentData().toString();
    if (backend != QLatin1String("auto")) {
        o[QStringLiteral("backend")] = backend;
    }
    switch (mode) {
    case FunctionMode::Layers: {
        const QStringList layers = checkedLayers();
        if (!layers.isEmpty()) { // none checked: every layer
            o[QStringLiteral("layers")] = layers;
        }
        // Always sent: it is what tells this choice from "tracepoints only" when read back.
        o[QStringLiteral("priority")] = priority_->currentData().toUInt();
        if (maxFunctions_->value() > 0) {
            o[QStringLiteral("max_functions")] = static_cast<uint>(maxFunctions_->value());
        }
        break;
    }
    case FunctionMode::List:
        o[QStringLiteral("functions")] = splitNames(functionList_->text());
        break;
    case FunctionMode::Config:
        o[QStringLiteral("function_config")] = QString::fromUtf8(configJson_);
        break;
    case FunctionMode::Tracepoints:
        break;
    }
    return o;
}

QStringList StartDialog::checkedLayers() const {
    QStringList layers;
    for (int i = 0; i < layers_->count(); ++i) {
        const QListWidgetItem *item = layers_->item(i);
        if (item->checkState() == Qt::Checked) {
            layers << QString::fromLatin1(
                layerName(static_cast<Layer>(item->data(kLayerRole).toInt())));
        }
    }
    return layers;
}

StartDialog::FunctionMode StartDialog::functionMode() const {
    return static_cast<FunctionMode>(mode_->currentIndex());
}

void StartDialog::setFunctionMode(FunctionMode mode) {
    mode_->setCurrentIndex(static_cast<int>(mode));
}

QString StartDialog::functionError() const {
    switch (functionMode()) {
    case FunctionMode::List:
        return splitNames(functionList_->text()).isEmpty()
                   ? tr("Name at least one kernel function.")
                   : QString();
    case FunctionMode::Config:
        if (configError_.isEmpty() && configJson_.isEmpty()) {
            return tr("Choose a trace_config.json file.");
        }
        return configError_;
    case FunctionMode::Tracepoints:
    case FunctionMode::Layers:
        break;
    }
    return {};
}

int StartDialog::selectedFunctionCount() const {
    if (!capsKnown_ || functionCounts_.isEmpty()) {
        return -1;
    }
    const QStringList layers = checkedLayers();
    const int maxPriority = priority_->currentData().toInt();
    int n = 0;
    for (auto it = functionCounts_.begin(); it != functionCounts_.end(); ++it) {
        const qsizetype slash = it.key().lastIndexOf(QLatin1Char('/'));
        const QString layer = it.key().left(slash);
        const int priority = it.key().mid(slash + 1).toInt();
        if (priority <= maxPriority && (layers.isEmpty() || layers.contains(layer))) {
            n += it.value().toInt();
        }
    }
    if (maxFunctions_->value() > 0) {
        n = std::min(n, maxFunctions_->value());
    }
    return n;
}

void StartDialog::setCapabilities(const QVariantMap &caps) {
    capsKnown_ = true;
    capsError_.clear();
    functionCounts_ = caps.value(QStringLiteral("function_counts")).toMap();
    functionBackends_ = caps.value(QStringLiteral("function_backends")).toStringList();
    unavailable_ = caps.value(QStringLiteral("unavailable")).toMap();
    // A backend this kernel lacks cannot be chosen; its reason is its tooltip and is listed.
    auto *model = qobject_cast<QStandardItemModel *>(backend_->model());
    for (int i = 0; i < backend_->count(); ++i) {
        const QString name = backend_->itemData(i).toString();
        const bool function = name != QLatin1String("auto") && name != QLatin1String("tracepoint");
        const bool usable = !function || functionBackends_.contains(name);
        if (model) {
            model->item(i)->setEnabled(usable);
        }
        backend_->setItemData(i, usable ? QVariant() : unavailable_.value(name), Qt::ToolTipRole);
    }
    if (!functionBackends_.contains(backend_->currentData().toString()) &&
        backend_->currentData().toString() != QLatin1String("tracepoint")) {
        backend_->setCurrentIndex(0);
    }
    updateFunctionInfo();
}

void StartDialog::setCapabilitiesError(const QString &message) {
    capsKnown_ = false;
    capsError_ = message;
    updateFunctionInfo();
}

void StartDialog::readConfig() {
    configJson_.clear();
    configError_.clear();
    configFunctions_ = 0;
    const QString path = configPath_->text().trimmed();
    if (path.isEmpty()) {
        configError_ = tr("Choose a trace_config.json file.");
    } else {
        // Read here, as the user: the helper takes the content, never a path.
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            configError_ = tr("Cannot read %1: %2").arg(path, file.errorString());
        } else {
            configJson_ = file.readAll();
            try {
                const FunctionConfig config = parseFunctionConfig(configJson_, path);
                for (const FunctionConfigEntry &e : config.functions) {
                    configFunctions_ += e.enabled ? 1 : 0;
                }
            } catch (const Error &e) {
                configError_ = e.message();
                configJson_.clear();
            }
        }
    }
    updateFunctionInfo();
}

void StartDialog::browseConfig() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Kernel function configuration"), configPath_->text(),
                                     tr("Function configurations (*.json);;All files (*)"));
    if (!path.isEmpty()) {
        configPath_->setText(path);
        readConfig();
    }
}

void StartDialog::updateFunctionInfo() {
    const FunctionMode mode = functionMode();
    const bool functions = mode != FunctionMode::Tracepoints;
    backend_->setEnabled(functions);
    backendLabel_->setEnabled(functions);
    QString count;
    switch (mode) {
    case FunctionMode::Tracepoints:
        count = tr("Only the kernel's networking tracepoints are traced (about 20 probes).");
        break;
    case FunctionMode::Layers: {
        const int n = selectedFunctionCount();
        if (n >= 0) {
            count = tr("%1 kernel functions on this kernel, besides the tracepoints.").arg(n);
        } else if (!capsError_.isEmpty()) {
            count = tr("How many functions this is on this kernel is unknown: %1").arg(capsError_);
        } else {
            count = tr("Asking the helper how many functions this is on this kernel…");
        }
        break;
    }
    case FunctionMode::List: {
        const qsizetype n = splitNames(functionList_->text()).size();
        count = n > 0 ? tr("%1 kernel functions named; names this kernel lacks are skipped.").arg(n)
                      : tr("Name at least one kernel function.");
        break;
    }
    case FunctionMode::Config:
        count = !functionError().isEmpty()
                    ? functionError()
                    : tr("%1 enabled functions in the file; names this kernel lacks are skipped.")
                          .arg(configFunctions_);
        break;
    }
    functionCount_->setText(count);

    QStringList lines;
    if (capsKnown_) {
        for (const char *name : kBackends) {
            const QString key = QString::fromLatin1(name);
            if (unavailable_.contains(key)) {
                lines << tr("%1 is unavailable: %2").arg(key, unavailable_.value(key).toString());
            }
        }
        if (functions && functionBackends_.isEmpty() &&
            backend_->currentData().toString() != QLatin1String("tracepoint")) {
            lines.prepend(tr("This kernel offers no way to trace kernel functions; the helper "
                             "will refuse. Choose tracepoints only."));
        }
    } else if (!capsError_.isEmpty()) {
        lines << tr("Which backends this kernel offers is unknown: %1").arg(capsError_);
    }
    backendInfo_->setText(lines.join(QLatin1Char('\n')));
    backendInfo_->setVisible(!lines.isEmpty());
    validate();
}

void StartDialog::setOptions(const QVariantMap &o) {
    filter_->setText(o.value(QStringLiteral("filter")).toString());
    netns_->setCurrentText(o.value(QStringLiteral("netns")).toString());
    nft_->setChecked(o.value(QStringLiteral("nft_trace"), true).toBool());
    duration_->setValue(o.value(QStringLiteral("duration_s")).toInt());
    maxPackets_->setValue(o.value(QStringLiteral("max_packets")).toInt());

    const QString backend = o.value(QStringLiteral("backend"), QStringLiteral("auto")).toString();
    const int b = backend_->findData(backend);
    backend_->setCurrentIndex(b >= 0 ? b : 0);
    const QStringList layers = o.value(QStringLiteral("layers")).toStringList();
    for (int i = 0; i < layers_->count(); ++i) {
        QListWidgetItem *item = layers_->item(i);
        const QString name =
            QString::fromLatin1(layerName(static_cast<Layer>(item->data(kLayerRole).toInt())));
        item->setCheckState(layers.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    const int p = priority_->findData(o.value(QStringLiteral("priority"), 1).toInt());
    priority_->setCurrentIndex(p >= 0 ? p : 1);
    maxFunctions_->setValue(o.value(QStringLiteral("max_functions")).toInt());
    functionList_->setText(
        o.value(QStringLiteral("functions")).toStringList().join(QStringLiteral(", ")));
    configPath_->setText(o.value(QStringLiteral("function_config_path")).toString());
    FunctionMode mode = FunctionMode::Tracepoints;
    if (o.contains(QStringLiteral("function_config_path"))) {
        mode = FunctionMode::Config;
        readConfig();
    } else if (o.contains(QStringLiteral("functions"))) {
        mode = FunctionMode::List;
    } else if (o.contains(QStringLiteral("priority")) || o.contains(QStringLiteral("layers")) ||
               o.contains(QStringLiteral("max_functions"))) {
        mode = FunctionMode::Layers;
    }
    setFunctionMode(mode);
    updateFunctionInfo();
}

void StartDialog::load() {
    QSettings s;
    s.beginGroup(QStringLiteral("start"));
    QVariantMap o;
    for (const QString &k : s.childKeys()) {
        o[k] = s.value(k);
    }
    s.endGroup();
    setOptions(o);
}

void StartDialog::save() const {
    QSettings s;
    s.remove(QStringLiteral("start"));
    s.beginGroup(QStringLiteral("start"));
    QVariantMap o = options();
    // The file is read again next time: it may have changed, and settings stay small.
    if (o.remove(QStringLiteral("function_config")) > 0) {
        o[QStringLiteral("function_config_path")] = configPath_->text().trimmed();
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        s.setValue(it.key(), it.value());
    }
    s.endGroup();
}

void StartDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // The button box resets its standard buttons' text on its own LanguageChange, which
        // may come after ours: name the Start button again once it has.
        QTimer::singleShot(
            0, this, [this] { buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Start")); });
    }
    QDialog::changeEvent(event);
}

void StartDialog::retranslateUi() {
    setWindowTitle(tr("Start Trace"));
    intro_->setText(tr("Traces packets through the kernel of this machine with the nft-tracer "
                       "helper. You will be asked to authenticate."));
    filterLabel_->setText(tr("&Filter:"));
    filterLabel_->setBuddy(filter_);
    filter_->setPlaceholderText(tr("all packets (e.g. tcp port 443 or icmp)"));
    netnsLabel_->setText(tr("&Network namespace:"));
    netnsLabel_->setBuddy(netns_);
    netns_->setToolTip(tr("A name under /run/netns (ip netns add NAME); empty: the helper's own"));
    nft_->setText(tr("Trace &nftables rule evaluation (adds a trace rule to the ruleset)"));
    durationLabel_->setText(tr("Stop after (&seconds):"));
    durationLabel_->setBuddy(duration_);
    duration_->setSpecialValueText(tr("no limit"));
    packetsLabel_->setText(tr("Stop after (&packets):"));
    packetsLabel_->setBuddy(maxPackets_);
    maxPackets_->setSpecialValueText(tr("no limit"));
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Start"));

    functionsBox_->setTitle(tr("Kernel functions"));
    modeLabel_->setText(tr("&Trace:"));
    modeLabel_->setBuddy(mode_);
    mode_->setItemText(0, tr("Tracepoints only"));
    mode_->setItemText(1, tr("Kernel functions by layer and priority"));
    mode_->setItemText(2, tr("A list of kernel functions"));
    mode_->setItemText(3, tr("A function configuration file (trace_config.json)"));
    mode_->setToolTip(tr("Besides the tracepoints, trace every kernel function that takes the "
                         "packet (struct sk_buff), found in this kernel's BTF"));
    layersLabel_->setText(tr("La&yers:"));
    layersLabel_->setBuddy(layers_);
    layers_->setToolTip(tr("None checked: every layer"));
    for (int i = 0; i < layers_->count(); ++i) {
        layers_->item(i)->setText(
            layerDisplayName(static_cast<Layer>(layers_->item(i)->data(kLayerRole).toInt())));
    }
    priorityLabel_->setText(tr("&Priority up to:"));
    priorityLabel_->setBuddy(priority_);
    priority_->setItemText(0, tr("0: critical (the main entry of each layer)"));
    priority_->setItemText(1, tr("1: important"));
    priority_->setItemText(2, tr("2: detail"));
    priority_->setItemText(3, tr("3: verbose (everything)"));
    maxFunctionsLabel_->setText(tr("At &most:"));
    maxFunctionsLabel_->setBuddy(maxFunctions_);
    maxFunctions_->setSpecialValueText(tr("no limit"));
    maxFunctions_->setSuffix(tr(" functions"));
    listLabel_->setText(tr("F&unctions:"));
    listLabel_->setBuddy(functionList_);
    functionList_->setPlaceholderText(tr("e.g. ip_rcv, ip_local_deliver, tcp_v4_rcv"));
    configLabel_->setText(tr("&File:"));
    configLabel_->setBuddy(configPath_);
    configPath_->setPlaceholderText(tr("trace_config.json (from 'nft-tracer-cli discover "
                                       "--config' or the earlier tracer)"));
    browse_->setText(tr("&Browse…"));
    backendLabel_->setText(tr("&Backend:"));
    backendLabel_->setBuddy(backend_);
    backend_->setItemText(0, tr("Automatic (the best this kernel offers)"));
    backend_->setItemText(1, tr("kprobe.multi (fastest to attach)"));
    backend_->setItemText(2, tr("kprobe"));
    backend_->setItemText(3, tr("fentry"));
    backend_->setItemText(4, tr("Tracepoints (no kernel functions)"));
    updateFunctionInfo();
}

} // namespace nt
