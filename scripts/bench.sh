#!/bin/sh
# make bench: how fast wijkteam is, as ratios measured side by side in one run,
# so that the figures hold on a shared, noisy machine. Not part of make check.
#
#   throughput  of the main pages under wrk (CONNS connections), each as a ratio
#               to the bare handler of the same binary (serve --bench, /bench/bare)
#               measured right before it (target: at least 0.5);
#   latency     of each page with one connection: the median, and the CPU time the
#               server spent per request (wijkteam, plus PostgreSQL's processes on
#               PostgreSQL), which the other programs on a shared machine do not
#               inflate; both as growth from the smallest to the largest size (a page
#               that scans grows with the data; target: at most 1.5x);
#   memory      peak resident memory (VmHWM) of the server (target: under 100 MB);
#   network     one match proposal (median over NEEDS needs all over the city) and
#               the figures of a neighbourhood team, with the scans in the plan of a
#               proposal (scripts/bench-network.c), and their growth with the city;
#   import      rows per second of the demo generator and of wijkteam migrate, as a
#               ratio to SQLite's raw insert rate (scripts/bench-insert.c);
#   social map  distance search over a map of SM_SERVICES (20,000) services, each
#               search as a ratio of its median latency, its CPU time and its instructions
#               (callgrind, IR_REQUESTS requests) to those of the plain service page.
#
#   SIZES="10000 1000000" BACKENDS="sqlite postgresql" DURATION=8 CONNS=64 sh scripts/bench.sh  (the defaults)
#
# ONLY=pages measures the pages only (no import rates, network or social map), ONLY=socialmap the social map
# only; KEEP=DIR (PostgreSQL: the same cities, copied from there by wijkteam migrate) keeps the SQLite
# databases as DIR/bench-SIZE.db and uses one that is there as it is (the city of 1,000,000 residents takes
# minutes to generate), e.g. ONLY=pages KEEP=/tmp BACKENDS=sqlite sh scripts/bench.sh
#
# PostgreSQL runs in a private server (scripts/pg-test.sh) with durable settings
# (fsync and synchronous_commit on, as in production).
set -eu
B=${B:-build}
BIN=$B/wijkteam
SIZES=${SIZES:-10000 1000000}
BACKENDS=${BACKENDS:-sqlite postgresql}
DURATION=${DURATION:-8}
CONNS=${CONNS:-64}
SM_SERVICES=${SM_SERVICES:-20000}
IR_REQUESTS=${IR_REQUESTS:-20}
NEEDS=${NEEDS:-200}
THREADS=${THREADS:-$(nproc)}
ONLY=${ONLY:-}
KEEP=${KEEP:-}

case " $BACKENDS " in
*" postgresql "*)
  if [ -z "${WIJKTEAM_TEST_PG:-}" ]; then
    PGTEST_DURABLE=1 SIZES="$SIZES" BACKENDS="$BACKENDS" DURATION="$DURATION" CONNS="$CONNS" NEEDS="$NEEDS" B="$B" \
      SM_SERVICES="$SM_SERVICES" exec sh scripts/pg-test.sh sh "$0"
  fi ;;
esac

dir=$(mktemp -d "${TMPDIR:-/tmp}/wt-bench-XXXXXX")
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
results=$dir/results
: >"$results"

json() { # FIELD-EXPRESSION: reads JSON on stdin, prints the JS expression over it (j) or nothing
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const j=JSON.parse(s);const v=eval(process.argv[1]);if(v!==undefined&&v!==null)console.log(v)}catch{}})' "$1"
}
seconds() { date +%s.%N; }

database() { # BACKEND SIZE -> a new, empty database
  if [ "$1" = sqlite ]; then
    case $2 in *[!0-9]*) echo "$dir/bench-$2.db" ;; *) echo "${KEEP:-$dir}/bench-$2.db" ;; esac
  else
    psql -X -q -d "$WIJKTEAM_TEST_PG" -c "DROP DATABASE IF EXISTS bench_$2" -c "CREATE DATABASE bench_$2"
    echo "${WIJKTEAM_TEST_PG%/*}/bench_$2"
  fi
}

