#!/bin/sh
# vm-modules: veth nf_tables
# What the guest offers the recorder, one `name value` line each in /out/facts.txt: the
# running kernel, its BTF, the tracing file systems, and whether key functions are traceable.
fact() { # NAME COMMAND...: "NAME yes" when the command succeeds, "NAME no" otherwise
    name=$1
    shift
    if "$@"; then echo "$name yes"; else echo "$name no"; fi
}
{
    echo "release $(uname -r)"
    fact btf test -r /sys/kernel/btf/vmlinux
    fact btf_nf_tables test -r /sys/kernel/btf/nf_tables
    fact kprobe_events test -e /sys/kernel/tracing/kprobe_events
    for f in ip_rcv ip_local_deliver tcp_v4_rcv nft_do_chain; do
        fact "traceable_$f" grep -q "^$f\( \|$\)" /sys/kernel/tracing/available_filter_functions
    done
    fact module_veth grep -q '^veth ' /proc/modules
} >/out/facts.txt
cat /out/facts.txt
