#!/usr/bin/env bash
# Setsunai benchmarks (issues 6 and 13): one command, about 15-19 minutes on a 2-core machine.
#
#   bench/run.sh            the full run: 100,000 titles and 300,000 songs; writes bench/RESULTS.md
#   BENCH_SMOKE=1 bench/run.sh   a small, quick run of every step (2,000 titles, 6,000 songs, 2 s runs) to check
#                                the harness; writes bench/out/RESULTS-smoke.md only
#
# It starts its own private PostgreSQL (throwaway data in bench/out/pg, port 25433) and the three services on their
# own ports (gateway 28080, catalog 28081, songs 28082), so it never collides with a running ./run.sh, and stops all
# of it when it ends, however it ends. Only loopback addresses are loaded, each step for a bounded time.
# Everything it measured is in bench/out/results.properties; logs in bench/out/logs/. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

# ---- settings --------------------------------------------------------------------------------------------------
SMOKE="${BENCH_SMOKE:-0}"
if [ "$SMOKE" = 1 ]; then
  TITLES="${BENCH_TITLES:-2000}"; SONGS="${BENCH_SONGS:-6000}"; WRK_SECONDS="${BENCH_WRK_SECONDS:-2}"
  OPEN_SECONDS="${BENCH_OPEN_SECONDS:-2}"; SAMPLES=40; MODES="${BENCH_START_MODES:-cold}"
else
  TITLES="${BENCH_TITLES:-100000}"; SONGS="${BENCH_SONGS:-300000}"; WRK_SECONDS="${BENCH_WRK_SECONDS:-5}"
  OPEN_SECONDS="${BENCH_OPEN_SECONDS:-8}"; SAMPLES=120; MODES="${BENCH_START_MODES:-cold warm cds}"
fi
# Each load step runs this many times (wrk, then the open model); the report gives the median and the spread.
REPS="${BENCH_REPS:-3}"
SEED="${BENCH_SEED:-6}"
# The whole run must stay under 20 minutes: once the data is in, the load steps get what is left of this budget.
BUDGET="${BENCH_BUDGET_SECONDS:-1140}"
WRK_CONNECTIONS="${BENCH_WRK_CONNECTIONS:-16}"
IMPORT_PARALLEL="${BENCH_IMPORT_PARALLEL:-3}"
BANGUMI="${BENCH_BANGUMI:-0}"
# What-if: the services once more with other JVM flags (default: with the C2 compiler, which jvm.options leaves out),
# with native memory tracking, to show where the memory goes and what the change would cost in throughput.
WHATIF="${BENCH_WHATIF:-1}"
read -r -a WHATIF_OPTS <<< "${BENCH_WHATIF_OPTS:-@jvm.options -XX:TieredStopAtLevel=4 -XX:NativeMemoryTracking=summary}"
# What-if: the same read steps with the rate limits and security headers off (what those filters cost).
FILTERS_WHATIF="${BENCH_FILTERS_WHATIF:-1}"
# Issue 14: what the new recommendation parameters (diversity, exclude, feeling) cost on the gateway's p50.
ISSUE14="${BENCH_ISSUE14:-1}"
# BENCH_UNTIL=scale stops after step 6 (the import and the services' own read steps): what bench/ab.sh compares.
UNTIL="${BENCH_UNTIL:-}"
DB_PORT="${BENCH_DB_PORT:-25433}"
GW_PORT="${BENCH_GATEWAY_PORT:-28080}"
CAT_PORT="${BENCH_CATALOG_PORT:-28081}"
SONGS_PORT="${BENCH_SONGS_PORT:-28082}"
# The services run exactly as ./run.sh runs them (jvm.options, MALLOC_ARENA_MAX=2), the measured instances (those of
# the last start mode, AppCDS in a full run) with native memory tracking (summary) so the report can account for RSS.
JAVA_OPTS=(@jvm.options)
NMT_OPTS=(-XX:NativeMemoryTracking=summary)
# The rate limits are on, as in production, but with budgets no single load generator reaches: the filter runs on
# every request (bucket, headers) and never refuses. The filters-off what-if (start mode "off") switches them and the
# security headers off: the headers by moving them to a path nobody requests (they have no switch of their own).
ON_ENV=(SETSUNAI_RATE_LIMIT_ENABLED=true SETSUNAI_RATE_LIMIT_READ_REQUESTS=1000000000
  SETSUNAI_RATE_LIMIT_WRITE_REQUESTS=1000000000 SETSUNAI_RATE_LIMIT_IMPORT_REQUESTS=1000000000)
OFF_ENV=(SETSUNAI_RATE_LIMIT_ENABLED=false)
OFF_OPTS=('-Dquarkus.http.header."X-Content-Type-Options".path=/bench-filters-off'
  '-Dquarkus.http.header."Referrer-Policy".path=/bench-filters-off' '-Dquarkus.http.filter.api-csp.matches=/bench-filters-off')
