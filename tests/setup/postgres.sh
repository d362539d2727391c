# Starts a throwaway PostgreSQL cluster for the tests. Installs Debian's postgresql package when no server is
# installed and runs the cluster as an unprivileged user (initdb refuses root) on a free loopback port.
#
# Sourced (tests/run.sh does; by hand: `source tests/setup/postgres.sh` before `dotnet test`), it exports
#   BOTTRIAGE_TEST_POSTGRES      an Npgsql connection string for a superuser on the cluster
#   BOTTRIAGE_TEST_POSTGRES_CTL  a script taking stop | start | destroy
# and destroys the cluster when the sourcing shell exits. Executed, it prints those two lines as NAME=VALUE and
# leaves the cluster running: the caller destroys it with `$BOTTRIAGE_TEST_POSTGRES_CTL destroy`, and with
# `--owner PID` it is destroyed as well once that process has exited (the tests start a cluster of their own this
# way to restart it, and when the variables are not set).

bottriage_postgres_start() {
  local bindir user dir port attempt

  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "postgres.sh: PostgreSQL is not installed; install the Debian package postgresql (as root)." >&2
      return 1
    fi
    echo "postgres.sh: installing PostgreSQL from the Debian packages" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi

  # initdb refuses to run as root; the package creates the postgres user, and we create it when it is missing.
  if [ "$(id -u)" -eq 0 ]; then
    user=postgres
    if ! id -u "$user" >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
    fi
  else
    user=$(id -un)
  fi

  dir=$(mktemp -d "${TMPDIR:-/tmp}/bottriage-postgres.XXXXXX")
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown "$user" "$dir"

  cat >"$dir/ctl" <<CTL
#!/usr/bin/env bash
# stop | start the test cluster in $dir
set -euo pipefail
run() { if [ "\$(id -u)" -eq 0 ]; then runuser -u "$user" -- "\$@"; else "\$@"; fi; }
case "\${1:-}" in
  stop) run "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null ;;
  start) run "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ;;
  destroy) run "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$dir" ;;
  *) echo "usage: \$0 stop|start|destroy" >&2; exit 2 ;;
esac
CTL
  chmod 755 "$dir/ctl"

  local as_user=()
  [ "$(id -u)" -eq 0 ] && as_user=(runuser -u "$user" --)
  "${as_user[@]}" "$bindir/initdb" -D "$dir/data" -U bottriage --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }

  # A port can be taken between the check and the start; try a few.
  for attempt in 1 2 3 4 5; do
    port=$(( 20000 + (RANDOM % 20000) ))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
CONF
    if "$dir/ctl" start; then
      export BOTTRIAGE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=bottriage;Database=postgres"
      export BOTTRIAGE_TEST_POSTGRES_CTL="$dir/ctl"
      echo "postgres.sh: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
      return 0
    fi
    tail -n 5 "$dir/server.log" >&2 || true
  done
  echo "postgres.sh: the test cluster did not start:" >&2
  cat "$dir/server.log" >&2 2>/dev/null || true
  rm -rf "$dir"
  return 1
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  bottriage_postgres_start
  # --owner PID: destroy the cluster once that process is gone, even when it is killed before it can clean up.
  if [ "${1:-}" = "--owner" ] && [ -n "${2:-}" ]; then
    ( while kill -0 "$2" 2>/dev/null; do sleep 2; done; "$BOTTRIAGE_TEST_POSTGRES_CTL" destroy ) </dev/null >/dev/null 2>&1 &
  fi
  echo "BOTTRIAGE_TEST_POSTGRES=$BOTTRIAGE_TEST_POSTGRES"
  echo "BOTTRIAGE_TEST_POSTGRES_CTL=$BOTTRIAGE_TEST_POSTGRES_CTL"
else
  bottriage_postgres_start
  trap '"$BOTTRIAGE_TEST_POSTGRES_CTL" destroy' EXIT
fi
