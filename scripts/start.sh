#!/usr/bin/env bash
# Starts Beian on the embedded default: SQLite and uploads under var/, dev login, simulated outside systems.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bootstrap.sh

ensure_node
ensure_pnpm
install_dependencies
build_if_changed shared "about 20 s" var/.build/shared shared/src shared/package.json "pnpm --filter @beian/shared build"
build_if_changed server "about 40 s" var/.build/server server/src shared/src server/package.json "pnpm --filter @beian/server build"
build_if_changed "mini-program (H5)" "3 to 9 min the first time, about 1 min once cached" var/.build/h5 miniapp/src miniapp/config shared/src \
  "pnpm --filter @beian/miniapp build:h5"

export DATA_DIR="${DATA_DIR:-$PWD/var}"
exec node server/dist/main.js
