#!/bin/sh
# vm-modules: veth nf_tables
# The attach/detach benchmark (bench/function_attach_bench) on the guest's kernel. Arguments:
# the benchmark's own. Writes /out/bench.txt.
function_attach_bench "$@" >/out/bench.txt 2>&1
rc=$?
cat /out/bench.txt
exit $rc
