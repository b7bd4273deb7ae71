// The ruleset tree model: parsed once from the snapshot, hit counts recounted on demand.
#include "ruleset_model.h"

#include "event.h"
#include "gui_style.h"
#include "journey.h"
#include "nft_expr_text.h"

#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVariantMap>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_set>

namespace nt {

RulesetModel::RulesetModel(QObject *parent) : QAbstractItemModel(parent) {}

int RulesetModel::addTable(const QString &family, const QString &name, uint64_t handle) {
    for (int t : tables_) {
        if (nodes_[static_cast<size_t>(t)].family == family &&
            nodes_[static_cast<size_t>(t)].table == name) {
            return t;
        }
    }
    Node n;
    n.kind = TableNode;
    n.family = family;
    n.table = name;
    n.handle = handle;
    n.row = static_cast<int>(tables_.size());
    nodes_.push_back(std::move(n));
    tables_.push_back(static_cast<int>(nodes_.size()) - 1);
    return tables_.back();
}

int RulesetModel::findOrAddChain(const QString &family, const QString &table, const QString &name) {
    const int t = addTable(family, table, 0);
    for (int c : nodes_[static_cast<size_t>(t)].children) {
        if (nodes_[static_cast<size_t>(c)].chain == name) {
            return c;
        }
    }
    Node n;
    n.kind = ChainNode;
    n.parent = t;
    n.family = family;
    n.table = table;
    n.chain = name;
    n.row = static_cast<int>(nodes_[static_cast<size_t>(t)].children.size());
    nodes_.push_back(std::move(n));
    const int id = static_cast<int>(nodes_.size()) - 1;
    nodes_[static_cast<size_t>(t)].children.push_back(id);
    return id;
}

bool RulesetModel::setRulesetJson(const QString &json) {
    beginResetModel();
    nodes_.clear();
    tables_.clear();
    bool ok = true;
    if (!json.trimmed().isEmpty()) {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &err);
        const QJsonValue list = doc.object().value(QLatin1String("nftables"));
        ok = err.error == QJsonParseError::NoError && list.isArray();
        const QJsonArray items = list.toArray();
        for (const auto &item : items) {
            const QJsonObject o = item.toObject();
            auto str = [](const QJsonObject &x, const char *key) {
                return x.value(QLatin1String(key)).toString();
            };
            if (o.contains(QLatin1String("table"))) {
                const QJsonObject t = o.value(QLatin1String("table")).toObject();
                addTable(str(t, "family"), str(t, "name"),
                         static_cast<uint64_t>(t.value(QLatin1String("handle")).toInteger()));
            } else if (o.contains(QLatin1String("chain"))) {
                const QJsonObject c = o.value(QLatin1String("chain")).toObject();
                const int id = findOrAddChain(str(c, "family"), str(c, "table"), str(c, "name"));
                Node &n = nodes_[static_cast<size_t>(id)];
                n.handle = static_cast<uint64_t>(c.value(QLatin1String("handle")).toInteger());
                n.type = str(c, "type");
                n.hook = str(c, "hook");
                n.policy = str(c, "policy");
                n.prio = c.value(QLatin1String("prio")).toInteger();
                n.base = !n.hook.isEmpty();
                // netdev chains name their device ("dev": "eth0", or a list); libnftables
                // 1.0.6 leaves it out of its JSON, later versions write it.
                const QJsonValue dev = c.value(QLatin1String("dev"));
                n.devices.clear();
                if (dev.isString()) {
                    n.devices << dev.toString();
                } else {
                    const QJsonArray devs = dev.toArray();
                    for (const auto &d : devs) {
                        n.devices << d.toString();
                    }
                }
            } else if (o.contains(QLatin1String("rule"))) {
                const QJsonObject r = o.value(QLatin1String("rule")).toObject();
                const int chain =
                    findOrAddChain(str(r, "family"), str(r, "table"), str(r, "chain"));
                Node n;
                n.kind = RuleNode;
                n.parent = chain;
                n.family = str(r, "family");
                n.table = str(r, "table");
                n.chain = str(r, "chain");
                n.handle = static_cast<uint64_t>(r.value(QLatin1String("handle")).toInteger());
                n.text = nftRuleObjectText(r);
                n.row = static_cast<int>(nodes_[static_cast<size_t>(chain)].children.size());
                nodes_.push_back(std::move(n));
                nodes_[static_cast<size_t>(chain)].children.push_back(
                    static_cast<int>(nodes_.size()) - 1);
            }
        }
        if (!ok) {
            nodes_.clear();
            tables_.clear();
        }
    }
    endResetModel();
    return ok;
}

