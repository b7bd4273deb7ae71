#include "live_budget_dialog.h"

#include "trace_document.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace nt {

namespace {

const QString kKey = QStringLiteral("liveBudgetMiB");
constexpr uint64_t kMiB = uint64_t{1024} * 1024;
// The spin box's top: 1 TiB, far above any machine this runs on; the value is what it is.
constexpr int kMaxMiB = 1024 * 1024;

} // namespace

LiveBudgetDialog::LiveBudgetDialog(QWidget *parent) : QDialog(parent) {
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    automatic_ = new QCheckBox(this);
    size_ = new QSpinBox(this);
    size_->setRange(kMinMiB, kMaxMiB);
    size_->setSingleStep(256);
    size_->setSuffix(QStringLiteral(" MiB"));
    sizeLabel_ = new QLabel(this);
    sizeLabel_->setBuddy(size_);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(automatic_, &QCheckBox::toggled, size_, &QWidget::setDisabled);

    auto *form = new QFormLayout;
    form->addRow(automatic_);
    form->addRow(sizeLabel_, size_);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro_);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons_);

    setChoiceMiB(storedMiB());
    retranslateUi();
}

uint64_t LiveBudgetDialog::choiceMiB() const {
    return automatic_->isChecked() ? 0 : static_cast<uint64_t>(size_->value());
}

void LiveBudgetDialog::setChoiceMiB(uint64_t mib) {
    automatic_->setChecked(mib == 0);
    size_->setEnabled(mib != 0);
    // Automatic shows what it means now, as the starting point of a size of one's own.
    const uint64_t shown = mib != 0 ? mib : budgetBytes(0) / kMiB;
    size_->setValue(static_cast<int>(std::clamp<uint64_t>(shown, kMinMiB, kMaxMiB)));
}

uint64_t LiveBudgetDialog::storedMiB() {
    const qulonglong mib = QSettings().value(kKey, 0).toULongLong();
    return mib == 0 ? 0 : std::clamp<uint64_t>(mib, kMinMiB, kMaxMiB);
}

void LiveBudgetDialog::store(uint64_t mib) {
    if (mib == 0) {
        QSettings().remove(kKey);
    } else {
        QSettings().setValue(kKey, static_cast<qulonglong>(mib));
    }
}

uint64_t LiveBudgetDialog::budgetBytes(uint64_t mib) {
    return mib == 0 ? TraceDocument::defaultLiveBudget() : mib * kMiB;
}

void LiveBudgetDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void LiveBudgetDialog::retranslateUi() {
    setWindowTitle(tr("Live Trace Memory"));
    intro_->setText(tr("A live trace keeps its journeys in memory up to this size. Beyond it the "
                       "oldest journeys leave the view; they stay in the trace that File ▸ Save "
                       "As writes. Takes effect when the next live trace starts."));
    automatic_->setText(
        tr("Automatic: a quarter of the available memory (64 MiB to 4 GiB), now %1 MiB")
            .arg(budgetBytes(0) / kMiB));
    sizeLabel_->setText(tr("&Memory:"));
}

} // namespace nt
