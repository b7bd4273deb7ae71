// StartDialog: the form, its validation and its remembered values.
#include "start_dialog.h"

#include "filter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace nt {

StartDialog::StartDialog(QWidget *parent) : QDialog(parent) {
    auto *layout = new QVBoxLayout(this);
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    layout->addWidget(intro_);
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
    layout->addLayout(form);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(filter_, &QLineEdit::textChanged, this, &StartDialog::validate);
    retranslateUi();
    validate();
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
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
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
    return o;
}

void StartDialog::setOptions(const QVariantMap &o) {
    filter_->setText(o.value(QStringLiteral("filter")).toString());
    netns_->setCurrentText(o.value(QStringLiteral("netns")).toString());
    nft_->setChecked(o.value(QStringLiteral("nft_trace"), true).toBool());
    duration_->setValue(o.value(QStringLiteral("duration_s")).toInt());
    maxPackets_->setValue(o.value(QStringLiteral("max_packets")).toInt());
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
    const QVariantMap o = options();
    for (auto it = o.begin(); it != o.end(); ++it) {
        s.setValue(it.key(), it.value());
    }
    s.endGroup();
}

void StartDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
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
    validate();
}

} // namespace nt