void RulesetModel::setHits(const Assembler *assembler) {
    for (Node &n : nodes_) {
        n.hits.clear();
    }
    if (assembler) {
        // Interned names make (family, table, chain, handle) a cheap key; each maps to a node
        // once. Rules are keyed by handle, chain policies by handle 0.
        std::map<std::tuple<uint8_t, uint16_t, uint16_t, uint64_t>, int> nodeOf;
        struct Seen {
            int node;
            int32_t verdict;
            uint64_t packet;
            bool operator==(const Seen &) const = default;
        };
        struct SeenHash {
            size_t operator()(const Seen &s) const {
                return std::hash<uint64_t>()(s.packet * 1000003ULL ^
                                             (static_cast<uint64_t>(s.node) << 8) ^
                                             static_cast<uint32_t>(s.verdict));
            }
        };
        std::unordered_set<Seen, SeenHash> seen;
        std::map<std::pair<int, int32_t>, int> counts;
        for (uint32_t i = 0; i < assembler->nftCount(); ++i) {
            const NftStep &s = assembler->nftStep(i);
            const auto type = static_cast<NftTraceType>(s.type);
            if (s.hidden || (type != NftTraceType::Rule && type != NftTraceType::Policy)) {
                continue;
            }
            const uint64_t handle = type == NftTraceType::Rule ? s.ruleHandle : 0;
            const auto key = std::make_tuple(s.family, s.table, s.chain, handle);
            auto it = nodeOf.find(key);
            if (it == nodeOf.end()) {
                const QModelIndex idx =
                    handle != 0 ? findRule(QString::fromStdString(nfFamilyName(s.family)),
                                           QString::fromStdString(assembler->name(s.table)),
                                           QString::fromStdString(assembler->name(s.chain)), handle)
                                : findChain(QString::fromStdString(nfFamilyName(s.family)),
                                            QString::fromStdString(assembler->name(s.table)),
                                            QString::fromStdString(assembler->name(s.chain)));
                it = nodeOf.emplace(key, idx.isValid() ? static_cast<int>(idx.internalId()) : -1)
                         .first;
            }
            if (it->second < 0) {
                continue; // a rule added after the snapshot was taken
            }
            // A packet counts once per rule and verdict; unjoined records by their trace id.
            const uint64_t packet =
                s.journey != kNoJourney ? s.journey : (uint64_t{1} << 40) | s.traceId;
            const int32_t v = effectiveVerdict(s);
            if (seen.insert({it->second, v, packet}).second) {
                ++counts[{it->second, v}];
            }
        }
        for (const auto &[key, count] : counts) {
            nodes_[static_cast<size_t>(key.first)].hits.emplace_back(key.second, count);
        }
        for (Node &n : nodes_) {
            std::stable_sort(n.hits.begin(), n.hits.end(),
                             [](const auto &a, const auto &b) { return a.second > b.second; });
        }
    }
    if (!nodes_.empty()) {
        // Hits show in the hits column and in the roles of every column.
        std::vector<int> stack(tables_.begin(), tables_.end());
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        while (!stack.empty()) {
            const int id = stack.back();
            stack.pop_back();
            const Node &n = nodes_[static_cast<size_t>(id)];
            if (!n.children.empty()) {
                const QModelIndex parent = createIndex(n.row, 0, static_cast<quintptr>(id));
                Q_EMIT dataChanged(
                    index(0, 0, parent),
                    index(static_cast<int>(n.children.size()) - 1, ColumnCount - 1, parent));
                stack.insert(stack.end(), n.children.begin(), n.children.end());
            }
        }
    }
}

void RulesetModel::setPalette(const QPalette &palette) {
    palette_ = palette;
    if (!tables_.empty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::ForegroundRole});
    }
}

QModelIndex RulesetModel::findChain(const QString &family, const QString &table,
                                    const QString &chain) const {
    for (int t : tables_) {
        const Node &tn = nodes_[static_cast<size_t>(t)];
        if (tn.family != family || tn.table != table) {
            continue;
        }
        for (int c : tn.children) {
            const Node &cn = nodes_[static_cast<size_t>(c)];
            if (cn.chain == chain) {
                return createIndex(cn.row, 0, static_cast<quintptr>(c));
            }
        }
    }
    return {};
}

QModelIndex RulesetModel::findRule(const QString &family, const QString &table,
                                   const QString &chain, uint64_t handle) const {
    const QModelIndex c = findChain(family, table, chain);
    if (!c.isValid()) {
        return {};
    }
    for (int r : nodes_[static_cast<size_t>(c.internalId())].children) {
        const Node &rn = nodes_[static_cast<size_t>(r)];
        if (rn.handle == handle) {
            return createIndex(rn.row, 0, static_cast<quintptr>(r));
        }
    }
    return {};
}

const RulesetModel::Node *RulesetModel::node(const QModelIndex &index) const {
    if (!index.isValid() || index.internalId() >= nodes_.size()) {
        return nullptr;
    }
    return &nodes_[static_cast<size_t>(index.internalId())];
}

