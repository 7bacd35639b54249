#!/usr/bin/env bash
# Test it: installs what is missing, then runs every check and test:
#   format, module cycles, clippy (native + wasm32), native tests, browser unit tests (wasm-bindgen-test in
#   headless Chromium), and Playwright end-to-end tests against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "module cycles"
node scripts/module-cycles.mjs

step "clippy (native)"
cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy (wasm32)"
cargo clippy --workspace --target wasm32-unknown-unknown --all-targets --all-features --locked -- -D warnings

step "native tests"
cargo test --locked 2>&1 | tee .test-native.log

step "browser unit tests (wasm-bindgen-test, headless Chromium)"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT=120
export WASM_BINDGEN_TEST_TIMEOUT=120
cargo test --locked --target wasm32-unknown-unknown --features ui --test browser --test browser_datasets --test browser_charts --test browser_decode 2>&1 | tee .test-browser.log

step "release build"
trunk build --release --offline

step "end-to-end tests (Playwright, release build on a static server)"
node --test --test-concurrency=1 tests/e2e/ 2>&1 | tee .test-e2e.log

native=$(grep -hoE '^test result: ok\. [0-9]+ passed' .test-native.log | awk '{s+=$4} END {print s+0}')
browser=$(grep -hoE '^test result: ok\. [0-9]+ passed' .test-browser.log | awk '{s+=$4} END {print s+0}')
e2e=$(grep -hoE '^# pass [0-9]+' .test-e2e.log | awk '{print $3}')
step "summary"
echo "native tests: $native, browser unit tests: $browser, end-to-end tests: $e2e"
echo "first load (gzip): $(node scripts/first-load.mjs dist)"
echo "took $(( $(date +%s) - start )) s"
echo "$(( native + browser + e2e )) passed, 0 failed"
