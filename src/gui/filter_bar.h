// The filter bar above the packet list: the recorder's filter language, checked as you type,
// errors shown inline with their column; and the rule filter set from the ruleset tree.
#pragma once

#include "filter.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace nt {

class FilterBar : public QWidget {
    Q_OBJECT
public:
    explicit FilterBar(QWidget *parent = nullptr);

    QString text() const;
    // Sets the text and applies it at once.
    void setText(const QString &text);
    // Applies the text now (as Enter does): filterChanged() when it parses, else the error.
    void apply();
    // The error shown under the field, empty when the text parses.
    QString errorText() const;
    int errorColumn() const { return errorColumn_; }

    // Shows the active rule filter as a removable tag ("" hides it).
    void setRuleLabel(const QString &label);
    void setCounts(qsizetype visible, qsizetype total);
    void focusFilter();

Q_SIGNALS:
    void filterChanged(const nt::Filter &filter);
    void ruleFilterCleared();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void check(bool emitWhenValid);
    void showError(const QString &message, int column);

    QLineEdit *edit_ = nullptr;
    QLabel *error_ = nullptr;
    QLabel *counts_ = nullptr;
    QWidget *ruleTag_ = nullptr;
    QLabel *ruleLabel_ = nullptr;
    QToolButton *ruleClear_ = nullptr;
    QTimer *debounce_ = nullptr;
    QString applied_;
    int errorColumn_ = 0;
    qsizetype visible_ = 0, total_ = 0;
};

} // namespace nt
