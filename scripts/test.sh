#!/usr/bin/env bash
# Sets up a fresh Debian 12 or 13 machine and runs every test: build, ctest (all labels), the
# command-line-only build, fuzzers, and in CI (NFT_TRACER_CI=1, or NT_PACKAGE_STAGE=1) the
# clean-machine stage: packages built and installed on fresh Debian 12 and 13 chroots.
# Privileged tests need root; with NFT_TRACER_CI=1 a test that would skip fails instead.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup-deps.sh

cmake --preset dev
cmake --build --preset dev -j"$(nproc)"
# The VM tests boot Debian 12's and 13's cloud kernels: fetch them (or reuse the cache) before
# the tests run in parallel. When this fails the vm tests fail too (NFT_TRACER_CI=1), saying why.
./scripts/vm-kernel.sh bookworm trixie || echo "vm-kernel.sh could not fetch the VM kernels"
ctest --test-dir build/dev --output-on-failure -j2 --timeout 300

# Screenshots of every main view in English and Vietnamese, rendered by a real X server (Xvfb)
# and kept as output in build/dev/tests/screenshots for people to look at.
(cd build/dev/tests && xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
  ./main_window_test --gtest_filter='*Screenshot*' && ls screenshots)

# The command-line tool alone: no desktop app, no helper, Qt Core only.
cmake -S . -B build/cli -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNT_BUILD_GUI=OFF \
  -DNT_BUILD_HELPER=OFF -DNT_BUILD_BENCH=OFF
cmake --build build/cli -j"$(nproc)"
if ldd build/cli/src/cli/nft-tracer-cli | grep -E 'Qt6(Widgets|Gui|Charts|DBus)'; then
  echo "the command-line-only nft-tracer-cli links more than Qt Core" >&2
  exit 1
fi
ctest --test-dir build/cli --output-on-failure -j2 --timeout 300 -L unit

# Style: clang-format and clang-tidy (the checks in .clang-tidy) must be clean.
git ls-files -- '*.cpp' '*.h' '*.c' | xargs clang-format --dry-run --Werror
# The header filter is anchored at the clone: .clang-tidy's relative one would also match the
# generated BPF skeleton under build/ when the clone itself lives in a folder named src.
run-clang-tidy -p build/dev -quiet -header-filter="^$(pwd)/(src|helper|bpf|tests)/" \
  "$(pwd)/(src|helper)/" > build/dev/clang-tidy.log 2>&1 || {
  grep -E "(warning|error):" build/dev/clang-tidy.log | head -50
  echo "clang-tidy found problems (full log: build/dev/clang-tidy.log)"
  exit 1
}
echo "clang-format and clang-tidy: clean"

# Fuzzers: a short run each, seeded from the fixtures (and a dictionary where one exists).
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)"
seconds=${NT_FUZZ_SECONDS:-30}
for f in build/fuzz/tests/fuzz/*_fuzz; do
  [ -x "$f" ] || continue
  name=$(basename "$f")
  corpus=$(mktemp -d)
  extra=()
  case "$name" in
    tracefile_fuzz) cp tests/data/tracefile/*.nftrace "$corpus"/ ;;
    page_fuzz) # the schema-3 fixture's packed pages, each behind its kind byte
      sqlite3 tests/data/tracefile/v3.nftrace \
        "SELECT writefile('$corpus/e' || rowid, x'80' || data) FROM event_pages;
         SELECT writefile('$corpus/p' || rowid, x'81' || data) FROM packet_pages;
         SELECT writefile('$corpus/n' || rowid, x'82' || data) FROM nft_pages;" >/dev/null ;;
    filter_fuzz) extra+=(-dict=tests/fuzz/filter_fuzz.dict) ;;
  esac
  echo "fuzzing $name for $seconds s"
  "$f" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 "${extra[@]}" "$corpus" 2>&1 | tail -n 2
  rm -rf "$corpus"
done
echo "fuzzers: no crash"

# Clean machines: build, test and package on fresh Debian 13 and 12 chroots, install test.
if [ "${NT_PACKAGE_STAGE:-${NFT_TRACER_CI:-0}}" = 1 ]; then
  ./scripts/clean-machine.sh
fi
