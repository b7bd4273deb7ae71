#!/usr/bin/env bash
# Runs bench/veth_flood_bench inside the VM on Debian 12's and 13's kernels and prints its
# figures (untraced vs traced packets/s). Build first (cmake --build build/dev). The guest has
# one CPU unless NT_VM_CPUS says otherwise; the recorder shares it with the flood.
#
#   scripts/vm-bench.sh [--suite bookworm|trixie]... [BENCH OPTIONS, e.g. --seconds 5 -- --backend kprobe]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${NT_BUILD_DIR:-build/dev}
suites=()
while [ "${1:-}" = --suite ]; do
    suites+=("$2")
    shift 2
done
[ ${#suites[@]} -gt 0 ] || suites=(bookworm trixie)
failed=0
for b in "$build/src/cli/nft-tracer-cli" "$build/bench/veth_flood_bench"; do
    [ -x "$b" ] || { echo "vm-bench: $b is missing; build it first" >&2; exit 1; }
done
for suite in "${suites[@]}"; do
    kernel=$(scripts/vm-kernel.sh "$suite")
    out=$(mktemp -d)
    echo "== $suite ($(cat "$kernel/release"))"
    status=0
    tests/vm/run-vm.sh --kernel "$kernel" --scenario tests/vm/scenarios/flood_bench.sh \
        --out "$out" --bin "$build/src/cli/nft-tracer-cli" --bin "$build/bench/veth_flood_bench" \
        --timeout 1200 --cpus "${NT_VM_CPUS:-1}" -- "$@" 2>/dev/null || status=$?
    if [ "$status" = 0 ]; then
        cat "$out/bench.txt"
    else
        echo "vm-bench: the benchmark failed on $suite ($status):" >&2
        grep -v '^\[' "$out/console.log" | tail -n 20 >&2
        failed=1
    fi
    rm -rf "$out"
done
exit "$failed"
