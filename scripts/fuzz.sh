#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with Clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, runs each for a fixed budget from its committed seed corpus, and
# prints per target the runs, executions per second, coverage and crashes.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 120)
# Environment: PLENUM_FUZZ_BUILD (build tree, default build/fuzz), PLENUM_FUZZ_JOBS (build
# jobs, default 2), PLENUM_FUZZ_TARGETS (default "decode_frame ballot record vartime").
# Exits non-zero if a target crashed (the input is kept under <build>/fuzz-artifacts/<target>/)
# or could not be built or run. New corpus entries go to <build>/fuzz-corpus/<target>/, never
# into the repository.
set -euo pipefail

budget="${1:-120}"
if ! [[ "$budget" =~ ^[0-9]+$ ]] || [ "$budget" -eq 0 ]; then
  echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2
  exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PLENUM_FUZZ_BUILD:-$root/build/fuzz}"
jobs="${PLENUM_FUZZ_JOBS:-2}"
targets="${PLENUM_FUZZ_TARGETS:-decode_frame ballot record vartime}"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLENUM_FUZZ=ON \
  -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
  >"$build.configure.log" 2>&1 || { cat "$build.configure.log" >&2; exit 1; }
build_targets=()
for t in $targets; do build_targets+=("plenum_${t}_fuzz"); done
cmake --build "$build" --target "${build_targets[@]}" -j "$jobs"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

failed=0
summary=()
for t in $targets; do
  seeds="$root/tests/fuzz/corpus/$t"
  work="$build/fuzz-corpus/$t"
  artifacts="$build/fuzz-artifacts/$t"
  log="$build/fuzz-$t.log"
  mkdir -p "$work" "$artifacts"
  rm -f "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*
  echo "== $t: ${budget}s from $(ls "$seeds" | wc -l) seeds" >&2
  status=0
  "$build/tests/fuzz/plenum_${t}_fuzz" -max_total_time="$budget" -timeout=60 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "$seeds" >"$log" 2>&1 || status=$?
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)"
  ft="$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)"
  corpus="$(ls "$work" | wc -l)"
  crashes="$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)"
  if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes="?"; fi
  line="$(printf '%-13s runs %-10s execs/s %-7s cov %-6s ft %-7s corpus %-6s crashes %s' \
    "$t" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "$corpus" "$crashes")"
  summary+=("$line")
  echo "$line"
  if [ "$status" -ne 0 ] || [ "$crashes" != "0" ]; then
    failed=1
    echo "   $t failed (exit $status); log: $log; inputs: $artifacts" >&2
    grep -m 20 -E 'ERROR|runtime error|SUMMARY|deadly' "$log" >&2 || true
  fi
done

echo
echo "fuzz summary (${budget}s per target):"
printf '  %s\n' "${summary[@]}"
exit "$failed"
