// nft's own trace output (`nft -a monitor trace`) as an oracle for our journeys: parses it into
// per-packet rule sequences and checks that each packet's sequence lies in exactly one journey.
#pragma once

#include "assembler.h"
#include "journey.h"
#include "packet.h"
#include "trace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace nt::test {

// One trace message as nft printed it (its "packet:" line folded into the record it precedes).
struct OracleRecord {
    uint32_t traceId = 0;
    std::string family, table, chain;
    std::string kind; // "rule", "policy" or "return" (nft prints the last as "verdict X")
    uint64_t handle = 0;
    std::string verdict; // "accept", "jump sub", ... as nft printed it
    std::string packet;  // the "packet:" text printed before this record, if any
    size_t line = 0;     // 1-based line in nft's output

    // Identity of the message, shared with our own records (see recordKey()).
    std::string key() const {
        return std::to_string(traceId) + '|' + family + '|' + table + '|' + chain + '|' + kind +
               '|' + std::to_string(handle) + '|' + verdict;
    }
    bool ours() const { return table.starts_with(kTracerTablePrefix); }
    std::string text() const {
        char id[16];
        std::snprintf(id, sizeof id, "%08x", traceId);
        std::string s = std::string(id) + " " + family + " " + table + " " + chain + " " + kind;
        if (kind == "rule") {
            s += " handle " + std::to_string(handle);
        }
        return s + " (" + verdict + ")";
    }
};

// A base chain's place in the packet path, from `nft -j list chains`.
struct BaseChain {
    std::string hook;
    int64_t prio = 0;
};
using BaseChains = std::map<std::string, BaseChain>; // "family|table|chain"

inline std::string chainKey(const std::string &family, const std::string &table,
                            const std::string &chain) {
    return family + '|' + table + '|' + chain;
}

inline BaseChains parseBaseChains(const std::string &json) {
    BaseChains out;
    const QJsonArray items = QJsonDocument::fromJson(QByteArray::fromStdString(json))
                                 .object()[QStringLiteral("nftables")]
                                 .toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject c = v.toObject()[QStringLiteral("chain")].toObject();
        if (c.isEmpty() || !c.contains(QStringLiteral("hook"))) {
            continue;
        }
        out[chainKey(c[QStringLiteral("family")].toString().toStdString(),
                     c[QStringLiteral("table")].toString().toStdString(),
                     c[QStringLiteral("name")].toString().toStdString())] = {
            c[QStringLiteral("hook")].toString().toStdString(),
            c[QStringLiteral("prio")].toInteger()};
    }
    return out;
}

// Lines of `nft -a monitor trace`. Lines that are not trace messages are counted in `other`.
struct OracleOutput {
    std::vector<OracleRecord> records;
    std::vector<std::string> other;
};

inline OracleOutput parseMonitorTrace(const std::string &text) {
    OracleOutput out;
    std::unordered_map<uint32_t, std::string> packetLine; // printed before its record
    std::istringstream in(text);
    std::string line;
    size_t lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) {
            line.pop_back();
        }
        if (line.empty()) {
            continue;
        }
        std::istringstream ls(line);
        std::string w1, w2, id;
        OracleRecord r;
        ls >> w1 >> w2 >> id >> r.family >> r.table >> r.chain;
        if (w1 != "trace" || w2 != "id" || r.chain.empty()) {
            out.other.push_back(line);
            continue;
        }
        r.traceId = static_cast<uint32_t>(std::strtoul(id.c_str(), nullptr, 16));
        r.line = lineNo;
        std::string rest;
        std::getline(ls, rest);
        if (rest.starts_with(' ')) {
            rest.erase(0, 1);
        }
        if (rest.starts_with("packet:")) {
            packetLine[r.traceId] = rest;
            continue;
        }
        if (rest.starts_with("policy ")) {
            r.kind = "policy";
            r.verdict = rest.substr(7);
        } else if (rest.starts_with("verdict ")) {
            r.kind = "return";
            r.verdict = rest.substr(8);
        } else if (rest.starts_with("rule ") || rest.starts_with("unknown rule handle ")) {
            r.kind = "rule";
            const size_t v = rest.rfind(" (verdict ");
            if (v == std::string::npos || rest.back() != ')') {
                out.other.push_back(line);
                continue;
            }
            r.verdict = rest.substr(v + 10, rest.size() - v - 11);
            const std::string head = rest.substr(0, v);
            size_t h = head.rfind("# handle ");
            size_t skip = 9;
            if (h == std::string::npos) {
                h = head.rfind("unknown rule handle ");
                skip = 20;
            }
            if (h == std::string::npos) {
                out.other.push_back(line);
                continue;
            }
            r.handle = std::strtoull(head.c_str() + h + skip, nullptr, 10);
        } else {
            out.other.push_back(line);
            continue;
        }
        // A "mark" printed after a policy or return verdict is not part of the verdict.
        if (const size_t m = r.verdict.find(" meta mark"); m != std::string::npos) {
            r.verdict.resize(m);
        }
        if (auto it = packetLine.find(r.traceId); it != packetLine.end()) {
            r.packet = std::move(it->second);
            packetLine.erase(it);
        }
        out.records.push_back(std::move(r));
    }
    return out;
}

