// nft-tracer-cli on Debian's own kernels: Debian 12's 6.1 and Debian 13's 6.12 cloud kernels
// boot in qemu, and inside each the recorder traces the namespace scenario of the privileged
// tests (tests/vm/scenarios/record_netns.sh): a SYN dropped by an nft rule and accepted ones.
#include "vm_harness.h"

#include <QJsonArray>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace {

namespace vm = nt::test::vm;

constexpr int kOpenPort = 8080, kAcceptedPort = 8081, kDroppedPort = 8082;

// The handle nft gave the rule of the chain whose expressions name `dport`.
qint64 ruleHandle(const QJsonDocument &chain, int dport) {
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

// The earliest TCP journey to `dport` (the connection's SYN) in an `export --format json`.
QJsonObject firstTcpJourneyTo(const QJsonDocument &trace, int dport) {
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

class RecordInVm : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override { NT_REQUIRE_VM_KERNEL(GetParam(), kernel); }
    vm::Kernel kernel;
};

// The recorder's default backend, tracepoints with the nftables trace netlink path.
TEST_P(RecordInVm, TracepointsTellTheDroppedAndTheAcceptedSyn) {
    vm::Scenario s;
    s.script = "record_netns.sh";
    const vm::Result r = vm::run(kernel, s, "tracepoint");
    ASSERT_EQ(r.status, 0) << r.describe() << "\n--- record.err ---\n" << r.text("record.err");

    const QJsonDocument trace = r.json("trace.json");
    ASSERT_TRUE(trace.isObject()) << r.describe();
    const QJsonObject meta = trace[QStringLiteral("meta")].toObject();
    EXPECT_NE(meta[QStringLiteral("kernel")].toString().toStdString().find(kernel.release),
              std::string::npos)
        << "the trace was not recorded on the VM's kernel";
    EXPECT_TRUE(
        meta[QStringLiteral("backend")].toString().startsWith(QLatin1String("tracepoints")));
    const QJsonDocument chain = r.json("ruleset.json");
    const qint64 dropHandle = ruleHandle(chain, kDroppedPort);
    const qint64 acceptHandle = ruleHandle(chain, kAcceptedPort);
    ASSERT_NE(dropHandle, 0) << r.text("ruleset.json");
    ASSERT_NE(acceptHandle, 0) << r.text("ruleset.json");

    const QJsonObject dropped = firstTcpJourneyTo(trace, kDroppedPort);
    ASSERT_FALSE(dropped.isEmpty()) << r.text("record.out");
    EXPECT_EQ(dropped[QStringLiteral("fate")].toString(), QStringLiteral("dropped_by_rule"))
        << r.text("record.out");
    const QJsonObject dv = dropped[QStringLiteral("verdict")].toObject();
    EXPECT_EQ(dv[QStringLiteral("verdict")].toString(), QStringLiteral("DROP"));
    EXPECT_EQ(dv[QStringLiteral("rule_handle")].toInteger(), dropHandle);
    EXPECT_EQ(dv[QStringLiteral("table")].toString(), QStringLiteral("fw"));
    EXPECT_EQ(dv[QStringLiteral("chain")].toString(), QStringLiteral("input"));

    const QJsonObject accepted = firstTcpJourneyTo(trace, kAcceptedPort);
    ASSERT_FALSE(accepted.isEmpty()) << r.text("record.out");
    EXPECT_EQ(accepted[QStringLiteral("fate")].toString(), QStringLiteral("delivered"))
        << r.text("record.out");
    const QJsonObject av = accepted[QStringLiteral("verdict")].toObject();
    EXPECT_EQ(av[QStringLiteral("verdict")].toString(), QStringLiteral("ACCEPT"));
    EXPECT_EQ(av[QStringLiteral("rule_handle")].toInteger(), acceptHandle);

    const QJsonObject open = firstTcpJourneyTo(trace, kOpenPort);
    ASSERT_FALSE(open.isEmpty()) << r.text("record.out");
    EXPECT_EQ(open[QStringLiteral("fate")].toString(), QStringLiteral("delivered"));
    if (!HasFailure()) {
        r.remove();
    }
}

INSTANTIATE_TEST_SUITE_P(DebianKernels, RecordInVm, ::testing::ValuesIn(vm::suites()),
                         [](const auto &info) { return info.param; });

} // namespace