rate() { # URL SECONDS [HEADER] -> requests per second under wrk
  if [ -n "${3:-}" ]; then wrk -t2 -c"$CONNS" -d"$2s" -H "$3" "$1"; else wrk -t2 -c"$CONNS" -d"$2s" "$1"; fi |
    awk '/Requests\/sec/ {print $2}'
}

median_ms() { # URL HEADER -> "median-ms requests" with one connection for 3 s
  wrk -t1 -c1 -d3s --latency -H "$2" "$1" |
    awk '$1 == "50%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
                       m = u == "us" ? v / 1000 : u == "s" ? v * 1000 : v }
         / requests in / { n = $1 } END { printf "%.3f %d\n", m, n }'
}

server_ticks() { # PID -> CPU clock ticks of the server so far (and of PostgreSQL's processes, when it runs here)
  pids=$1
  if [ -n "${PGTEST_DATA:-}" ] && [ -f "$PGTEST_DATA/postmaster.pid" ]; then
    pm=$(head -1 "$PGTEST_DATA/postmaster.pid")
    pids="$pids $pm $(ps --ppid "$pm" -o pid= | tr '\n' ' ')"
  fi
  for p in $pids; do cat "/proc/$p/stat" 2>/dev/null; done | awk '{ sub(/^.*\) /, ""); t += $12 + $13 } END { print t + 0 }'
}

# --- bulk import -------------------------------------------------------------
[ -n "$ONLY" ] || {
cc -O2 -o "$dir/bench-insert" scripts/bench-insert.c -lsqlite3
raw=$("$dir/bench-insert" "$dir/raw.db" 1000000)
echo "SQLite raw insert rate (scripts/bench-insert.c, 1,000,000 rows): $raw rows/s"
echo
}

bench_size() { # BACKEND SIZE
  backend=$1 size=$2
  db=$(database "$backend" "$size")
  kept=${KEEP:+$KEEP/bench-$size.db}
  if [ "$backend" = sqlite ] && [ -n "$KEEP" ] && [ -s "$db" ]; then
    echo "sqlite $size residents: the kept database $db"
  elif [ "$backend" = postgresql ] && [ -n "$kept" ] && [ -s "$kept" ]; then
    echo "postgresql $size residents: the kept SQLite city $kept, copied by wijkteam migrate"
    WIJKTEAM_LOG=warn $BIN init --db "sqlite:$kept" >/dev/null
    WIJKTEAM_LOG=warn $BIN migrate --from "sqlite:$kept" --to "$db" >/dev/null
    psql -X -q -d "$db" -c ANALYZE
  else
    t0=$(seconds)
    WIJKTEAM_LOG=warn $BIN demo --db "$db" --residents "$size" >/dev/null 2>&1
    gen=$(echo "$(seconds) - $t0" | bc -l)
    [ "$ONLY" = pages ] || bench_import
  fi
  [ "$ONLY" = pages ] || bench_network
  bench_pages
}

bench_import() { # the rates of the generator and of migrate ($backend, $size, $db, $gen of bench_size)
  # The rows the generator wrote, counted by a copy to SQLite (which also measures migrate's rate).
  copy=$dir/copy-$backend-$size.db
  out=$($BIN migrate --from "$db" --to "sqlite:$copy" 2>/dev/null | tail -1)
  rows=$(echo "$out" | sed -n 's/^migrated \([0-9]*\) rows.*/\1/p')
  mig=$(echo "$out" | sed -n 's/.*(\([0-9]*\) rows\/s).*/\1/p')
  printf 'import %-10s %8s residents: demo %9.0f rows/s (%.2f of raw)   migrate %s->sqlite %9s rows/s (%.2f of raw)   %s rows\n' \
    "$backend" "$size" "$(echo "$rows / $gen" | bc -l)" "$(echo "$rows / $gen / $raw" | bc -l)" "$backend" "$mig" \
    "$(echo "$mig / $raw" | bc -l)" "$rows"
  if [ "$backend" = postgresql ]; then
    target=$(database postgresql "${size}_m")
    out=$($BIN migrate --from "sqlite:$copy" --to "$target" 2>/dev/null | tail -1)
    mig=$(echo "$out" | sed -n 's/.*(\([0-9]*\) rows\/s).*/\1/p')
    printf 'import %-10s %8s residents: migrate sqlite->postgresql %9s rows/s (%.2f of raw)\n' "$backend" "$size" "$mig" \
      "$(echo "$mig / $raw" | bc -l)"
    psql -X -q -d "$WIJKTEAM_TEST_PG" -c "DROP DATABASE bench_${size}_m"
  fi
  rm -f "$copy"
}

