// Settings ▸ Live Trace Memory: how much memory a live trace may hold before its oldest journeys
// leave the view (TraceDocument::setLiveBudget). Automatic (a quarter of the available memory)
// or a size in MiB, kept in QSettings ("liveBudgetMiB", 0 or absent: automatic).
#pragma once

#include <QDialog>

#include <cstdint>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace nt {

class LiveBudgetDialog : public QDialog {
    Q_OBJECT
public:
    explicit LiveBudgetDialog(QWidget *parent = nullptr);

    // 0: automatic; else MiB. The dialog starts with the stored choice.
    uint64_t choiceMiB() const;
    void setChoiceMiB(uint64_t mib);

    // The stored choice, and the bytes it means now (automatic: TraceDocument's default).
    static uint64_t storedMiB();
    static void store(uint64_t mib);
    static uint64_t budgetBytes(uint64_t mib);

    static constexpr int kMinMiB = 64;

    QCheckBox *automaticBox() const { return automatic_; }
    QSpinBox *sizeBox() const { return size_; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *intro_ = nullptr;
    QCheckBox *automatic_ = nullptr;
    QLabel *sizeLabel_ = nullptr;
    QSpinBox *size_ = nullptr;
    QDialogButtonBox *buttons_ = nullptr;
};

} // namespace nt
