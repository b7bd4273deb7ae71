// The nftables ruleset as a tree (tables → chains → rules) with how many traced packets each
// rule and chain policy judged, by verdict.
#pragma once

#include "assembler.h"

#include <QAbstractItemModel>
#include <QPalette>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <utility>
#include <vector>

namespace nt {

class RulesetModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, HandleColumn, HitsColumn, DetailsColumn, ColumnCount };
    enum Kind { TableNode, ChainNode, RuleNode };
    enum Role {
        KindRole = Qt::UserRole + 1, // Kind
        FamilyRole,                  // "inet"
        TableRole,                   // "fw"
        ChainRole,                   // "input" (chains and rules)
        HandleRole,                  // quint64: rule handle; chains: chain handle
        HitCountRole,                // int: packets judged (rules), by the policy (chains)
        HitsRole,                    // QVariantList of {verdict (int), count (int)} maps
        RuleTextRole,                // rules: the nft text without the handle
        DominantVerdictRole,         // int verdict code with the most packets, or invalid
    };

    explicit RulesetModel(QObject *parent = nullptr);

    // libnftables JSON ({"nftables": [...]}). Returns false (and clears) when it does not parse;
    // an empty string is a valid, empty ruleset.
    bool setRulesetJson(const QString &json);
    // Counts the assembler's nft steps (not hidden ones) per rule and per chain policy: the
    // journeys they judged, grouped by verdict. nullptr clears the counts.
    void setHits(const Assembler *assembler);
    // Verdict colours of the hits column follow the view's palette (dark or light).
    void setPalette(const QPalette &palette);

    // The rule's node, or an invalid index.
    QModelIndex findRule(const QString &family, const QString &table, const QString &chain,
                         uint64_t handle) const;
    QModelIndex findChain(const QString &family, const QString &table, const QString &chain) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Node {
        Kind kind = TableNode;
        int parent = -1; // index in nodes_, -1 for tables
        int row = 0;
        std::vector<int> children;
        QString family, table, chain;
        uint64_t handle = 0;
        QString text; // rules: nft text; chains: type/hook/priority; tables: empty
        QString type, hook, policy;
        QStringList devices; // netdev chains: the interfaces the hook is bound to
        int64_t prio = 0;
        bool base = false;                         // a base chain (has a hook)
        std::vector<std::pair<int32_t, int>> hits; // verdict, packets; most first
    };

    int addTable(const QString &family, const QString &name, uint64_t handle);
    int findOrAddChain(const QString &family, const QString &table, const QString &name);
    QString hitsText(const Node &node) const;
    const Node *node(const QModelIndex &index) const;

    std::vector<Node> nodes_;
    std::vector<int> tables_;
    QPalette palette_;
};

} // namespace nt
