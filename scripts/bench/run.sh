#!/usr/bin/env bash
# Benchmarks (figures for notes; never assertions). Usage: bash scripts/bench/run.sh [precheck|shared-size]
set -euo pipefail
cd "$(dirname "$0")/../.."
pnpm --filter @beian/shared build >/dev/null
case "${1:-all}" in
  precheck) node scripts/bench/precheck.bench.mjs ;;
  shared-size) node scripts/bench/shared-size.bench.mjs ;;
  all) node scripts/bench/precheck.bench.mjs && node scripts/bench/shared-size.bench.mjs ;;
  *) echo "unknown benchmark: $1" >&2; exit 2 ;;
esac