// nft's spelling of a verdict code (as in "(verdict jump sub)").
inline std::string nftVerdictText(int32_t code, const std::string &target) {
    std::string s;
    switch (code) {
    case verdict::Drop:
        s = "drop";
        break;
    case verdict::Accept:
        s = "accept";
        break;
    case verdict::Stolen:
        s = "stolen";
        break;
    case verdict::Queue:
        s = "queue";
        break;
    case verdict::Repeat:
        s = "repeat";
        break;
    case verdict::Stop:
        s = "stop";
        break;
    case verdict::Continue:
        s = "continue";
        break;
    case verdict::Break:
        s = "break";
        break;
    case verdict::Jump:
        s = "jump";
        break;
    case verdict::Goto:
        s = "goto";
        break;
    case verdict::Return:
        s = "return";
        break;
    default:
        s = "unknown";
    }
    return target.empty() ? s : s + " " + target;
}

// The same identity as OracleRecord::key() for one of our records.
inline std::string recordKey(const NftTraceRecord &r) {
    const char *kind = r.type == NftTraceType::Policy   ? "policy"
                       : r.type == NftTraceType::Return ? "return"
                                                        : "rule";
    const std::string v = r.type == NftTraceType::Policy
                              ? nftVerdictText(static_cast<int32_t>(r.policy), {})
                              : nftVerdictText(r.verdict, r.jumpTarget);
    return std::to_string(r.id) + '|' + nfFamilyName(r.family) + '|' + r.table + '|' + r.chain +
           '|' + kind + '|' + std::to_string(r.type == NftTraceType::Rule ? r.ruleHandle : 0) +
           '|' + v;
}

// One packet as nft saw it: its messages in order.
struct OraclePacket {
    std::vector<size_t> records; // indices into OracleOutput::records
};

// Where in the path a hook lies, per family class: a packet never goes back to an earlier
// hook (or the same base chain) of one class, so that starts a new packet with the same id.
inline std::pair<std::string, int> hookPlace(const std::string &family, const std::string &hook) {
    const std::string cls =
        family == "ip" || family == "ip6" || family == "inet" ? std::string("ip") : family;
    if (hook == "ingress" || hook == "prerouting" || hook == "output") {
        return {cls, 0};
    }
    if (hook == "input" || hook == "forward") {
        return {cls, 1};
    }
    return {cls, 2}; // postrouting, egress
}

// One skb is delivered to this host or forwarded, never both: a packet that already passed
// one of these hooks (of the same family class) and now starts a walk at the other is another
// packet in a recycled skb. A bridge floods copies to its ports as clones (other skbs) when it
// also delivers the frame up.
inline bool exclusiveHooks(const std::string &a, const std::string &b) {
    return (a == "input" && b == "forward") || (a == "forward" && b == "input");
}

