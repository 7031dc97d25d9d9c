#!/usr/bin/env bash
# Starts Kept for the browser tests on a throw-away embedded database.
set -euo pipefail
port="$1"
dir="$(mktemp -d /tmp/kept-browser-XXXXXX)"
trap 'rm -rf "$dir"' EXIT
[ -f web/dist/index.html ] || npm run build:web --silent
PORT="$port" KEPT_SMTP_PORT="${KEPT_SMTP_PORT:-2599}" KEPT_DATA_DIR="$dir" KEPT_PUBLIC_URL="http://127.0.0.1:$port" LOG_LEVEL=warn exec node bin/kept.mjs serve
