// The namespace scenario recorded inside a VM (tests/vm/scenarios/record_netns.sh), read back:
// the export's journeys of the dropped, the accepted and the open-port SYN, and the handles nft
// gave the rules. Backends add their `record` options (e.g. {"--backend", "kprobe"}).
#pragma once

#include "vm_harness.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <sstream>
#include <string>
#include <vector>

namespace nt::test::vm {

struct NetnsRecording {
    static constexpr int kOpenPort = 8080, kAcceptedPort = 8081, kDroppedPort = 8082;

    Result run;
    QJsonDocument trace;   // `nft-tracer-cli export --format json`
    qint64 dropHandle = 0; // the handles of the rules dropping and accepting
    qint64 acceptHandle = 0;
    QJsonObject dropped; // the first journey to each port: the connection's SYN
    QJsonObject accepted;
    QJsonObject open;

    // The probe names of a journey's events, in order (tracepoints and functions alike).
    static QStringList probes(const QJsonObject &journey) {
        QStringList names;
        for (const QJsonValue &e : journey[QStringLiteral("events")].toArray()) {
            names << e.toObject()[QStringLiteral("probe")].toString();
        }
        return names;
    }

    // Whether a netlink socket in the traced namespace was subscribed to nftables' trace
    // messages (NFNLGRP_NFTRACE) while recording, from /proc/net/netlink.
    bool nftTraceSubscribed() const {
        constexpr unsigned kNetlinkNetfilter = 12, kNftraceGroupBit = 1U << (9 - 1);
        std::istringstream lines(run.text("netlink.txt"));
        std::string line;
        std::getline(lines, line); // sk Eth Pid Groups ...
        while (std::getline(lines, line)) {
            std::istringstream f(line);
            std::string sk;
            unsigned eth = 0, pid = 0;
            std::string groups;
            if (f >> sk >> eth >> pid >> groups && eth == kNetlinkNetfilter &&
                (std::stoul(groups, nullptr, 16) & kNftraceGroupBit) != 0) {
                return true;
            }
        }
        return false;
    }

    // Why the recording cannot be checked (the VM or the recorder failed), or empty.
    std::string failure() const {
        if (run.status != 0) {
            return "the scenario failed (exit status " + std::to_string(run.status) + ")\n" +
                   run.describe() + "\n--- record.err ---\n" + run.text("record.err");
        }
        if (!trace.isObject()) {
            return "no trace.json\n" + run.describe();
        }
        return {};
    }
};

namespace detail {

// The handle nft gave the rule of the chain whose expressions name `dport`.
inline qint64 ruleHandle(const QJsonDocument &chain, int dport) {
    for (const QJsonValue &v : chain.object()[QStringLiteral("nftables")].toArray()) {
        const QJsonObject rule = v.toObject()[QStringLiteral("rule")].toObject();
        if (!rule.isEmpty() && QJsonDocument(rule[QStringLiteral("expr")].toArray())
                                   .toJson()
                                   .contains(QByteArray::number(dport))) {
            return rule[QStringLiteral("handle")].toInteger();
        }
    }
    return 0;
}

// The earliest TCP journey to `dport` in an export.
inline QJsonObject firstTcpJourneyTo(const QJsonDocument &trace, int dport) {
    QJsonObject best;
    for (const QJsonValue &v : trace.object()[QStringLiteral("journeys")].toArray()) {
        const QJsonObject j = v.toObject();
        const QJsonObject p = j[QStringLiteral("packet")].toObject();
        if (p[QStringLiteral("protocol")].toString().compare(QLatin1String("tcp"),
                                                             Qt::CaseInsensitive) != 0 ||
            p[QStringLiteral("dport")].toInt() != dport) {
            continue;
        }
        if (best.isEmpty() || j[QStringLiteral("first_ts_ns")].toInteger() <
                                  best[QStringLiteral("first_ts_ns")].toInteger()) {
            best = j;
        }
    }
    return best;
}

} // namespace detail

// Boots `k`, records the scenario with `recordArgs` added to `nft-tracer-cli record`, and reads
// it back. `name` keeps the result folders of one test apart.
inline NetnsRecording recordNetns(const Kernel &k, const std::vector<std::string> &recordArgs,
                                  const std::string &name) {
    Scenario s;
    s.script = "record_netns.sh";
    s.args = recordArgs;
    NetnsRecording r;
    r.run = run(k, s, name);
    r.trace = r.run.json("trace.json");
    const QJsonDocument chain = r.run.json("ruleset.json");
    r.dropHandle = detail::ruleHandle(chain, NetnsRecording::kDroppedPort);
    r.acceptHandle = detail::ruleHandle(chain, NetnsRecording::kAcceptedPort);
    r.dropped = detail::firstTcpJourneyTo(r.trace, NetnsRecording::kDroppedPort);
    r.accepted = detail::firstTcpJourneyTo(r.trace, NetnsRecording::kAcceptedPort);
    r.open = detail::firstTcpJourneyTo(r.trace, NetnsRecording::kOpenPort);
    return r;
}

} // namespace nt::test::vm
