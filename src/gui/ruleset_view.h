// The ruleset tree with per-rule packet counts; selecting a rule or chain announces it.
#pragma once

#include "assembler.h"
#include "trace.h"

#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace nt {

class RulesetModel;

class RulesetView : public QWidget {
    Q_OBJECT
public:
    explicit RulesetView(QWidget *parent = nullptr);

    // Builds the tree from Trace::rulesetJson and counts the assembler's hits; nullptr clears.
    void setTrace(const nt::Trace *trace, const nt::Assembler *assembler);
    RulesetModel *model() const { return model_; }
    QTreeView *treeView() const { return tree_; }

public Q_SLOTS:
    // Recounts hits (live traces: after new nft records were assembled).
    void refreshHits();
    // Selects and shows a rule (handle 0: the chain), e.g. from the journey detail pane.
    void selectRule(const QString &family, const QString &table, const QString &chain,
                    quint64 handle);

Q_SIGNALS:
    // A rule (handle > 0) or a whole chain (handle 0) was selected.
    void ruleSelected(QString family, QString table, QString chain, quint64 handle);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // Sizes the columns to their content; when the view is too narrow for all of them, the
    // rule text gives way first, so handles and packet counts always show whole.
    void fitColumns();
    void onCurrentChanged(const QModelIndex &current);
    void updatePlaceholder();

    const Trace *trace_ = nullptr;
    const Assembler *asm_ = nullptr;
    RulesetModel *model_ = nullptr;
    QSortFilterProxyModel *proxy_ = nullptr;
    QTreeView *tree_ = nullptr;
    QLineEdit *search_ = nullptr;
    QLabel *placeholder_ = nullptr;
};

} // namespace nt
