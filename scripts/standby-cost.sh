#!/usr/bin/env bash
# The cost of the synchronous standby (server/STANDBY.md, BENCHMARKS.md "The standby"): the
# same `plenum-loadgen burst --as-apps` once on the SQLite file and once with the event log in
# a PostgreSQL primary whose synchronous standby runs beside it (scripts/pg-pair.sh), back to
# back, each with plenumd started by the load generator. Prints per run the receipts, p99
# receipt latency, plenumd's CPU per ballot (burst → every tablet shows the progress), the
# PostgreSQL clusters' CPU from the burst marker to the end of the run, and the load average.
#   scripts/standby-cost.sh [DELEGATES]            (default 3000)
# Environment: PLENUM_LOADGEN, PLENUMD (default build/release), PG_BIN, KEEP=1 keeps the folder.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
delegates="${1:-3000}"
build="$repo/build/release"
loadgen="${PLENUM_LOADGEN:-$build/clients/src/loadgen/plenum-loadgen}"
plenumd="${PLENUMD:-$build/server/plenumd}"
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
for b in "$loadgen" "$plenumd"; do
  [[ -x "$b" ]] || { echo "standby-cost: $b is missing" >&2; exit 2; }
done
# shellcheck source=scripts/pg-pair.sh
source "$repo/scripts/pg-pair.sh"
pg_check_tools
round_dir="$(mktemp -d "${TMPDIR:-/tmp}/plenum-standby-cost-XXXXXX")"
[[ $(id -u) -eq 0 ]] && chmod 755 "$round_dir"
pg_dirs=()
trap 'pg_stop_all; [[ "${KEEP:-0}" == 1 ]] || rm -rf "$round_dir"' EXIT

# figures JSON: one line of the report's figures.
figures() {
  python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
lat = r.get("receipt_latency_ms", {})
cpu = r.get("server_cpu_to_progress_s")
n = r.get("receipts", 0)
per = f"{1000 * cpu / n:.2f} ms" if cpu is not None and n else "—"
print(f"receipts {n} of {r.get('ballots_sent', 0)}, p50/p90/p99 {lat.get('p50', 0):.0f}/"
      f"{lat.get('p90', 0):.0f}/{lat.get('p99', 0):.0f} ms, plenumd CPU burst -> progress "
      f"{cpu if cpu is not None else 0:.2f} s = {per} per ballot, errors {r.get('errors', {})}")
PY
}

# run NAME ARGS...: one burst; its report in $round_dir/NAME.json, output in NAME.out/.err.
run() {
  local name="$1"
  shift
  echo "$name: $(date -u +%H:%M:%S) start, load $(cut -d' ' -f1-3 /proc/loadavg)"
  "$loadgen" burst --as-apps --delegates "$delegates" --no-close --deadline 1800 \
    --plenumd "$plenumd" --data-dir "$round_dir/$name" --json "$round_dir/$name.json" \
    --burst-marker "$round_dir/$name.burst" "$@" >"$round_dir/$name.out" 2>"$round_dir/$name.err"
  local rc=$?
  echo "$name: $(date -u +%H:%M:%S) end (exit $rc), load $(cut -d' ' -f1-3 /proc/loadavg)"
  [[ -s "$round_dir/$name.json" ]] && echo "$name: $(figures "$round_dir/$name.json")"
  return $rc
}

echo "standby-cost: $delegates delegates, $(nproc) cores"
run sqlite
sqlite_rc=$?
pg_template_make "$(mktemp -d "$round_dir/template-XXXXXX")" && pg_pair_start ||
  { echo "standby-cost: PostgreSQL pair did not start" >&2; exit 2; }
# The clusters' CPU from the burst marker to the end of the run (sampled while it goes on).
(
  while [[ ! -e "$round_dir/postgres.burst" && ! -e "$round_dir/postgres.done" ]]; do sleep 0.05; done
  pg_cpu_watch "$round_dir/postgres.done" "$pg_a" "$pg_b" >"$round_dir/pg-cpu"
) &
sampler=$!
run postgres --plenumd-args "--event-store $(conninfo "$pg_a_port")"
pg_rc=$?
touch "$round_dir/postgres.done"
wait "$sampler" 2>/dev/null
[[ -s "$round_dir/pg-cpu" ]] &&
  echo "postgres: both clusters' CPU from the burst to the end of the run: $(cat "$round_dir/pg-cpu") s"
echo "postgres: replication $(sql "$pg_a_port" "SELECT application_name || ' ' || state || ' ' || sync_state FROM pg_stat_replication")"
[[ $sqlite_rc -eq 0 && $pg_rc -eq 0 ]]
