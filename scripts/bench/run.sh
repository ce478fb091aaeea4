#!/usr/bin/env bash
# Benchmarks (figures for notes; never assertions). Usage: bash scripts/bench/run.sh [precheck|shared-size|draft-save|progress-read|outbox|records-read|scale-out|rate-limit]
# The HTTP benchmarks start server/dist/main.js on loopback (SQLite in a temp folder; MariaDB at BENCH_MARIADB,
# default mysql://root@127.0.0.1:3306, in beian_bench_* databases dropped at the end). BENCH_SECONDS sets the run length;
# scale-out runs the server behind Debian's haproxy (scripts/lib/system-packages.sh installs it).
# BENCH_SERVER_ROOT measures another checkout's built server (e.g. an export of HEAD while the tree is being edited).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/bootstrap.sh
ensure_node
pnpm --filter @beian/shared build >/dev/null
build_server() { pnpm --filter @beian/server build >/dev/null; }
case "${1:-all}" in
  precheck) node scripts/bench/precheck.bench.mjs ;;
  shared-size) node scripts/bench/shared-size.bench.mjs ;;
  draft-save) build_server && node scripts/bench/draft-save.bench.mjs ;;
  progress-read) build_server && node scripts/bench/progress-read.bench.mjs ;;
  outbox) build_server && node scripts/bench/outbox.bench.mjs ;;
  records-read) build_server && node scripts/bench/records-read.bench.mjs ;;
  scale-out) build_server && node scripts/bench/scale-out.bench.mjs ;;
  rate-limit) build_server && node scripts/bench/rate-limit.bench.mjs ;;
  all)
    node scripts/bench/precheck.bench.mjs && node scripts/bench/shared-size.bench.mjs && build_server &&
      node scripts/bench/draft-save.bench.mjs && node scripts/bench/progress-read.bench.mjs && node scripts/bench/outbox.bench.mjs &&
      node scripts/bench/records-read.bench.mjs && node scripts/bench/scale-out.bench.mjs && node scripts/bench/rate-limit.bench.mjs
    ;;
  *) echo "unknown benchmark: $1" >&2; exit 2 ;;
esac
