#!/usr/bin/env bash
# Sets up a fresh Debian 12 or 13 machine, builds nft-tracer and starts the desktop application
# (arguments are trace files to open). With `cli` first, runs nft-tracer-cli instead:
#   ./scripts/run.sh                      the desktop app (File ▸ Open Sample to look around)
#   ./scripts/run.sh trace.nftrace        the desktop app with a trace
#   sudo ./scripts/run.sh cli record --filter "tcp port 443" -o https.nftrace
#   ./scripts/run.sh cli show https.nftrace
# Live tracing from the desktop app needs the helper's system files installed once (or the
# packages, README: Install on Debian 12 or 13):
#   sudo cmake --install build/dev --prefix /usr
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-deps.sh >&2
cmake --preset dev >&2
if [ "${1:-}" = "cli" ]; then
  shift
  cmake --build --preset dev -j"$(nproc)" --target nft-tracer-cli >&2
  [ $# -gt 0 ] || set -- record --duration 10
  exec build/dev/src/cli/nft-tracer-cli "$@"
fi
cmake --build --preset dev -j"$(nproc)" --target nft-tracer nft-tracer-helper >&2
exec build/dev/src/gui/nft-tracer "$@"
