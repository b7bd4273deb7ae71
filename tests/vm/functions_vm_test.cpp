// Kernel function probes on Debian's own kernels, per backend: for each backend the kernel
// offers, the namespace scenario's SYNs pass ip_rcv, ip_local_deliver and nft_do_chain (and the
// accepted one tcp_v4_rcv) in their journeys, mixed with the tracepoints; a backend the kernel
// lacks is refused with the kernel's reason.
#include "vm_harness.h"

#include <QJsonArray>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <set>
#include <tuple>

namespace {

namespace vm = nt::test::vm;

constexpr int kAcceptedPort = 8081, kDroppedPort = 8082;

// Whether the kernel was built with what the backend needs.
bool offers(const vm::Kernel &k, const std::string &backend) {
    if (backend == "kprobe-multi") {
        return k.config("CONFIG_FPROBE") == "y";
    }
    if (backend == "kprobe") {
        return k.config("CONFIG_KPROBES") == "y";
    }
    return k.config("CONFIG_DYNAMIC_FTRACE_WITH_DIRECT_CALLS") == "y"; // fentry trampolines
}

// The earliest TCP journey to `dport` (the connection's SYN).
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

std::set<std::string> probesOf(const QJsonObject &journey) {
    std::set<std::string> names;
    for (const QJsonValue &e : journey[QStringLiteral("events")].toArray()) {
        names.insert(e.toObject()[QStringLiteral("probe")].toString().toStdString());
    }
    return names;
}

std::string joined(const std::set<std::string> &names) {
    std::string s;
    for (const std::string &n : names) {
        s += n + " ";
    }
    return s;
}

class FunctionsInVm : public ::testing::TestWithParam<std::tuple<std::string, std::string>> {
protected:
    void SetUp() override { NT_REQUIRE_VM_KERNEL(std::get<0>(GetParam()), kernel); }
    vm::Kernel kernel;
};

TEST_P(FunctionsInVm, DroppedAndAcceptedSynPassTheFunctions) {
    const std::string backend = std::get<1>(GetParam());
    vm::Scenario s;
    s.script = "record_netns.sh";
    s.args = {"--backend", backend, "--functions",
              "ip_rcv,ip_local_deliver,nft_do_chain,tcp_v4_rcv,nt_no_such_function"};
    const vm::Result r = vm::run(kernel, s, "functions-" + backend);
    const std::string err = r.text("record.err");

    if (!offers(kernel, backend)) {
        // Forced and missing: a clear refusal that names the backend, nothing recorded.
        EXPECT_NE(r.status, 0) << r.describe();
        EXPECT_NE(err.find("the " + backend + " backend is not available"), std::string::npos)
            << err;
        if (!HasFailure()) {
            r.remove();
        }
        return;
    }
    ASSERT_EQ(r.status, 0) << r.describe() << "\n--- record.err ---\n" << err;
    EXPECT_NE(err.find("nt_no_such_function"), std::string::npos)
        << "a missing function is listed and skipped:\n"
        << err;

    const QJsonDocument trace = r.json("trace.json");
    ASSERT_TRUE(trace.isObject()) << r.describe();
    const QJsonObject meta = trace[QStringLiteral("meta")].toObject();
    EXPECT_TRUE(meta[QStringLiteral("backend")].toString().startsWith(
        QString::fromStdString(backend + "+tracepoints")))
        << meta[QStringLiteral("backend")].toString().toStdString();
    int attachedFunctions = 0;
    for (const QJsonValue &v : meta[QStringLiteral("probes")].toArray()) {
        const QJsonObject p = v.toObject();
        if (p[QStringLiteral("kind")].toString().toStdString() == backend) {
            EXPECT_TRUE(p[QStringLiteral("attached")].toBool())
                << p[QStringLiteral("name")].toString().toStdString() << ": " << err;
            attachedFunctions += p[QStringLiteral("attached")].toBool() ? 1 : 0;
        }
    }
    EXPECT_EQ(attachedFunctions, 4) << err;

    // The input chain drops the SYN to 8082 in ip_local_deliver's netfilter hook, before TCP.
    const QJsonObject dropped = firstTcpJourneyTo(trace, kDroppedPort);
    ASSERT_FALSE(dropped.isEmpty()) << r.text("record.out");
    const std::set<std::string> droppedProbes = probesOf(dropped);
    for (const char *fn : {"ip_rcv", "ip_local_deliver", "nft_do_chain", "netif_receive_skb"}) {
        EXPECT_TRUE(droppedProbes.contains(fn)) << fn << " missing from " << joined(droppedProbes);
    }
    EXPECT_FALSE(droppedProbes.contains("tcp_v4_rcv")) << joined(droppedProbes);
    EXPECT_EQ(dropped[QStringLiteral("fate")].toString(), QStringLiteral("dropped_by_rule"));
    const QJsonObject dv = dropped[QStringLiteral("verdict")].toObject();
    EXPECT_EQ(dv[QStringLiteral("verdict")].toString(), QStringLiteral("DROP"));
    EXPECT_NE(dv[QStringLiteral("rule_handle")].toInteger(), 0);

    // The accepted SYN goes on to TCP.
    const QJsonObject accepted = firstTcpJourneyTo(trace, kAcceptedPort);
    ASSERT_FALSE(accepted.isEmpty()) << r.text("record.out");
    const std::set<std::string> acceptedProbes = probesOf(accepted);
    for (const char *fn : {"ip_rcv", "ip_local_deliver", "nft_do_chain", "tcp_v4_rcv"}) {
        EXPECT_TRUE(acceptedProbes.contains(fn))
            << fn << " missing from " << joined(acceptedProbes);
    }
    EXPECT_EQ(accepted[QStringLiteral("fate")].toString(), QStringLiteral("delivered"));
    if (!HasFailure()) {
        r.remove();
    }
}

INSTANTIATE_TEST_SUITE_P(DebianKernels, FunctionsInVm,
                         ::testing::Combine(::testing::ValuesIn(vm::suites()),
                                            ::testing::Values(std::string("kprobe-multi"),
                                                              std::string("kprobe"),
                                                              std::string("fentry"))),
                         [](const auto &info) {
                             std::string name =
                                 std::get<0>(info.param) + "_" + std::get<1>(info.param);
                             for (char &c : name) {
                                 c = c == '-' ? '_' : c;
                             }
                             return name;
                         });

} // namespace
