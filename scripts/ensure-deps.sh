#!/usr/bin/env bash
# Installs npm dependencies from the lock file when they are missing or stale.
set -euo pipefail
cd "$(dirname "$0")/.."
# onnxruntime-node (Node's runtime for @huggingface/transformers) ships its CPU binaries in the
# package; its postinstall would fetch CUDA libraries from NuGet on linux-x64, which fails offline
# and is not needed. The committed .npmrc says the same for a plain `npm ci`; the variable is the
# switch its install script reads first, and keeps working if npm drops unknown .npmrc keys.
export ONNXRUNTIME_NODE_INSTALL=skip
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (npm ci)..."
  npm ci --no-audit --no-fund
fi
