#!/usr/bin/env bash
# What PostgreSQL alone can do with a turn's statements on this machine: pgbench (from the Debian package) drives the
# scripts in this folder against a throwaway cluster (tests/setup/postgres.sh), 16 clients for the one-turn scripts and
# 4 for the eight-turn ones, SECONDS each (default 10), twice. No bot servers run, so this is the database's ceiling.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:-10}
while IFS='=' read -r name value; do
  export "$name=$value"
done < <(bash "$here/../../tests/setup/postgres.sh" --owner $$)
trap '"$BOTTRIAGE_TEST_POSTGRES_CTL" destroy' EXIT
conninfo=$(echo "$BOTTRIAGE_TEST_POSTGRES" | tr ';' '\n' | sed -e 's/^Host=/host=/' -e 's/^Port=/port=/' -e 's/^Username=/user=/' -e 's/^Database=/dbname=/' | tr '\n' ' ')
pgbench=$(ls -d /usr/lib/postgresql/*/bin/pgbench | sort -V | tail -n 1)
psql "$conninfo" -q -f "$here/setup.sql"
# The grouped scripts send the same eight writes as turns-8-per-transaction.sql: put them in at their @writes line.
scripts=$(mktemp -d)
trap '"$BOTTRIAGE_TEST_POSTGRES_CTL" destroy; rm -rf "$scripts"' EXIT
cp "$here"/*.sql "$scripts"/
writes=$(sed -n '/^BEGIN;$/,/^COMMIT;$/p' "$here/turns-8-per-transaction.sql" | sed '1d;$d')
for grouped in grouped-locked grouped-optimistic; do
  awk -v writes="$writes" '/^-- @writes/ { print writes; next } { print }' "$here/$grouped.sql" > "$scripts/$grouped.sql"
done
for round in 1 2; do
  for script in turn turn-optimistic turns-8-per-transaction grouped-locked grouped-optimistic; do
    clients=16; turns=1
    case $script in turn | turn-optimistic) ;; *) clients=${EIGHT_TURN_CLIENTS:-4}; turns=8 ;; esac
    tps=$("$pgbench" "$conninfo" -n -M prepared -c "$clients" -j 2 -T "$seconds" -f "$scripts/$script.sql" | awk '/^tps/ { print $3 }')
    printf '%-26s round %d: %8.0f transactions/s, %8.0f turns/s\n' "$script" "$round" "$tps" "$(echo "$tps * $turns" | bc)"
  done
done