SERVICES=(catalog-service songs-service gateway)

OUT=bench/out
CACHE="$OUT/cache"
RESULTS="$OUT/results.properties"
LOGS="$OUT/logs"
PATHS="$OUT/data/paths"
JDBC_ADMIN="jdbc:postgresql://localhost:$DB_PORT/setsunai"
START_TIME=$(date -u '+%Y-%m-%d %H:%M')
T0=$SECONDS

log() { printf '[bench %s +%ds] %s\n' "$(date -u +%H:%M:%S)" "$((SECONDS - T0))" "$*"; }
put() { printf '%s=%s\n' "$1" "$2" >> "$RESULTS"; }
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
port_of() { case "$1" in catalog-service) echo "$CAT_PORT" ;; songs-service) echo "$SONGS_PORT" ;; gateway) echo "$GW_PORT" ;; esac; }

# ---- everything we start is stopped on exit ----------------------------------------------------------------------
declare -A SVC_PID=()
DB_PID=""
SAMPLER_PID=""
stop_pid() { # pid [seconds]: TERM, wait, then KILL
  local pid=$1 limit=$((${2:-15} * 10))
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 "$limit"); do alive "$pid" || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_pid "$SAMPLER_PID" 2
  for svc in "${!SVC_PID[@]}"; do stop_pid "${SVC_PID[$svc]}" 15; done
  stop_pid "$DB_PID" 20
  # A server orphaned by a killed launcher still holds its pid file: stop it too.
  if [ -f "$OUT/pg/postmaster.pid" ]; then
    local postmaster
    postmaster=$(head -1 "$OUT/pg/postmaster.pid")
    alive "$postmaster" && kill -INT "$postmaster" 2>/dev/null || true
  fi
  [ "$status" = 0 ] || log "FAILED (exit $status); logs in $LOGS/"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- tools ---------------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk (Debian package)"
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }
  else
    sudo apt-get install -y -qq wrk || { sudo apt-get update -qq && sudo apt-get install -y -qq wrk; }
  fi
fi
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }

