// PacketRows: the packet list's texts, sort keys and filter matches from the compact records.
#include "packet_rows.h"

#include "assembler.h"
#include "display_text.h"
#include "packet.h"
#include "report.h"
#include "trace.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <array>

namespace nt {

// The texts are the packet list's: they are translated in its context ("nt::PacketListModel").
namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

QString endpoint(const PacketFields &f, bool source) {
    QString addr = q(addressToString(f.family, source ? f.saddr : f.daddr));
    if (!f.hasPorts) {
        return addr;
    }
    const quint16 port = source ? f.sport : f.dport;
    return f.family == 6 ? QStringLiteral("[%1]:%2").arg(addr).arg(port)
                         : QStringLiteral("%1:%2").arg(addr).arg(port);
}

QString tcpFlags(uint8_t flags) {
    static const std::array<std::pair<uint8_t, const char *>, 6> names = {
        {{2, "SYN"}, {16, "ACK"}, {1, "FIN"}, {4, "RST"}, {8, "PSH"}, {32, "URG"}}};
    QStringList out;
    for (const auto &[bit, name] : names) {
        if (flags & bit) {
            out << QLatin1String(name);
        }
    }
    return out.join(QStringLiteral(", "));
}

QString icmpText(const PacketFields &f) {
    const bool v6 = f.l4proto == 58;
    const int t = f.icmpType;
    auto echo = [&](const char *what) {
        return QCoreApplication::translate("nt::PacketListModel", "%1 id=%2 seq=%3")
            .arg(QCoreApplication::translate("nt::PacketListModel", what))
            .arg(f.icmpId)
            .arg(f.icmpSeq);
    };
    if ((!v6 && t == 8) || (v6 && t == 128)) {
        return echo(QT_TRANSLATE_NOOP("nt::PacketListModel", "Echo request"));
    }
    if ((!v6 && t == 0) || (v6 && t == 129)) {
        return echo(QT_TRANSLATE_NOOP("nt::PacketListModel", "Echo reply"));
    }
    if ((!v6 && t == 3) || (v6 && t == 1)) {
        return QCoreApplication::translate("nt::PacketListModel",
                                           "Destination unreachable (code %1)")
            .arg(f.icmpCode);
    }
    if (v6 && t == 135) {
        return QCoreApplication::translate("nt::PacketListModel", "Neighbor solicitation");
    }
    if (v6 && t == 136) {
        return QCoreApplication::translate("nt::PacketListModel", "Neighbor advertisement");
    }
    if (v6 && t == 133) {
        return QCoreApplication::translate("nt::PacketListModel", "Router solicitation");
    }
    if (v6 && t == 134) {
        return QCoreApplication::translate("nt::PacketListModel", "Router advertisement");
    }
    return QCoreApplication::translate("nt::PacketListModel", "type %1 code %2")
        .arg(t)
        .arg(f.icmpCode);
}

QString infoText(const PacketFields &f) {
    if (f.fragment) {
        return QCoreApplication::translate("nt::PacketListModel", "Fragment (id %1)").arg(f.ipId);
    }
    switch (f.l4proto) {
    case 6:
        return QCoreApplication::translate("nt::PacketListModel", "%1 → %2 [%3] Seq=%4 Ack=%5")
            .arg(f.sport)
            .arg(f.dport)
            .arg(tcpFlags(f.tcpFlags))
            .arg(f.tcpSeq)
            .arg(f.tcpAck);
    case 17:
        return QCoreApplication::translate("nt::PacketListModel", "%1 → %2")
            .arg(f.sport)
            .arg(f.dport);
    case 1:
    case 58:
        return icmpText(f);
    default:
        return {};
    }
}

QByteArray addressKey(const PacketFields &f, bool source) {
    QByteArray k;
    k.append(static_cast<char>(f.family));
    const auto &a = source ? f.saddr : f.daddr;
    k.append(reinterpret_cast<const char *>(a.data()), static_cast<qsizetype>(a.size()));
    const uint16_t port = source ? f.sport : f.dport;
    k.append(static_cast<char>(port >> 8));
    k.append(static_cast<char>(port & 0xff));
    return k;
}

} // namespace

PacketRows::PacketRows(const Trace *trace, const Assembler *assembler, const Report *report,
                       const InterfaceNames *names)
    : trace_(assembler ? trace : nullptr), asm_(assembler), report_(assembler ? report : nullptr),
      names_(assembler ? names : nullptr) {}

uint64_t PacketRows::baseTs() const {
    if (trace_ && trace_->meta.startMonoNs) {
        return trace_->meta.startMonoNs;
    }
    return asm_ && asm_->journeyCount() ? asm_->record(0).firstTs : 0;
}

