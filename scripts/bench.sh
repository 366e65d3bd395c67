#!/bin/sh
# make bench: throughput of the main pages as a ratio to a bare handler in the
# same binary, measured side by side in one run (wrk, 64 connections), so the
# figures hold on a shared, noisy machine. Not part of make check.
#   RESIDENTS=10000 DURATION=10 sh scripts/bench.sh
set -eu
B=${B:-build}
BIN=$B/wijkteam
RESIDENTS=${RESIDENTS:-10000}
DURATION=${DURATION:-8}
CONNS=${CONNS:-64}
PORT=${PORT:-18080}
dir=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
db=$dir/bench.db
echo "generating $RESIDENTS residents..."
$BIN demo --db "$db" --residents "$RESIDENTS" >/dev/null
WIJKTEAM_LOG=warn $BIN serve --db "$db" --listen 127.0.0.1:$PORT --bench &
pid=$!
for i in $(seq 50); do curl -fs http://127.0.0.1:$PORT/healthz >/dev/null && break; sleep 0.1; done
base=http://127.0.0.1:$PORT
cookie=$(curl -s -D - -o /dev/null -d 'username=sanne&password=wijkteam-demo-2026' $base/login | sed -n 's/^Set-Cookie: \(wt_session=[^;]*\).*/\1/p')
[ -n "$cookie" ] || { echo "login failed"; exit 1; }

rate() { # path [auth] -> requests per second
  if [ "${2:-}" = auth ]; then
    wrk -t2 -c"$CONNS" -d"${DURATION}s" -H "Cookie: $cookie" "$base$1" | awk '/Requests\/sec/ {print $2}'
  else
    wrk -t2 -c"$CONNS" -d"${DURATION}s" "$base$1" | awk '/Requests\/sec/ {print $2}'
  fi
}

first_id() { sqlite3 "$db" "$1" 2>/dev/null || true; }
case_id=$(first_id "SELECT id FROM cases WHERE status='open' AND team_id=1 ORDER BY id LIMIT 1")
hh_id=$(first_id "SELECT household_id FROM cases WHERE id=${case_id:-0}")

printf '%-34s %12s %8s\n' "page ($RESIDENTS residents)" "req/s" "ratio"
bare=$(rate /bench/bare)
printf '%-34s %12s %8s\n' "bare handler (baseline)" "$bare" "1.00"
for spec in "/login" "/ auth" "/cases auth" "/search?q=jansen auth" \
            "/cases/${case_id:-0} auth" "/households/${hh_id:-0} auth"; do
  path=${spec% auth}; auth=""; [ "$path" != "$spec" ] && auth=auth
  if [ -n "$auth" ]; then code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$path")
  else code=$(curl -s -o /dev/null -w '%{http_code}' "$base$path"); fi
  if [ "$code" != 200 ]; then printf '%-34s %12s\n' "$path" "(HTTP $code, skipped)"; continue; fi
  r=$(rate "$path" $auth)
  printf '%-34s %12s %8.2f\n' "$path" "$r" "$(echo "$r / $bare" | bc -l)"
done
rss=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
echo "server peak memory: $((rss / 1024)) MB"
