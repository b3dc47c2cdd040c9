#!/usr/bin/env bash
# Failover drill (server/STANDBY.md): in each round two machines on loopback — A, a plenumd on a
# PostgreSQL primary, and B, a plenumd --standby on its synchronous streaming standby — and a
# ballot burst by plenum-loadgen whose tablets know both addresses. At a random instant in the
# burst's first three quarters (ballots are left for B) A loses power: kill -9 of its plenumd and an immediate stop of its PostgreSQL. Then
# `plenumd promote` on B; the tablets find B by themselves and send the ballots in flight again.
# Afterwards `plenum-loadgen check` against B: every ballot whose receipt reached its delegate
# is on the board once, where the receipt says (receipts after the handover signed by B's
# certified key); no voter and no tracking code twice; every ballot got its receipt; the vote
# is closed and decrypted on B and the counts equal the plan; `plenumd export --event-store`
# of B's log (with A's congress key and B's key, which re-make the receipts) and plenum-verify
# accept the record.
#   scripts/failover-drill.sh [ROUNDS]            (default 20)
# Prints per round the time from the kill to the first receipt from B and the ballots lost.
# Environment: PLENUM_LOADGEN, PLENUMD, PLENUM_VERIFY (binaries; default build/release),
# PG_BIN (/usr/lib/postgresql/15/bin), DELEGATES (500), BURST_MS (2000), KEEP=1 keeps the
# rounds' directories. Runs PostgreSQL as the `postgres` user when run as root. Exits non-zero
# on any loss, duplicate, ballot without receipt or failed round.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-20}"
build="$repo/build/release"
loadgen="${PLENUM_LOADGEN:-$build/clients/src/loadgen/plenum-loadgen}"
plenumd="${PLENUMD:-$build/server/plenumd}"
verify="${PLENUM_VERIFY:-$build/clients/src/verify/plenum-verify}"
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
delegates="${DELEGATES:-500}"
burst_ms="${BURST_MS:-2000}"
for b in "$loadgen" "$plenumd" "$verify"; do
  [[ -x "$b" ]] || { echo "failover-drill: $b is missing" >&2; exit 2; }
done
# shellcheck source=scripts/pg-pair.sh
source "$repo/scripts/pg-pair.sh"
pg_check_tools

now_ms() { date +%s%3N; }

a_pid=""
b_pid=""
loadgen_pid=""
pg_dirs=()
round_dir=""
# stop_round: ends what the round started (the processes by their ids) and removes its folder
# unless it is kept.
stop_round() {
  local keep="${1:-0}"
  for p in "$loadgen_pid" "$a_pid" "$b_pid"; do
    [[ -n "$p" ]] && kill -9 "$p" 2>/dev/null && wait "$p" 2>/dev/null
  done
  a_pid="" b_pid="" loadgen_pid=""
  pg_stop_all
  if [[ -n "$round_dir" && "$keep" != 1 ]]; then rm -rf "$round_dir"; fi
  round_dir=""
}
template_dir="$(mktemp -d "${TMPDIR:-/tmp}/plenum-drill-template-XXXXXX")"
trap 'stop_round "${KEEP:-0}"; rm -rf "$template_dir"' EXIT
pg_template_make "$template_dir" || { echo "failover-drill: initdb failed (see $template_dir)" >&2; exit 2; }

