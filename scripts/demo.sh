#!/usr/bin/env bash
# Runs plenumd in the foreground for a demonstration: https://localhost:8443, data in
# data/demo (git-ignored), Ctrl-C stops it cleanly. Usage: scripts/demo.sh BUILD_DIR
#
# Listens on 127.0.0.1 by default: the demo's self-signed certificate names only localhost,
# and a developer's machine should not offer a demo congress to the whole network. For
# tablets in the hall, run `PLENUM_LISTEN=0.0.0.0 make demo` on a trusted network.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-build/release}"
[[ "$build" = /* ]] || build="$repo/$build"
plenumd="$build/server/plenumd"
listen="${PLENUM_LISTEN:-127.0.0.1}"
port="${PLENUM_PORT:-8443}"
data="$repo/data/demo"

if [[ ! -x "$plenumd" ]]; then
  echo "demo: $plenumd is missing; run 'make build' first" >&2
  exit 1
fi
mkdir -p "$data"

# On the first start (an empty event log) plenumd creates the demo congress itself
# (--init-demo): the roster of 120 delegates, alternates, observers, scrutineers, a chair, a
# secretary and a projector, and an enrollment code for every one of them.
credentials="$data/demo-credentials.txt"
if [[ -f "$credentials" ]]; then
  echo "demo: existing demo congress; enrollment codes in $credentials"
else
  echo "demo: a new demo congress will be created; enrollment codes go to $credentials"
fi

host="localhost"
[[ "$listen" == "127.0.0.1" || "$listen" == "::1" ]] || host="<this machine's address>"
cat <<MSG
demo: starting plenumd (data: $data, listening on $listen:$port)
  start page  https://$host:$port/
  health      https://$host:$port/healthz
  protocol    wss://$host:$port/ws
  certificate $data/tls/cert.pem (self-signed; browsers will ask to accept it)
Press Ctrl-C to stop.
MSG

# The hall apps as `make web` builds them; the placeholder page until they are built.
web="$repo/clients/web/dist-app"
[[ -f "$web/index.html" ]] || web="$repo/clients/web/public"

exec "$plenumd" --data-dir "$data" --listen "$listen" --port "$port" \
  --web-root "$web" --congress-id demo --congress-name "某镇党代会（演示）" \
  --init-demo
