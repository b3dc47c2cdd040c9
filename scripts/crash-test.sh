#!/usr/bin/env bash
# Crash test: in each round a fresh plenumd, a ballot burst by plenum-loadgen, kill -9 of
# plenumd at a random instant during the burst, a restart on the same data directory, then
# `plenum-loadgen check`: every ballot whose receipt reached its delegate is on the board once,
# where the receipt says; no voter and no tracking code twice; the vote is closed and decrypted
# and the counts must equal the plan of the ballots on the board (none lost, none counted twice).
#   scripts/crash-test.sh [ROUNDS]            (default 20)
# Environment: PLENUM_LOADGEN, PLENUMD (binaries; default build/loadgen-rel), DELEGATES (500),
# BURST_MS (1000), KEEP=1 keeps the rounds' directories. Exits non-zero on any loss, duplicate
# or failed round.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-20}"
loadgen="${PLENUM_LOADGEN:-$repo/build/loadgen-rel/clients/src/loadgen/plenum-loadgen}"
plenumd="${PLENUMD:-$repo/build/loadgen-rel/server/plenumd}"
delegates="${DELEGATES:-500}"
burst_ms="${BURST_MS:-1000}"
for b in "$loadgen" "$plenumd"; do
  [[ -x "$b" ]] || { echo "crash-test: $b is missing" >&2; exit 2; }
done

server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill -9 "$server_pid" 2>/dev/null; }
trap cleanup EXIT

# start_server DIR PORT [ARGS...]: starts plenumd on DIR/data, waits for its ready file.
start_server() {
  local dir="$1" port="$2"
  shift 2
  rm -f "$dir/data.ready"
  "$plenumd" --data-dir "$dir/data" --port "$port" --ready-file "$dir/data.ready" \
    --log-level warn "$@" >>"$dir/data.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    [[ -s "$dir/data.ready" ]] && return 0
    kill -0 "$server_pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

failed=0
total_receipted=0
total_on_board=0
total_lost=0
total_twice=0
for round in $(seq 1 "$rounds"); do
  dir="$(mktemp -d "${TMPDIR:-/tmp}/plenum-crash-XXXXXX")"
  "$loadgen" roster --delegates "$delegates" --out "$dir/roster.csv" >"$dir/membership" || exit 2
  if ! start_server "$dir" 0 --roster "$dir/roster.csv" --membership "$(cat "$dir/membership")"; then
    echo "round $round: plenumd did not start (see $dir/data.log)"
    failed=$((failed + 1))
    continue
  fi
  port="$(cat "$dir/data.ready")"
  common=(--server "127.0.0.1:$port" --ca "$dir/data/tls/cert.pem" --state "$dir/keys"
          --receipts "$dir/receipts.txt" --delegates "$delegates")
  "$loadgen" burst "${common[@]}" --bootstrap "$dir/data/bootstrap-credentials.txt" \
    --burst-ms "$burst_ms" --burst-marker "$dir/burst" --no-close --deadline 900 \
    >"$dir/burst.out" 2>"$dir/burst.err" &
  loadgen_pid=$!
  while [[ ! -e "$dir/burst" ]] && kill -0 "$loadgen_pid" 2>/dev/null; do sleep 0.05; done
  if [[ ! -e "$dir/burst" ]]; then
    echo "round $round: the burst never started (see $dir/burst.err)"
    failed=$((failed + 1))
    kill -9 "$server_pid" 2>/dev/null
    continue
  fi
  # The first ballot leaves 100 ms after the marker; kill somewhere inside the burst.
  delay=$((100 + RANDOM % (burst_ms > 0 ? burst_ms : 1)))
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -9 "$server_pid"
  wait "$server_pid" 2>/dev/null
  wait "$loadgen_pid"
  if ! start_server "$dir" "$port"; then
    echo "round $round: plenumd did not restart (see $dir/data.log)"
    failed=$((failed + 1))
    continue
  fi
  "$loadgen" check "${common[@]}" --tally >"$dir/check.out" 2>&1
  check_rc=$?
  kill -TERM "$server_pid"
  wait "$server_pid" 2>/dev/null
  server_pid=""
  counts="$(grep '^note: counts: ' "$dir/check.out")"
  if [[ -z "$counts" ]]; then
    echo "round $round: check failed to run (see $dir/check.out)"
    failed=$((failed + 1))
    continue
  fi
  # note: counts: receipted=R on_board=B lost=L twice=D invalid=I tally=equal|differs|unchecked
  declare -A c=()
  for kv in ${counts#note: counts: }; do c[${kv%%=*}]="${kv#*=}"; done
  receipted=${c[receipted]}
  on_board=${c[on_board]}
  lost=${c[lost]}
  twice=${c[twice]}
  printf 'round %2d: killed %4d ms after the marker; receipted %4d, on the board %4d, lost %d, counted twice %d, invalid receipts %d, counts vs plan: %s%s\n' \
    "$round" "$delay" "$receipted" "$on_board" "$lost" "$twice" "${c[invalid]}" "${c[tally]}" \
    "$([[ $check_rc -ne 0 ]] && echo '  FAILED')"
  total_receipted=$((total_receipted + receipted))
  total_on_board=$((total_on_board + on_board))
  total_lost=$((total_lost + lost))
  total_twice=$((total_twice + twice))
  if [[ $check_rc -ne 0 ]]; then
    failed=$((failed + 1))
    echo "  kept $dir"
  elif [[ "${KEEP:-0}" != 1 ]]; then
    rm -rf "$dir"
  fi
done
echo "summary: $rounds rounds, $delegates delegates, burst $burst_ms ms; receipted $total_receipted," \
  "on the board $total_on_board, receipted but lost $total_lost, counted twice $total_twice," \
  "failed rounds $failed"
[[ $failed -eq 0 && $total_lost -eq 0 && $total_twice -eq 0 ]]