# Service jars (as ./run.sh builds them) and the bench tools (bench/tools, not part of the root build).
missing=0
for m in "${SERVICES[@]}"; do [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || missing=1; done
[ -f test-support/target/classpath.txt ] || missing=1
if [ "$missing" = 1 ] || [ "${BENCH_BUILD:-0}" = 1 ]; then
  log "building the services (./mvnw package -DskipTests)"
  ./mvnw -B -q package -DskipTests -pl test-support,catalog-service,songs-service,gateway -am
fi
if [ ! -f bench/tools/target/bench-tools.jar ] || [ -n "$(find bench/tools/src bench/tools/pom.xml -newer bench/tools/target/bench-tools.jar -type f | head -1)" ]; then
  log "building the bench tools (bench/tools)"
  ./mvnw -B -q -f bench/tools/pom.xml package -DskipTests
fi
TOOLS="bench/tools/target/bench-tools.jar:$(cat bench/tools/target/classpath.txt)"
tool() { java -Xms64m -Xmx768m -cp "$TOOLS" "setsunai.bench.$1" "${@:2}"; }

# ---- our ports must be free (this also keeps two runs from sharing bench/out) --------------------------------------
in_use() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$DB_PORT" "$GW_PORT" "$CAT_PORT" "$SONGS_PORT"; do
  if in_use "$port"; then
    echo "Port $port is in use by another process: choose other ports (BENCH_*_PORT, see bench/README.md)" >&2
    exit 1
  fi
done

# ---- a clean slate (the npm cache survives) ---------------------------------------------------------------------
find "$OUT" -mindepth 1 -maxdepth 1 ! -name cache -exec rm -rf {} + 2>/dev/null || true
mkdir -p "$LOGS" "$OUT/cds" "$CACHE"
: > "$RESULTS"
put run.started "$START_TIME"
put run.smoke "$SMOKE"
put machine.nproc "$(nproc)"
put machine.cpu "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
put machine.mem "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
put machine.java "$(java -version 2>&1 | head -2 | tr '\n' ' ' | sed 's/ *$//')"
put machine.java_opts "$(grep -v '^#' jvm.options | tr '\n' ' ')MALLOC_ARENA_MAX=2"
put machine.wrk "$(wrk -v 2>&1 | head -1 | awk '{print "wrk " $2}')"
put machine.hyperfoil "0.25.2"
put machine.git "$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- catalog-service songs-service gateway common 2>/dev/null || echo ' + uncommitted changes')"
put run.reps "$REPS"
put run.filters_on "${ON_ENV[*]}"
put run.wrk_desc "1 thread, $WRK_CONNECTIONS connections, ${WRK_SECONDS} s"
put run.open_desc "${OPEN_SECONDS} s per phase"
put data.seed "$SEED"
put data.titles "$TITLES"
put data.songs "$SONGS"
put data.curated_titles "$(grep -c '"slug"' catalog-service/src/main/resources/dataset/titles.json)"

# ---- 1. scale data (before anything is measured, so it competes with nothing) -----------------------------------
log "generating $TITLES titles and $SONGS songs (seed $SEED)"
tool Generate catalog-service/src/main/resources/dataset "$OUT/data" "$TITLES" "$SONGS" "$SEED" | tee -a "$LOGS/generate.log"
# test-support/src/main/resources is on the class path because the test-support jar lacks dev-keys/ (its pom's
# <resources> replaces the default resource directory; reported in RESULTS.md).
java -cp "test-support/src/main/resources:test-support/target/test-support-1.0.0-SNAPSHOT.jar:$(cat test-support/target/classpath.txt)" \
  setsunai.testsupport.Tokens > "$OUT/token"

# ---- 2. the private database ------------------------------------------------------------------------------------
log "starting PostgreSQL on port $DB_PORT (data in $OUT/pg)"
# java directly (not through a shell function), so that $! is the JVM itself and stopping it stops the server.
java -Xms64m -Xmx256m -cp "$TOOLS" setsunai.bench.BenchDatabase "$OUT/pg" "$DB_PORT" db/roles.sql "$(pwd)/$LOGS/postgres" \
  > "$LOGS/database.log" 2>&1 &
DB_PID=$!
deadline=$((SECONDS + 90))
until grep -q "PostgreSQL ready" "$LOGS/database.log" 2>/dev/null; do
  if ! alive "$DB_PID" || [ "$SECONDS" -ge "$deadline" ]; then
    tail -20 "$LOGS/database.log" >&2
    exit 1
  fi
  sleep 0.2
done

# ---- 3. services: start-to-ready and RSS, cold / warm / AppCDS -------------------------------------------------
start_service() { # service mode(cold|warm|train|cds)
  local svc=$1 mode=$2 port opts=("${JAVA_OPTS[@]}")
  port=$(port_of "$svc")
  case "$mode" in
    # The warm start doubles as the AppCDS training run: the archive is written when the JVM exits, after the
    # measurement (recording the loaded classes costs the warm start next to nothing).
    warm | train) opts+=("-XX:ArchiveClassesAtExit=$OUT/cds/$svc.jsa") ;;
    cds | off) opts+=("-XX:SharedArchiveFile=$OUT/cds/$svc.jsa" -Xshare:auto "${NMT_OPTS[@]}") ;;
    whatif) opts=("${WHATIF_OPTS[@]}") ;;
  esac
  # The instances that stay up for the load steps have NMT, whatever the last mode is (a smoke run starts cold only).
  if [ "$mode" = "${MODES##* }" ] && [ "$mode" != cds ]; then opts+=("${NMT_OPTS[@]}"); fi
  local envs=(QUARKUS_HTTP_PORT="$port" MALLOC_ARENA_MAX=2)
  if [ "$mode" = off ]; then envs+=("${OFF_ENV[@]}"); opts+=("${OFF_OPTS[@]}"); else envs+=("${ON_ENV[@]}"); fi
  case "$svc" in
    catalog-service) envs+=(QUARKUS_DATASOURCE_JDBC_URL="$JDBC_ADMIN" QUARKUS_DATASOURCE_USERNAME=catalog QUARKUS_DATASOURCE_PASSWORD=catalog) ;;
    songs-service) envs+=(QUARKUS_DATASOURCE_JDBC_URL="$JDBC_ADMIN" QUARKUS_DATASOURCE_USERNAME=songs QUARKUS_DATASOURCE_PASSWORD=songs) ;;
    gateway) envs+=(SETSUNAI_CATALOG_URL="http://localhost:$CAT_PORT" SETSUNAI_SONGS_URL="http://localhost:$SONGS_PORT") ;;
  esac
  local logfile="$LOGS/$svc.$mode.log" t0 t1 pid deadline
  if in_use "$port"; then
    log "port $port is taken by another process, so $svc cannot start there (BENCH_*_PORT)"
    exit 1
  fi
  t0=$(date +%s%N)
  env "${envs[@]}" java "${opts[@]}" -jar "$svc/target/quarkus-app/quarkus-run.jar" > "$logfile" 2>&1 &
  pid=$!
  SVC_PID[$svc]=$pid
  deadline=$((SECONDS + 120))
  until curl -fs -o /dev/null --max-time 1 "http://localhost:$port/q/health/ready"; do
    if ! alive "$pid" || [ "$SECONDS" -ge "$deadline" ]; then
      log "$svc ($mode) did not become ready; last lines of $logfile:"
      tail -30 "$logfile" >&2
      exit 1
    fi
    sleep 0.05
  done
  t1=$(date +%s%N)
  sleep 0.2
  if ! alive "$pid" || ! grep -q "Listening on" "$logfile"; then
    log "$svc ($mode): something answered on port $port, but not the service we started; see $logfile"
    exit 1
  fi
  local ready rss quarkus
  ready=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b - a) / 1e9}')
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  quarkus=$(grep -o 'started in [0-9.]*s' "$logfile" | tail -1 | grep -o '[0-9.]*' || echo "?")
  if [ "$mode" != train ]; then
    put "start.$svc.$mode.ready_s" "$ready"
    put "start.$svc.$mode.rss_mb" "$rss"
    put "start.$svc.$mode.quarkus_s" "$quarkus"
  fi
  log "$svc ($mode) ready in ${ready} s (Quarkus: ${quarkus} s), RSS ${rss} MB"
}
stop_services() {
  for svc in gateway songs-service catalog-service; do
    [ -n "${SVC_PID[$svc]:-}" ] && stop_pid "${SVC_PID[$svc]}" 20
    unset "SVC_PID[$svc]"
  done
}
exercise() { # a few typical requests, so a training run archives the classes they load
  for _ in 1 2 3; do
    curl -fs -o /dev/null "http://localhost:$CAT_PORT/api/titles/5-centimeters-per-second" || true
    curl -fs -o /dev/null "http://localhost:$CAT_PORT/api/titles?q=love&tag=grief&format=TV" || true
    curl -fs -o /dev/null "http://localhost:$CAT_PORT/api/titles/5-centimeters-per-second/similar?size=6" || true
    curl -fs -o /dev/null "http://localhost:$SONGS_PORT/api/songs?title=5-centimeters-per-second&size=100" || true
    curl -fs -o /dev/null "http://localhost:$GW_PORT/api/titles/5-centimeters-per-second" || true
    curl -fs -o /dev/null "http://localhost:$GW_PORT/api/recommendations?mood=grieving" || true
  done
}
LAST_MODE=${MODES##* }
for mode in $MODES; do
  # Each service starts alone (the gateway after its two services are up, as it would in production).
  for svc in "${SERVICES[@]}"; do start_service "$svc" "$mode"; done
  if [ "$mode" = train ] || [ "$mode" = warm ]; then exercise; fi
  if [ "$mode" != "$LAST_MODE" ]; then stop_services; fi
done
ls -l "$OUT"/cds/*.jsa >> "$LOGS/cds.log" 2>&1 || log "no AppCDS archive was written"

# The services stay up from here on (started with their AppCDS archives). RSS is sampled every 0.5 s from now.
printf '%s %s\n' catalog-service "${SVC_PID[catalog-service]}" songs-service "${SVC_PID[songs-service]}" \
  gateway "${SVC_PID[gateway]}" > "$OUT/pids"
(
  while true; do
    while read -r name pid; do
      awk -v n="$name" '/VmRSS/ {print n, $2}' "/proc/$pid/status" 2>/dev/null || true
    done < "$OUT/pids"
    sleep 0.5
  done
) > "$OUT/rss-samples.txt" 2>/dev/null &
SAMPLER_PID=$!

# ---- load step helpers ------------------------------------------------------------------------------------------
LAST_RPS=0
REP=""  # the repetition being run (1..REPS): its figures get the key suffix .r<REP>; none for single runs
wrk_step() { # key host:port paths-file
  local line suffix=${REP:+.r$REP}
  line=$(WRK_PATHS="$3" wrk -t1 -c"$WRK_CONNECTIONS" -d"${WRK_SECONDS}s" --timeout 10s -s bench/lib/paths.lua "http://$2" \
    | tee -a "$LOGS/wrk.log" | grep '^WRK ' || true)
  [ -n "$line" ] || { log "wrk $1 printed no summary (see $LOGS/wrk.log)"; exit 1; }
  for kv in ${line#WRK }; do put "wrk.$1.${kv%%=*}$suffix" "${kv#*=}"; done
  LAST_RPS=$(sed 's/.* rps=\([0-9.]*\).*/\1/' <<< "$line")
  log "wrk $1$suffix: $line"
}
median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
MEDIAN_RPS=0
wrk_reps() { # key host:port paths-file: REPS runs of wrk; MEDIAN_RPS is the median throughput
  local all=()
  for REP in $(seq 1 "$REPS"); do wrk_step "$@"; all+=("$LAST_RPS"); done
  REP=""
  MEDIAN_RPS=$(printf '%s\n' "${all[@]}" | median)
}
warmup() { # host:port paths-file: 3 s of load that is not reported, so the JIT has compiled the path measured next
  WRK_PATHS="$2" wrk -t1 -c"$WRK_CONNECTIONS" -d3s --timeout 10s -s bench/lib/paths.lua "http://$1" >> "$LOGS/wrk-warmup.log" 2>&1 || true
}
half() { awk -v r="$1" 'BEGIN {h = r / 2; if (h < 1) h = 1; printf "%.0f", h}'; }
open_step() { # label db(1: database time per request, single spec only) spec...
  local label=$1 db=$2 logfile="$LOGS/open-$1-${3%%|*}${REP:+.r$REP}.log"
  shift 2
  local envs=(BENCH_REP="$REP")
  [ "$db" = 1 ] && envs+=(BENCH_DB_URL="$JDBC_ADMIN")
  env "${envs[@]}" java -Xms64m -Xmx768m -cp "$TOOLS" setsunai.bench.OpenLoad "$RESULTS" "$label" "$OPEN_SECONDS" "$@" \
    > "$logfile" 2>&1 || { tail -30 "$logfile" >&2; exit 1; }
  log "open $label${REP:+.r$REP}: $(grep -E '\.(rate|p50_ms|p95_ms|db_ms_per_req|non2xx|errors)(\.r[0-9]+)?=' "$logfile" | sed 's/^open\.//' | tr '\n' ' ')"
}
declare -A STEP_RATE=()  # the open-model rate of each step (wrk key), which the filters-off what-if reuses
measure() { # wrk-key open-label open-name host:port paths-file [rate]: warm-up, REPS x throughput, then REPS x
  # latency at half the median throughput (or at the given rate), each with its database time per request
  local rate
  warmup "$4" "$5"
  wrk_reps "$1" "$4" "$5"
  rate=${6:-$(half "$MEDIAN_RPS")}
  STEP_RATE[$1]=$rate
  for REP in $(seq 1 "$REPS"); do open_step "$2" 1 "$3|$4|$rate|$5"; done
  REP=""
}
# CPU profiles of the heaviest steps: JFR (settings=profile) on the service under test, summarised by JfrTop.
mkdir -p "$OUT/jfr"
jfr_start() { # service name
  jcmd "${SVC_PID[$1]}" JFR.start name=bench settings=profile filename="$(pwd)/$OUT/jfr/$2.jfr" > /dev/null 2>&1 || true
}
jfr_stop() { # service name
  jcmd "${SVC_PID[$1]}" JFR.stop name=bench > /dev/null 2>&1 || true
  tool JfrTop "$OUT/jfr/$2.jfr" "$OUT/jfr/$2.txt" > /dev/null 2>&1 || log "no profile for $2"
}
CAT="127.0.0.1:$CAT_PORT"
SNG="127.0.0.1:$SONGS_PORT"
GW="127.0.0.1:$GW_PORT"

