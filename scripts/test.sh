#!/usr/bin/env bash
# Runs the whole test suite: shared units, server on SQLite and on MySQL/MariaDB (with Redis for the shared rate-limit
# counters), the weapp build check and the browser tests in Debian's Chromium. Installs what it needs. Ends with
# "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
export BEIAN_LOG_DIR=test-output/logs
source scripts/lib/bootstrap.sh
source scripts/lib/system-packages.sh

ensure_node
ensure_pnpm
install_dependencies
ensure_debian_packages
ensure_mysql
ensure_redis

run_step "building shared (about 20 s)" build-shared pnpm --filter @beian/shared build
run_step "building the server (about 40 s)" build-server pnpm --filter @beian/server build
run_step "building the mini-program for WeChat (3 to 9 min the first time, about 1 min once cached)" build-weapp pnpm --filter @beian/miniapp build:weapp
run_step "building the mini-program for H5 (3 to 9 min the first time, about 1 min once cached)" build-h5 pnpm --filter @beian/miniapp build:h5

exec node scripts/run-tests.mjs
