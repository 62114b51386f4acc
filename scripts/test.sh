#!/usr/bin/env bash
# The whole test suite: type check, lint, unit tests, build, browser e2e.
# Installs what is missing first (dependencies; Chromium from Debian's packages when root).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh
bash scripts/ensure-chromium.sh

step() { printf '\n== %s ==\n' "$1"; }
step 'type check'; npx tsc -p tsconfig.json
step 'lint'; npx biome check --error-on-warnings .
step 'unit tests'; npx vitest run
step 'build (base /)'; npx vite build
step 'build (base /specplay/, as GitHub Pages serves it)'; BASE=/specplay/ OUT_DIR=dist-e2e npx vite build
step 'bundle budget'; node scripts/size.mjs dist
step 'browser e2e'; node --test --test-concurrency=1 tests/e2e/
