#!/usr/bin/env bash
# Runs the whole test suite: shared units, server on SQLite and on MySQL/MariaDB, the weapp build check and the
# browser tests in Debian's Chromium. Installs what it needs. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bootstrap.sh
source scripts/lib/system-packages.sh

ensure_node
ensure_pnpm
install_dependencies
ensure_debian_packages
ensure_mysql

log "building shared, server and the mini-program (weapp + H5)"
pnpm --filter @beian/shared build
pnpm --filter @beian/server build
pnpm --filter @beian/miniapp build:weapp
pnpm --filter @beian/miniapp build:h5

exec node scripts/run-tests.mjs
