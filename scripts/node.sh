#!/usr/bin/env bash
# Makes sure Node.js and npm are on the PATH (installing Debian's packages when missing), then runs `npm ci` in each
# folder given, skipping folders whose installed packages already match their package-lock.json.
set -euo pipefail

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "installing Node.js and npm with apt" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  command -v node >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends nodejs >/dev/null
  command -v npm >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends npm >/dev/null
fi

for folder in "$@"; do
  marker="$folder/node_modules/.package-lock.json"
  if [ -f "$marker" ] && [ "$marker" -nt "$folder/package-lock.json" ]; then
    continue
  fi
  npm ci --prefix "$folder" --no-audit --no-fund --loglevel=error >&2
done
