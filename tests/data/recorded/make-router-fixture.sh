#!/usr/bin/env bash
# Records tests/data/recorded/router-nat.nftrace (or OUT; router-nat-v2.nftrace was recorded
# with it by the version writing schema 2): a router namespace R between a client C and a
# server S, with a DNAT port forward (R:8080 -> S:80, UDP R:5000 -> S:5000), masquerade towards
# S and plain IPv6 forwarding, recorded in R. Traffic: a TCP connection through the port
# forward, a UDP datagram through it, a ping and a TCP connection over IPv6. Run as root from
# the repository root with a built CLI:
#   sudo tests/data/recorded/make-router-fixture.sh build/dev/src/cli/nft-tracer-cli [OUT]
set -euo pipefail
cli=${1:?path to nft-tracer-cli}
out=${2:-tests/data/recorded/router-nat.nftrace}
c=nt-fix-c r=nt-fix-r s=nt-fix-s
cleanup() { for ns in $c $r $s; do ip netns del $ns 2>/dev/null || true; done; }
trap cleanup EXIT
cleanup
for ns in $c $r $s; do ip netns add $ns; ip -n $ns link set lo up; done
ip -n $c link add c0 type veth peer name r0 netns $r
ip -n $s link add s0 type veth peer name r1 netns $r
ip -n $c addr add 10.98.1.1/24 dev c0; ip -n $c addr add fd98:1::1/64 dev c0 nodad
ip -n $r addr add 10.98.1.254/24 dev r0; ip -n $r addr add fd98:1::fe/64 dev r0 nodad
ip -n $r addr add 10.98.2.254/24 dev r1; ip -n $r addr add fd98:2::fe/64 dev r1 nodad
ip -n $s addr add 10.98.2.2/24 dev s0; ip -n $s addr add fd98:2::2/64 dev s0 nodad
ip -n $c link set c0 up; ip -n $s link set s0 up; ip -n $r link set r0 up; ip -n $r link set r1 up
ip -n $c route add default via 10.98.1.254; ip -n $c -6 route add default via fd98:1::fe
ip -n $s -6 route add default via fd98:2::fe
ip netns exec $r sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
ip netns exec $r nft -f - <<'NFT'
table ip nat {
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    iifname "r0" tcp dport 8080 dnat to 10.98.2.2:80
    iifname "r0" udp dport 5000 dnat to 10.98.2.2:5000
  }
  chain postrouting {
    type nat hook postrouting priority srcnat; policy accept;
    oifname "r1" ip saddr 10.98.1.0/24 masquerade
  }
}
table inet fw {
  chain forward {
    type filter hook forward priority filter; policy drop;
    ct state established,related accept
    tcp dport { 80, 81 } accept
    udp dport 5000 accept
    icmpv6 type { echo-request, echo-reply } accept
  }
}
NFT
ip netns exec $s nc -l -k 10.98.2.2 80 >/dev/null 2>&1 &
ip netns exec $s nc -6 -l -k fd98:2::2 81 >/dev/null 2>&1 &
ip netns exec $s nc -u -l 10.98.2.2 5000 >/dev/null 2>&1 &
sleep 0.3
rm -f "$out"
"$cli" record --netns $r --duration 6 --quiet -o "$out" &
rec=$!
sleep 3
ip netns exec $c nc -z -w 1 10.98.1.254 8080 || true
echo hello | ip netns exec $c nc -u -w 1 10.98.1.254 5000 || true
ip netns exec $c ping -6 -c 1 -W 1 fd98:2::2 >/dev/null || true
ip netns exec $c nc -6 -z -w 1 fd98:2::2 81 || true
wait $rec
kill $(jobs -p) 2>/dev/null || true
echo "wrote $out"
