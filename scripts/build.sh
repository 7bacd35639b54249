#!/usr/bin/env bash
# Builds the release app into dist/ (installs missing tools first).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"   # binaryen's wasm-opt first
export TRUNK_SKIP_VERSION_CHECK=true
trunk build --release --offline
echo "[build] dist/: $(du -sh dist | cut -f1)"
