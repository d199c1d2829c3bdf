#!/bin/sh
# Start a throwaway PostgreSQL 15 cluster on loopback and print the SQLAlchemy URL to use.
# Usage: scripts/pg-throwaway.sh [start|stop] [PORT]   (default: start 55432)
# The cluster lives in /tmp/carnet-pg-$PORT (fsync off, trust auth on 127.0.0.1 only): never for real data.
set -eu
ACTION=${1:-start}
PORT=${2:-55432}
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
BASE=/tmp/carnet-pg-$PORT
DB=carnet_test

as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

case "$ACTION" in
stop)
    if [ -d "$BASE/data" ]; then as_postgres "$BIN/pg_ctl" -D "$BASE/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$BASE"
    exit 0
    ;;
start) ;;
*) echo "usage: $0 [start|stop] [PORT]" >&2; exit 2 ;;
esac

[ -x "$BIN/initdb" ] || { echo "PostgreSQL 15 binaries not found in $BIN (apt-get install -y postgresql)" >&2; exit 1; }
if [ -f "$BASE/data/postmaster.pid" ] && as_postgres "$BIN/pg_ctl" -D "$BASE/data" status >/dev/null 2>&1; then
    echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/$DB"
    exit 0
fi
rm -rf "$BASE"
mkdir -p "$BASE"
chown postgres "$BASE" 2>/dev/null || true
as_postgres "$BIN/initdb" -D "$BASE/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$BASE/initdb.log" 2>&1
as_postgres "$BIN/pg_ctl" -D "$BASE/data" -l "$BASE/log" -w \
    -o "-p $PORT -k $BASE -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null
as_postgres "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/$DB"
