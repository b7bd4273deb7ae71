#!/usr/bin/env bash
# Instructions per record of each consumer stage, counted by callgrind: nft message parse (and
# libnftnl's parse of the same messages, the former way), join, assembly and file write on replayed
# input (consumer_stages_bench), and the ring-buffer read on a live flood (pipeline_bench, root).
#
# Usage: bench/consumer_stages.sh [BUILD_DIR] [COPIES]     (default build/dev, 50)
# NT_STAGES_BENCH=PATH runs another build of consumer_stages_bench (e.g. this source compiled
# against another branch's libraries, for before/after figures).
set -euo pipefail
build=${1:-build/dev}
copies=${2:-50}
bench=${NT_STAGES_BENCH:-$build/bench/consumer_stages_bench}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$out/stages" \
  "$bench" "$copies" >"$out/stdout" 2>"$out/valgrind.log"
echo "instructions per record (callgrind, replayed input, $copies copies of the router trace):"
# One dump per stage, named by the stage (consumer_stages_bench's CALLGRIND_DUMP_STATS_AT).
for f in "$out"/stages.*; do
  stage=$(sed -n 's/^desc: Trigger: Client Request: //p' "$f")
  ir=$(sed -n 's/^summary: //p; s/^totals: //p' "$f" | head -n 1 | awk '{print $1}')
  units=$(awk -v s="$stage" '$1 == "stage" && $2 == s {print $3, $4}' "$out/stdout")
  [ -n "$stage" ] && [ -n "$units" ] || continue
  awk -v s="$stage" -v ir="$ir" -v u="$units" \
    'BEGIN { split(u, a, " "); printf "  %-15s %9.0f instructions per %s\n", s, ir / a[1], substr(a[2], 1, length(a[2]) - 1) }'
done

# The ring-buffer read: libbpf's consumer and the record callback, per record read, while a
# flood runs (under callgrind the consumer is ~50x slower, so the ring buffer loses most records;
# the count is per record actually read).
if [ "$(id -u)" = 0 ]; then
  valgrind --tool=callgrind --collect-atstart=no --toggle-collect='nt::BpfTracer::poll*' \
    --callgrind-out-file="$out/ring" "$build/bench/pipeline_bench" 3 all >"$out/ring.stdout" \
    2>"$out/ring.log" || true
  ir=$(sed -n 's/^summary: //p; s/^totals: //p' "$out/ring" 2>/dev/null | head -n 1 | awk '{print $1}')
  events=$(sed -n 's/^  events received *\([0-9]*\).*/\1/p' "$out/ring.stdout")
  headers=$(sed -n 's/^  packets tracked *\([0-9]*\),.*/\1/p' "$out/ring.stdout")
  if [ -n "$ir" ] && [ -n "$events" ] && [ "$events" -gt 0 ]; then
    awk -v ir="$ir" -v e="$events" -v h="${headers:-0}" \
      'BEGIN { printf "  %-15s %9.0f instructions per record (%d events + %d packet headers read)\n", "ring-buffer", ir / (e + h), e, h }'
  else
    echo "  ring-buffer     not measured (pipeline_bench under valgrind: see $out/ring.log)"
    tail -n 5 "$out/ring.log"
  fi
else
  echo "  ring-buffer     not measured: needs root (BPF, namespaces)"
fi
