#!/usr/bin/env bash
# Every test Kept has: that the repository stands alone, types, unit, web components, the API
# on PGlite and PostgreSQL, and the web app in headless Chromium. Prints one closing line:
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
mkdir -p .test-results
failed_steps=()

step() { echo; echo "=== $1"; }

step "The repository stands alone (nothing read from beside the checkout)"
bash scripts/check-standalone.sh || failed_steps+=("standalone")

step "Chromium for the browser tests"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "could not install chromium"
  else
    echo "chromium is missing and cannot be installed here (needs root and apt-get)"
  fi
fi
command -v chromium >/dev/null 2>&1 && chromium --version 2>/dev/null | head -1

step "Type check"
npx tsc -p tsconfig.json --noEmit || failed_steps+=("typecheck (server)")
npx tsc -p web/tsconfig.json --noEmit || failed_steps+=("typecheck (web)")
npx tsc -p tests/browser/tsconfig.json --noEmit || failed_steps+=("typecheck (browser tests)")

step "Formatting (Prettier)"
npx prettier --check . --log-level warn || failed_steps+=("format")

step "Lint and import boundaries (dependency-cruiser: layers, public faces, cycles; folder loops)"
npm run lint --silent || failed_steps+=("lint")

step "Unit, web and integration tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile=.test-results/vitest.json || failed_steps+=("vitest")

step "Build the web app"
npm run build:web --silent || failed_steps+=("web build")

step "Browser tests (Playwright, Debian Chromium)"
if command -v chromium >/dev/null 2>&1; then
  PLAYWRIGHT_JSON_OUTPUT_FILE="$PWD/.test-results/playwright.json" npx playwright test -c tests/browser/playwright.config.ts --reporter=list,json || failed_steps+=("browser")
else
  echo "SKIPPED: no chromium"
  failed_steps+=("browser (no chromium)")
fi

node scripts/summarize-test-results.mjs
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "Failed steps: ${failed_steps[*]}"
  exit 1
fi
