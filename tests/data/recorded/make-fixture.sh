#!/usr/bin/env bash
# Records tests/data/recorded/two-namespaces.nftrace: the traffic of the end-to-end test (ICMP,
# IPv6 ICMP, TCP to an open, an accepted and a dropped port) between two namespaces, seen from
# namespace B with its ruleset. Run as root from the repository root with a built CLI:
#   sudo tests/data/recorded/make-fixture.sh build/dev/src/cli/nft-tracer-cli
set -euo pipefail
cli=${1:?path to nft-tracer-cli}
out=tests/data/recorded/two-namespaces.nftrace
a=nt-fix-a b=nt-fix-b
cleanup() { ip netns del $a 2>/dev/null || true; ip netns del $b 2>/dev/null || true; }
trap cleanup EXIT
cleanup
ip netns add $a; ip netns add $b
ip -n $a link add veth-a type veth peer name veth-b netns $b
ip -n $a addr add 10.99.1.1/24 dev veth-a; ip -n $b addr add 10.99.1.2/24 dev veth-b
ip -n $a addr add fd99:1::1/64 dev veth-a nodad; ip -n $b addr add fd99:1::2/64 dev veth-b nodad
for ns in $a $b; do ip -n $ns link set lo up; done
ip -n $a link set veth-a up; ip -n $b link set veth-b up
ip netns exec $b nft -f - <<'NFT'
table inet fw {
  chain input {
    type filter hook input priority 0; policy accept;
    tcp dport 8081 accept
    tcp dport 8082 drop
  }
}
NFT
for port in 8080 8081 8082; do
  ip netns exec $b nc -l -k 10.99.1.2 $port >/dev/null 2>&1 &
done
ip netns exec $b nc -6 -l -k fd99:1::2 8080 >/dev/null 2>&1 &
sleep 0.3
rm -f "$out"
"$cli" record --netns $b --duration 4 --quiet -o "$out" --filter "host 10.99.1.1 or host fd99:1::1" &
rec=$!
sleep 1.5
ip netns exec $a ping -c 2 -i 0.2 -W 1 10.99.1.2 >/dev/null
ip netns exec $a ping -6 -c 1 -W 1 fd99:1::2 >/dev/null || true
for port in 8080 8081 8082; do ip netns exec $a nc -z -w 1 10.99.1.2 $port || true; done
ip netns exec $a nc -6 -z -w 1 fd99:1::2 8080 || true
wait $rec
kill $(jobs -p) 2>/dev/null || true
echo "wrote $out"
