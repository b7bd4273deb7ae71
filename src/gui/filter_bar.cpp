// FilterBar: parse as you type, apply on Enter or after a pause.
#include "filter_bar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace nt {

FilterBar::FilterBar(QWidget *parent) : QWidget(parent) {
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 2);
    outer->setSpacing(2);
    auto *row = new QHBoxLayout;
    row->setSpacing(6);
    edit_ = new QLineEdit(this);
    edit_->setObjectName(QStringLiteral("filterEdit"));
    edit_->setClearButtonEnabled(true);
    row->addWidget(edit_, 1);

    ruleTag_ = new QWidget(this);
    ruleTag_->setObjectName(QStringLiteral("ruleTag"));
    auto *tagLayout = new QHBoxLayout(ruleTag_);
    tagLayout->setContentsMargins(6, 0, 0, 0);
    tagLayout->setSpacing(2);
    ruleLabel_ = new QLabel(ruleTag_);
    ruleClear_ = new QToolButton(ruleTag_);
    ruleClear_->setAutoRaise(true);
    ruleClear_->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    tagLayout->addWidget(ruleLabel_);
    tagLayout->addWidget(ruleClear_);
    ruleTag_->setStyleSheet(QStringLiteral(
        "#ruleTag { background: palette(alternate-base); border: 1px solid palette(mid); "
        "border-radius: 4px; }"));
    ruleTag_->hide();
    row->addWidget(ruleTag_);

    counts_ = new QLabel(this);
    counts_->setObjectName(QStringLiteral("filterCounts"));
    row->addWidget(counts_);
    outer->addLayout(row);

    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("filterError"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setStyleSheet(QStringLiteral("color: #c62828;"));
    error_->hide();
    outer->addWidget(error_);

    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(400);
    connect(debounce_, &QTimer::timeout, this, [this] { check(true); });
    connect(edit_, &QLineEdit::textChanged, this, [this] {
        check(false);
        debounce_->start();
    });
    connect(edit_, &QLineEdit::returnPressed, this, &FilterBar::apply);
    connect(ruleClear_, &QToolButton::clicked, this, [this] {
        setRuleLabel(QString());
        Q_EMIT ruleFilterCleared();
    });
    retranslateUi();
}

QString FilterBar::text() const {
    return edit_->text();
}

void FilterBar::setText(const QString &text) {
    edit_->setText(text);
    apply();
}

void FilterBar::apply() {
    debounce_->stop();
    check(true);
    if (errorColumn_ > 0 && !error_->isHidden()) {
        // Enter on a bad filter: the cursor goes to the offending character (column counts
        // bytes of the UTF-8 text). Never while typing: it would move under the user's hands.
        const QByteArray utf8 = edit_->text().toUtf8().left(errorColumn_ - 1);
        edit_->setCursorPosition(static_cast<int>(QString::fromUtf8(utf8).size()));
    }
}

QString FilterBar::errorText() const {
    return error_->isHidden() ? QString() : error_->text();
}

void FilterBar::check(bool emitWhenValid) {
    const QString text = edit_->text().trimmed();
    try {
        const Filter f = Filter::parse(text.toStdString());
        showError(QString(), 0);
        if (emitWhenValid && text != applied_) {
            applied_ = text;
            Q_EMIT filterChanged(f);
        }
    } catch (const FilterError &e) {
        showError(e.message(), e.column());
    }
}

void FilterBar::showError(const QString &message, int column) {
    errorColumn_ = column;
    error_->setText(message);
    error_->setVisible(!message.isEmpty());
    if (message.isEmpty()) {
        edit_->setStyleSheet(
            edit_->text().trimmed().isEmpty()
                ? QString()
                : QStringLiteral("QLineEdit { background: #e8f5e9; color: black; }"));
        return;
    }
    edit_->setStyleSheet(QStringLiteral("QLineEdit { background: #ffebee; color: black; }"));
}

void FilterBar::setRuleLabel(const QString &label) {
    ruleLabel_->setText(label);
    ruleTag_->setVisible(!label.isEmpty());
}

void FilterBar::setCounts(qsizetype visible, qsizetype total) {
    visible_ = visible;
    total_ = total;
    if (visible == total) {
        counts_->setText(total == 1 ? tr("1 packet") : tr("%1 packets").arg(total));
    } else {
        counts_->setText(total == 1 ? tr("%1 of 1 packet").arg(visible)
                                    : tr("%1 of %2 packets").arg(visible).arg(total));
    }
}

void FilterBar::focusFilter() {
    edit_->setFocus(Qt::ShortcutFocusReason);
    edit_->selectAll();
}

void FilterBar::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void FilterBar::retranslateUi() {
    edit_->setPlaceholderText(
        tr("Filter packets: e.g. tcp port 8080, host 10.0.0.2 and not icmp (Enter applies)"));
    edit_->setToolTip(tr("The recorder's filter language: host, net, port, portrange, tcp, udp, "
                         "icmp, icmp6, ip, ip6, ifindex, mark, and, or, not, parentheses"));
    ruleClear_->setToolTip(tr("Show the packets of every rule again"));
    setCounts(visible_, total_);
    if (!error_->isHidden()) {
        check(false);
    }
}

} // namespace nt
