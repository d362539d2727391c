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
for round in 1 2; do
  for script in turn turn-optimistic turns-8-per-transaction grouped-locked grouped-optimistic; do
    clients=16; turns=1
    case $script in turn | turn-optimistic) ;; *) clients=${EIGHT_TURN_CLIENTS:-4}; turns=8 ;; esac
    tps=$("$pgbench" "$conninfo" -n -M prepared -c "$clients" -j 2 -T "$seconds" -f "$here/$script.sql" | awk '/^tps/ { print $3 }')
    printf '%-26s round %d: %8.0f transactions/s, %8.0f turns/s\n' "$script" "$round" "$tps" "$(echo "$tps * $turns" | bc)"
  done
done
