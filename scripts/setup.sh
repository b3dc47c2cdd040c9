#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/debian-packages.txt that are missing.
# Idempotent: when everything is present it only checks and returns.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

mapfile -t wanted < <(grep -v '^#' "$here/debian-packages.txt" | grep -v '^$')
# Names that installed packages provide: another build of Node.js (e.g. one that bundles npm)
# stands in for Debian's nodejs and npm, and installing those over it would replace it.
mapfile -t provided < <(dpkg-query -W -f='${db:Status-Abbrev} ${Provides}\n' 2>/dev/null |
  awk '$1 == "ii" { $1 = ""; print }' | tr ',' '\n' | sed 's/([^)]*)//g; s/[[:space:]]//g' | grep -v '^$' | sort -u)
missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] && continue
  printf '%s\n' "${provided[@]}" | grep -qx -- "$pkg" || missing+=("$pkg")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "setup: all Debian packages present"

# The tablet's JavaScript (clients/web): install its npm packages from the committed lock file
# when they are missing or the lock file changed since the last install.
web="$here/../clients/web"
if [[ -f "$web/package-lock.json" ]]; then
  if [[ ! -f "$web/node_modules/.package-lock.json" || "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]]; then
    echo "setup: npm ci in clients/web"
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  echo "setup: clients/web npm packages present"
fi