# ---- 4. catalogue at the curated size ----------------------------------------------------------------------------
log "catalogue at the curated size"
measure curated-title curated title "$CAT" "$PATHS/curated-title.txt"
measure curated-search curated search "$CAT" "$PATHS/search.txt"

# ---- 5. load the scale data through the import endpoints -----------------------------------------------------------
log "importing $TITLES titles, then $SONGS songs ($IMPORT_PARALLEL requests at a time)"
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
import() { # name url dir service: the import, and the service's RSS before, during (max of the 0.5 s samples), after
  local line first pid=${SVC_PID[$4]}
  put "import.$1.rss_before_mb" "$(rss_mb "$pid")"
  first=$(($(wc -l < "$OUT/rss-samples.txt") + 1))
  line=$(tool Import "$1" "$2" "$OUT/token" "$3" "$IMPORT_PARALLEL" 2> >(tee -a "$LOGS/import.log" >&2) | grep '^IMPORT ')
  log "$line"
  for kv in ${line#IMPORT "$1" }; do put "import.$1.${kv%%=*}" "${kv#*=}"; done
  put "import.$1.rss_after_mb" "$(rss_mb "$pid")"
  put "import.$1.rss_max_mb" "$(tail -n +"$first" "$OUT/rss-samples.txt" | awk -v n="$4" -v a="$(rss_mb "$pid")" \
    'BEGIN {m = a * 1024} $1 == n && $2 > m {m = $2} END {printf "%.0f", m / 1024}')"
}
import titles "http://$CAT/api/titles/import" "$OUT/data/titles" catalog-service
import songs "http://$SNG/api/songs/import" "$OUT/data/songs" songs-service
if [ "$BANGUMI" = 1 ]; then
  log "loading the bangumi-data catalogue (npm, CC-BY-4.0)"
  if [ ! -f "$CACHE/npm/node_modules/bangumi-data/package.json" ]; then
    mkdir -p "$CACHE/npm"
    (cd "$CACHE/npm" && npm install --no-audit --no-fund --silent bangumi-data >/dev/null)
  fi
  mkdir -p "$OUT/data/bangumi"
  node bench/lib/bangumi-to-ndjson.js "$CACHE/npm/node_modules/bangumi-data" "$OUT/data/bangumi" | tee -a "$LOGS/bangumi.log"
  put data.bangumi_version "$(node -p "require('./$CACHE/npm/node_modules/bangumi-data/package.json').version")"
  import bangumi "http://$CAT/api/titles/import" "$OUT/data/bangumi" catalog-service
fi
# What autovacuum would do a minute later anyway: fresh planner statistics after a bulk load.
tool Sql "$JDBC_ADMIN" "ANALYZE" "SELECT pg_stat_statements_reset()" > /dev/null
tool Sql "$JDBC_ADMIN" "SELECT (SELECT count(*) FROM catalog.title) AS titles, (SELECT count(*) FROM songs.song) AS songs,
  pg_size_pretty(pg_database_size('setsunai')) AS database" | tee "$OUT/data-sizes.txt"

# Fit the remaining load steps into the budget: 4 measure steps (warm-up, REPS x wrk, REPS x open; 4 more for issue
# 14's gateway variants), 2 gateway steps
# (the same with two open phases a run), the filters-off what-if (a restart, 6 steps once), and about 60 s of fixed
# work (the data check, statements and plans). Runs are shortened, never skipped.
left=$((BUDGET - (SECONDS - T0) - 60))
fit=$(awk -v left="$left" -v o="$OPEN_SECONDS" -v w="$WRK_SECONDS" -v r="$REPS" -v off="$FILTERS_WHATIF" -v i14="$ISSUE14" 'BEGIN {
  need = (4 + 4 * i14) * (3 + r * (w + o + 4)) + 2 * (3 + r * (w + 2 * o + 7)) + 5 + off * (20 + 6 * (w + o + 7))
  f = (need > 0 && left < need) ? left / need : 1; if (f < 0.35) f = 0.35
  nw = (w * f < 2 ? 2 : w * f); no = (o * f < 3 ? 3 : o * f); if (nw > w) nw = w; if (no > o) no = o
  printf "%d %d", nw, no }')
if [ "$fit" != "$WRK_SECONDS $OPEN_SECONDS" ]; then
  log "the import took long: load steps shortened from ${WRK_SECONDS} s / ${OPEN_SECONDS} s to ${fit% *} s / ${fit#* } s to stay within ${BUDGET} s"
  WRK_SECONDS=${fit% *}
  OPEN_SECONDS=${fit#* }
  put run.scale_wrk_desc "1 thread, $WRK_CONNECTIONS connections, ${WRK_SECONDS} s"
  put run.scale_open_desc "${OPEN_SECONDS} s per run"
fi

# ---- 6. catalogue and songs at scale ----------------------------------------------------------------------------------
log "catalogue at $TITLES titles, songs at $SONGS songs"
sed 's|$|/similar?size=6|' "$PATHS/scale-title.txt" > "$PATHS/scale-similar.txt"
measure scale-title scale title "$CAT" "$PATHS/scale-title.txt"
jfr_start catalog-service catalog-search
measure scale-search scale search "$CAT" "$PATHS/search.txt"
jfr_stop catalog-service catalog-search
measure scale-similar scale similar "$CAT" "$PATHS/scale-similar.txt"
jfr_start songs-service songs-batch20
measure songs-batch20 songs batch20 "$SNG" "$PATHS/songs-batch20.txt"
jfr_stop songs-service songs-batch20
if [ "$UNTIL" = scale ]; then
  log "stopping after step 6 (BENCH_UNTIL=scale); results in $RESULTS"
  exit 0
fi

# ---- 7. the gateway, and the backend calls it makes at the same rate ---------------------------------------------------
log "gateway: preparing the backend call lists"
tool Prepare "http://$CAT" "http://$GW" "$OUT/data/slugs.txt" "$PATHS" "$SAMPLES" gateway/src/main/resources/application.properties \
  $([ "$ISSUE14" = 1 ] && echo gateway/src/test/resources/feelings) | tee -a "$LOGS/prepare.log"
[ "$ISSUE14" = 1 ] && cat "$PATHS/gw14.properties" >> "$RESULTS"
gateway_step() { # key paths-file rate|"" backend-spec... (RATE in a spec stands for the rate): warm-up, REPS x wrk,
  # then REPS x (the gateway alone, with its database time per request; then its backend calls, all at once, at the
  # same rate). Without a rate, half the median wrk throughput.
  local key=$1 paths=$2 rate=$3
  shift 3
  warmup "$GW" "$paths"
  wrk_reps "$key" "$GW" "$paths"
  rate=${rate:-$(half "$MEDIAN_RPS")}
  STEP_RATE[$key]=$rate
  for REP in $(seq 1 "$REPS"); do
    open_step "$key" 1 "gateway|$GW|$rate|$paths"
    if [ $# -gt 0 ]; then open_step "$key" 0 "${@//RATE/$rate}"; fi
  done
  REP=""
}
# wrk's throughput counts degraded answers too (fast fallbacks while a backend is overloaded), so half of it can be
# more than the backends sustain: BENCH_GW_RECS_RATE / BENCH_GW_DETAIL_RATE set the rate instead.
gateway_step gw-recs "$PATHS/gw-recs.txt" "${BENCH_GW_RECS_RATE:-}" \
  "candidates|$CAT|RATE|$PATHS/be-candidates.txt" "songs-pool|$SNG|RATE|$PATHS/be-songs-pool.txt"
# Issue 14's parameters on the same recommendation paths (see Prepare.issue14): diversity=0 (the ranking before issue
# 14, the baseline), the default diversity, plus exclude of 20 ranked titles, feeling= instead of mood=. The gateway
# alone, the same method (a warm-up and REPS x wrk each, then REPS x the open model), all at the gw-recs rate so the
# p50s compare; the open runs go round the variants (a b c d, a b c d, ...) so a drift of the machine hits all alike.
if [ "$ISSUE14" = 1 ]; then
  log "gateway: issue 14's parameters at ${STEP_RATE[gw-recs]}/s"
  GW14=(div0 default exclude feeling)
  for v in "${GW14[@]}"; do
    warmup "$GW" "$PATHS/gw14-$v.txt"
    wrk_reps "gw14-$v" "$GW" "$PATHS/gw14-$v.txt"
    STEP_RATE[gw14-$v]=${STEP_RATE[gw-recs]}
  done
  for REP in $(seq 1 "$REPS"); do
    for v in "${GW14[@]}"; do open_step "gw14-$v" 1 "gateway|$GW|${STEP_RATE[gw-recs]}|$PATHS/gw14-$v.txt"; done
  done
  REP=""
fi
jfr_start gateway gateway-detail
jfr_start catalog-service catalog-during-detail
gateway_step gw-detail "$PATHS/gw-detail.txt" "${BENCH_GW_DETAIL_RATE:-}" \
  "title|$CAT|RATE|$PATHS/be-title.txt" "songs-title|$SNG|RATE|$PATHS/be-songs-title.txt" \
  "similar|$CAT|RATE|$PATHS/be-similar.txt" "songs-similar|$SNG|RATE|$PATHS/be-songs-similar.txt"
jfr_stop gateway gateway-detail
jfr_stop catalog-service catalog-during-detail

# A 200 can still be degraded (a downstream call failed or timed out): check a sample of gateway answers.
degraded=0
for p in $(head -30 "$PATHS/gw-detail.txt") $(cat "$PATHS/gw-recs.txt") $(cat "$PATHS"/gw14-*.txt 2>/dev/null); do
  body=$(curl -s --max-time 5 "http://$GW$p" || true)
  if ! grep -q '"degraded":\[\]' <<< "$body"; then
    degraded=$((degraded + 1))
    printf '%s\n%s\n' "$p" "${body:0:600}" >> "$LOGS/degraded.log"
  fi
done
put check.degraded "$degraded"

# ---- 8. RSS after warm-up and under load ---------------------------------------------------------------------------
stop_pid "$SAMPLER_PID" 2
SAMPLER_PID=""
sleep 2
for svc in "${SERVICES[@]}"; do
  put "rss.$svc.after_warmup_mb" "$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/${SVC_PID[$svc]}/status")"
  put "rss.$svc.peak_hwm_mb" "$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/${SVC_PID[$svc]}/status")"
  put "rss.$svc.under_load_max_mb" "$(awk -v n="$svc" '$1 == n && $2 > m {m = $2} END {printf "%.0f", m / 1024}' "$OUT/rss-samples.txt")"
  # Where the memory is: heap and metaspace as the JVM sees them, and the threads; the JVM's native memory (NMT).
  { jcmd "${SVC_PID[$svc]}" GC.heap_info; grep -E 'Threads|VmRSS|RssAnon|RssFile' "/proc/${SVC_PID[$svc]}/status"; } \
    > "$OUT/memory-$svc.txt" 2>&1 || true
  jcmd "${SVC_PID[$svc]}" VM.native_memory summary > "$OUT/nmt-$svc.txt" 2>&1 || log "no NMT summary for $svc"
done
# The filters really ran: the rate-limit and security headers on an answer of the measured instances.
filter_headers() { curl -s -D - -o /dev/null "http://$CAT/api/titles/5-centimeters-per-second" \
  | grep -ciE '^(ratelimit|ratelimit-policy|x-content-type-options|referrer-policy|content-security-policy):' || true; }
put check.filter_headers_on "$(filter_headers)"
put check.rate_limit_policy "$(curl -s -D - -o /dev/null "http://$CAT/api/titles/5-centimeters-per-second" \
  | awk -F': ' 'tolower($1) == "ratelimit-policy" {gsub(/\r/, ""); print $2}')"

