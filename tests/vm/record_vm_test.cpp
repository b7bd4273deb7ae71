// nft-tracer-cli on Debian's own kernels: Debian 12's 6.1 and Debian 13's 6.12 cloud kernels
// boot in qemu, and inside each the recorder traces the namespace scenario of the privileged
// tests (tests/vm/scenarios/record_netns.sh): a SYN dropped by an nft rule and accepted ones.
#include "netns_recording.h"

#include <gtest/gtest.h>

namespace {

namespace vm = nt::test::vm;

class RecordInVm : public vm::KernelTest {};

// The recorder's default backend: tracepoints, with nftables verdicts from the trace netlink.
TEST_P(RecordInVm, TracepointsTellTheDroppedAndTheAcceptedSyn) {
    const vm::NetnsRecording r = vm::recordNetns(kernel, {}, "tracepoint");
    ASSERT_EQ(r.failure(), "");
    const std::string out = r.run.text("record.out");

    const QJsonObject meta = r.trace[QStringLiteral("meta")].toObject();
    EXPECT_NE(meta[QStringLiteral("kernel")].toString().toStdString().find(kernel.release),
              std::string::npos)
        << "the trace was not recorded on the VM's kernel";
    EXPECT_TRUE(
        meta[QStringLiteral("backend")].toString().startsWith(QLatin1String("tracepoints")));
    ASSERT_NE(r.dropHandle, 0) << r.run.text("ruleset.json");
    ASSERT_NE(r.acceptHandle, 0) << r.run.text("ruleset.json");

    ASSERT_FALSE(r.dropped.isEmpty()) << out;
    EXPECT_EQ(r.dropped[QStringLiteral("fate")].toString(), QStringLiteral("dropped_by_rule"))
        << out;
    const QJsonObject dv = r.dropped[QStringLiteral("verdict")].toObject();
    EXPECT_EQ(dv[QStringLiteral("verdict")].toString(), QStringLiteral("DROP"));
    EXPECT_EQ(dv[QStringLiteral("rule_handle")].toInteger(), r.dropHandle);
    EXPECT_EQ(dv[QStringLiteral("table")].toString(), QStringLiteral("fw"));
    EXPECT_EQ(dv[QStringLiteral("chain")].toString(), QStringLiteral("input"));
    EXPECT_EQ(r.dropped[QStringLiteral("drop")][QStringLiteral("reason")].toString(),
              QStringLiteral("NETFILTER_DROP"));
    // The journey starts where the veth hands the packet to ntb and ends in kfree_skb.
    const QStringList probes = vm::NetnsRecording::probes(r.dropped);
    EXPECT_TRUE(probes.contains(QStringLiteral("netif_receive_skb")))
        << probes.join(u' ').toStdString();
    EXPECT_EQ(probes.value(probes.size() - 1), QStringLiteral("kfree_skb"))
        << probes.join(u' ').toStdString();

    ASSERT_FALSE(r.accepted.isEmpty()) << out;
    EXPECT_EQ(r.accepted[QStringLiteral("fate")].toString(), QStringLiteral("delivered")) << out;
    const QJsonObject av = r.accepted[QStringLiteral("verdict")].toObject();
    EXPECT_EQ(av[QStringLiteral("verdict")].toString(), QStringLiteral("ACCEPT"));
    EXPECT_EQ(av[QStringLiteral("rule_handle")].toInteger(), r.acceptHandle);
    // Without function probes the verdicts come from netlink trace messages.
    EXPECT_FALSE(av[QStringLiteral("read_in_kernel")].toBool());
    EXPECT_TRUE(r.nftTraceSubscribed()) << r.run.text("netlink.txt");

    ASSERT_FALSE(r.open.isEmpty()) << out;
    EXPECT_EQ(r.open[QStringLiteral("fate")].toString(), QStringLiteral("delivered")) << out;
    if (!HasFailure()) {
        r.run.remove();
    }
}

NT_VM_TEST_ON_KERNELS(RecordInVm);

} // namespace
