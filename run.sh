#!/usr/bin/env bash
# Runs the whole of Setsunai on this machine: a PostgreSQL, catalog-service, songs-service and the gateway.
#
#   ./run.sh                  build what is missing or stale, start everything, wait until ready, print the URLs;
#                             Ctrl-C stops everything it started.
#   ./run.sh stop             stop a run started from another terminal.
#   ./run.sh stop SERVICE     stop one service of a running run (e.g. songs-service, to see the gateway degrade)
#   ./run.sh start SERVICE    start it again; the gateway picks it up without a restart.
#
# Database: SETSUNAI_JDBC_URL (e.g. jdbc:postgresql://db.example:5432/setsunai) uses yours; the roles and
# schemas are created there first when SETSUNAI_DB_ADMIN_USER (and SETSUNAI_DB_ADMIN_PASSWORD) are given.
# Without it, a private PostgreSQL cluster lives in .run/postgres (embedded binaries from the Maven
# repository, nothing to install) and keeps its data between runs, durably: every write that answered survives
# a kill of the server or a crash of the machine; a server that was killed comes back by PostgreSQL's crash
# recovery, at the next run or, while a run lasts, by itself. Logs are in .run/logs/.
set -euo pipefail
cd "$(dirname "$0")"

RUN_DIR=.run
LOGS="$RUN_DIR/logs"
PIDS="$RUN_DIR/pids"
SETTINGS="$RUN_DIR/settings"
SERVICES=(catalog-service songs-service gateway)

log() { printf '[run] %s\n' "$*"; }

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

pid_of() { [ -f "$PIDS" ] && awk -v n="$1" '$1 == n {print $2}' "$PIDS" | tail -1; }

running() { alive "$(pid_of "$1")"; }

# Sends TERM, waits up to 15 s, then KILL.
terminate() {
  local pids=("$@") pid
  for pid in "${pids[@]}"; do alive "$pid" && kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 60); do
    local any=0
    for pid in "${pids[@]}"; do alive "$pid" && any=1; done
    [ "$any" = 0 ] && return 0
    sleep 0.25
  done
  for pid in "${pids[@]}"; do alive "$pid" && kill -KILL "$pid" 2>/dev/null || true; done
}

stop_all() {
  [ -f "$PIDS" ] || return 0
  # Services first, the database last.
  terminate $(awk '$1 != "postgres" {print $2}' "$PIDS")
  terminate $(awk '$1 == "postgres" {print $2}' "$PIDS")
  # A database server orphaned by a killed launcher still holds its pid file: stop it too (fast shutdown, which
  # keeps every commit), and wait for its shutdown checkpoint. After a crash the file may be stale and its pid
  # reused by another process: only a process named postgres is signalled.
  if [ -f "$RUN_DIR/postgres/postmaster.pid" ]; then
    local postmaster
    postmaster=$(head -1 "$RUN_DIR/postgres/postmaster.pid")
    if alive "$postmaster" && [ "$(ps -o comm= -p "$postmaster" 2>/dev/null)" = postgres ]; then
      kill -INT "$postmaster" 2>/dev/null || true
      for _ in $(seq 1 120); do alive "$postmaster" || break; sleep 0.25; done
    fi
  fi
  rm -f "$PIDS"
  log "stopped"
}

known_service() {
  local name
  for name in "${SERVICES[@]}"; do [ "$name" = "$1" ] && return 0; done
  echo "unknown service '$1'; one of: ${SERVICES[*]}" >&2
  exit 2
}

start() { # name, command...: in the background, logging to .run/logs/<name>.log
  local name=$1
  shift
  "$@" >> "$LOGS/$name.log" 2>&1 &
  echo "$name $!" >> "$PIDS"
}

