// The ruleset tree view: a searchable tree over RulesetModel.
#include "ruleset_view.h"

#include "ruleset_model.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QResizeEvent>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace nt {

RulesetView::RulesetView(QWidget *parent) : QWidget(parent) {
    model_ = new RulesetModel(this);
    model_->setPalette(palette());
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setRecursiveFilteringEnabled(true);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(RulesetModel::NameColumn);

    search_ = new QLineEdit(this);
    search_->setClearButtonEnabled(true);
    connect(search_, &QLineEdit::textChanged, this, [this](const QString &text) {
        proxy_->setFilterFixedString(text);
        tree_->expandAll();
    });

    tree_ = new QTreeView(this);
    tree_->setModel(proxy_);
    tree_->setUniformRowHeights(true);
    tree_->setAlternatingRowColors(true);
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->setSelectionBehavior(QAbstractItemView::SelectRows);
    tree_->header()->setStretchLastSection(true);
    tree_->header()->setSectionResizeMode(RulesetModel::NameColumn, QHeaderView::Interactive);
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });

    placeholder_ = new QLabel(this);
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setWordWrap(true);
    placeholder_->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(search_);
    layout->addWidget(tree_, 1);
    layout->addWidget(placeholder_, 1);

    search_->setPlaceholderText(tr("Filter rules…"));
    search_->setAccessibleName(tr("Filter rules"));
    tree_->setAccessibleName(tr("Ruleset"));
    setAccessibleName(tr("Ruleset"));
    updatePlaceholder();
}

void RulesetView::setTrace(const Trace *trace, const Assembler *assembler) {
    trace_ = trace;
    asm_ = trace ? assembler : nullptr;
    if (!model_->setRulesetJson(trace ? QString::fromStdString(trace->rulesetJson) : QString())) {
        placeholder_->setText(tr("The ruleset saved in this trace could not be read."));
    }
    model_->setHits(asm_);
    tree_->expandAll();
    fitColumns();
    updatePlaceholder();
}

void RulesetView::refreshHits() {
    model_->setHits(asm_);
    fitColumns();
}

void RulesetView::fitColumns() {
    for (int c = 0; c < RulesetModel::ColumnCount - 1; ++c) {
        tree_->resizeColumnToContents(c);
    }
    QHeaderView *header = tree_->header();
    const int fixed = header->sectionSize(RulesetModel::HandleColumn) +
                      header->sectionSize(RulesetModel::HitsColumn);
    const int width = tree_->viewport()->width();
    if (header->sectionSize(RulesetModel::NameColumn) + fixed > width) {
        header->resizeSection(RulesetModel::NameColumn, std::max(width - fixed, width * 2 / 5));
    }
}

void RulesetView::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    if (trace_ != nullptr) {
        fitColumns();
    }
}

void RulesetView::selectRule(const QString &family, const QString &table, const QString &chain,
                             quint64 handle) {
    const QModelIndex src = handle ? model_->findRule(family, table, chain, handle)
                                   : model_->findChain(family, table, chain);
    const QModelIndex idx = proxy_->mapFromSource(src);
    if (idx.isValid()) {
        tree_->setCurrentIndex(idx);
        tree_->scrollTo(idx);
    }
}

void RulesetView::onCurrentChanged(const QModelIndex &current) {
    const QModelIndex src = proxy_->mapToSource(current);
    if (!src.isValid()) {
        return;
    }
    const int kind = src.data(RulesetModel::KindRole).toInt();
    if (kind == RulesetModel::TableNode) {
        return;
    }
    Q_EMIT ruleSelected(
        src.data(RulesetModel::FamilyRole).toString(), src.data(RulesetModel::TableRole).toString(),
        src.data(RulesetModel::ChainRole).toString(),
        kind == RulesetModel::RuleNode ? src.data(RulesetModel::HandleRole).toULongLong() : 0);
}

void RulesetView::updatePlaceholder() {
    const bool empty = model_->rowCount() == 0;
    if (empty && placeholder_->text().isEmpty()) {
        placeholder_->setText(trace_ ? tr("The trace holds no nftables ruleset.")
                                     : tr("Open a trace to see its nftables ruleset."));
    }
    if (!empty) {
        placeholder_->clear();
    }
    placeholder_->setVisible(empty);
    tree_->setVisible(!empty);
    search_->setEnabled(!empty);
}

void RulesetView::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        model_->setPalette(palette());
    } else if (event->type() == QEvent::LanguageChange) {
        search_->setPlaceholderText(tr("Filter rules…"));
        search_->setAccessibleName(tr("Filter rules"));
        tree_->setAccessibleName(tr("Ruleset"));
        setAccessibleName(tr("Ruleset"));
        placeholder_->clear();
        updatePlaceholder();
    }
}

} // namespace nt