// Groups nft's records by trace id and splits them into packets: a chain walk ends at a
// terminal verdict (accept, drop, queue, stolen) or its base chain's policy or return; a walk
// that starts at a base chain the packet already passed, at an earlier place than one it
// passed, or at a hook excluding one it passed (exclusiveHooks), is a new packet reusing the
// id (the id hashes the skb address, flow hash and iif).
inline std::vector<OraclePacket> splitPackets(const OracleOutput &out, const BaseChains &chains) {
    struct Walk {
        std::string base;
        std::pair<std::string, int> place;
        int64_t prio;
        std::string hook;
    };
    struct Open {
        size_t packet;
        std::vector<Walk> walks;
        bool walkEnded = true;
    };
    std::vector<OraclePacket> packets;
    std::unordered_map<uint32_t, Open> open;
    for (size_t i = 0; i < out.records.size(); ++i) {
        const OracleRecord &r = out.records[i];
        const std::string ck = chainKey(r.family, r.table, r.chain);
        const auto base = chains.find(ck);
        auto it = open.find(r.traceId);
        bool newPacket = it == open.end();
        const bool startsWalk = it == open.end() || it->second.walkEnded;
        if (!newPacket && startsWalk && base != chains.end()) {
            const auto place = hookPlace(r.family, base->second.hook);
            for (const Walk &w : it->second.walks) {
                if (w.base == ck ||
                    (w.place.first == place.first &&
                     (w.place.second > place.second ||
                      (w.place.second == place.second && w.prio > base->second.prio) ||
                      exclusiveHooks(w.hook, base->second.hook)))) {
                    newPacket = true;
                    break;
                }
            }
        }
        if (newPacket) {
            packets.emplace_back();
            it = open.insert_or_assign(r.traceId, Open{packets.size() - 1, {}, true}).first;
        }
        Open &o = it->second;
        if (startsWalk && base != chains.end()) {
            o.walks.push_back(
                {ck, hookPlace(r.family, base->second.hook), base->second.prio, base->second.hook});
        }
        packets[o.packet].records.push_back(i);
        const std::string v = r.verdict.substr(0, r.verdict.find(' '));
        o.walkEnded = r.kind == "policy" || (r.kind == "return" && base != chains.end()) ||
                      v == "accept" || v == "drop" || v == "queue" || v == "stolen";
    }
    return packets;
}

// The outcome of comparing nft's packets with our journeys.
struct OracleResult {
    size_t packets = 0; // packets with at least one rule evaluation outside our own tables
    size_t matched = 0; // ... whose evaluations all lie, in order, in exactly one journey
    size_t ownOnly = 0; // packets that passed only our own trace tables (not compared)
    std::map<std::string, size_t> reasons; // why packets did not match
    std::vector<std::string> examples;     // a few unmatched packets, explained
    double share() const { return packets == 0 ? 0.0 : 100.0 * matched / packets; }
    std::string summary(const std::string &scenario) const {
        char buf[256];
        std::snprintf(buf, sizeof buf,
                      "oracle %s: %zu of %zu nft packets in exactly one journey, in order "
                      "(%.1f %%)",
                      scenario.c_str(), matched, packets, share());
        std::string s = buf;
        for (const auto &[why, n] : reasons) {
            s += "\n  " + std::to_string(n) + " " + why;
        }
        for (const std::string &e : examples) {
            s += "\n" + e;
        }
        return s;
    }
};

inline std::string headerText(const Trace &trace, const Journey &j) {
    if (j.header == kNoIndex || j.header >= trace.packets.size()) {
        return "no header";
    }
    const PacketHeader &h = trace.packets[j.header];
    PacketFields f;
    if (!parsePacket(h.data, h.protocol, f)) {
        return "protocol " + std::to_string(h.protocol);
    }
    return protocolName(f.l4proto) + " " + endpointsToString(f);
}

