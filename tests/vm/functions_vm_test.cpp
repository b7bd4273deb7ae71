// Kernel function probes on Debian's own kernels, per backend: for each backend the kernel
// offers, the namespace scenario's SYNs pass ip_rcv, ip_local_deliver and nft_do_chain (and the
// accepted one tcp_v4_rcv) in their journeys, mixed with the tracepoints, and their nft verdicts
// (rule handle, verdict, chain, table) are read in BPF at the kernel's trace function with no
// netlink trace subscription; a backend the kernel lacks is refused with the kernel's reason.
#include "netns_recording.h"

#include <gtest/gtest.h>

#include <tuple>

namespace {

namespace vm = nt::test::vm;

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

// The verdict of the journey's chain record (nft_do_chain's return) for `chain` of table fw,
// "" when there is none or it was not read in the kernel.
QString chainVerdict(const QJsonObject &journey, const char *chain) {
    for (const QJsonValue &v : journey[QStringLiteral("nft")].toArray()) {
        const QJsonObject n = v.toObject();
        if (n[QStringLiteral("type")].toString() == QLatin1String("chain") &&
            n[QStringLiteral("table")].toString() == QLatin1String("fw") &&
            n[QStringLiteral("chain")].toString() == QLatin1String(chain) &&
            n[QStringLiteral("read_in_kernel")].toBool()) {
            return n[QStringLiteral("verdict")].toString();
        }
    }
    return {};
}

class FunctionsInVm : public ::testing::TestWithParam<std::tuple<std::string, std::string>> {
protected:
    void SetUp() override { NT_REQUIRE_VM_KERNEL(std::get<0>(GetParam()), kernel); }
    vm::Kernel kernel;
};

TEST_P(FunctionsInVm, DroppedAndAcceptedSynPassTheFunctions) {
    const std::string backend = std::get<1>(GetParam());
    const vm::NetnsRecording r =
        vm::recordNetns(kernel,
                        {"--backend", backend, "--functions",
                         "ip_rcv,ip_local_deliver,nft_do_chain,tcp_v4_rcv,nt_no_such_function"},
                        "functions-" + backend);
    const std::string err = r.run.text("record.err");

    if (!offers(kernel, backend)) {
        // Forced and missing: a clear refusal that names the backend, nothing recorded.
        EXPECT_NE(r.run.status, 0) << r.run.describe();
        EXPECT_NE(err.find("the " + backend + " backend is not available"), std::string::npos)
            << err;
        if (!HasFailure()) {
            r.run.remove();
        }
        return;
    }
    ASSERT_EQ(r.failure(), "");
    EXPECT_NE(err.find("nt_no_such_function"), std::string::npos)
        << "a missing function is listed and skipped:\n"
        << err;

    const QJsonObject meta = r.trace[QStringLiteral("meta")].toObject();
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
    ASSERT_FALSE(r.dropped.isEmpty()) << r.run.text("record.out");
    const QStringList dropped = vm::NetnsRecording::probes(r.dropped);
    for (const char *fn : {"ip_rcv", "ip_local_deliver", "nft_do_chain", "netif_receive_skb"}) {
        EXPECT_TRUE(dropped.contains(QLatin1String(fn)))
            << fn << " missing from " << dropped.join(u' ').toStdString();
    }
    EXPECT_FALSE(dropped.contains(QLatin1String("tcp_v4_rcv")));
    EXPECT_EQ(r.dropped[QStringLiteral("fate")].toString(), QStringLiteral("dropped_by_rule"));
    const QJsonObject dv = r.dropped[QStringLiteral("verdict")].toObject();
    EXPECT_EQ(dv[QStringLiteral("verdict")].toString(), QStringLiteral("DROP"));
    EXPECT_EQ(dv[QStringLiteral("rule_handle")].toInteger(), r.dropHandle);
    // Read in BPF at the kernel's trace function, joined by the skb's address, with nobody
    // subscribed to the netlink trace messages.
    EXPECT_TRUE(dv[QStringLiteral("read_in_kernel")].toBool());
    EXPECT_EQ(dv[QStringLiteral("table")].toString(), QStringLiteral("fw"));
    EXPECT_EQ(dv[QStringLiteral("chain")].toString(), QStringLiteral("input"));
    EXPECT_EQ(dv[QStringLiteral("family")].toString(), QStringLiteral("inet"));
    EXPECT_FALSE(dv[QStringLiteral("by_policy")].toBool());
    EXPECT_TRUE(meta[QStringLiteral("backend")].toString().endsWith(QLatin1String("+nftrace-bpf")))
        << meta[QStringLiteral("backend")].toString().toStdString();
    EXPECT_NE(err.find("nftables verdicts: read in the kernel at __nft_trace_packet"),
              std::string::npos)
        << err;
    EXPECT_FALSE(r.nftTraceSubscribed()) << r.run.text("netlink.txt");
    // The base chain's own verdict, read at nft_do_chain's return next to the skb.
    EXPECT_NE(err.find("chain verdicts: read in the kernel at nft_do_chain's return"),
              std::string::npos)
        << err;
    EXPECT_EQ(chainVerdict(r.dropped, "input"), QStringLiteral("DROP"))
        << QJsonDocument(r.dropped).toJson().toStdString();

    // The accepted SYN goes on to TCP.
    ASSERT_FALSE(r.accepted.isEmpty()) << r.run.text("record.out");
    const QStringList accepted = vm::NetnsRecording::probes(r.accepted);
    for (const char *fn : {"ip_rcv", "ip_local_deliver", "nft_do_chain", "tcp_v4_rcv"}) {
        EXPECT_TRUE(accepted.contains(QLatin1String(fn)))
            << fn << " missing from " << accepted.join(u' ').toStdString();
    }
    EXPECT_EQ(r.accepted[QStringLiteral("fate")].toString(), QStringLiteral("delivered"));
    const QJsonObject av = r.accepted[QStringLiteral("verdict")].toObject();
    EXPECT_EQ(av[QStringLiteral("verdict")].toString(), QStringLiteral("ACCEPT"));
    EXPECT_EQ(av[QStringLiteral("rule_handle")].toInteger(), r.acceptHandle);
    EXPECT_EQ(av[QStringLiteral("chain")].toString(), QStringLiteral("input"));
    EXPECT_TRUE(av[QStringLiteral("read_in_kernel")].toBool());
    EXPECT_EQ(chainVerdict(r.accepted, "input"), QStringLiteral("ACCEPT"))
        << QJsonDocument(r.accepted).toJson().toStdString();
    if (!HasFailure()) {
        r.run.remove();
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
