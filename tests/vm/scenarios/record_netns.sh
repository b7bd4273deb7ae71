#!/bin/sh
# vm-modules: veth nf_tables
# vm-tools: ip nft nc
# The namespace scenario of the privileged tests, inside the VM: namespaces nta and ntb over a
# veth pair, an nft rule in ntb accepting TCP to 8081 and dropping it to 8082, and nft-tracer-cli
# recording ntb while nta connects to 8080, 8081 and 8082. The arguments are more `record`
# options (e.g. --backend kprobe). Writes to /out: ruleset.json (nft -j -a of the chain),
# record.out, record.err, trace.nftrace, trace.json (`export --format json`) and netlink.txt
# (/proc/net/netlink of ntb while recording).
set -u
echo "scenario arguments: $#: $*"
addr_a=10.77.0.1 addr_b=10.77.0.2

ip netns add nta && ip netns add ntb || exit 10
ip link add name nta0 type veth peer name ntb0 || exit 10
ip link set nta0 netns nta && ip link set ntb0 netns ntb || exit 10
ip -n nta addr add "$addr_a/24" dev nta0 && ip -n ntb addr add "$addr_b/24" dev ntb0 || exit 10
for ns in nta ntb; do
    ip -n "$ns" link set lo up && ip -n "$ns" link set "${ns}0" up || exit 10
done
ip netns exec ntb nft -f - <<'RULES' || exit 11
table inet fw {
    chain input {
        type filter hook input priority 0; policy accept;
        tcp dport 8081 accept
        tcp dport 8082 drop
    }
}
RULES
ip netns exec ntb nft -j -a list chain inet fw input >/out/ruleset.json || exit 11
for port in 8080 8081 8082; do
    ip netns exec ntb nc -k -l "$addr_b" "$port" >/dev/null 2>&1 &
done

nft-tracer-cli record --netns ntb --duration 120 -o /out/trace.nftrace \
    --filter "host $addr_a" "$@" >/out/record.out 2>/out/record.err &
recorder=$!
# Loading and attaching BPF programs takes a while on an emulated CPU.
waited=0
until grep -q Recording /out/record.err; do
    if ! kill -0 "$recorder" 2>/dev/null || [ "$waited" -ge 240 ]; then
        echo "the recorder did not start:" >&2
        cat /out/record.err >&2
        exit 12
    fi
    sleep 0.5
    waited=$((waited + 1))
done

for port in 8080 8081 8082; do
    ip netns exec nta nc -z -w 2 "$addr_b" "$port"
done
sleep 1
# Who listens to nft trace messages (NFNLGRP_NFTRACE) in ntb while recording.
ip netns exec ntb cat /proc/net/netlink >/out/netlink.txt
kill -INT "$recorder"
wait "$recorder"
rc=$?
echo "record exited with $rc"
tail -n 5 /out/record.err
[ "$rc" = 0 ] || exit 13
nft-tracer-cli export /out/trace.nftrace --format json -o /out/trace.json || exit 14
