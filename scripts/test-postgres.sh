#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for one test run (CI): trust authentication on 127.0.0.1 only, no fsync,
# everything inside DIR. Tests find it through $TRIANGULATE_TEST_POSTGRES (see test/postgres.ts).
#
#   scripts/test-postgres.sh start DIR   initialises and starts the cluster, prints its URL
#   scripts/test-postgres.sh stop DIR    stops it and removes DIR
#
# Runs the server as the `postgres` user when started as root (initdb refuses root). Exits non-zero with
# the server's last log lines on stderr when the cluster cannot start.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

# Debian keeps the server binaries out of PATH, in /usr/lib/postgresql/<version>/bin.
bin_dir() {
  local initdb
  if initdb=$(command -v initdb 2>/dev/null) && [ -x "$(dirname "$initdb")/pg_ctl" ]; then
    dirname "$initdb"
    return
  fi
  local candidate
  candidate=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
    echo "$candidate"
    return
  fi
  echo "initdb and pg_ctl not found in PATH nor in /usr/lib/postgresql/*/bin" >&2
  return 1
}

# A non-login root shell may lack /usr/sbin (runuser) in PATH.
export PATH="$PATH:/usr/sbin:/sbin"
as_server() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $action in
  start)
    bin=$(bin_dir)
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
      echo "running as root and there is no postgres user to run the server as" >&2
      exit 1
    fi
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
    # cd: initdb complains when it cannot return to a folder its user may not read (root's home).
    cd /
    if ! as_server "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1; then
      tail -n 3 "$dir/initdb.log" >&2
      exit 1
    fi
    port=$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")
    # Test files run in parallel, each with a few pooled connections: allow plenty.
    options="-F -p $port -k $dir -c listen_addresses=127.0.0.1 -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    if ! as_server "$bin/pg_ctl" start -D "$dir/data" -w -t 30 -l "$dir/server.log" -o "$options" >/dev/null 2>&1; then
      tail -n 5 "$dir/server.log" >&2 2>/dev/null || true
      exit 1
    fi
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$dir/data" ] && bin=$(bin_dir 2>/dev/null); then
      as_server "$bin/pg_ctl" stop -D "$dir/data" -m fast -w -t 30 >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
