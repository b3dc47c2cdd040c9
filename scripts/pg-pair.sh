# shellcheck shell=bash disable=SC2154
# Sourced by scripts/failover-drill.sh and scripts/standby-cost.sh: a PostgreSQL 15 primary and
# its synchronous streaming standby in folders under $round_dir, on free loopback ports, as
# tests/server/postgres_cluster.cpp starts them (initdb, pg_basebackup -R, the standby named
# in synchronous_standby_names). Run as root, the servers run as the `postgres` user.
# Needs: pg_bin (the folder of initdb, pg_ctl, pg_basebackup, psql), round_dir.
# Sets: pg_a pg_b (folders), pg_a_port pg_b_port; pg_dirs lists the folders to stop.

# as_pg CMD...: runs a PostgreSQL tool as the postgres user when we are root.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# free_port: a loopback port no one listens on now.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# pg_check_tools: exits 2 naming what is missing.
pg_check_tools() {
  local b
  for b in initdb pg_ctl pg_basebackup psql; do
    [[ -x "$pg_bin/$b" ]] || { echo "$0: $pg_bin/$b is missing (Debian: postgresql-15)" >&2; exit 2; }
  done
  if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    echo "$0: run as root, PostgreSQL needs the postgres user (scripts/setup.sh)" >&2
    exit 2
  fi
}

# pg_initdb DIR: a new cluster in DIR/data (user plenum, trusted on loopback).
pg_initdb() {
  as_pg "$pg_bin/initdb" -D "$1/data" -U plenum --auth=trust -E UTF8 --locale=C.UTF-8 \
    --no-instructions --no-sync >>"$1/tools.log" 2>&1
}

