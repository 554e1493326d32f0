#!/usr/bin/env bash
# Regenerates old-identity-rules.postgres.sql and old-identity-rules.sqlite.sql: data stored by a release that keyed
# identities with the hand-written phone normalizer and lower-cased Unicode email domains. The committed dumps were
# written by 3d5219a (the release before libphonenumber).
# Run from the repository root with that release checked out and built (dotnet build Crm.sln -c Release), PostgreSQL
# started (scripts/postgres.sh start) and ConnectionStrings__Crm set to its server (scripts/postgres.sh connection-string).
# Everything goes through the HTTP API; the service is stopped gracefully before the dump.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
DLL="src/Crm.Web/bin/Release/net10.0/Crm.Web.dll"
ADMIN="crm_identity-fixture-admin-key"
PORT="${FIXTURE_PORT:-58231}"
API="http://127.0.0.1:$PORT/api/v1"
SERVER="${ConnectionStrings__Crm:?set ConnectionStrings__Crm to the PostgreSQL server}"
DATABASE="crm_identity_fixture"
WORK="$(mktemp -d)"
SERVICE=
trap '[ -z "$SERVICE" ] || kill -TERM "$SERVICE" 2>/dev/null; rm -rf "$WORK"' EXIT

[ -f "$DLL" ] || { echo "build the release first: $DLL is missing" >&2; exit 1; }

pg_url() { # libpq keywords from the Npgsql connection string, for psql and pg_dump
  echo "$SERVER" | tr ';' '\n' | sed -e 's/^Host=/host=/I' -e 's/^Port=/port=/I' -e 's/^Username=/user=/I' \
    -e 's/^Password=/password=/I' -e 's/^Database=.*//I' | tr '\n' ' '
}

start_service() { # provider, connection string
  dotnet "$DLL" --urls "http://127.0.0.1:$PORT" --Storage:Provider="$1" "--ConnectionStrings:Crm=$2" \
    --CRM_BOOTSTRAP_KEY="$ADMIN" --Cluster:SiloPort=0 --Cluster:GatewayPort=0 --Sweep:Interval=1.00:00:00 \
    >"$WORK/service.log" 2>&1 &
  SERVICE=$!
  for _ in $(seq 1 120); do
    # Ready, and the bootstrap key already answers (the first calls after ready may still meet a starting cluster).
    curl -sf -H "Authorization: Bearer $ADMIN" "$API/settings" >/dev/null 2>&1 && return 0
    sleep 1
  done
  cat "$WORK/service.log" >&2
  exit 1
}

stop_service() {
  kill -TERM "$SERVICE"
  wait "$SERVICE" || true
  SERVICE=
}

call() { # key, method, path, body
  curl -sS --fail-with-body -X "$2" -H "Authorization: Bearer $1" -H 'content-type: application/json' ${4:+-d "$4"} "$API$3"
}

event() { # key, id, type, channel, identity, occurredAt, extra JSON fields
  call "$1" POST /events "{\"events\":[{\"id\":\"$2\",\"type\":\"$3\",\"channel\":\"$4\",\"identity\":\"$5\",\"occurredAt\":\"$6\"${7:+,$7}}]}" \
    | jq -er '.results[0] | select(.status == "accepted") | .customerId'
}