start_service() { # name; uses the settings of this run
  # The JVM settings every deployment uses (jvm.options); fewer glibc malloc arenas keep the native footprint small.
  local java=(env MALLOC_ARENA_MAX=2 java @jvm.options -jar "$1/target/quarkus-app/quarkus-run.jar")
  case "$1" in
    catalog-service)
      start "$1" env QUARKUS_HTTP_PORT="$CATALOG_PORT" QUARKUS_DATASOURCE_JDBC_URL="$JDBC_URL" \
        QUARKUS_DATASOURCE_USERNAME=catalog QUARKUS_DATASOURCE_PASSWORD="${CATALOG_DB_PASSWORD:-catalog}" "${java[@]}" ;;
    songs-service)
      start "$1" env QUARKUS_HTTP_PORT="$SONGS_PORT" QUARKUS_DATASOURCE_JDBC_URL="$JDBC_URL" \
        QUARKUS_DATASOURCE_USERNAME=songs QUARKUS_DATASOURCE_PASSWORD="${SONGS_DB_PASSWORD:-songs}" "${java[@]}" ;;
    gateway)
      start "$1" env QUARKUS_HTTP_PORT="$GATEWAY_PORT" SETSUNAI_CATALOG_URL="http://localhost:$CATALOG_PORT" \
        SETSUNAI_SONGS_URL="http://localhost:$SONGS_PORT" "${java[@]}" ;;
  esac
}

health_url() {
  case "$1" in
    catalog-service) echo "http://localhost:$CATALOG_PORT/q/health/ready" ;;
    songs-service) echo "http://localhost:$SONGS_PORT/q/health/ready" ;;
    gateway) echo "http://localhost:$GATEWAY_PORT/q/health/ready" ;;
  esac
}

wait_for() { # name: until our own process answers its readiness check
  local name=$1 url deadline=$((SECONDS + 120)) pid
  url=$(health_url "$name")
  pid=$(pid_of "$name")
  until alive "$pid" && curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if ! alive "$pid"; then
      log "$name exited; last lines of $LOGS/$name.log:"
      tail -20 "$LOGS/$name.log" >&2
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "$name not ready after 120 s; see $LOGS/$name.log"
      exit 1
    fi
    sleep 0.5
  done
  log "$name ready"
}

# ---- one service of a running run ----------------------------------------------------------------------------
case "${1:-}" in
  stop)
    if [ -n "${2:-}" ]; then
      known_service "$2"
      running "$2" || { log "$2 is not running"; exit 0; }
      terminate "$(pid_of "$2")"
      log "$2 stopped (start it again with: $0 start $2)"
    else
      stop_all
    fi
    exit 0 ;;
  start)
    [ -n "${2:-}" ] || { echo "usage: $0 start SERVICE" >&2; exit 2; }
    known_service "$2"
    [ -f "$SETTINGS" ] && [ -f "$PIDS" ] || { echo "Setsunai is not running; start it with: $0" >&2; exit 1; }
    running "$2" && { log "$2 is already running"; exit 0; }
    # shellcheck source=/dev/null
    source "$SETTINGS"
    start_service "$2"
    wait_for "$2"
    exit 0 ;;
  "") ;;
  *) echo "usage: $0 [stop [SERVICE] | start SERVICE]" >&2; exit 2 ;;
esac

# ---- the whole system ------------------------------------------------------------------------------------------
DB_PORT="${SETSUNAI_DB_PORT:-5433}"
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
CATALOG_PORT="${CATALOG_PORT:-8081}"
SONGS_PORT="${SONGS_PORT:-8082}"

if [ -f "$PIDS" ]; then
  for pid in $(awk '{print $2}' "$PIDS"); do
    if alive "$pid"; then
      echo "Setsunai is already running (see $PIDS). Stop it with: $0 stop" >&2
      exit 1
    fi
  done
  rm -f "$PIDS"
fi

# Build what is missing or older than its sources.
stale=0
for module in test-support "${SERVICES[@]}"; do
  artifact="$module/target/quarkus-app/quarkus-run.jar"
  [ "$module" = test-support ] && artifact="$module/target/classpath.txt"
  if [ ! -f "$artifact" ] || [ -n "$(find "$module/src" "$module/pom.xml" common/src db pom.xml -newer "$artifact" -type f 2>/dev/null | head -1)" ]; then
    stale=1
  fi
done
if [ "$stale" = 1 ]; then
  log "building (./mvnw package -DskipTests); the first build downloads dependencies and takes a few minutes"
  ./mvnw -B -q package -DskipTests -pl test-support,catalog-service,songs-service,gateway -am
  # Maven leaves an unchanged classpath.txt as it was; mark it built, or a change in common/ rebuilds every start.
  touch test-support/target/classpath.txt
