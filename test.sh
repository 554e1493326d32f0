#!/usr/bin/env bash
# Runs every test on a fresh Debian machine with the .NET SDK: installs Node.js and Chromium where missing, starts
# PostgreSQL (installing it if missing), builds the solution, runs each test project, and ends with one line:
# "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"

# The browser tests drive Debian's Chromium with playwright-core.
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Chromium with apt"
  if ! { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; }; then
    echo "could not install Chromium"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

started_postgres=no
cleanup() {
  if [ "$started_postgres" = yes ]; then scripts/postgres.sh stop || true; fi
}
trap cleanup EXIT

postgres_state="$(scripts/postgres.sh start)" || { echo "could not start PostgreSQL"; echo "0 passed, 1 failed"; exit 1; }
[ "$postgres_state" = started ] && started_postgres=yes
export ConnectionStrings__Crm="$(scripts/postgres.sh connection-string)"
echo "PostgreSQL $postgres_state on 127.0.0.1 (ConnectionStrings__Crm is set for the tests)"

# Node.js builds the dashboard during the .NET build and runs the npm packages of these test folders.
if ! scripts/node.sh tests/Crm.Web.Tests/Dashboard/NodeClient tests/Crm.Browser.Tests; then
  echo "could not install Node.js or the npm packages the tests use"
  echo "0 passed, 1 failed"
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ! dotnet build Crm.sln -c Release -warnaserror -nologo -v quiet; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

results="$(mktemp -d)"
passed=0 failed=0 skipped=0 status=0
for project in tests/*/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  if ! dotnet test "$project" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
      --logger "console;verbosity=minimal"; then
    status=1
  fi
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    counters="$(grep -o '<Counters [^>]*>' "$trx")"
    count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
    p="$(count passed)"; f="$(count failed)"; t="$(count total)"; e="$(count executed)"
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + t - e))
  else
    echo "$name produced no results: counted as one failure"
    failed=$((failed + 1)); status=1
  fi
done
rm -rf "$results"

[ "$failed" -gt 0 ] && status=1
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
exit "$status"
