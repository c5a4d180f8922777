#!/usr/bin/env bash
# Start a local PostgreSQL server for the storage tests (installing it if missing) and print its URL.
# Only the URL goes to stdout: everything the PostgreSQL tools say (e.g. "Removed stale pid file.")
# goes to stderr, so the caller can capture the URL with $(...).
set -euo pipefail
exec 3>&1 1>&2
export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get install -y -qq postgresql >/dev/null
fi
if [ -z "$(pg_lsclusters -h)" ]; then
  pg_createcluster "$(ls /usr/lib/postgresql | sort -n | tail -1)" main >/dev/null
fi
read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
# 3>&-: the server must not inherit the caller's stdout, or $(...) would wait for it to exit.
[ "$status" = online ] || pg_ctlcluster "$version" "$cluster" start 3>&-
as_postgres() { su postgres -s /bin/sh -c "$1"; }
as_postgres "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='unknot'\"" | grep -q 1 \
  || as_postgres "psql -qc \"CREATE ROLE unknot LOGIN SUPERUSER PASSWORD 'unknot'\"" >/dev/null
as_postgres "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='unknot_test'\"" | grep -q 1 \
  || as_postgres "createdb -O unknot unknot_test"
echo "postgresql+psycopg://unknot:unknot@127.0.0.1:${port}/unknot_test" >&3