QModelIndex RulesetModel::index(int row, int column, const QModelIndex &parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount) {
        return {};
    }
    const std::vector<int> *children = &tables_;
    if (parent.isValid()) {
        if (parent.column() != 0) {
            return {};
        }
        children = &nodes_[static_cast<size_t>(parent.internalId())].children;
    }
    if (row >= static_cast<int>(children->size())) {
        return {};
    }
    return createIndex(row, column, static_cast<quintptr>((*children)[static_cast<size_t>(row)]));
}

QModelIndex RulesetModel::parent(const QModelIndex &child) const {
    const Node *n = node(child);
    if (!n || n->parent < 0) {
        return {};
    }
    const Node &p = nodes_[static_cast<size_t>(n->parent)];
    return createIndex(p.row, 0, static_cast<quintptr>(n->parent));
}

int RulesetModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid()) {
        return static_cast<int>(tables_.size());
    }
    if (parent.column() != 0) {
        return 0;
    }
    const Node *n = node(parent);
    return n ? static_cast<int>(n->children.size()) : 0;
}

int RulesetModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QString RulesetModel::hitsText(const Node &n) const {
    QStringList parts;
    for (const auto &[v, count] : n.hits) {
        parts << tr("%1 × %2").arg(count).arg(gui::verdictDisplayName(v));
    }
    if (n.kind == ChainNode && !parts.isEmpty()) {
        return tr("policy: %1").arg(parts.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral(", "));
}

QVariant RulesetModel::data(const QModelIndex &index, int role) const {
    const Node *n = node(index);
    if (!n) {
        return {};
    }
    int total = 0;
    for (const auto &h : n->hits) {
        total += h.second;
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            if (n->kind == TableNode) {
                return tr("table %1 %2").arg(n->family, n->table);
            }
            return n->kind == ChainNode ? tr("chain %1").arg(n->chain) : n->text;
        case HandleColumn:
            return n->kind == TableNode && n->handle == 0 ? QVariant()
                                                          : QVariant(QString::number(n->handle));
        case HitsColumn:
            return hitsText(*n);
        case DetailsColumn:
            if (n->kind == ChainNode && n->base && !n->devices.isEmpty()) {
                const QString devices =
                    n->devices.size() == 1
                        ? tr("device %1").arg(n->devices.front())
                        : tr("devices = { %1 }").arg(n->devices.join(QStringLiteral(", ")));
                return tr("%1 hook %2 %3 priority %4; policy %5")
                    .arg(n->type, n->hook, devices, nftPriorityText(n->family, n->hook, n->prio),
                         n->policy);
            }
            if (n->kind == ChainNode && n->base) {
                return tr("%1 hook %2 priority %3; policy %4")
                    .arg(n->type, n->hook, nftPriorityText(n->family, n->hook, n->prio), n->policy);
            }
            if (n->kind == ChainNode) {
                return tr("regular chain");
            }
            if (n->kind == TableNode) {
                return tr("%n chain(s)", nullptr, static_cast<int>(n->children.size()));
            }
            return {};
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (n->kind == RuleNode) {
            return QStringLiteral("%1 %2 %3: %4 # handle %5")
                .arg(n->family, n->table, n->chain, n->text)
                .arg(n->handle);
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == HitsColumn && !n->hits.empty()) {
            return gui::verdictColor(n->hits.front().first, palette_);
        }
        return {};
    case Qt::FontRole:
        if (n->kind != RuleNode && index.column() == NameColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (n->kind == RuleNode && index.column() == NameColumn) {
            QFont f(QStringLiteral("monospace"));
            f.setStyleHint(QFont::Monospace);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == HandleColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                              : QVariant();
    case KindRole:
        return static_cast<int>(n->kind);
    case FamilyRole:
        return n->family;
    case TableRole:
        return n->table;
    case ChainRole:
        return n->chain;
    case HandleRole:
        return static_cast<quint64>(n->handle);
    case HitCountRole:
        return total;
    case HitsRole: {
        QVariantList list;
        for (const auto &[v, count] : n->hits) {
            list << QVariantMap{{QStringLiteral("verdict"), v}, {QStringLiteral("count"), count}};
        }
        return list;
    }
    case RuleTextRole:
        return n->kind == RuleNode ? QVariant(n->text) : QVariant();
    case DominantVerdictRole:
        return n->hits.empty() ? QVariant() : QVariant(n->hits.front().first);
    default:
        return {};
    }
}

QVariant RulesetModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Ruleset");
    case HandleColumn:
        return tr("Handle");
    case HitsColumn:
        return tr("Traced packets");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}

Qt::ItemFlags RulesetModel::flags(const QModelIndex &index) const {
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

} // namespace nt