bench_network() { # the neighbourhood network: one match proposal, the figures of a team (scripts/bench-network.c)
  $B/bench-network "$db" "$NEEDS" >"$dir/network" || { cat "$dir/network"; echo "bench: network failed"; exit 1; }
  grep -v '^network|' "$dir/network" | sed "s/^network /network $backend /"
  grep '^network|' "$dir/network" | sed "s/^network|[0-9]*|/network|$backend|$size|/" >>"$results"
}

bench_pages() { # the pages of the city in $db under wrk
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  base=http://127.0.0.1:$port
  WIJKTEAM_LOG=warn $BIN serve --db "$db" --listen "127.0.0.1:$port" --threads "$THREADS" --bench &
  pid=$!
  for i in $(seq 100); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.1; done
  cookie=$(curl -s -D - -o /dev/null -d 'username=sanne&password=wijkteam-demo-2026' "$base/login" |
    sed -n 's/^Set-Cookie: \(wt_session=[^;]*\).*/\1/p')
  token=$(curl -s -H 'Content-Type: application/json' -d '{"username":"sanne","password":"wijkteam-demo-2026"}' \
    "$base/api/v1/session" | json j.token)
  [ -n "$cookie" ] && [ -n "$token" ] || { echo "bench: login failed"; exit 1; }
  bearer="Authorization: Bearer $token"
  case_id=$(curl -s -H "$bearer" "$base/api/v1/cases?mine=1&limit=1" | json 'j.items[0].id')
  hh_id=$(curl -s -H "$bearer" "$base/api/v1/cases/${case_id:-0}" | json 'j.household_id ?? j.household.id')
  [ -n "$hh_id" ] || hh_id=$(curl -s -H "$bearer" "$base/api/v1/households?limit=1" | json 'j.items[0].id')
  name=$(curl -s -H "$bearer" "$base/api/v1/households/${hh_id:-0}" | json 'encodeURIComponent(j.members[0].family_name)')

  printf '\n%-10s %9s  %-15s %9s %10s %6s %10s %8s\n' backend residents page "req/s" "bare req/s" ratio "median ms" "CPU ms"
  for spec in "start page|/|c" "case page|/cases/${case_id:-0}|c" "plan|/api/v1/cases/${case_id:-0}/plan|b" \
              "search|/search?q=${name:-jansen}|c" "household page|/households/${hh_id:-0}|c"; do
    label=${spec%%|*} rest=${spec#*|}; path=${rest%|*} auth=${rest##*|}
    header="Cookie: $cookie"; [ "$auth" = b ] && header=$bearer
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "$base$path")
    if [ "$code" != 200 ]; then
      printf '%-10s %9s  %-15s %s\n' "$backend" "$size" "$label" "(HTTP $code: not in the demo data, skipped)"
      continue
    fi
    bare=$(rate "$base/bench/bare" "$(( (DURATION + 1) / 2 ))")
    r=$(rate "$base$path" "$DURATION" "$header")
    t0=$(server_ticks "$pid")
    set -- $(median_ms "$base$path" "$header")
    t1=$(server_ticks "$pid")
    ms=$1 cpu=$(echo "($t1 - $t0) * 1000 / $(getconf CLK_TCK) / ($2 + ($2 == 0))" | bc -l)
    ratio=$(echo "$r / $bare" | bc -l)
    printf '%-10s %9s  %-15s %9.0f %10.0f %6.3f %10.3f %8.3f\n' "$backend" "$size" "$label" "$r" "$bare" "$ratio" "$ms" "$cpu"
    echo "$backend|$size|$label|$ms|$cpu|$ratio" >>"$results"
  done
  # eight logins at once, from eight addresses (each password check takes 64 MiB of Argon2id; the login
  # throttle counts per address)
  logins=""
  for i in 1 2 3 4 5 6 7 8; do
    curl -s -o /dev/null --interface "127.0.0.$((i + 10))" -d 'username=sanne&password=wijkteam-demo-2026' \
      "$base/login" &
    logins="$logins $!"
  done
  wait $logins
  rss=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
  printf '%-10s %9s  peak server memory: %d MB (VmHWM, after the pages and eight logins at once)\n\n' \
    "$backend" "$size" "$((rss / 1024))"
  echo "memory|$backend|$size|$((rss / 1024))" >>"$results"
  kill $pid; wait $pid 2>/dev/null || true; pid=""
  [ "$backend" = sqlite ] && [ -z "$KEEP" ] && rm -f "$db" "$db-wal" "$db-shm"
  [ "$backend" = postgresql ] && psql -X -q -d "$WIJKTEAM_TEST_PG" -c "DROP DATABASE bench_$size WITH (FORCE)"
  return 0
}

