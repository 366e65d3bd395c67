#!/bin/sh
# Runs a command against a throw-away PostgreSQL 15 server: initialises a
# cluster in a temporary directory, starts it on a free loopback port, runs
# the command with WIJKTEAM_TEST_PG set to the URL of its "postgres" database,
# and stops and removes the cluster afterwards, also when the command fails
# or is interrupted. Needs only what scripts/install-deps.sh installs
# (Debian's postgresql). As root, the server runs as the user postgres.
#
#   sh scripts/pg-test.sh make http        # the HTTP suite on PostgreSQL
#   PGTEST_DURABLE=1 sh scripts/pg-test.sh ...   fsync and synchronous_commit on (benchmarks)
set -eu

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG...]" >&2
  exit 2
fi

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PGBIN/initdb" ]; then
  echo "pg-test: $PGBIN/initdb not found; install PostgreSQL 15 (sh scripts/install-deps.sh)" >&2
  exit 1
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/wt-pg-XXXXXX")
data="$dir/data"
as_pg=""
if [ "$(id -u)" -eq 0 ]; then
  # initdb and postgres refuse to run as root: the cluster belongs to postgres.
  chown postgres "$dir"
  as_pg="runuser -u postgres --"
fi

cleanup() {
  status=$?
  trap - EXIT INT TERM HUP
  if [ -f "$data/postmaster.pid" ]; then
    $as_pg "$PGBIN/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

$as_pg "$PGBIN/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  echo "pg-test: initdb failed" >&2
  exit 1
}

# Tests need no durability (a crash of the machine loses the test anyway); benchmarks
# (PGTEST_DURABLE=1) run with PostgreSQL's durable defaults, as in production.
speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ -n "${PGTEST_DURABLE:-}" ] && speed=""

# A port may be taken between choosing and binding it: try a few.
started=""
for attempt in 1 2 3 4 5; do
  port=$(free_port)
  if $as_pg "$PGBIN/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 30 \
       -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 $speed" start >/dev/null 2>&1; then
    started=yes
    break
  fi
done
if [ -z "$started" ]; then
  cat "$dir/server.log" >&2 || true
  echo "pg-test: PostgreSQL did not start" >&2
  exit 1
fi

echo "pg-test: PostgreSQL $("$PGBIN/postgres" --version | sed 's/.* //') on 127.0.0.1:$port ($dir)"
WIJKTEAM_TEST_PG="postgresql://postgres@127.0.0.1:$port/postgres"
# The cluster's directory, for benchmarks that count the server's CPU time (make bench).
PGTEST_DATA=$data
export WIJKTEAM_TEST_PG PGTEST_DATA
"$@"