fi

# Refuse to start on a taken port: a service that cannot bind would exit, and its health URL would then answer
# for whatever else listens there.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ports=("GATEWAY_PORT=$GATEWAY_PORT" "CATALOG_PORT=$CATALOG_PORT" "SONGS_PORT=$SONGS_PORT")
[ -z "${SETSUNAI_JDBC_URL:-}" ] && ports+=("SETSUNAI_DB_PORT=$DB_PORT")
for setting in "${ports[@]}"; do
  if port_busy "${setting#*=}"; then
    echo "Port ${setting#*=} is already in use; free it or choose another with ${setting%%=*}=<port> $0" >&2
    exit 1
  fi
done

mkdir -p "$LOGS"
: > "$PIDS"
trap 'echo; exit 130' INT TERM
trap stop_all EXIT

classpath="test-support/target/test-support-1.0.0-SNAPSHOT.jar:$(cat test-support/target/classpath.txt)"
if [ -n "${SETSUNAI_JDBC_URL:-}" ]; then
  JDBC_URL="$SETSUNAI_JDBC_URL"
  if [ -n "${SETSUNAI_DB_ADMIN_USER:-}" ]; then
    log "creating roles and schemas in $JDBC_URL"
    java -cp "$classpath" setsunai.testsupport.DatabaseSetup "$JDBC_URL" "$SETSUNAI_DB_ADMIN_USER" "${SETSUNAI_DB_ADMIN_PASSWORD:-}"
  fi
else
  JDBC_URL="jdbc:postgresql://localhost:$DB_PORT/setsunai"
  log "starting the private PostgreSQL in $RUN_DIR/postgres on port $DB_PORT"
  start postgres java -cp "$classpath" setsunai.testsupport.LocalDatabase "$RUN_DIR/postgres" "$DB_PORT"
  deadline=$((SECONDS + 60))
  until grep -q "PostgreSQL ready" "$LOGS/postgres.log" 2>/dev/null; do
    if ! running postgres || [ "$SECONDS" -ge "$deadline" ]; then
      log "PostgreSQL did not start; last lines of $LOGS/postgres.log:"
      tail -20 "$LOGS/postgres.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  log "PostgreSQL ready"
fi

# What './run.sh start SERVICE' needs to start a service the same way later.
cat > "$SETTINGS" <<SETTINGS
JDBC_URL='$JDBC_URL'
GATEWAY_PORT='$GATEWAY_PORT'
CATALOG_PORT='$CATALOG_PORT'
SONGS_PORT='$SONGS_PORT'
SETTINGS

for service in "${SERVICES[@]}"; do start_service "$service"; done
for service in "${SERVICES[@]}"; do wait_for "$service"; done

cat <<MSG

Setsunai is running.
  Gateway      http://localhost:$GATEWAY_PORT/api/recommendations?mood=heartbroken
  Swagger UI   http://localhost:$GATEWAY_PORT/q/swagger-ui
  Catalog      http://localhost:$CATALOG_PORT/api/titles   (Swagger UI /q/swagger-ui)
  Songs        http://localhost:$SONGS_PORT/api/songs    (Swagger UI /q/swagger-ui)
  Database     $JDBC_URL
  Logs         $LOGS/
Press Ctrl-C to stop everything (or run: $0 stop).
MSG

# Stay in the foreground until Ctrl-C. A service that stops is reported once; it can be started again.
reported=""
while true; do
  [ -f "$PIDS" ] || exit 0 # stopped with "./run.sh stop" from elsewhere
  for name in postgres "${SERVICES[@]}"; do
    pid=$(pid_of "$name")
    [ -n "$pid" ] || continue
    if ! alive "$pid" && [[ " $reported " != *" $pid "* ]]; then
      reported="$reported $pid"
      if [ "$name" = postgres ]; then
        log "PostgreSQL stopped unexpectedly; see $LOGS/postgres.log"
        exit 1
      fi
      log "$name is not running (see $LOGS/$name.log); start it again with: $0 start $name"
    fi
  done
  sleep 2
done
