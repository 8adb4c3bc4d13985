#!/usr/bin/env bash
# Runs the whole pipeline without Docker: a real Kafka broker, the producer and the dashboard, each its own
# process. Ctrl-C (or SIGTERM) stops all three. Kafka's data stays in .local-kafka/ between runs.
#
#   ./run-local.sh          build if needed, start everything, wait for Ctrl-C
#   ./run-local.sh --wipe   delete the broker's data first (start from an empty topic)
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)
DATA_DIR=${KAFKA_DATA_DIR:-$ROOT/.local-kafka}
LOG_DIR=$ROOT/.local-run
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
PRODUCER_PORT=${PRODUCER_PORT:-8082}
DASHBOARD_PORT=${DASHBOARD_PORT:-8080}
KAFKA_JAR=local-kafka/target/local-kafka-1.0.0-SNAPSHOT-exec.jar
PRODUCER_JAR=producer-service/target/producer-service-1.0.0-SNAPSHOT-exec.jar
DASHBOARD_JAR=dashboard-service/target/dashboard-service-1.0.0-SNAPSHOT-exec.jar

fail() { echo "run-local: $*" >&2; exit 1; }

case "${1:-}" in
  --wipe) WIPE=1 ;;
  "") WIPE=0 ;;
  -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) fail "unknown option '$1' (try --help)" ;;
esac

# --- checks: each failure is one line that says what to do -----------------------------------------------
command -v java >/dev/null 2>&1 || fail "Java 17 or newer is needed and 'java' is not on the PATH: install a JDK 17+ (e.g. 'apt-get install openjdk-17-jdk') or set PATH."
java_version=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
[ "${java_version%%.*}" -ge 17 ] 2>/dev/null || fail "Java 17 or newer is needed, found Java ${java_version:-unknown}: install a JDK 17+ or put it first on the PATH."

command -v curl >/dev/null 2>&1 || fail "curl is needed to check that the services are up: install it (e.g. 'apt-get install curl') and try again."

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$PRODUCER_PORT" "$DASHBOARD_PORT"; do
  if port_taken "$port"; then
    fail "port $port is already in use (ports needed: Kafka $KAFKA_PORT/$KAFKA_CONTROLLER_PORT, producer $PRODUCER_PORT, dashboard $DASHBOARD_PORT): stop what uses it (see 'ss -ltnp | grep :$port'), e.g. an earlier run or 'docker compose down', and try again."
  fi
done

# --- build what is missing or out of date ------------------------------------------------------------------
needs_build() {
  for jar in "$KAFKA_JAR" "$PRODUCER_JAR" "$DASHBOARD_JAR"; do
    [ -f "$jar" ] || return 0
    [ -z "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$jar" -print -quit 2>/dev/null)" ] || return 0
  done
  return 1
}
if needs_build; then
  echo "Building (first run, or sources changed)..."
  ./mvnw -q -DskipTests package || fail "the build failed; see the messages above."
fi

if [ "$WIPE" = 1 ]; then
  rm -rf "$DATA_DIR"
  echo "Wiped Kafka's data in $DATA_DIR"
fi
mkdir -p "$LOG_DIR"

# --- start, and stop everything on the way out -------------------------------------------------------------
PIDS=()
NAMES=()
LOGS=()
stop_all() {
  # A second Ctrl-C while stopping would otherwise end this script and leave the rest running.
  trap '' INT TERM
  trap - EXIT
  if [ ${#PIDS[@]} -gt 0 ]; then
    echo
    echo "Stopping..."
    # The services first, so they can flush to Kafka; the broker last.
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
      kill -TERM "${PIDS[$i]}" 2>/dev/null || true
      wait "${PIDS[$i]}" 2>/dev/null || true
    done
    echo "All stopped. Kafka's data is kept in $DATA_DIR (./run-local.sh --wipe starts afresh)."
  fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

start() { # name, log file, command...
  local name=$1 log=$2
  shift 2
  "$@" >"$log" 2>&1 &
  PIDS+=($!)
  NAMES+=("$name")
  LOGS+=("$log")
  echo "Started $name (pid $!), log: ${log#"$ROOT"/}"
}

wait_until() { # name, pid, log, seconds, check command...
  local name=$1 pid=$2 log=$3 seconds=$4
  shift 4
  for ((t = 0; t < seconds * 2; t++)); do
    "$@" && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run-local: $name stopped while starting; the end of its log:" >&2
      tail -n 15 "$log" >&2
      exit 1
    fi
    sleep 0.5
  done
  fail "$name did not become healthy within $seconds s; see $log"
}

healthy() { curl -fsS "http://localhost:$1/actuator/health" 2>/dev/null | grep -q '"status":"\(UP\|DEGRADED\)"'; }

KAFKA_PORT=$KAFKA_PORT KAFKA_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT KAFKA_DATA_DIR=$DATA_DIR \
  start "Kafka" "$LOG_DIR/kafka.log" java -Xmx512m -jar "$KAFKA_JAR"
wait_until "Kafka" "${PIDS[0]}" "$LOG_DIR/kafka.log" 60 port_taken "$KAFKA_PORT"

export KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PORT
start "producer" "$LOG_DIR/producer.log" java -jar "$PRODUCER_JAR" --server.port="$PRODUCER_PORT"
start "dashboard" "$LOG_DIR/dashboard.log" java -jar "$DASHBOARD_JAR" --server.port="$DASHBOARD_PORT"
wait_until "producer" "${PIDS[1]}" "$LOG_DIR/producer.log" 90 healthy "$PRODUCER_PORT"
wait_until "dashboard" "${PIDS[2]}" "$LOG_DIR/dashboard.log" 90 healthy "$DASHBOARD_PORT"

cat <<INFO

  Dashboard      http://localhost:$DASHBOARD_PORT
  Summary API    http://localhost:$DASHBOARD_PORT/api/summary
  Producer API   http://localhost:$PRODUCER_PORT/api/producer
  Kafka          localhost:$KAFKA_PORT   (topic registration_topic)

Everything is running. Press Ctrl-C to stop.
INFO

# Wait until a process ends by itself (then stop the rest) or a signal arrives.
wait -n "${PIDS[@]}" || true
named=
for i in "${!PIDS[@]}"; do
  if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
    echo "run-local: ${NAMES[$i]} stopped on its own, so everything stops; see ${LOGS[$i]#"$ROOT"/}" >&2
    named=yes
  fi
done
[ -n "$named" ] || echo "run-local: a process stopped on its own, so everything stops; see the logs in ${LOG_DIR#"$ROOT"/}/" >&2
exit 1