# ---- 9. why: statement times and plans ---------------------------------------------------------------------------------
log "collecting statement statistics and plans"
tool Sql "$JDBC_ADMIN" "SELECT calls, round(mean_exec_time::numeric, 2) AS mean_ms, round(total_exec_time::numeric) AS total_ms,
  rows / greatest(calls, 1) AS rows_per_call, left(regexp_replace(query, '\s+', ' ', 'g'), 300) AS query
  FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'setsunai')
  ORDER BY total_exec_time DESC LIMIT 20" > "$OUT/pg_stat_statements.tsv"
# auto_explain for a handful of real requests: the plans the services' own statements get, with actual rows and times.
tool Sql "$JDBC_ADMIN" "ALTER SYSTEM SET auto_explain.log_min_duration = 0" "ALTER SYSTEM SET auto_explain.log_analyze = on" \
  "ALTER SYSTEM SET auto_explain.log_buffers = on" "SELECT pg_reload_conf()" > /dev/null
sleep 1
: > "$OUT/explain-requests.txt"
for f in search.txt songs-batch20.txt be-similar.txt be-candidates.txt; do
  for p in $(head -3 "$PATHS/$f"); do
    url="http://$CAT$p"; [[ "$p" == /api/songs* ]] && url="http://$SNG$p"
    echo "$url" >> "$OUT/explain-requests.txt"
    curl -s -o /dev/null --max-time 10 "$url" || true
  done
