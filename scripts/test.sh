#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs every test: build, ctest (all labels), fuzzers.
# Privileged tests need root; with NFT_TRACER_CI=1 a test that would skip fails instead.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup-deps.sh

cmake --preset dev
cmake --build --preset dev -j"$(nproc)"
ctest --test-dir build/dev --output-on-failure -j2 --timeout 300

# Fuzzers: a short run each, on top of the corpus in tests/fuzz/corpus.
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)"
for f in build/fuzz/tests/fuzz/*_fuzz; do
  [ -x "$f" ] || continue
  name=$(basename "$f")
  corpus=$(mktemp -d)
  seeds=tests/fuzz/corpus/${name%_fuzz}
  [ -d "$seeds" ] && cp -r "$seeds"/. "$corpus"/
  echo "fuzzing $name for ${NT_FUZZ_SECONDS:-30} s"
  "$f" -max_total_time="${NT_FUZZ_SECONDS:-30}" -timeout=10 -rss_limit_mb=2048 "$corpus" 2>&1 | tail -n 3
  rm -rf "$corpus"
done
echo "fuzzers: no crash"
