// Text and JSON rendering of events, journeys and trace statistics.
#include "report.h"

#include "probes.h"
#include "textwidth.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>
#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <set>

namespace nt {
namespace {

std::string format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    const int n = std::vsnprintf(nullptr, 0, fmt, ap);
    va_end(ap);
    std::string out(n > 0 ? static_cast<size_t>(n) : 0, '\0');
    if (n > 0) {
        std::vsnprintf(out.data(), out.size() + 1, fmt, ap2);
    }
    va_end(ap2);
    return out;
}

const char *const kRule =
    "================================================================================";

double micros(uint64_t ns) {
    return static_cast<double>(ns) / 1000.0;
}

std::string hex(uint64_t v) {
    return format("0x%llx", static_cast<unsigned long long>(v));
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

// Text output goes through the translator; JSON keeps the English source text, so that what
// machines read does not depend on the reader's locale.
QString text(bool localized, const char *source) {
    return localized ? QCoreApplication::translate("nt::Report", source)
                     : QString::fromUtf8(source);
}

// "NETFILTER_DROP at nf_hook_slow+0x9c".
std::string at(bool localized, const std::string &what, const std::string &where) {
    //: %1 is a kernel drop reason (NO_SOCKET), %2 the kernel function where it happened.
    return text(localized, QT_TRANSLATE_NOOP("nt::Report", "%1 at %2"))
        .arg(q(what), q(where))
        .toStdString();
}

const char *nftTypeKey(uint8_t type) {
    switch (static_cast<NftTraceType>(type)) {
    case NftTraceType::Rule:
        return "rule";
    case NftTraceType::Policy:
        return "policy";
    case NftTraceType::Return:
        return "return";
    case NftTraceType::Chain:
        return "chain";
    case NftTraceType::Unspec:
        break;
    }
    return "unspec";
}

} // namespace

Report::Report(const Trace &trace, const Assembler &assembler)
    : trace_(trace), asm_(assembler), rules_(trace.rulesetJson) {}

QString Report::ruleText(const NftStep &s) const {
    if (s.type != static_cast<uint8_t>(NftTraceType::Rule)) {
        return {};
    }
    return rules_.ruleText(q(nfFamilyName(s.family)), q(asm_.name(s.table)), q(asm_.name(s.chain)),
                           s.ruleHandle);
}

QString Report::ruleText(const Journey &j) const {
    if (j.verdictNft == kNoIndex || j.verdictByPolicy) {
        return {};
    }
    return rules_.ruleText(q(j.family), q(j.table), q(j.chain), j.ruleHandle);
}

std::string Report::probeName(uint16_t probe) const {
    if (probe < NT_PROBE_FUNCTION_BASE) {
        if (const char *n = tracepointName(probe)) {
            return n;
        }
    }
    const std::lock_guard lock(indexMutex_);
    if (probesIndexed_ != trace_.probes.size()) {
        for (size_t i = probesIndexed_; i < trace_.probes.size(); ++i) {
            probeIndex_.emplace(trace_.probes[i].id, i);
        }
        probesIndexed_ = trace_.probes.size();
    }
    auto it = probeIndex_.find(probe);
    if (it != probeIndex_.end()) {
        return trace_.probes[it->second].name;
    }
    return "probe#" + std::to_string(probe);
}

std::string Report::dropReasonName(uint32_t reason) const {
    if (reason < trace_.dropReasons.size() && !trace_.dropReasons[reason].empty()) {
        return trace_.dropReasons[reason];
    }
    return "reason " + std::to_string(reason);
}

std::string Report::symbolName(uint64_t addr) const {
    const std::lock_guard lock(indexMutex_);
    if (symbolsIndexed_ != trace_.symbols.size()) {
        for (size_t i = symbolsIndexed_; i < trace_.symbols.size(); ++i) {
            symbolIndex_.emplace(trace_.symbols[i].addr, i);
        }
        symbolsIndexed_ = trace_.symbols.size();
    }
    auto it = symbolIndex_.find(addr);
    return it != symbolIndex_.end() ? trace_.symbols[it->second].name : hex(addr);
}

std::optional<PacketFields> Report::fields(JourneyId id) const {
    const JourneyRecord &rec = asm_.record(id);
    if (rec.header >= trace_.packets.size()) {
        return std::nullopt;
    }
    const PacketHeader &h = trace_.packets[rec.header];
    PacketFields f;
    if (!parsePacket(h.data, h.protocol, f)) {
        return std::nullopt;
    }
    return f;
}

std::string Report::eventLine(uint64_t index, const Event &event, const PacketFields *fields,
                              uint64_t baseTs) const {
    const uint64_t offset = event.ts_ns >= baseTs ? event.ts_ns - baseTs : 0;
    std::string who = fields ? endpointsToString(*fields) + " " + protocolName(fields->l4proto)
                             : "skb " + hex(event.skb);
    std::string line =
        format("[%4llu] %14.3f\u00b5s  %-4s  ", static_cast<unsigned long long>(index),
               micros(offset), isFunction(event.probe) ? "FUNC" : "TP");
    line += padRight(layerDisplayName(asm_.layerOf(event.probe)), 10);
    line += format(" %-28s %s  if=%u ns=%u len=%u", probeName(event.probe).c_str(), who.c_str(),
                   event.ifindex, event.netns, event.len);
    switch (event.probe) {
    case NT_PROBE_KFREE_SKB:
        line += " drop=" + at(true, dropReasonName(event.aux), symbolName(event.location));
        break;
    case NT_PROBE_CONSUME_SKB:
        if (event.location != 0) {
            //: %1 is the kernel function that freed the packet (icmp_rcv+0x259).
            line += " " + QCoreApplication::translate("nt::Report", "at %1")
                              .arg(q(symbolName(event.location)))
                              .toStdString();
        }
        break;
    case NT_PROBE_NET_DEV_XMIT:
    case NT_PROBE_UDP_FAIL_QUEUE_RCV_SKB:
        line += format(" rc=%d", static_cast<int>(event.aux));
        break;
    case NT_PROBE_FIB_TABLE_LOOKUP:
    case NT_PROBE_FIB6_TABLE_LOOKUP:
        line += format(" table=%u err=%d", event.aux2, static_cast<int>(event.aux));
        break;
    case NT_PROBE_SKB_COPY_DATAGRAM_IOVEC:
        line += format(" copied=%u", event.aux2);
        break;
    default:
        break;
    }
    if (event.mark != 0) {
        line += format(" mark=0x%x", event.mark);
    }
    return line;
}

std::string Report::eventLine(uint64_t index, const Event &event, uint64_t baseTs) const {
    const JourneyId id = asm_.openJourney(event.skb);
    std::optional<PacketFields> f;
    if (id != kNoJourney) {
        f = fields(id);
    }
    return eventLine(index, event, f ? &*f : nullptr, baseTs);
}

std::string Report::header(JourneyId id) const {
    const std::optional<PacketFields> f = fields(id);
    if (!f) {
        // Not IP: say what the frame is (ARP, an ethertype), never invent addresses.
        const JourneyRecord &rec = asm_.record(id);
        const std::string what = rec.header < trace_.packets.size()
                                     ? frameName(trace_.packets[rec.header].protocol)
                                     : "?";
        return "[" + what + "] skb " + hex(rec.skb);
    }
    return "[" + protocolName(f->l4proto) + "] " + endpointsToString(*f);
}

namespace {

bool sameEndpoints(const PacketFields &a, const PacketFields &b) {
    return a.family == b.family && a.saddr == b.saddr && a.daddr == b.daddr && a.sport == b.sport &&
           a.dport == b.dport && a.icmpId == b.icmpId;
}

} // namespace

std::vector<NatStep> Report::natSteps(JourneyId id) const {
    std::vector<NatStep> steps;
    NftHook lastHook = NftHook::Unknown;
    auto see = [&](const PacketFields &f, NftHook hook) {
        if (steps.empty() || !sameEndpoints(steps.back().fields, f)) {
            steps.push_back(NatStep{f, lastHook});
        }
        lastHook = hook;
    };
    if (const std::optional<PacketFields> f = fields(id)) {
        see(*f, NftHook::Unknown);
    }
    for (uint32_t ord : asm_.nftOf(id, true)) {
        const NftStep &s = asm_.nftStep(ord);
        if (!s.walkStart || ord >= trace_.nft.size()) {
            continue;
        }
        const NftTraceRecord &r = trace_.nft[ord];
        PacketFields f;
        if (parseNftHeaders(r.networkHeader, r.transportHeader,
                            nftRecordProtocol(r.nfproto, r.llHeader), f)) {
            see(f, s.hook);
        }
    }
    for (uint32_t h : asm_.laterHeaders(id)) {
        PacketFields f;
        if (h < trace_.packets.size() &&
            parsePacket(trace_.packets[h].data, trace_.packets[h].protocol, f)) {
            see(f, NftHook::Unknown);
        }
    }
    if (steps.size() < 2) {
        steps.clear();
    }
    return steps;
}

std::string Report::natText(JourneyId id, bool localized) const {
    const std::vector<NatStep> steps = natSteps(id);
    if (steps.empty()) {
        return {};
    }
    QString t = text(localized, QT_TRANSLATE_NOOP("nt::Report", "NAT: %1"))
                    .arg(q(endpointsToString(steps.front().fields)));
    for (size_t i = 1; i < steps.size(); ++i) {
        const QString tuple = q(endpointsToString(steps[i].fields));
        if (i > 1) {
            t += QStringLiteral(",");
        }
        if (steps[i].rewrittenAt != NftHook::Unknown) {
            //: NAT rewrote the packet's addresses: %1 the new endpoints, %2 the netfilter hook.
            t += text(localized, QT_TRANSLATE_NOOP("nt::Report", " became %1 at %2"))
                     .arg(tuple, QLatin1String(nftHookName(steps[i].rewrittenAt)));
        } else {
            t += text(localized, QT_TRANSLATE_NOOP("nt::Report", " became %1")).arg(tuple);
        }
    }
    return t.toStdString();
}

std::string Report::conntrackText(JourneyId id) const {
    for (uint32_t ord : asm_.nftOf(id, true)) {
        const NftStep &s = asm_.nftStep(ord);
        if (!s.walkStart || s.ctState == 0) {
            continue;
        }
        if (s.ctId == 0) { // untracked or invalid: no connection to name
            return QCoreApplication::translate("nt::Report", "Conntrack: %1")
                .arg(q(ctStateName(s.ctState)))
                .toStdString();
        }
        std::string nat;
        if (s.ctStatus & 0x20U) { // IPS_DST_NAT
            nat += "DNAT";
        }
        if (s.ctStatus & 0x10U) { // IPS_SRC_NAT
            nat += nat.empty() ? "SNAT" : ", SNAT";
        }
        const QString dir = s.ctDirection == 0
                                ? QCoreApplication::translate("nt::Report", "original direction")
                                : QCoreApplication::translate("nt::Report", "reply direction");
        QString t = QCoreApplication::translate("nt::Report", "Conntrack: id %1, %2, %3")
                        .arg(q(hex(s.ctId)), dir, q(ctStateName(s.ctState)));
        if (!nat.empty()) {
            t += QStringLiteral(" (%1)").arg(q(nat));
        }
        return t.toStdString();
    }
    return {};
}

std::string Report::fateText(JourneyId id) const {
    return fateText(id, true);
}

std::string Report::fateText(JourneyId id, bool localized) const {
    const Journey j = asm_.journey(id);
    const std::vector<Event> ev = asm_.events(id);
    const QString where =
        q(at(localized, dropReasonName(j.dropReason), symbolName(j.dropLocation)));
    const QString chain = q(j.family + " " + j.table + " " + j.chain);
    const QString label = localized ? fateDisplayLabel(j.fate) : QLatin1String(fateLabel(j.fate));
    QString t;
    switch (j.fate) {
    case Fate::DroppedByRule:
        if (j.verdictByPolicy) {
            t = text(localized,
                     QT_TRANSLATE_NOOP("nt::Report", "DROPPED by policy of chain %1 (%2)"))
                    .arg(chain, where);
        } else if (const QString rule = ruleText(j); !rule.isEmpty()) {
            //: %1 the rule handle, %2 the rule in nft syntax (tcp dport 22 drop), %3 the chain,
            //: %4 the drop reason and where it happened.
            t = text(localized,
                     QT_TRANSLATE_NOOP("nt::Report",
                                       "DROPPED by rule handle %1 ⟨%2⟩ in chain %3 (%4)"))
                    .arg(QString::number(j.ruleHandle), rule, chain, where);
        } else {
            t = text(localized,
                     QT_TRANSLATE_NOOP("nt::Report", "DROPPED by rule handle %1 in chain %2 (%3)"))
                    .arg(QString::number(j.ruleHandle), chain, where);
        }
        break;
    case Fate::Dropped:
        t = text(localized, QT_TRANSLATE_NOOP("nt::Report", "DROPPED: %1")).arg(where);
        break;
    case Fate::Delivered:
        if (const JourneyId clone = asm_.deliveredClone(id);
            clone != kNoJourney && (j.flags & JourneyCloneDelivered)) {
            // What happened to the original skb, then the clone that reached the socket.
            const Event *freed = nullptr;
            for (const Event &e : ev) {
                if (e.probe == NT_PROBE_KFREE_SKB || e.probe == NT_PROBE_CONSUME_SKB) {
                    freed = &e;
                }
            }
            QString original;
            if (freed != nullptr && freed->probe == NT_PROBE_KFREE_SKB) {
                //: %1 the kernel function, %2 the drop reason (NO_SOCKET).
                original =
                    text(localized, QT_TRANSLATE_NOOP("nt::Report", "original freed at %1 (%2)"))
                        .arg(q(symbolName(freed->location)), q(dropReasonName(freed->aux)));
            } else if (freed != nullptr) {
                original =
                    text(localized, QT_TRANSLATE_NOOP("nt::Report", "original consumed at %1"))
                        .arg(q(symbolName(freed->location)));
            } else {
                original =
                    text(localized, QT_TRANSLATE_NOOP("nt::Report", "original not freed yet"));
            }
            t = text(localized,
                     QT_TRANSLATE_NOOP(
                         "nt::Report",
                         "DELIVERED: %1; a clone was delivered to a socket (journey %2)"))
                    .arg(original)
                    .arg(clone);
        } else {
            t = text(localized,
                     QT_TRANSLATE_NOOP("nt::Report", "DELIVERED to the local stack in netns %1"))
                    .arg(ev.empty() ? 0u : ev.back().netns);
        }
        break;
    case Fate::Forwarded: {
        uint32_t in = 0, out = 0;
        for (const Event &e : ev) {
            if (in == 0 &&
                (e.probe == NT_PROBE_NETIF_RECEIVE_SKB || e.probe == NT_PROBE_NETIF_RX)) {
                in = e.ifindex;
            }
            if (e.probe == NT_PROBE_NET_DEV_XMIT && e.aux == 0) {
                out = e.ifindex;
            }
        }
        t = text(localized, QT_TRANSLATE_NOOP("nt::Report", "FORWARDED from if %1 to if %2"))
                .arg(in)
                .arg(out);
        break;
    }
    case Fate::Transmitted: {
        const Event *tx = nullptr;
        for (const Event &e : ev) {
            if (e.probe == NT_PROBE_NET_DEV_XMIT && e.aux == 0) {
                tx = &e;
            }
        }
        t = tx ? text(localized,
                      QT_TRANSLATE_NOOP("nt::Report", "TRANSMITTED on if %1 in netns %2"))
                     .arg(tx->ifindex)
                     .arg(tx->netns)
               : label;
        break;
    }
    case Fate::Consumed: {
        const uint64_t loc = ev.empty() ? 0 : ev.back().location;
        t = loc != 0 ? text(localized, QT_TRANSLATE_NOOP("nt::Report", "CONSUMED at %1"))
                           .arg(q(symbolName(loc)))
                     : label;
        break;
    }
    case Fate::InFlight:
        t = (j.flags & JourneyIdleClosed)
                ? text(localized,
                       QT_TRANSLATE_NOOP("nt::Report", "IN FLIGHT (no event for too long)"))
                : text(localized,
                       QT_TRANSLATE_NOOP("nt::Report",
                                         "IN FLIGHT (not finished when the trace ended)"));
        break;
    }
    return (t.isEmpty() ? label : t).toStdString();
}

std::string Report::summary(JourneyId id) const {
    return summary(id, true);
}

std::string Report::summary(JourneyId id, bool localized) const {
    const JourneyRecord &rec = asm_.record(id);
    const uint32_t events = rec.eventCount;
    return text(localized,
                QT_TRANSLATE_NOOP("nt::Report", "journey %1: %2, %3 events, %4\u00b5s: %5"))
        .arg(QString::number(id), q(header(id)), QString::number(events),
             q(format("%.3f", micros(rec.lastTs - rec.firstTs))), q(fateText(id, localized)))
        .toStdString();
}

std::string Report::nftStepText(const NftStep &s) const {
    std::string text =
        nfFamilyName(s.family) + " " + asm_.name(s.table) + " " + asm_.name(s.chain) + ": ";
    const std::string v = verdictName(effectiveVerdict(s));
    switch (static_cast<NftTraceType>(s.type)) {
    case NftTraceType::Rule:
        text += format("rule #%llu %s", static_cast<unsigned long long>(s.ruleHandle), v.c_str());
        break;
    case NftTraceType::Policy:
        text += "policy " + v;
        break;
    case NftTraceType::Return:
        text += "return" + (v.empty() ? std::string() : " " + v);
        break;
    case NftTraceType::Chain:
        text += "chain verdict " + v;
        break;
    case NftTraceType::Unspec:
        text += v;
        break;
    }
    if ((s.verdict == verdict::Jump || s.verdict == verdict::Goto) && s.jumpTarget != 0) {
        text += " \u2192 " + asm_.name(s.jumpTarget);
    }
    if (const QString rule = ruleText(s); !rule.isEmpty()) {
        text += "  \u27e8" + rule.toStdString() + "\u27e9";
    }
    return text;
}

// The PACKET TRACE's events by layer, then its nft rules, with their times in the journey.
std::string Report::timelineText(const JourneyRecord &rec, const Journey &j,
                                 const std::vector<TimelineItem> &items,
                                 const std::vector<Event> &ev) const {
    std::string out;
    // Events grouped by layer, layers in order of first appearance (seed style).
    std::vector<Layer> order;
    for (const TimelineItem &it : items) {
        if (!it.nft && std::find(order.begin(), order.end(), it.layer) == order.end()) {
            order.push_back(it.layer);
        }
    }
    for (Layer layer : order) {
        out += "\n" +
               //: %1 is a layer name (nt::Layer).
               QCoreApplication::translate("nt::Report", "%1 Layer:")
                   .arg(layerDisplayName(layer))
                   .toStdString() +
               "\n";
        for (const TimelineItem &it : items) {
            if (it.nft || it.layer != layer) {
                continue;
            }
            const Event &e = ev[it.index - rec.eventBegin];
            std::string extra;
            if (e.probe == NT_PROBE_KFREE_SKB) {
                extra = " drop=" + at(true, dropReasonName(e.aux), symbolName(e.location));
            } else if (e.probe == NT_PROBE_NET_DEV_XMIT) {
                extra = format(" rc=%d", static_cast<int>(e.aux));
            }
            out += format("  [%10.3f\u00b5s] %-28s if=%u ns=%u%s\n", micros(e.ts_ns - rec.firstTs),
                          probeName(e.probe).c_str(), e.ifindex, e.netns, extra.c_str());
        }
    }
    if (!j.nft.empty()) {
        out += "\n" +
               QCoreApplication::translate("nt::Report", "NFT Rules Evaluated:").toStdString() +
               "\n";
        for (const TimelineItem &it : items) {
            if (!it.nft || asm_.nftStep(it.index).hidden) {
                continue;
            }
            const NftStep &s = asm_.nftStep(it.index);
            out += format("  [%10.3f\u00b5s] %-11s %s\n", micros(it.tsNs - rec.firstTs),
                          nftHookName(s.hook), nftStepText(s).c_str());
        }
    }
    return out;
}

std::string Report::packetTrace(JourneyId id) const {
    const JourneyRecord &rec = asm_.record(id);
    const Journey j = asm_.journey(id);
    const std::vector<TimelineItem> items = asm_.timeline(id);
    const std::vector<Event> ev = asm_.events(id);

    std::set<uint16_t> probes;
    for (const Event &e : ev) {
        probes.insert(e.probe);
    }
    uint64_t chains = 0, rules = 0;
    for (uint32_t ord : j.nft) {
        const NftStep &s = asm_.nftStep(ord);
        chains += s.walkStart ? 1 : 0;
        rules += s.type == static_cast<uint8_t>(NftTraceType::Rule) ? 1 : 0;
    }
    std::string out;
    out += kRule;
    out += "\n" +
           QCoreApplication::translate("nt::Report", "PACKET TRACE: %1")
               .arg(q(hex(rec.skb)))
               .toStdString() +
           "\n";
    out += kRule;
    out += "\n";
    out += QCoreApplication::translate(
               "nt::Report",
               "%1 | Events: %2, Probes: %3, NFT Chains: %4, Rules: %5 | Verdict: %6 | Fate: %7")
               .arg(q(header(id)), QString::number(ev.size()), QString::number(probes.size()),
                    QString::number(chains), QString::number(rules),
                    j.verdictNft != kNoIndex ? q(verdictName(j.verdict)) : QStringLiteral("-"),
                    fateDisplayLabel(j.fate))
               .toStdString() +
           "\n";
    if (j.parent != kNoJourney) {
        out += QCoreApplication::translate("nt::Report", "Cloned from journey %1")
                   .arg(j.parent)
                   .toStdString() +
               "\n";
    }
    if (const std::string nat = natText(id); !nat.empty()) {
        out += nat + "\n";
    }
    if (const std::string ct = conntrackText(id); !ct.empty()) {
        out += ct + "\n";
    }

    out += timelineText(rec, j, items, ev);
    out +=
        "\n" +
        QCoreApplication::translate("nt::Report", "Fate: %1").arg(q(fateText(id))).toStdString() +
        "\n";
    out += "\n" + QCoreApplication::translate("nt::Report", "Time per Layer:").toStdString() + "\n";
    auto time = [](const QString &label, uint64_t ns) {
        return "  " + padRight(label, 15) + format(": %12.3f\u00b5s\n", micros(ns));
    };
    for (int l = 0; l < kLayerCount; ++l) {
        if (j.layerNs[static_cast<size_t>(l)] != 0) {
            out += time(layerDisplayName(static_cast<Layer>(l)), j.layerNs[static_cast<size_t>(l)]);
        }
    }
    //: The journey's whole duration, below the time spent in each layer.
    out += time(QCoreApplication::translate("nt::Report", "Total"), j.durationNs());
    return out;
}

TraceStats Report::stats() const {
    StatsTally tally;
    tally.add(*this);
    return tally.stats(trace_.meta.loss);
}

void StatsTally::add(const Report &report) {
    const Assembler &a = report.assembler();
    const AssemblerCounters &c = a.counters();
    sums_.totalEvents += c.events;
    sums_.packets += a.journeyCount();
    const std::span<const uint64_t> byProbe = a.eventsByProbe();
    if (eventsByProbe_.size() < byProbe.size()) {
        eventsByProbe_.resize(byProbe.size());
    }
    for (size_t probe = 0; probe < byProbe.size(); ++probe) {
        eventsByProbe_[probe] += byProbe[probe];
        sums_.eventsByLayer[static_cast<size_t>(a.layerOf(static_cast<uint16_t>(probe)))] +=
            byProbe[probe];
    }
    for (JourneyId id = 0; id < a.journeyCount(); ++id) {
        const JourneyRecord &rec = a.record(id);
        ++sums_.packetsByFate[static_cast<size_t>(rec.fate)];
        if (rec.verdictNft != kNoIndex) {
            ++verdicts_[verdictName(effectiveVerdict(a.nftStep(rec.verdictNft)))];
        }
        if (rec.fate == Fate::Dropped || rec.fate == Fate::DroppedByRule) {
            ++drops_[report.dropReasonName(a.journey(id).dropReason)];
        }
    }
    for (size_t i = 0; i < a.nftCount(); ++i) {
        const NftStep &s = a.nftStep(static_cast<uint32_t>(i));
        if (s.hidden) {
            continue;
        }
        sums_.nftChains += s.walkStart ? 1 : 0;
        sums_.nftRules += s.type == static_cast<uint8_t>(NftTraceType::Rule) ? 1 : 0;
    }
    sums_.unjoinedNft += c.unjoinedNft;
    for (size_t i = 0; i < std::size(kUnjoinedReasons); ++i) {
        sums_.unjoinedByReason[i] += c.*kUnjoinedReasons[i].count;
    }
    sums_.unusedHeaders += c.unusedHeaders;
    sums_.natContinued += c.natContinued;
    sums_.traceIdCollisions += c.traceIdCollisions;
}

TraceStats StatsTally::stats(const LossCounters &loss) const {
    TraceStats st = sums_;
    st.probesHit = static_cast<uint64_t>(
        std::count_if(eventsByProbe_.begin(), eventsByProbe_.end(), [](uint64_t n) { return n; }));
    auto sorted = [](const std::map<std::string, uint64_t> &m) {
        std::vector<std::pair<std::string, uint64_t>> v(m.begin(), m.end());
        std::stable_sort(v.begin(), v.end(),
                         [](const auto &a, const auto &b) { return a.second > b.second; });
        return v;
    };
    st.packetsByVerdict = sorted(verdicts_);
    st.topDropReasons = sorted(drops_);
    if (st.topDropReasons.size() > 10) {
        st.topDropReasons.resize(10);
    }
    st.loss = loss;
    return st;
}

std::string Report::statisticsText(const TraceStats &st) {
    auto label = [](const char *source) {
        return QCoreApplication::translate("nt::Report", source).toStdString();
    };
    auto count = [](const QString &name, uint64_t n) {
        return "  " + padRight(name, 15) + format(": %6llu\n", static_cast<unsigned long long>(n));
    };
    // The label column is 20 wide; a longer translation still keeps one space before the number.
    auto total = [](const QString &name, uint64_t n) {
        return padRight(name + QLatin1Char(' '), 20) +
               format("%llu\n", static_cast<unsigned long long>(n));
    };
    const std::string none = "  " + label(QT_TRANSLATE_NOOP("nt::Report", "(none)")) + "\n";
    std::string out = label(QT_TRANSLATE_NOOP("nt::Report", "TRACE STATISTICS")) + "\n";
    out += kRule;
    out += "\n";
    out += total(QCoreApplication::translate("nt::Report", "Total events:"), st.totalEvents);
    out += total(QCoreApplication::translate("nt::Report", "Packets traced:"), st.packets);
    out += total(QCoreApplication::translate("nt::Report", "Probes hit:"), st.probesHit);
    out += total(QCoreApplication::translate("nt::Report", "NFT chains:"), st.nftChains);
    out += total(QCoreApplication::translate("nt::Report", "NFT rules:"), st.nftRules);

    out += "\n" + label(QT_TRANSLATE_NOOP("nt::Report", "Events by Layer:")) + "\n";
    std::vector<std::pair<Layer, uint64_t>> layers;
    for (int l = 0; l < kLayerCount; ++l) {
        if (st.eventsByLayer[static_cast<size_t>(l)] != 0) {
            layers.emplace_back(static_cast<Layer>(l), st.eventsByLayer[static_cast<size_t>(l)]);
        }
    }
    std::stable_sort(layers.begin(), layers.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    for (const auto &[layer, n] : layers) {
        out += count(layerDisplayName(layer), n);
    }
    if (layers.empty()) {
        out += none;
    }
    out += "\n" + label(QT_TRANSLATE_NOOP("nt::Report", "Packets by Verdict:")) + "\n";
    for (const auto &[name, n] : st.packetsByVerdict) {
        out += count(q(name), n);
    }
    if (st.packetsByVerdict.empty()) {
        out += none;
    }
    out += "\n" + label(QT_TRANSLATE_NOOP("nt::Report", "Packets by Fate:")) + "\n";
    for (int f = 0; f < kFateCount; ++f) {
        if (st.packetsByFate[static_cast<size_t>(f)] != 0) {
            out += count(fateDisplayLabel(static_cast<Fate>(f)),
                         st.packetsByFate[static_cast<size_t>(f)]);
        }
    }
    out += "\n" + label(QT_TRANSLATE_NOOP("nt::Report", "Top Drop Reasons:")) + "\n";
    for (const auto &[name, n] : st.topDropReasons) {
        out += count(q(name), n);
    }
    if (st.topDropReasons.empty()) {
        out += none;
    }
    // Always printed, zeros included: a trace without loss must say so.
    auto loss = [](const char *what, uint64_t n) {
        return "  " + padRight(QCoreApplication::translate("nt::Report", what), 42) +
               format(": %llu\n", static_cast<unsigned long long>(n));
    };
    out += "\n" + label(QT_TRANSLATE_NOOP("nt::Report", "Loss:")) + "\n";
    out += loss(QT_TRANSLATE_NOOP("nt::Report", "Events lost (ring buffer full)"),
                st.loss.ringbufFull);
    out += loss(QT_TRANSLATE_NOOP("nt::Report", "Packets not followed (tracked-skb map full)"),
                st.loss.trackFull);
    out += loss(QT_TRANSLATE_NOOP("nt::Report", "NFT trace messages lost"), st.loss.nftLost);
    out +=
        loss(QT_TRANSLATE_NOOP("nt::Report", "NFT records not joined to a packet"), st.unjoinedNft);
    // Why, one line per reason (the kUnjoinedReasons order), each counted even when zero.
    static constexpr const char *kReasonText[] = {
        QT_TRANSLATE_NOOP("nt::Report", "  no packet with that header"),
        QT_TRANSLATE_NOOP("nt::Report", "  no packet, events were lost"),
        QT_TRANSLATE_NOOP("nt::Report", "  header is not an IP packet"),
        QT_TRANSLATE_NOOP("nt::Report", "  out of order (walk start missing)"),
        QT_TRANSLATE_NOOP("nt::Report", "  duplicate message"),
    };
    static_assert(std::size(kReasonText) == std::size(kUnjoinedReasons));
    for (size_t i = 0; i < std::size(kReasonText); ++i) {
        out += loss(kReasonText[i], st.unjoinedByReason[i]);
    }
    out += loss(QT_TRANSLATE_NOOP("nt::Report", "Packets followed through NAT"), st.natContinued);
    out += loss(QT_TRANSLATE_NOOP("nt::Report", "Trace id collisions (joined by header)"),
                st.traceIdCollisions);
    out += loss(QT_TRANSLATE_NOOP("nt::Report", "Packet headers without events"), st.unusedHeaders);
    out += loss(QT_TRANSLATE_NOOP("nt::Report", "Events filtered in kernel"), st.loss.filtered);
    out += loss(QT_TRANSLATE_NOOP("nt::Report", "Events excluded (not packets)"), st.loss.excluded);
    return out;
}

namespace {

QJsonValue packetJson(const std::optional<PacketFields> &f) {
    if (!f) {
        return QJsonValue::Null;
    }
    QJsonObject p;
    p[QStringLiteral("family")] = f->family;
    p[QStringLiteral("protocol")] = q(protocolName(f->l4proto));
    p[QStringLiteral("src")] = q(addressToString(f->family, f->saddr));
    p[QStringLiteral("dst")] = q(addressToString(f->family, f->daddr));
    if (f->hasPorts) {
        p[QStringLiteral("sport")] = f->sport;
        p[QStringLiteral("dport")] = f->dport;
    }
    return p;
}

QJsonArray natJson(const std::vector<NatStep> &steps) {
    QJsonArray nat;
    for (const NatStep &n : steps) {
        QJsonObject t;
        t[QStringLiteral("src")] = q(addressToString(n.fields.family, n.fields.saddr));
        t[QStringLiteral("dst")] = q(addressToString(n.fields.family, n.fields.daddr));
        if (n.fields.hasPorts) {
            t[QStringLiteral("sport")] = n.fields.sport;
            t[QStringLiteral("dport")] = n.fields.dport;
        }
        t[QStringLiteral("rewritten_at")] =
            n.rewrittenAt != NftHook::Unknown
                ? QJsonValue(QLatin1String(nftHookName(n.rewrittenAt)))
                : QJsonValue(QJsonValue::Null);
        nat.append(t);
    }
    return nat;
}

QJsonValue idOrNull(JourneyId id) {
    return id != kNoJourney ? QJsonValue(static_cast<qint64>(id)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonValue Report::dropJson(const Journey &j) const {
    if (j.fate != Fate::Dropped && j.fate != Fate::DroppedByRule) {
        return QJsonValue::Null;
    }
    QJsonObject d;
    d[QStringLiteral("reason")] = q(dropReasonName(j.dropReason));
    d[QStringLiteral("reason_code")] = static_cast<qint64>(j.dropReason);
    d[QStringLiteral("location")] = q(symbolName(j.dropLocation));
    return d;
}

QJsonValue Report::verdictJson(const Journey &j) const {
    if (j.verdictNft == kNoIndex) {
        return QJsonValue::Null;
    }
    QJsonObject v;
    v[QStringLiteral("verdict")] = q(verdictName(j.verdict));
    v[QStringLiteral("by_policy")] = j.verdictByPolicy;
    v[QStringLiteral("rule_handle")] = static_cast<qint64>(j.ruleHandle);
    const QString rule = ruleText(j);
    v[QStringLiteral("rule_text")] = rule.isEmpty() ? QJsonValue(QJsonValue::Null) : rule;
    v[QStringLiteral("family")] = q(j.family);
    v[QStringLiteral("table")] = q(j.table);
    v[QStringLiteral("chain")] = q(j.chain);
    v[QStringLiteral("nft_index")] = static_cast<qint64>(j.verdictNft);
    // Read in BPF next to the skb (exact), or from a netlink trace message (joined by
    // trace id and header).
    v[QStringLiteral("read_in_kernel")] = asm_.nftStep(j.verdictNft).exact;
    return v;
}

QJsonValue Report::conntrackJson(JourneyId id) const {
    for (uint32_t ord : asm_.nftOf(id, true)) {
        const NftStep &s = asm_.nftStep(ord);
        if (s.walkStart && s.ctState != 0) {
            QJsonObject c;
            c[QStringLiteral("id")] = static_cast<qint64>(s.ctId);
            c[QStringLiteral("direction")] =
                s.ctDirection == 0 ? QStringLiteral("original") : QStringLiteral("reply");
            c[QStringLiteral("state")] = q(ctStateName(s.ctState));
            c[QStringLiteral("status")] = static_cast<qint64>(s.ctStatus);
            return c;
        }
    }
    return QJsonValue::Null;
}

QJsonObject Report::nftStepJson(const TimelineItem &it, uint64_t firstTs) const {
    const NftStep &s = asm_.nftStep(it.index);
    QJsonObject n;
    n[QStringLiteral("index")] = static_cast<qint64>(it.index);
    n[QStringLiteral("ts_ns")] = static_cast<qint64>(s.tsNs);
    n[QStringLiteral("offset_ns")] = static_cast<qint64>(it.tsNs - firstTs);
    n[QStringLiteral("trace_id")] = static_cast<qint64>(s.traceId);
    n[QStringLiteral("hook")] = QLatin1String(nftHookName(s.hook));
    n[QStringLiteral("hidden")] = s.hidden;
    n[QStringLiteral("read_in_kernel")] = s.exact;
    n[QStringLiteral("family")] = q(nfFamilyName(s.family));
    n[QStringLiteral("table")] = q(asm_.name(s.table));
    n[QStringLiteral("chain")] = q(asm_.name(s.chain));
    n[QStringLiteral("type")] = QLatin1String(nftTypeKey(s.type));
    n[QStringLiteral("rule_handle")] = static_cast<qint64>(s.ruleHandle);
    const QString rule = ruleText(s);
    n[QStringLiteral("rule_text")] = rule.isEmpty() ? QJsonValue(QJsonValue::Null) : rule;
    n[QStringLiteral("verdict")] = q(verdictName(effectiveVerdict(s)));
    n[QStringLiteral("jump_target")] =
        s.jumpTarget != 0 ? QJsonValue(q(asm_.name(s.jumpTarget))) : QJsonValue(QJsonValue::Null);
    return n;
}

QJsonObject Report::eventJson(const Event &e, uint64_t index, Layer layer, uint64_t firstTs) const {
    QJsonObject x;
    x[QStringLiteral("index")] = static_cast<qint64>(index);
    x[QStringLiteral("ts_ns")] = static_cast<qint64>(e.ts_ns);
    x[QStringLiteral("offset_ns")] = static_cast<qint64>(e.ts_ns - firstTs);
    x[QStringLiteral("probe")] = q(probeName(e.probe));
    x[QStringLiteral("layer")] = QLatin1String(layerName(layer));
    x[QStringLiteral("cpu")] = e.cpu;
    x[QStringLiteral("ifindex")] = static_cast<qint64>(e.ifindex);
    x[QStringLiteral("netns")] = static_cast<qint64>(e.netns);
    x[QStringLiteral("len")] = static_cast<qint64>(e.len);
    x[QStringLiteral("mark")] = static_cast<qint64>(e.mark);
    x[QStringLiteral("aux")] = static_cast<qint64>(e.aux);
    x[QStringLiteral("aux2")] = static_cast<qint64>(e.aux2);
    x[QStringLiteral("location")] =
        e.location != 0 ? QJsonValue(q(symbolName(e.location))) : QJsonValue(QJsonValue::Null);
    return x;
}

QJsonObject Report::journeyJson(JourneyId id) const {
    const JourneyRecord &rec = asm_.record(id);
    const Journey j = asm_.journey(id);
    QJsonObject o;
    o[QStringLiteral("id")] = static_cast<qint64>(id);
    o[QStringLiteral("skb")] = q(hex(rec.skb));
    o[QStringLiteral("first_ts_ns")] = static_cast<qint64>(rec.firstTs);
    o[QStringLiteral("last_ts_ns")] = static_cast<qint64>(rec.lastTs);
    o[QStringLiteral("duration_ns")] = static_cast<qint64>(rec.lastTs - rec.firstTs);
    o[QStringLiteral("fate")] = QLatin1String(fateKey(rec.fate));
    o[QStringLiteral("summary")] = q(summary(id, false));
    o[QStringLiteral("packet")] = packetJson(fields(id));
    o[QStringLiteral("drop")] = dropJson(j);
    o[QStringLiteral("verdict")] = verdictJson(j);
    o[QStringLiteral("parent_id")] = idOrNull(j.parent);
    o[QStringLiteral("delivered_clone_id")] = idOrNull(asm_.deliveredClone(id));
    o[QStringLiteral("nat")] = natJson(natSteps(id));
    o[QStringLiteral("conntrack")] = conntrackJson(id);
    QJsonObject layers;
    for (int l = 0; l < kLayerCount; ++l) {
        layers[q(lower(layerName(static_cast<Layer>(l))))] =
            static_cast<qint64>(j.layerNs[static_cast<size_t>(l)]);
    }
    o[QStringLiteral("layer_ns")] = layers;

    QJsonArray events, nft;
    const std::vector<Event> ev = asm_.events(id);
    for (const TimelineItem &it : asm_.timeline(id)) {
        if (it.nft) {
            nft.append(nftStepJson(it, rec.firstTs));
        } else {
            events.append(eventJson(ev[it.index - rec.eventBegin], it.index - rec.eventBegin,
                                    it.layer, rec.firstTs));
        }
    }
    o[QStringLiteral("events")] = events;
    o[QStringLiteral("nft")] = nft;
    return o;
}

QJsonObject Report::statsJson(const TraceStats &st) {
    QJsonObject o;
    o[QStringLiteral("total_events")] = static_cast<qint64>(st.totalEvents);
    o[QStringLiteral("packets")] = static_cast<qint64>(st.packets);
    o[QStringLiteral("probes_hit")] = static_cast<qint64>(st.probesHit);
    o[QStringLiteral("nft_chains")] = static_cast<qint64>(st.nftChains);
    o[QStringLiteral("nft_rules")] = static_cast<qint64>(st.nftRules);
    QJsonObject layers, verdicts, fates;
    for (int l = 0; l < kLayerCount; ++l) {
        layers[q(lower(layerName(static_cast<Layer>(l))))] =
            static_cast<qint64>(st.eventsByLayer[static_cast<size_t>(l)]);
    }
    for (const auto &[name, n] : st.packetsByVerdict) {
        verdicts[q(lower(name))] = static_cast<qint64>(n);
    }
    for (int f = 0; f < kFateCount; ++f) {
        fates[QLatin1String(fateKey(static_cast<Fate>(f)))] =
            static_cast<qint64>(st.packetsByFate[static_cast<size_t>(f)]);
    }
    o[QStringLiteral("events_by_layer")] = layers;
    o[QStringLiteral("packets_by_verdict")] = verdicts;
    o[QStringLiteral("packets_by_fate")] = fates;
    QJsonArray drops;
    for (const auto &[name, n] : st.topDropReasons) {
        QJsonObject d;
        d[QStringLiteral("reason")] = q(name);
        d[QStringLiteral("count")] = static_cast<qint64>(n);
        drops.append(d);
    }
    o[QStringLiteral("top_drop_reasons")] = drops;
    QJsonObject loss;
    loss[QStringLiteral("ringbuf_full")] = static_cast<qint64>(st.loss.ringbufFull);
    loss[QStringLiteral("track_full")] = static_cast<qint64>(st.loss.trackFull);
    loss[QStringLiteral("nft_lost")] = static_cast<qint64>(st.loss.nftLost);
    loss[QStringLiteral("unjoined_nft")] = static_cast<qint64>(st.unjoinedNft);
    loss[QStringLiteral("unused_headers")] = static_cast<qint64>(st.unusedHeaders);
    loss[QStringLiteral("filtered")] = static_cast<qint64>(st.loss.filtered);
    loss[QStringLiteral("excluded")] = static_cast<qint64>(st.loss.excluded);
    loss[QStringLiteral("bpf_events")] = static_cast<qint64>(st.loss.bpfEvents);
    loss[QStringLiteral("nat_continued")] = static_cast<qint64>(st.natContinued);
    loss[QStringLiteral("trace_id_collisions")] = static_cast<qint64>(st.traceIdCollisions);
    QJsonObject reasons;
    for (size_t i = 0; i < std::size(kUnjoinedReasons); ++i) {
        reasons[QLatin1String(kUnjoinedReasons[i].key)] =
            static_cast<qint64>(st.unjoinedByReason[i]);
    }
    loss[QStringLiteral("unjoined_nft_reasons")] = reasons;
    o[QStringLiteral("loss")] = loss;
    return o;
}

} // namespace nt
