#!/usr/bin/env bash
# Installs every tool Journey Mapper needs to build and test, skipping what is already there.
# Safe to run again: each step checks first. Used by scripts/serve.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock exactly.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WBG_VERSION" \
  || ! wasm-bindgen-test-runner --version 2>/dev/null | grep -q "$WBG_VERSION"; then
  log "installing wasm-bindgen-cli $WBG_VERSION (about 5 minutes)"
  # Without --locked on purpose: the locked dependency set is not all in the registry.
  cargo install --force "wasm-bindgen-cli@$WBG_VERSION"
fi

# wasm-split-cli cuts the app's wasm into lazily loaded chunks (scripts/post-build.mjs); its version
# follows the wasm_split_helpers crate that leptos uses (Cargo.lock).
SPLIT_VERSION=$(awk '/^name = "wasm_split_helpers"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
if ! cargo install --list | grep -q "^wasm_split_cli_support v$SPLIT_VERSION:"; then
  log "installing wasm-split-cli $SPLIT_VERSION (about 2 minutes)"
  cargo install --force "wasm_split_cli_support@$SPLIT_VERSION" --features build-binary
fi

# Chromium for the browser tests; a Korean font so screenshots of the Korean UI are readable.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
  || ! fc-list 2>/dev/null | grep -qi nanum; then
  log "installing Debian's chromium, chromium-driver and fonts-nanum"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-nanum >/dev/null
fi

# npm: playwright-core, @axe-core/playwright and binaryen (wasm-opt 132: Debian's 108 breaks the wasm).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm test packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
log "tools ready: $(trunk --version), wasm-bindgen $(wasm-bindgen --version | cut -d' ' -f2), wasm-split-cli $SPLIT_VERSION, $(chromium --version | head -c 40), wasm-opt $(node_modules/.bin/wasm-opt --version | cut -d' ' -f3)"