latency_cpu() { # URL HEADER PID -> "median-ms cpu-ms-per-request" with one connection (server and PostgreSQL)
  t0=$(server_ticks "$3")
  wrk -t1 -c1 -d3s --latency -H "$2" "$1" >"$dir/wrk"
  t1=$(server_ticks "$3")
  awk -v ticks=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" '
    $1 == "50%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v); ms = u == "us" ? v / 1000 : u == "s" ? v * 1000 : v }
    / requests in / { n = $1 }
    END { printf "%.3f %.3f\n", ms, n ? ticks * 1000 / hz / n : 0 }' "$dir/wrk"
}

# The same pages counted in instructions (valgrind's callgrind), which do not depend on what else the
# machine does: IR_REQUESTS warm requests of each page on a server of one thread under callgrind, per request,
# as a ratio to the service page. Uses $pages, $svc, $cookie and $bearer of bench_socialmap.
instructions_socialmap() { # BACKEND DB
  command -v valgrind >/dev/null || { echo "(no valgrind: no instruction counts)"; return 0; }
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  base=http://127.0.0.1:$port
  WIJKTEAM_LOG=warn valgrind --tool=callgrind --callgrind-out-file="$dir/cg.%p" $BIN serve --db "$2" \
    --listen "127.0.0.1:$port" --threads 1 >/dev/null 2>&1 &
  pid=$!
  for i in $(seq 300); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.2; done
  printf '\n%-10s %-32s %16s %6s\n' backend "page (map of $SM_SERVICES services)" "instructions" ratio
  service_ir=""
  { echo "service page|/socialmap/services/$svc"; echo "$pages"; } | while IFS= read -r spec; do
    label=${spec%%|*} path=${spec#*|}
    header="Cookie: $cookie"
    case $path in /api/*) header=$bearer ;; esac
    for i in 1 2 3; do curl -s -o /dev/null -H "$header" "$base$path"; done
    callgrind_control -z $pid >/dev/null 2>&1
    for i in $(seq "$IR_REQUESTS"); do curl -s -o /dev/null -H "$header" "$base$path"; done
    callgrind_control -d $pid >/dev/null 2>&1
    sleep 0.3
    ir=$(grep -h '^summary:' $(ls -t "$dir"/cg.$pid.* | head -1) | awk -v n="$IR_REQUESTS" '{ printf "%d", $2 / n }')
    service_ir=${service_ir:-$ir}
    printf '%-10s %-32s %16s %6.1f\n' "$backend" "$label" "$ir" "$(echo "$ir / $service_ir" | bc -l)"
  done
  kill $pid; wait $pid 2>/dev/null || true; pid=""
  rm -f "$dir"/cg.*
}

# --- the social map: distance search over SM_SERVICES services ---------------
# A map of a region (scripts/bench-socialmap.mjs, imported with `wijkteam socialmap import`), searched
# "within 2 km of this household" with and without filters and words; each page as a ratio of its median
# latency (one connection) and of the server's CPU time per request to those of the plain service page,
# measured right before it (the CPU ratio holds on a busy, shared machine, where waiting inflates latency).
bench_socialmap() { # BACKEND
  backend=$1
  db=$(database "$backend" socialmap)
  WIJKTEAM_LOG=warn $BIN demo --db "$db" --residents 200 >/dev/null 2>&1
  node scripts/bench-socialmap.mjs "$SM_SERVICES" "$dir/sm" >/dev/null
  t0=$(seconds)
  rows=$($BIN socialmap import "$dir/sm" --db "$db" 2>/dev/null | sed -n 's/^imported \([0-9]*\) rows.*/\1/p')
  printf 'import %-10s social map of %s services: %s rows in %.1f s (%.0f rows/s)\n' "$backend" "$SM_SERVICES" "$rows" \
    "$(echo "$(seconds) - $t0" | bc -l)" "$(echo "$rows / ($(seconds) - $t0)" | bc -l)"
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  base=http://127.0.0.1:$port
  WIJKTEAM_LOG=warn $BIN serve --db "$db" --listen "127.0.0.1:$port" --threads "$THREADS" --bench &
  pid=$!
  for i in $(seq 100); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.1; done
  cookie=$(curl -s -D - -o /dev/null -d 'username=sanne&password=wijkteam-demo-2026' "$base/login" |
    sed -n 's/^Set-Cookie: \(wt_session=[^;]*\).*/\1/p')
  token=$(curl -s -H 'Content-Type: application/json' -d '{"username":"sanne","password":"wijkteam-demo-2026"}' \
    "$base/api/v1/session" | json j.token)
  [ -n "$cookie" ] && [ -n "$token" ] || { echo "bench: login failed"; exit 1; }
  bearer="Authorization: Bearer $token"
  hh=$(curl -s -H "$bearer" "$base/api/v1/cases?mine=1&limit=1" | json 'j.items[0].household_id')
  svc=$(curl -s -H "$bearer" "$base/api/v1/services?household=${hh:-0}&km=2&limit=1" | json 'j.items[0].id')
  [ -n "$hh" ] && [ -n "$svc" ] || { echo "bench: no household or service near it"; exit 1; }
  printf '\n%-10s %-32s %5s %9s %10s %6s %8s %8s %6s\n' backend "page (map of $SM_SERVICES services)" hits "median ms" \
    "service ms" ratio "cpu ms" "service" ratio
  pages="map, first page|/socialmap
within 2 km of a household|/socialmap?household=$hh&km=2
money, free, within 2 km|/socialmap?household=$hh&km=2&domain=money&free=1
within 10 km, nearest first|/socialmap?household=$hh&km=10
within 10 km, by name|/socialmap?household=$hh&km=10&sort=name
words within 5 km|/socialmap?household=$hh&km=5&q=schuldhulp
words within 10 km|/socialmap?household=$hh&km=10&q=schuldhulp
API: within 2 km|/api/v1/services?household=$hh&km=2"
  echo "$pages" | while IFS= read -r spec; do
    label=${spec%%|*} path=${spec#*|}
    header="Cookie: $cookie"
    case $path in /api/*) header=$bearer ;; esac
    code=$(curl -s -o "$dir/page" -w '%{http_code}' -H "$header" "$base$path")
    if [ "$code" != 200 ]; then printf '%-10s %-44s (HTTP %s)\n' "$backend" "$label" "$code"; continue; fi
    hits=$(grep -o 'class="wt-card wt-hit"\|"relevance"' "$dir/page" | wc -l)
    set -- $(latency_cpu "$base/socialmap/services/$svc" "Cookie: $cookie" "$pid")
    plain=$1 plain_cpu=$2
    set -- $(latency_cpu "$base$path" "$header" "$pid")
    printf '%-10s %-32s %5s %9s %10s %6.1f %8s %8s %6.1f\n' "$backend" "$label" "$hits" "$1" "$plain" \
      "$(echo "$1 / $plain" | bc -l)" "$2" "$plain_cpu" "$(echo "$2 / $plain_cpu" | bc -l)"
  done
  kill $pid; wait $pid 2>/dev/null || true; pid=""
  instructions_socialmap "$backend" "$db"
  [ "$backend" = sqlite ] && rm -f "$db" "$db-wal" "$db-shm"
  [ "$backend" = postgresql ] && psql -X -q -d "$WIJKTEAM_TEST_PG" -c "DROP DATABASE bench_socialmap WITH (FORCE)"
  rm -rf "$dir/sm"
  echo
  return 0
}

[ "$ONLY" = socialmap ] || for backend in $BACKENDS; do
  for size in $SIZES; do bench_size "$backend" "$size"; done
done
[ "$ONLY" = pages ] || for backend in $BACKENDS; do bench_socialmap "$backend"; done

# --- latency growth ------------------------------------------------------------
small=$(echo "$SIZES" | tr ' ' '\n' | sort -n | head -1)
large=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)
if [ "$small" != "$large" ] && [ "$ONLY" != socialmap ]; then
  echo "growth from $small to $large residents (target: at most 1.5x), and the throughput ratios (target: at least 0.5)"
  printf '  %-10s %-15s %9s %9s %6s   %8s %8s %6s   %6s %6s\n' backend page "ms" "ms" growth "CPU ms" "CPU ms" growth ratio ratio
  for backend in $BACKENDS; do
    grep "^$backend|$small|" "$results" | while IFS='|' read -r _ _ label ms cpu ratio; do
      line=$(grep "^$backend|$large|$label|" "$results") || continue
      big=$(echo "$line" | cut -d'|' -f4) bigcpu=$(echo "$line" | cut -d'|' -f5) bigratio=$(echo "$line" | cut -d'|' -f6)
      printf '  %-10s %-15s %9.3f %9.3f %5.2fx   %8.3f %8.3f %5.2fx   %6.3f %6.3f\n' "$backend" "$label" "$ms" "$big" \
        "$(echo "$big / $ms" | bc -l)" "$cpu" "$bigcpu" "$(echo "$bigcpu / $cpu" | bc -l)" "$ratio" "$bigratio"
    done
    grep "^memory|$backend|" "$results" | awk -F'|' '{ printf "  %-10s peak server memory at %s residents: %s MB\n", $2, $3, $4 }'
  done
  echo "network growth from $small to $large residents (median; CPU: of the bench process, which for SQLite is all of it)"
  for backend in $BACKENDS; do
    a=$(grep "^network|$backend|$small|" "$results" | head -1) b=$(grep "^network|$backend|$large|" "$results" | head -1)
    [ -n "$a" ] && [ -n "$b" ] || continue
    echo "$a|$b" | awk -F'|' -v be="$backend" '{
      printf "  %-10s one match proposal      %8.2f ms -> %8.2f ms  %5.2fx   (CPU %.2f -> %.2f ms: %.2fx)\n", be, $4, $14, $14 / $4, $5, $15, $15 / $5
      printf "  %-10s figures of a team       %8.0f ms -> %8.0f ms  %5.2fx   (CPU %.0f -> %.0f ms: %.2fx; team of %d -> %d residents, %d -> %d relations)\n", be, $6, $16, $16 / $6, $7, $17, $17 / $7, $8, $18, $9, $19
      printf "  %-10s scans in one proposal   %8d    -> %8d\n", be, $10, $20 }'
  done
fi