PacketRowText PacketRows::text(JourneyId id) const {
    PacketRowText row;
    const Journey j = asm_->journey(id);
    const std::optional<PacketFields> f = report_ ? report_->fields(id) : std::nullopt;
    auto &t = row.text;
    t[NumberColumn] = QString::number(id);
    const uint64_t base = baseTs();
    const double secs = j.firstTs >= base ? static_cast<double>(j.firstTs - base) / 1e9
                                          : -static_cast<double>(base - j.firstTs) / 1e9;
    t[TimeColumn] = QString::number(secs, 'f', 6);
    uint32_t len = 0;
    if (j.header < (trace_ ? trace_->packets.size() : 0)) {
        len = trace_->packets[j.header].len;
    } else if (const auto ev = asm_->events(id); !ev.empty()) {
        len = ev.front().len;
    }
    t[LengthColumn] = QString::number(len);
    if (f) {
        t[SourceColumn] = endpoint(*f, true);
        t[DestinationColumn] = endpoint(*f, false);
        t[ProtocolColumn] = q(protocolName(f->l4proto));
        t[InfoColumn] = infoText(*f);
    } else {
        t[SourceColumn] = QStringLiteral("skb 0x%1").arg(j.skb, 0, 16);
        t[ProtocolColumn] = QCoreApplication::translate("nt::PacketListModel", "unknown");
    }
    std::vector<Layer> layers;
    for (const TimelineItem &item : asm_->timeline(id)) {
        if (std::find(layers.begin(), layers.end(), item.layer) == layers.end()) {
            layers.push_back(item.layer);
        }
    }
    QStringList names;
    for (Layer l : layers) {
        names << layerDisplayName(l);
    }
    t[LayersColumn] = names.join(QStringLiteral(" › "));
    row.fate = j.fate;
    t[FateColumn] = fateDisplayLabel(j.fate);
    if (j.verdictNft != kNoIndex) {
        const QString v = verdictDisplayName(j.verdict);
        t[VerdictColumn] =
            j.verdictByPolicy
                ? QCoreApplication::translate("nt::PacketListModel", "%1 (policy, %2)")
                      .arg(v, q(j.chain))
                : QCoreApplication::translate("nt::PacketListModel", "%1 (rule %2, %3)")
                      .arg(v)
                      .arg(j.ruleHandle)
                      .arg(q(j.chain));
    }
    if ((j.fate == Fate::Dropped || j.fate == Fate::DroppedByRule) && report_) {
        t[DropReasonColumn] = q(report_->dropReasonName(j.dropReason));
    }
    t[DurationColumn] = formatMicros(static_cast<double>(j.durationNs()) / 1000.0);
    if (report_) {
        row.fateTip = q(report_->fateText(id));
    }
    return row;
}

PacketSortKey PacketRows::key(JourneyId id, int column) const {
    PacketSortKey k;
    const JourneyRecord &rec = asm_->record(id);
    const uint64_t base = column == TimeColumn ? baseTs() : 0;
    switch (column) {
    case NumberColumn:
        k.num = id;
        break;
    case TimeColumn:
        k.num = rec.firstTs - std::min(base, rec.firstTs);
        break;
    case DurationColumn:
        k.num = rec.lastTs - rec.firstTs;
        break;
    case FateColumn:
        k.num = static_cast<uint64_t>(rec.fate);
        break;
    case SourceColumn:
    case DestinationColumn:
    case ProtocolColumn: {
        const auto f = report_ ? report_->fields(id) : std::nullopt;
        if (!f) {
            k.num = UINT64_MAX;
        } else if (column == ProtocolColumn) {
            k.bytes = QByteArray::fromStdString(protocolName(f->l4proto));
        } else {
            k.bytes = addressKey(*f, column == SourceColumn);
        }
        break;
    }
    case LengthColumn:
        if (trace_ && rec.header < trace_->packets.size()) {
            k.num = trace_->packets[rec.header].len;
        }
        break;
    default:
        // Derived text columns: the journey's texts (not cached: a sort sees every row).
        {
            const Journey j = asm_->journey(id);
            if (column == VerdictColumn && j.verdictNft != kNoIndex) {
                k.bytes = QByteArray::fromStdString(verdictName(j.verdict));
                k.num = 1;
            } else if (column == DropReasonColumn &&
                       (j.fate == Fate::Dropped || j.fate == Fate::DroppedByRule) && report_) {
                k.bytes = QByteArray::fromStdString(report_->dropReasonName(j.dropReason));
                k.num = 1;
            } else if (column == LayersColumn) {
                k.num = asm_->timeline(id).size();
            } else if (column == InfoColumn) {
                const auto f = report_ ? report_->fields(id) : std::nullopt;
                k.bytes = f ? infoText(*f).toUtf8() : QByteArray();
            }
        }
        break;
    }
    return k;
}

bool PacketRows::passes(JourneyId id, const Filter &filter,
                        const std::optional<RuleFilter> &rule) const {
    if (rule) {
        bool judged = false;
        for (uint32_t ordinal : asm_->nftOf(id)) {
            const NftStep &s = asm_->nftStep(ordinal);
            if ((rule->handle == 0 || s.ruleHandle == rule->handle) &&
                q(asm_->name(s.chain)) == rule->chain && q(asm_->name(s.table)) == rule->table &&
                q(nfFamilyName(s.family)) == rule->family) {
                judged = true;
                break;
            }
        }
        if (!judged) {
            return false;
        }
    }
    if (filter.empty()) {
        return true;
    }
    PacketFields f;
    if (report_) {
        if (auto parsed = report_->fields(id)) {
            f = *parsed;
        }
    }
    const auto events = asm_->events(id);
    if (events.empty()) {
        return filter.matches(f, 0, std::string(), 0);
    }
    // The packet passes when it passed at any point of its path (device and mark change); the
    // device's name is the one it had at that moment.
    static const std::string kNoName;
    uint32_t lastIf = UINT32_MAX, lastNs = UINT32_MAX, lastMark = UINT32_MAX;
    for (const Event &e : events) {
        if (e.ifindex == lastIf && e.netns == lastNs && e.mark == lastMark) {
            continue;
        }
        lastIf = e.ifindex;
        lastNs = e.netns;
        lastMark = e.mark;
        const std::string &name = names_ != nullptr && e.ifindex != 0
                                      ? names_->name(e.netns, e.ifindex, e.ts_ns)
                                      : kNoName;
        if (filter.matches(f, e.ifindex, name, e.mark)) {
            return true;
        }
    }
    return false;
}

} // namespace nt