// Checks every nft packet against the journeys assembled from `trace`. Our records and nft's
// are the same netlink messages: a record is identified by its key and its occurrence among
// the records with that key, so a packet is matched by identity, never by resemblance.
inline OracleResult compareWithOracle(const OracleOutput &out,
                                      const std::vector<OraclePacket> &packets, const Trace &trace,
                                      const Assembler &a, size_t maxExamples = 5) {
    std::unordered_map<std::string, std::vector<uint32_t>> ours;
    for (size_t i = 0; i < trace.nft.size(); ++i) {
        ours[recordKey(trace.nft[i])].push_back(static_cast<uint32_t>(i));
    }
    std::unordered_map<std::string, size_t> seen;
    std::vector<int64_t> ordinalOf(out.records.size(), -1);
    for (size_t i = 0; i < out.records.size(); ++i) {
        const std::string k = out.records[i].key();
        const size_t n = seen[k]++;
        const auto it = ours.find(k);
        if (it != ours.end() && n < it->second.size()) {
            ordinalOf[i] = it->second[n];
        }
    }
    OracleResult res;
    for (const OraclePacket &p : packets) {
        std::vector<size_t> compared;
        for (size_t i : p.records) {
            if (!out.records[i].ours()) {
                compared.push_back(i);
            }
        }
        if (compared.empty()) {
            ++res.ownOnly;
            continue;
        }
        ++res.packets;
        std::string why;
        std::set<JourneyId> journeys;
        size_t missing = 0, unjoined = 0;
        for (size_t i : compared) {
            if (ordinalOf[i] < 0) {
                ++missing;
                continue;
            }
            const JourneyId j = a.nftStep(static_cast<uint32_t>(ordinalOf[i])).journey;
            if (j == kNoJourney) {
                ++unjoined;
            } else {
                journeys.insert(j);
            }
        }
        if (missing > 0) {
            why = "not recorded by nft-tracer (message lost or never read)";
        } else if (unjoined > 0 && journeys.empty()) {
            why = "unjoined: no journey holds its rule evaluations";
        } else if (unjoined > 0) {
            why = "partly unjoined: some rule evaluations joined no journey";
        } else if (journeys.size() > 1) {
            why = "split over " + std::to_string(journeys.size()) + " journeys";
        } else {
            const std::vector<uint32_t> list = a.nftOf(*journeys.begin(), true);
            size_t pos = 0;
            bool inOrder = true;
            for (size_t i : compared) {
                const auto ord = static_cast<uint32_t>(ordinalOf[i]);
                const auto at =
                    std::find(list.begin() + static_cast<ptrdiff_t>(pos), list.end(), ord);
                if (at == list.end()) {
                    inOrder = false;
                    break;
                }
                pos = static_cast<size_t>(at - list.begin()) + 1;
            }
            if (!inOrder) {
                why = "in one journey, but out of order";
            }
        }
        if (why.empty()) {
            ++res.matched;
            continue;
        }
        ++res.reasons[why];
        if (res.examples.size() < maxExamples) {
            std::string e = "  - " + why + ":";
            for (size_t i : p.records) {
                const OracleRecord &r = out.records[i];
                e += "\n      nft line " + std::to_string(r.line) + ": " + r.text();
                if (!r.packet.empty()) {
                    e += "\n        " + r.packet.substr(0, 160);
                }
                if (r.ours()) {
                    e += "  (our own table: not compared)";
                } else if (ordinalOf[i] >= 0) {
                    const JourneyId j = a.nftStep(static_cast<uint32_t>(ordinalOf[i])).journey;
                    e += j == kNoJourney ? std::string("  -> unjoined")
                                         : "  -> journey " + std::to_string(j) + " [" +
                                               fateLabel(a.journey(j).fate) + ", " +
                                               headerText(trace, a.journey(j)) + "]";
                } else {
                    e += "  -> not in the trace file";
                }
            }
            res.examples.push_back(std::move(e));
        }
    }
    return res;
}

// Packets nft saw walking `table`/`chain` of `family` (coverage: was the packet traced at all).
inline size_t packetsThrough(const OracleOutput &out, const std::vector<OraclePacket> &packets,
                             const std::string &family, const std::string &table,
                             const std::string &chain) {
    return static_cast<size_t>(
        std::count_if(packets.begin(), packets.end(), [&](const OraclePacket &p) {
            return std::any_of(p.records.begin(), p.records.end(), [&](size_t i) {
                const OracleRecord &r = out.records[i];
                return r.family == family && r.table == table && r.chain == chain;
            });
        }));
}

} // namespace nt::test