# pg_template_make DIR: initdb once into DIR (owned by the server's user) and set pg_template,
# so that every later pg_pair_start copies it instead of running initdb again.
pg_template_make() {
  [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$1"
  local port
  port="$(free_port)"
  pg_initdb "$1" || return 1
  pg_configure "$1" "$port" template
  pg_start "$1" || return 1
  if ! sql "$port" "CREATE DATABASE congress" >/dev/null; then
    pg_stop_now "$1"
    return 1
  fi
  as_pg "$pg_bin/pg_ctl" -D "$1/data" -m fast -w stop >>"$1/tools.log" 2>&1 || return 1
  pg_template="$1"
}

# pg_configure DIR PORT NAME: the settings of one cluster on loopback.
pg_configure() {
  cat >>"$1/data/postgresql.conf" <<CONF

# a hall machine (scripts/pg-pair.sh)
listen_addresses = '127.0.0.1'
port = $2
unix_socket_directories = '$1'
cluster_name = '$3'
max_connections = 40
shared_buffers = 32MB
max_wal_senders = 4
wal_level = replica
CONF
}

# pg_new NAME VAR: a folder under $round_dir owned by the server's user, its path in VAR and
# in pg_dirs (not in a subshell: pg_stop_all must see it).
pg_new() {
  local d
  d="$(mktemp -d "$round_dir/pg-$1-XXXXXX")"
  [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$d"
  pg_dirs+=("$d")
  printf -v "$2" '%s' "$d"
}

pg_start() {
  as_pg "$pg_bin/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 60 start >>"$1/tools.log" 2>&1
}

# pg_stop_now DIR: an immediate stop (a power loss, as far as the database is concerned).
pg_stop_now() {
  as_pg "$pg_bin/pg_ctl" -D "$1/data" -m immediate -w stop >>"$1/tools.log" 2>&1
}

# pg_stop_all: stops every cluster of pg_dirs still running.
pg_stop_all() {
  local d
  for d in "${pg_dirs[@]}"; do
    [[ -f "$d/data/postmaster.pid" ]] && pg_stop_now "$d"
  done
  pg_dirs=()
}

# sql PORT SQL: one statement on the cluster at PORT (database postgres), its value printed.
sql() { "$pg_bin/psql" -X -A -t -q -h 127.0.0.1 -p "$1" -U plenum -d postgres -c "$2"; }

# conninfo PORT: the libpq connection string of the hall's database on the cluster at PORT
# (a URI: one word on any command line).
conninfo() { echo "postgresql://plenum@127.0.0.1:$1/congress?connect_timeout=5"; }

# pg_pair_start: A (primary, database congress) and B (its synchronous standby hall_b). With
# a template (pg_template_make), B is a copy of the same stopped cluster as A, made before A
# starts (a cold base backup) and started in standby mode; else pg_basebackup -R of A.
pg_pair_start() {
  pg_new a pg_a
  pg_new b pg_b
  pg_a_port="$(free_port)"
  pg_b_port="$(free_port)"
  if [[ -n "${pg_template:-}" && -d "$pg_template/data" ]]; then
    as_pg cp -a "$pg_template/data" "$pg_a/data" || return 1
    as_pg cp -a "$pg_template/data" "$pg_b/data" || return 1
    as_pg touch "$pg_b/data/standby.signal" || return 1
    echo "primary_conninfo = 'host=127.0.0.1 port=$pg_a_port user=plenum application_name=hall_b'" |
      as_pg tee -a "$pg_b/data/postgresql.auto.conf" >/dev/null || return 1
    pg_configure "$pg_a" "$pg_a_port" hall_a
    pg_start "$pg_a" || return 1
  else
    pg_initdb "$pg_a" || return 1
    pg_configure "$pg_a" "$pg_a_port" hall_a
    pg_start "$pg_a" || return 1
    sql "$pg_a_port" "CREATE DATABASE congress" >/dev/null || return 1
    # -R writes standby.signal and primary_conninfo; the WAL receiver names itself cluster_name.
    as_pg "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$pg_a_port" -U plenum -D "$pg_b/data" -R \
      -X stream -c fast --no-sync >>"$pg_b/tools.log" 2>&1 || return 1
  fi
  pg_configure "$pg_b" "$pg_b_port" hall_b
  pg_start "$pg_b" || return 1
  sql "$pg_a_port" "ALTER SYSTEM SET synchronous_standby_names = 'hall_b'" >/dev/null || return 1
  sql "$pg_a_port" "SELECT pg_reload_conf()" >/dev/null || return 1
  local state=""
  for _ in $(seq 1 300); do
    state="$(sql "$pg_a_port" \
      "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'hall_b'")"
    [[ "$state" == sync ]] && return 0
    sleep 0.1
  done
  echo "standby hall_b did not become synchronous (state '$state')" >&2
  return 1
}

# pg_cpu_ticks DIR...: "PID TICKS" (user + system clock ticks) of every process of these
# clusters now.
pg_cpu_ticks() {
  local d pid main
  for d in "$@"; do
    [[ -f "$d/data/postmaster.pid" ]] || continue
    main="$(head -n 1 "$d/data/postmaster.pid")"
    for pid in "$main" $(pgrep -P "$main"); do
      # Fields 14 and 15 of /proc/PID/stat (after the command in parentheses).
      [[ -r /proc/$pid/stat ]] && echo "$pid $(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')"
    done
  done
}

# pg_cpu_watch STOPFILE DIR...: samples the clusters' processes every 200 ms until STOPFILE
# exists, then prints the CPU seconds they used meanwhile (a process that ended between two
# samples counts up to its last sample).
pg_cpu_watch() {
  local stop="$1" pid ticks
  shift
  declare -A at_start=() last=()
  while read -r pid ticks; do at_start[$pid]=$ticks; last[$pid]=$ticks; done < <(pg_cpu_ticks "$@")
  while [[ ! -e "$stop" ]]; do
    while read -r pid ticks; do last[$pid]=$ticks; done < <(pg_cpu_ticks "$@")
    sleep 0.2
  done
  local total=0
  for pid in "${!last[@]}"; do total=$((total + last[$pid] - ${at_start[$pid]:-0})); done
  awk -v t="$total" -v k="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / k }'
}
