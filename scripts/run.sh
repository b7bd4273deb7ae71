#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds nft-tracer and runs it. Without arguments it
# records every packet for 10 seconds; with arguments they go to nft-tracer-cli, e.g.
#   sudo ./scripts/run.sh record --filter "tcp port 443" -o https.nftrace
#   ./scripts/run.sh show https.nftrace
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-deps.sh >&2
cmake --preset dev >&2
cmake --build --preset dev -j"$(nproc)" --target nft-tracer-cli >&2
if [ $# -eq 0 ]; then
  set -- record --duration 10
fi
exec build/dev/src/cli/nft-tracer-cli "$@"
