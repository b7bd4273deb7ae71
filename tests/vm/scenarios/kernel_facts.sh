# vm-modules: veth nf_tables
# What the guest offers the recorder, one `name value` line each in /out/facts.txt: the
# running kernel, its BTF, the tracing file systems, and whether key functions are traceable.
{
    echo "release $(uname -r)"
    [ -r /sys/kernel/btf/vmlinux ] && echo "btf yes" || echo "btf no"
    [ -r /sys/kernel/btf/nf_tables ] && echo "btf_nf_tables yes" || echo "btf_nf_tables no"
    [ -e /sys/kernel/tracing/kprobe_events ] && echo "kprobe_events yes" || echo "kprobe_events no"
    for f in ip_rcv ip_local_deliver tcp_v4_rcv nft_do_chain; do
        grep -q "^$f\( \|$\)" /sys/kernel/tracing/available_filter_functions &&
            echo "traceable_$f yes" || echo "traceable_$f no"
    done
    grep -q '^veth ' /proc/modules && echo "module_veth yes" || echo "module_veth no"
} >/out/facts.txt
cat /out/facts.txt
