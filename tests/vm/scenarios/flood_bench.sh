#!/bin/sh
# vm-modules: veth nf_tables
# vm-tools: ip nft
# The per-packet cost benchmark (bench/veth_flood_bench) on the guest's kernel. Arguments:
# the benchmark's own. Writes /out/bench.txt.
veth_flood_bench "$@" >/out/bench.txt
rc=$?
cat /out/bench.txt
exit $rc
