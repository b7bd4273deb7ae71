// The Start Trace dialog: filter (checked as you type), network namespace, nft tracing, limits,
// and which kernel functions to trace with which backend; produces the options of the helper's
// StartTrace call.
#pragma once

#include <QByteArray>
#include <QDialog>
#include <QVariantMap>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace nt {

class StartDialog : public QDialog {
    Q_OBJECT
public:
    // What to trace besides nothing: the order of the "Trace" choice.
    enum class FunctionMode { Tracepoints, Layers, List, Config };

    explicit StartDialog(QWidget *parent = nullptr);

    // "filter", "netns", "nft_trace", "duration_s", "max_packets", and for kernel functions
    // "backend", "layers" + "priority" + "max_functions", "functions" or "function_config" (the
    // file's content), as the helper expects.
    QVariantMap options() const;
    // Also takes "function_config_path" (a file to read), which save() keeps instead of the
    // content.
    void setOptions(const QVariantMap &options);
    // Empty when the filter parses.
    QString filterError() const;
    // Empty when the kernel function choice can be sent (a readable, valid config file; a
    // non-empty list).
    QString functionError() const;

    // The helper's Capabilities(): function backends (and why the others are unavailable) and
    // how many functions this kernel has per layer and priority.
    void setCapabilities(const QVariantMap &capabilities);
    // The helper could not be asked: counts and backends stay unknown, with this reason.
    void setCapabilitiesError(const QString &message);
    // Functions the layers × priority choice traces on this kernel; -1 while unknown.
    int selectedFunctionCount() const;

    FunctionMode functionMode() const;
    void setFunctionMode(FunctionMode mode);

    // Remembered between runs (QSettings group "start").
    void load();
    void save() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    // Construction, by part of the form.
    QFormLayout *buildCaptureForm();
    QGroupBox *buildFunctionsBox();
    QWidget *buildLayersPage();
    QWidget *buildListPage();
    QWidget *buildConfigPage();
    void connectSignals();
    void retranslateUi();
    void validate();
    void updateFunctionInfo();
    void readConfig();
    void browseConfig();
    // Stable names of the checked layers (none: every layer).
    QStringList checkedLayers() const;

    QLineEdit *filter_ = nullptr;
    QLabel *filterError_ = nullptr;
    QComboBox *netns_ = nullptr;
    QCheckBox *nft_ = nullptr;
    QSpinBox *duration_ = nullptr;
    QSpinBox *maxPackets_ = nullptr;
    QLabel *filterLabel_ = nullptr, *netnsLabel_ = nullptr, *durationLabel_ = nullptr,
           *packetsLabel_ = nullptr, *intro_ = nullptr;

    // Kernel functions.
    QGroupBox *functionsBox_ = nullptr;
    QComboBox *mode_ = nullptr;
    QStackedWidget *pages_ = nullptr;
    QLabel *modeLabel_ = nullptr, *layersLabel_ = nullptr, *priorityLabel_ = nullptr,
           *maxFunctionsLabel_ = nullptr, *listLabel_ = nullptr, *configLabel_ = nullptr,
           *backendLabel_ = nullptr;
    QListWidget *layers_ = nullptr;
    QComboBox *priority_ = nullptr;
    QSpinBox *maxFunctions_ = nullptr;
    QLabel *functionCount_ = nullptr;
    QLineEdit *functionList_ = nullptr;
    QLineEdit *configPath_ = nullptr;
    QPushButton *browse_ = nullptr;
    QComboBox *backend_ = nullptr;
    QLabel *backendInfo_ = nullptr;

    QByteArray configJson_;   // the config file's content, as read
    QString configError_;     // why it cannot be used
    int configFunctions_ = 0; // its enabled entries
    bool capsKnown_ = false;
    QString capsError_;
    QVariantMap functionCounts_;   // "Layer/priority" -> count
    QStringList functionBackends_; // usable on this kernel
    QVariantMap unavailable_;      // backend -> why not

    QDialogButtonBox *buttons_ = nullptr;
};

} // namespace nt
