#!/usr/bin/env bash
# Run it: installs what is missing, builds the release app and serves it at http://127.0.0.1:8080
# (PORT=… to change). The first visit opens a demo map.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
PORT="${PORT:-8080}"
echo "[serve] Journey Mapper at http://127.0.0.1:$PORT/  (Ctrl+C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
