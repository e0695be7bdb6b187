#!/usr/bin/env bash
# Runs the whole of Setsunai on this machine: a PostgreSQL, catalog-service, songs-service and the gateway.
#
#   ./run.sh          build what is missing or stale, start everything, wait until ready, print the URLs;
#                     Ctrl-C stops everything it started.
#   ./run.sh stop     stop a run started from another terminal.
#
# Database: SETSUNAI_JDBC_URL (e.g. jdbc:postgresql://db.example:5432/setsunai) uses yours; the roles and
# schemas are created there first when SETSUNAI_DB_ADMIN_USER (and SETSUNAI_DB_ADMIN_PASSWORD) are given.
# Without it, a private PostgreSQL cluster lives in .run/postgres (embedded binaries from the Maven
# repository, nothing to install) and keeps its data between runs. Logs are in .run/logs/.
set -euo pipefail
cd "$(dirname "$0")"

RUN_DIR=.run
LOGS="$RUN_DIR/logs"
PIDS="$RUN_DIR/pids"
DB_PORT="${SETSUNAI_DB_PORT:-5433}"
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
CATALOG_PORT="${CATALOG_PORT:-8081}"
SONGS_PORT="${SONGS_PORT:-8082}"
MODULES=(catalog-service songs-service gateway)

log() { printf '[run] %s\n' "$*"; }

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

stop_all() {
  [ -f "$PIDS" ] || return 0
  # Services first (reverse start order), the database last.
  local pids
  pids=$(tac "$PIDS" | awk '{print $2}')
  for pid in $pids; do alive "$pid" && kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 60); do
    local any=0
    for pid in $pids; do alive "$pid" && any=1; done
    [ "$any" = 0 ] && break
    sleep 0.25
  done
  for pid in $pids; do alive "$pid" && kill -KILL "$pid" 2>/dev/null || true; done
  # A database server orphaned by a killed launcher still holds its pid file: stop it too.
  if [ -f "$RUN_DIR/postgres/postmaster.pid" ]; then
    local postmaster
    postmaster=$(head -1 "$RUN_DIR/postgres/postmaster.pid")
    alive "$postmaster" && kill -INT "$postmaster" 2>/dev/null || true
  fi
  rm -f "$PIDS"
  log "stopped"
}

if [ "${1:-}" = "stop" ]; then
  stop_all
  exit 0
fi
if [ -n "${1:-}" ]; then
  echo "usage: $0 [stop]" >&2
  exit 2
fi

if [ -f "$PIDS" ]; then
  for pid in $(awk '{print $2}' "$PIDS"); do
    if alive "$pid"; then
      echo "Setsunai is already running (see $PIDS). Stop it with: $0 stop" >&2
      exit 1
    fi
  done
  rm -f "$PIDS"
fi

# ---- build what is missing or older than its sources --------------------------------------------------------
stale=0
for module in test-support "${MODULES[@]}"; do
  artifact="$module/target/quarkus-app/quarkus-run.jar"
  [ "$module" = test-support ] && artifact="$module/target/classpath.txt"
  if [ ! -f "$artifact" ] || [ -n "$(find "$module/src" "$module/pom.xml" common/src db pom.xml -newer "$artifact" -type f 2>/dev/null | head -1)" ]; then
    stale=1
  fi
done
if [ "$stale" = 1 ]; then
  log "building (./mvnw package -DskipTests); the first build downloads dependencies and takes a few minutes"
  ./mvnw -B -q package -DskipTests -pl test-support,catalog-service,songs-service,gateway -am
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

start() { # name, log file, command...
  local name=$1 logfile=$2
  shift 2
  "$@" >> "$logfile" 2>&1 &
  echo "$name $!" >> "$PIDS"
}

wait_for() { # name, health url
  local name=$1 url=$2 deadline=$((SECONDS + 120)) pid
  pid=$(awk -v n="$name" '$1 == n {print $2}' "$PIDS")
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

# ---- database --------------------------------------------------------------------------------------------------
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
  start postgres "$LOGS/postgres.log" java -cp "$classpath" setsunai.testsupport.LocalDatabase "$RUN_DIR/postgres" "$DB_PORT"
  deadline=$((SECONDS + 60))
  until grep -q "PostgreSQL ready" "$LOGS/postgres.log" 2>/dev/null; do
    if ! alive "$(awk '$1 == "postgres" {print $2}' "$PIDS")" || [ "$SECONDS" -ge "$deadline" ]; then
      log "PostgreSQL did not start; last lines of $LOGS/postgres.log:"
      tail -20 "$LOGS/postgres.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  log "PostgreSQL ready"
fi

# ---- services ------------------------------------------------------------------------------------------------
JAVA_OPTS=(-Xmx256m -XX:+ExitOnOutOfMemoryError)
start catalog-service "$LOGS/catalog-service.log" env QUARKUS_HTTP_PORT="$CATALOG_PORT" \
  QUARKUS_DATASOURCE_JDBC_URL="$JDBC_URL" QUARKUS_DATASOURCE_USERNAME=catalog \
  QUARKUS_DATASOURCE_PASSWORD="${CATALOG_DB_PASSWORD:-catalog}" \
  java "${JAVA_OPTS[@]}" -jar catalog-service/target/quarkus-app/quarkus-run.jar
start songs-service "$LOGS/songs-service.log" env QUARKUS_HTTP_PORT="$SONGS_PORT" \
  QUARKUS_DATASOURCE_JDBC_URL="$JDBC_URL" QUARKUS_DATASOURCE_USERNAME=songs \
  QUARKUS_DATASOURCE_PASSWORD="${SONGS_DB_PASSWORD:-songs}" \
  java "${JAVA_OPTS[@]}" -jar songs-service/target/quarkus-app/quarkus-run.jar
start gateway "$LOGS/gateway.log" env QUARKUS_HTTP_PORT="$GATEWAY_PORT" \
  SETSUNAI_CATALOG_URL="http://localhost:$CATALOG_PORT" SETSUNAI_SONGS_URL="http://localhost:$SONGS_PORT" \
  java "${JAVA_OPTS[@]}" -jar gateway/target/quarkus-app/quarkus-run.jar

wait_for catalog-service "http://localhost:$CATALOG_PORT/q/health/ready"
wait_for songs-service "http://localhost:$SONGS_PORT/q/health/ready"
wait_for gateway "http://localhost:$GATEWAY_PORT/q/health/ready"

cat <<MSG

Setsunai is running.
  Gateway      http://localhost:$GATEWAY_PORT/api/titles/5-centimeters-per-second
  Swagger UI   http://localhost:$GATEWAY_PORT/q/swagger-ui
  Catalog      http://localhost:$CATALOG_PORT/api/titles   (Swagger UI /q/swagger-ui)
  Songs        http://localhost:$SONGS_PORT/api/songs    (Swagger UI /q/swagger-ui)
  Database     $JDBC_URL
  Logs         $LOGS/
Press Ctrl-C to stop everything (or run: $0 stop).
MSG

# Stay in the foreground until Ctrl-C, or until a service dies.
while true; do
  [ -f "$PIDS" ] || exit 0 # stopped with "./run.sh stop" from elsewhere
  for entry in $(awk '{print $1 ":" $2}' "$PIDS"); do
    if ! alive "${entry#*:}"; then
      log "${entry%%:*} stopped unexpectedly; see $LOGS/${entry%%:*}.log"
      exit 1
    fi
  done
  sleep 2
done
