#!/usr/bin/env bash
# The whole test suite: type check, lint, unit tests, build, shipping checks, browser e2e.
# Behaviour only: timing and size budgets are benchmarks (npm run bench, npm run bench:page).
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
step 'bundle sizes and safety (no eval, no HTML injection)'; node scripts/size.mjs dist
step 'browser e2e'; bash scripts/e2e.sh --no-build
