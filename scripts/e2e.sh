#!/usr/bin/env bash
# The browser tests alone (npm run e2e): builds the site as GitHub Pages serves it
# (BASE=/specplay/ into dist-e2e) unless --no-build, then runs tests/e2e/ in Chromium.
# Extra arguments are test files: npm run e2e -- tests/e2e/playground.test.mjs
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/ensure-chromium.sh
build=1
files=()
for a in "$@"; do
  if [ "$a" = "--no-build" ]; then build=0; else files+=("$a"); fi
done
if [ "$build" = 1 ]; then BASE=/specplay/ OUT_DIR=dist-e2e npx vite build --logLevel warn; fi
if [ "${#files[@]}" = 0 ]; then files=(tests/e2e/); fi
node --test --test-concurrency=1 "${files[@]}"