populate() {
  local settings='"activeConversations":3,"activeWindowDays":3650,"atRiskAfterDays":3000,"churnedAfterDays":3650,"vipLifetimeValue":1000'
  call "$ADMIN" PUT /settings "{\"defaultPhoneCountry\":\"44\",$settings}" >/dev/null
  local us
  us="$(call "$ADMIN" POST /workspaces '{"id":"acme-us"}' | jq -r .adminKey.key)"
  call "$us" PUT /settings "{\"defaultPhoneCountry\":\"1\",$settings}" >/dev/null

  # Oliver wrote the British way with the trunk zero kept: stored +4402079460958; his profile phone the same.
  local oliver
  oliver="$(event "$ADMIN" ev-oliver-1 message_received whatsapp '+44 (0)20 7946 0958' 2026-11-02T09:00:00Z '"conversationId":"wa-oliver","text":"Hello, is my order on its way?"')"
  event "$ADMIN" ev-oliver-2 identify whatsapp '+44 (0)20 7946 0958' 2026-11-02T09:05:00Z \
    '"traits":{"profile":{"name":"Oliver Grant","phone":"+44 (0)20 7946 0958"}}' >/dev/null

  # The same Oliver from a national number: stored +442079460958, a second customer.
  event "$ADMIN" ev-oliver-3 message_received whatsapp '020 7946 0958' 2026-11-03T10:00:00Z '"conversationId":"wa-oliver-2","text":"Any news?"' >/dev/null

  # Priya: two old keys of one mobile number on one customer (+4407911123456 and +447911123456).
  local priya
  priya="$(event "$ADMIN" ev-priya-1 message_received sms '+44 (0)7911 123456' 2026-11-04T08:00:00Z '"conversationId":"sms-priya","text":"Hi"')"
  event "$ADMIN" ev-priya-2 identify sms '+44 (0)7911 123456' 2026-11-04T08:01:00Z \
    '"traits":{"profile":{"name":"Priya Shah"},"identities":[{"channel":"sms","value":"07911 123456"}]}' >/dev/null

  # Grace: created by hand, then her profile phone patched in the old form (+4401614960000).
  local grace
  grace="$(call "$ADMIN" POST /customers '{"profile":{"name":"Grace Hall","email":"grace@example.com"}}' | jq -r .id)"
  call "$ADMIN" PATCH "/customers/$grace" '{"phone":"+44 (0)161 496 0000"}' >/dev/null

  # Ana wrote from an internationalized domain: keyed ana@exämple.com (lower-cased Unicode).
  event "$ADMIN" ev-ana-1 message_received email 'Ana@Exämple.com' 2026-11-05T12:00:00Z '"conversationId":"em-ana","text":"Olá"' >/dev/null

  # A number no country has (+999): accepted by the old rules, refused by the new ones.
  event "$ADMIN" ev-unknown-1 message_received sms '+999 1234 5678' 2026-11-06T12:00:00Z '"conversationId":"sms-x","text":"hello"' >/dev/null

  # Customers the upgrade leaves alone: international numbers, plain emails, a handle.
  event "$ADMIN" ev-bruno-1 message_received whatsapp '+55 11 98765-4321' 2026-11-07T12:00:00Z '"conversationId":"wa-bruno","text":"Oi"' >/dev/null
  event "$ADMIN" ev-carla-1 message_received email 'carla@example.com' 2026-11-07T13:00:00Z '"conversationId":"em-carla","text":"Hi"' >/dev/null
  event "$ADMIN" ev-dan-1 message_received instagram '@dan.designs' 2026-11-07T14:00:00Z '"conversationId":"ig-dan","text":"Hey"' >/dev/null

  # A merge (its tombstone holds an old-form key) and an erased customer: the upgrade skips both.
  local tom tombstone erased
  tom="$(event "$ADMIN" ev-tom-1 message_received email 'tom@example.com' 2026-11-08T09:00:00Z '"conversationId":"em-tom","text":"Hello"')"
  tombstone="$(event "$ADMIN" ev-tom-2 message_received sms '+44 (0)7700 900461' 2026-11-08T09:30:00Z '"conversationId":"sms-tom","text":"Tom again"')"
  call "$ADMIN" POST "/customers/$tom/merge" "{\"duplicateId\":\"$tombstone\"}" >/dev/null
  erased="$(event "$ADMIN" ev-gone-1 message_received sms '+44 (0)20 7946 0111' 2026-11-08T10:00:00Z '"conversationId":"sms-gone","text":"Remove me"')"
  call "$ADMIN" DELETE "/customers/$erased" >/dev/null

  # The US workspace: 1-415-555-0132 was stored +114155550132.
  event "$us" ev-us-1 message_received sms '1-415-555-0132' 2026-11-09T16:00:00Z '"conversationId":"sms-us","text":"Hi there"' >/dev/null
  event "$us" ev-us-2 message_received email 'jo@example.com' 2026-11-09T17:00:00Z '"conversationId":"em-jo","text":"Hello"' >/dev/null
  echo "populated; Oliver (old international form) is $oliver, Priya $priya, Grace $grace" >&2
}

# PostgreSQL: a database of its own, dumped as plain INSERTs without owners, privileges or psql meta-commands.
psql "$(pg_url) dbname=postgres" -qc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" -c "CREATE DATABASE $DATABASE"
start_service Postgres "$(echo "$SERVER" | sed -E "s/Database=[^;]*/Database=$DATABASE/I")"
populate
stop_service
pg_dump "$(pg_url) dbname=$DATABASE" --inserts --no-owner --no-privileges --no-comments --no-publications --no-subscriptions \
  --exclude-table-data=crm_cluster_member --exclude-table-data=crm_cluster_version --exclude-table-data=crm_reminder \
  | grep -v -e '^\\' -e '^--' -e '^SET ' -e "^SELECT pg_catalog.set_config" -e '^$' >"$HERE/old-identity-rules.postgres.sql"
psql "$(pg_url) dbname=postgres" -qc "DROP DATABASE $DATABASE WITH (FORCE)"

# SQLite: the same story on the embedded default, dumped with the sqlite3 shell.
start_service Sqlite "Data Source=$WORK/crm.db"
populate
stop_service
sqlite3 "$WORK/crm.db" .dump >"$HERE/old-identity-rules.sqlite.sql"
echo "written: $HERE/old-identity-rules.postgres.sql, $HERE/old-identity-rules.sqlite.sql" >&2