# start_plenumd DIR LOG ARGS...: starts plenumd, sets started_pid, waits for DIR.ready.
start_plenumd() {
  local ready="$1.ready" log="$2"
  shift 2
  rm -f "$ready"
  "$plenumd" --ready-file "$ready" --log-level warn "$@" >>"$log" 2>&1 &
  started_pid=$!
  for _ in $(seq 1 600); do
    [[ -s "$ready" ]] && return 0
    kill -0 "$started_pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# set_up_machines: the round's two clusters (A primary, B its synchronous standby), plenumd A
# on A's and plenumd --standby B on B's, B's key certified by the congress key on A.
set_up_machines() {
  local d="$round_dir"
  pg_pair_start 2>"$d/setup.err" || return 1
  a_port="$(free_port)"
  b_port="$(free_port)"
  halls=(--hall-server "https://127.0.0.1:$a_port" --hall-server "https://127.0.0.1:$b_port")
  "$loadgen" roster --delegates "$delegates" --out "$d/roster.csv" >"$d/membership" || return 1
  start_plenumd "$d/a" "$d/a.log" --data-dir "$d/a" --port "$a_port" \
    --event-store "$(conninfo "$pg_a_port")" "${halls[@]}" \
    --roster "$d/roster.csv" --membership "$(cat "$d/membership")" || return 1
  a_pid=$started_pid
  mkdir -p "$d/b"
  standby_pk="$("$plenumd" standby-key --data-dir "$d/b" 2>>"$d/b.log" | tail -n 1)" || return 1
  "$plenumd" certify-standby --data-dir "$d/a" --event-store "$(conninfo "$pg_a_port")" \
    --standby-key "$standby_pk" --out "$d/b/standby-certificate.json" >>"$d/a.log" 2>&1 ||
    return 1
  start_plenumd "$d/b" "$d/b.log" --standby --data-dir "$d/b" --port "$b_port" \
    --event-store "$(conninfo "$pg_b_port")" --primary-event-store "$(conninfo "$pg_a_port")" \
    "${halls[@]}" || return 1
  b_pid=$started_pid
  # The tablets trust both machines: one file with both certificates.
  cat "$d/a/tls/cert.pem" "$d/b/tls/cert.pem" >"$d/ca.pem"
}

failed=0
total_lost=0
total_twice=0
total_unreceipted=0
takeovers=()
for round in $(seq 1 "$rounds"); do
  round_dir="$(mktemp -d "${TMPDIR:-/tmp}/plenum-drill-XXXXXX")"
  [[ $(id -u) -eq 0 ]] && chmod 755 "$round_dir"
  d="$round_dir"
  if ! set_up_machines; then
    echo "round $round: the machines did not start (see $d: a.log, b.log, pg-*/server.log)"
    failed=$((failed + 1))
    stop_round 1
    continue
  fi
  common=(--ca "$d/ca.pem" --state "$d/keys" --receipts "$d/receipts.txt"
          --delegates "$delegates")
  "$loadgen" burst --server "127.0.0.1:$a_port" --server "127.0.0.1:$b_port" "${common[@]}" \
    --bootstrap "$d/a/bootstrap-credentials.txt" --burst-ms "$burst_ms" --burst-marker "$d/burst" \
    --no-close --deadline 900 --timeout-ms 60000 >"$d/burst.out" 2>"$d/burst.err" &
  loadgen_pid=$!
  while [[ ! -e "$d/burst" ]] && kill -0 "$loadgen_pid" 2>/dev/null; do sleep 0.05; done
  if [[ ! -e "$d/burst" ]]; then
    echo "round $round: the burst never started (see $d/burst.err)"
    failed=$((failed + 1))
    stop_round 1
    continue
  fi
  # The first ballot leaves 100 ms after the marker; A loses power somewhere in the burst's first
  # three quarters: later, A may have receipted the last ballot before it goes, and the round
  # measures no failover (the drill then fails it: no receipt on B).
  window=$((burst_ms >= 4 ? burst_ms * 3 / 4 : 1))
  delay=$((100 + RANDOM % window))
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -9 "$a_pid"
  killed_at="$(now_ms)"
  pg_stop_now "$pg_a"
  wait "$a_pid" 2>/dev/null
  a_pid=""
  "$plenumd" promote --data-dir "$d/b" --event-store "$(conninfo "$pg_b_port")" \
    --primary-event-store "$(conninfo "$pg_a_port")" --reason "failover drill round $round" \
    >"$d/promote.out" 2>"$d/promote.err"
  promote_rc=$?
  promoted_at="$(now_ms)"
  wait "$loadgen_pid"
  loadgen_pid=""
  if [[ $promote_rc -ne 0 ]]; then
    echo "round $round: plenumd promote refused: $(head -c 300 "$d/promote.err")"
    failed=$((failed + 1))
    stop_round 1
    continue
  fi
  "$loadgen" check --server "127.0.0.1:$b_port" "${common[@]}" --tally >"$d/check.out" 2>&1
  check_rc=$?
  # The record's receipts are made again by the key that signed each ballot's seq: A's congress
  # key before the handover (A's disk survived its power loss), B's key after it.
  mkdir -p "$d/record-keys"
  cp -p "$d/a/congress.key" "$d/b/standby.key" "$d/record-keys/"
  "$plenumd" export --event-store "$(conninfo "$pg_b_port")" --data-dir "$d/record-keys" \
    --out "$d/record" >"$d/export.out" 2>&1 &&
    "$verify" "$d/record" >"$d/verify.out" 2>&1
  verify_rc=$?
  counts="$(grep '^note: counts: ' "$d/check.out")"
  failover="$(grep '^note: failover: ' "$d/burst.out")"
  if [[ -z "$counts" || -z "$failover" ]]; then
    echo "round $round: check or burst failed to run (see $d/check.out, $d/burst.err)"
    failed=$((failed + 1))
    stop_round 1
    continue
  fi
  # note: counts: receipted=R on_board=B lost=L twice=D invalid=I tally=equal|differs|unchecked
  # note: failover: failed_over=F first_receipt_after_unix_ms=T unreceipted=U handover_seq=H
  declare -A c=()
  for kv in ${counts#note: counts: } ${failover#note: failover: }; do c[${kv%%=*}]="${kv#*=}"; done
  first="${c[first_receipt_after_unix_ms]}"
  if [[ "$first" -gt 0 ]]; then
    takeover=$((first - killed_at))
    takeovers+=("$takeover")
    takeover_text="$(printf '%5d ms' "$takeover")"
  else
    takeover_text="   none"
  fi
  bad=0
  [[ $check_rc -ne 0 || $verify_rc -ne 0 || "${c[unreceipted]}" -ne 0 || "${c[tally]}" != equal ||
    "$first" -le 0 ]] && bad=1
  printf 'round %2d: killed %4d ms after the marker, promoted after %5d ms; kill -> first receipt on B %s; receipted %4d, on the board %4d, lost %d, twice %d, without receipt %d, failed over %d, tally %s, record %s%s\n' \
    "$round" "$delay" "$((promoted_at - killed_at))" "$takeover_text" "${c[receipted]}" \
    "${c[on_board]}" "${c[lost]}" "${c[twice]}" "${c[unreceipted]}" "${c[failed_over]}" \
    "${c[tally]}" "$([[ $verify_rc -eq 0 ]] && echo verifies || echo FAILS)" \
    "$([[ $bad -ne 0 ]] && echo '  FAILED')"
  total_lost=$((total_lost + c[lost]))
  total_twice=$((total_twice + c[twice]))
  total_unreceipted=$((total_unreceipted + c[unreceipted]))
  if [[ $bad -ne 0 ]]; then
    failed=$((failed + 1))
    echo "  kept $d"
    stop_round 1
  else
    stop_round "${KEEP:-0}"
  fi
done
summary="summary: $rounds rounds, $delegates delegates, burst $burst_ms ms; lost $total_lost, counted twice $total_twice, without receipt $total_unreceipted, failed rounds $failed"
if [[ ${#takeovers[@]} -gt 0 ]]; then
  mapfile -t sorted < <(printf '%s\n' "${takeovers[@]}" | sort -n)
  n=${#sorted[@]}
  summary+="; kill -> first receipt on B: min ${sorted[0]} ms, median ${sorted[$(((n - 1) / 2))]} ms, max ${sorted[$((n - 1))]} ms"
fi
echo "$summary"
[[ $failed -eq 0 && $total_lost -eq 0 && $total_twice -eq 0 && $total_unreceipted -eq 0 ]]
