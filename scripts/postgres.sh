#!/usr/bin/env bash
# Installs PostgreSQL where it is missing and runs a private cluster on 127.0.0.1 for tests and benchmarks.
#   scripts/postgres.sh start   prints "started" or "reused"; exports nothing (source test-env for that)
#   scripts/postgres.sh stop
# Settings: CRM_PG_PORT (55432), CRM_PG_DATA (a folder outside the repository, owned by the postgres user).
set -euo pipefail

PORT="${CRM_PG_PORT:-55432}"
DATA="${CRM_PG_DATA:-/tmp/crm-postgres-$PORT}"
SOCKET_DIR="$DATA.sock"
ROLE=crm
PASSWORD=crm
DATABASE=crm

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

install_postgres() {
  if find_bin >/dev/null; then return 0; fi
  echo "PostgreSQL is not installed; installing it with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql postgresql-contrib >&2
}

is_running() {
  [ -f "$DATA/postmaster.pid" ] && as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
  install_postgres
  BIN="$(find_bin)"
  if is_running; then echo reused; return 0; fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"
    chown postgres:postgres "$DATA" 2>/dev/null || true
    chmod 700 "$DATA"
    as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  mkdir -p "$SOCKET_DIR"
  chown postgres:postgres "$SOCKET_DIR" 2>/dev/null || true
  as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start \
    -o "-p $PORT -k $SOCKET_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB" >/dev/null
  psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'" | grep -q 1 \
    || psql_admin -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'" >/dev/null
  psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" | grep -q 1 \
    || psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE" >/dev/null
  psql_admin -d "$DATABASE" -c "CREATE EXTENSION IF NOT EXISTS pg_trgm" >/dev/null
  echo started
}

psql_admin() {
  PGOPTIONS="-c client_min_messages=warning" as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 "$@"
}

stop() {
  BIN="$(find_bin)" || return 0
  if is_running; then as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; fi
}

connection_string() {
  echo "Host=127.0.0.1;Port=$PORT;Username=$ROLE;Password=$PASSWORD;Database=$DATABASE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  connection-string) connection_string ;;
  *) echo "usage: $0 start|stop|connection-string" >&2; exit 2 ;;
esac