done
tool Sql "$JDBC_ADMIN" "ALTER SYSTEM RESET auto_explain.log_min_duration" "ALTER SYSTEM RESET auto_explain.log_analyze" \
  "ALTER SYSTEM RESET auto_explain.log_buffers" "SELECT pg_reload_conf()" > /dev/null
sleep 1
cp "$LOGS/postgres/postgresql.log" "$OUT/postgres-with-plans.log" 2>/dev/null || true
for svc in catalog-service songs-service; do
  put "pool.$svc.jdbc_max" "$(grep -h '^quarkus.datasource.jdbc.max-size' "$svc/src/main/resources/application.properties" | cut -d= -f2)"
done

# ---- 10. what-if: the rate limits and security headers off (their cost), then other JVM flags ---------------------
# The same read steps once each, at the rates of the measured run, against services restarted with the filters off.
if [ "$FILTERS_WHATIF" = 1 ] && [ "$((SECONDS - T0))" -lt "$((BUDGET - 20 - 6 * (WRK_SECONDS + OPEN_SECONDS + 7)))" ]; then
  log "what-if: rate limits and security headers off"
  put run.filters_off "${OFF_ENV[*]} ${OFF_OPTS[*]}"
  stop_services
  for svc in "${SERVICES[@]}"; do start_service "$svc" off; done
  put check.filter_headers_off "$(filter_headers)"
  SAVED_REPS=$REPS
  REPS=1
  measure off-scale-title off-scale title "$CAT" "$PATHS/scale-title.txt" "${STEP_RATE[scale-title]}"
  measure off-scale-search off-scale search "$CAT" "$PATHS/search.txt" "${STEP_RATE[scale-search]}"
  measure off-scale-similar off-scale similar "$CAT" "$PATHS/scale-similar.txt" "${STEP_RATE[scale-similar]}"
  measure off-songs-batch20 off-songs batch20 "$SNG" "$PATHS/songs-batch20.txt" "${STEP_RATE[songs-batch20]}"
  gateway_step off-gw-recs "$PATHS/gw-recs.txt" "${STEP_RATE[gw-recs]}"
  gateway_step off-gw-detail "$PATHS/gw-detail.txt" "${STEP_RATE[gw-detail]}"
  REPS=$SAVED_REPS
