#!/usr/bin/env bash
# Runs every benchmark binary of a Release build. Usage: scripts/bench.sh BUILD_DIR
set -euo pipefail
build="${1:-build/release}"
for bench in "$build"/tests/bench/plenum_*_bench; do
  [[ -x "$bench" ]] || continue
  echo "== $(basename "$bench")"
  "$bench" --benchmark_counters_tabular=true
done
