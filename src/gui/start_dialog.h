// The Start Trace dialog: filter (checked as you type), network namespace, nft tracing and
// limits; produces the options of the helper's StartTrace call.
#pragma once

#include <QDialog>
#include <QVariantMap>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace nt {

class StartDialog : public QDialog {
    Q_OBJECT
public:
    explicit StartDialog(QWidget *parent = nullptr);

    // "filter", "netns", "nft_trace", "duration_s", "max_packets" as the helper expects.
    QVariantMap options() const;
    void setOptions(const QVariantMap &options);
    // Empty when the filter parses.
    QString filterError() const;

    // Remembered between runs (QSettings group "start").
    void load();
    void save() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();

    QLineEdit *filter_ = nullptr;
    QLabel *filterError_ = nullptr;
    QComboBox *netns_ = nullptr;
    QCheckBox *nft_ = nullptr;
    QSpinBox *duration_ = nullptr;
    QSpinBox *maxPackets_ = nullptr;
    QLabel *filterLabel_ = nullptr, *netnsLabel_ = nullptr, *durationLabel_ = nullptr,
           *packetsLabel_ = nullptr, *intro_ = nullptr;
    QDialogButtonBox *buttons_ = nullptr;
};

} // namespace nt