fi

if [ "$WHATIF" = 1 ] && [ "$((SECONDS - T0))" -lt "$((BUDGET - 75))" ]; then
  log "what-if: ${WHATIF_OPTS[*]}"
  put run.whatif_opts "${WHATIF_OPTS[*]}"
  stop_services
  for svc in "${SERVICES[@]}"; do start_service "$svc" whatif; done
  # A short warm-up first (not reported), so the comparison is not one of a cold JIT against a warm one.
  warmup "$CAT" "$PATHS/scale-title.txt"
  warmup "$CAT" "$PATHS/search.txt"
  warmup "$SNG" "$PATHS/songs-batch20.txt"
  warmup "$GW" "$PATHS/gw-detail.txt"
  wrk_step whatif-catalog "$CAT" "$PATHS/scale-title.txt"
  wrk_step whatif-search "$CAT" "$PATHS/search.txt"
  wrk_step whatif-songs "$SNG" "$PATHS/songs-batch20.txt"
  wrk_step whatif-gateway "$GW" "$PATHS/gw-detail.txt"
  for svc in "${SERVICES[@]}"; do
    put "rss.$svc.whatif_after_load_mb" "$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/${SVC_PID[$svc]}/status")"
    jcmd "${SVC_PID[$svc]}" VM.native_memory summary > "$OUT/nmt-whatif-$svc.txt" 2>&1 || true
  done
  stop_services
fi

# ---- 11. report --------------------------------------------------------------------------------------------------------
put run.total_s "$((SECONDS - T0))"
if [ "$SMOKE" = 1 ]; then
  tool Report "$RESULTS" "$OUT/RESULTS-smoke.md"
else
  tool Report "$RESULTS" bench/RESULTS.md
fi
log "done in $((SECONDS - T0)) s: bench/out/results.properties, $( [ "$SMOKE" = 1 ] && echo "$OUT/RESULTS-smoke.md" || echo bench/RESULTS.md )"
