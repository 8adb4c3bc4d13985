#!/usr/bin/env bash
# Runs the whole pipeline without Docker: a real Kafka broker, the producer and the dashboard, each its own
# process. Ctrl-C (or SIGTERM) stops all three; a second Ctrl-C while they stop leaves at once. Kafka's data
# stays in .local-kafka/ between runs.
#
#   ./run-local.sh          build if needed, start everything, wait for Ctrl-C
#   ./run-local.sh --wipe   delete the broker's data first (start from an empty topic)
#
# Written for bash 3.2 (macOS's /bin/bash) and later: no 'wait -n', no associative arrays, no mapfile.
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
# The JDK the Maven wrapper builds with: JAVA_HOME's when set, else the one on the PATH.
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac

fail() { echo "run-local: $*" >&2; exit 1; }

case "${1:-}" in
  --wipe) WIPE=1 ;;
  "") WIPE=0 ;;
  -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) fail "unknown option '$1' (try --help)" ;;
esac

# --- checks: each failure is one line that says what to do -----------------------------------------------
java_version=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}') || true
[ "${java_version%%.*}" -ge 17 ] 2>/dev/null \
  || fail "Java 17 or newer is needed, found ${java_version:+Java }${java_version:-none} ($JAVA): install a JDK 17+ (e.g. 'apt-get install openjdk-17-jdk', 'brew install openjdk@17') and put it first on the PATH or set JAVA_HOME."

command -v curl >/dev/null 2>&1 || fail "curl is needed to check that the services are up: install it (e.g. 'apt-get install curl') and try again."

# Bash's /dev/tcp connects without any tool: something on this machine answers on the port.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# What holds a TCP port, if anything: lsof (macOS, most Linux) or ss (Linux) also see listeners on other
# addresses and name them; a connection that succeeds covers what they cannot see (another user's process).
port_holder() {
  local who=
  if command -v lsof >/dev/null 2>&1; then
    who=$(lsof -nP -iTCP:"$1" -sTCP:LISTEN 2>/dev/null | awk 'NR == 2 {print $1 " (pid " $2 ")"}') || true
  elif command -v ss >/dev/null 2>&1; then
    who=$(ss -ltnp "sport = :$1" 2>/dev/null \
      | awk 'NR == 2 {if (match($0, /users:\(\("[^"]*",pid=[0-9]+/)) {split(substr($0, RSTART + 9, RLENGTH - 9), p, "\",pid="); print p[1] " (pid " p[2] ")"} else print "another program"}') || true
  fi
  if [ -z "$who" ] && port_open "$1"; then who="another program"; fi
  printf '%s' "$who"
}
for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$PRODUCER_PORT" "$DASHBOARD_PORT"; do
  holder=$(port_holder "$port")
  [ -z "$holder" ] \
    || fail "port $port is already in use by $holder (ports needed: Kafka $KAFKA_PORT/$KAFKA_CONTROLLER_PORT, producer $PRODUCER_PORT, dashboard $DASHBOARD_PORT): stop it (an earlier run? 'docker compose down'?) and try again."
done

# --- build the three runnable jars when missing or out of date ---------------------------------------------
needs_build() {
  for jar in "$KAFKA_JAR" "$PRODUCER_JAR" "$DASHBOARD_JAR"; do
    [ -f "$jar" ] || return 0
    [ -z "$(find pom.xml enrollment-contract local-kafka producer-service dashboard-service -path '*/target' -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$jar" -print 2>/dev/null | head -n 1)" ] || return 0
  done
  return 1
}
# Maven's own output is long: show each module as it starts, the errors and the time; keep the rest in a log.
build_progress() {
  awk '/^\[INFO\] Building .*\[[0-9]+\/[0-9]+\]$/ { name = $0; sub(/^\[INFO\] Building /, "", name)
                                                   sub(/ +[^ ]+ +\[[0-9]+\/[0-9]+\]$/, "", name)
                                                   print "  " $NF " " name; fflush() }
       /^\[ERROR\]/ { print; fflush() }
       /^\[INFO\] (BUILD|Total time)/ { sub(/^\[INFO\] /, "  "); print; fflush() }'
}
mkdir -p "$LOG_DIR"
if needs_build; then
  javac_version=$("$JAVAC" -version 2>&1 | awk '/^javac / {split($2, v, "."); print v[1]}') || true
  [ "${javac_version:-0}" -ge 17 ] 2>/dev/null \
    || fail "building needs a JDK 17+ with its compiler ($JAVAC), and this looks like a JRE or an older JDK: install a JDK 17+ (e.g. 'apt-get install openjdk-17-jdk', 'brew install openjdk@17') and put it first on the PATH or set JAVA_HOME."
  echo "Building Kafka, the producer and the dashboard (the first run downloads Maven and the libraries: a few minutes). Full log: ${LOG_DIR#"$ROOT"/}/build.log"
  ./mvnw -B -ntp -DskipTests -pl local-kafka,producer-service,dashboard-service -am package 2>&1 \
    | tee "$LOG_DIR/build.log" | build_progress \
    || fail "the build failed; see the errors above and ${LOG_DIR#"$ROOT"/}/build.log"
fi

if [ "$WIPE" = 1 ]; then
  rm -rf "$DATA_DIR"
  echo "Wiped Kafka's data in $DATA_DIR"
fi

# --- start, and stop everything on the way out -------------------------------------------------------------
# Stopping runs in the script's main flow, never inside a trap: bash does not run a signal's trap while that
# trap is running, so a second Ctrl-C could not be heard there.
PIDS=()
NAMES=()
LOGS=()
STOP_STATUS=   # set by the first Ctrl-C or SIGTERM: the status the script ends with
STOPPING=

# shellcheck disable=SC2317 # called by the traps
on_signal() { # exit status for the signal
  if [ -z "$STOPPING" ]; then
    STOP_STATUS=${STOP_STATUS:-$1}
  elif [ "$1" = 130 ]; then
    leave_now
  fi
  # A SIGTERM while stopping (a supervisor, a test) lets the stop finish.
}
trap 'on_signal 130' INT
trap 'on_signal 143' TERM
trap 'stop_all' EXIT

# The second Ctrl-C: say what is still running and how to stop it, and end.
# shellcheck disable=SC2317 # called by on_signal
leave_now() {
  trap - EXIT
  local i=0 left='' pids=''
  while [ "$i" -lt "${#PIDS[@]}" ]; do
    if kill -0 "${PIDS[$i]}" 2>/dev/null; then
      left="$left, ${NAMES[$i]} (pid ${PIDS[$i]})"
      pids="$pids ${PIDS[$i]}"
    fi
    i=$((i + 1))
  done
  echo >&2
  if [ -n "$left" ]; then
    echo "run-local: not waiting any longer. Left running: ${left#, }. Stop them with: kill$pids (or kill -9$pids)" >&2
  else
    echo "run-local: not waiting any longer; nothing is left running." >&2
  fi
  exit 130
}

ask_to_stop() { kill -TERM "$1" 2>/dev/null || true; }
# 'wait' returns early when a trapped signal arrives; wait again until the process is gone.
wait_for_end() { while kill -0 "$1" 2>/dev/null; do wait "$1" 2>/dev/null || true; done; }

stop_all() {
  [ -z "$STOPPING" ] || return 0
  STOPPING=yes
  trap - EXIT
  [ "${#PIDS[@]}" -gt 0 ] || return 0
  echo
  echo "Stopping... (press Ctrl-C again to leave without waiting)"
  # The services first, together, so they can still hand their last records to Kafka; the broker last.
  local i=${#PIDS[@]}
  while [ "$i" -gt 1 ]; do i=$((i - 1)); ask_to_stop "${PIDS[$i]}"; done
  i=${#PIDS[@]}
  while [ "$i" -gt 1 ]; do i=$((i - 1)); wait_for_end "${PIDS[$i]}"; done
  ask_to_stop "${PIDS[0]}"
  wait_for_end "${PIDS[0]}"
  echo "All stopped. Kafka's data is kept in $DATA_DIR (./run-local.sh --wipe starts afresh)."
}

stop_if_asked() {
  if [ -n "$STOP_STATUS" ]; then
    stop_all
    exit "$STOP_STATUS"
  fi
}

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
  local name=$1 pid=$2 log=$3 seconds=$4 t=0
  shift 4
  while [ "$t" -lt $((seconds * 2)) ]; do
    stop_if_asked
    "$@" && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run-local: $name stopped while starting; the end of its log:" >&2
      tail -n 15 "$log" >&2
      exit 1
    fi
    sleep 0.5
    t=$((t + 1))
  done
  fail "$name did not become healthy within $seconds s; see ${log#"$ROOT"/}"
}

# shellcheck disable=SC2317 # called by wait_until
healthy() { curl -fsS "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -Eq '"status":"(UP|DEGRADED)"'; }

stop_if_asked
KAFKA_PORT=$KAFKA_PORT KAFKA_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT KAFKA_DATA_DIR=$DATA_DIR \
  start "Kafka" "$LOG_DIR/kafka.log" "$JAVA" -Xmx512m -jar "$KAFKA_JAR"
wait_until "Kafka" "${PIDS[0]}" "$LOG_DIR/kafka.log" 60 port_open "$KAFKA_PORT"

export KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PORT
# The control API can pause the producer or flood the topic: this machine only, as under Docker Compose.
start "producer" "$LOG_DIR/producer.log" "$JAVA" -jar "$PRODUCER_JAR" --server.port="$PRODUCER_PORT" --server.address=127.0.0.1
start "dashboard" "$LOG_DIR/dashboard.log" "$JAVA" -jar "$DASHBOARD_JAR" --server.port="$DASHBOARD_PORT"
wait_until "producer" "${PIDS[1]}" "$LOG_DIR/producer.log" 90 healthy "$PRODUCER_PORT"
wait_until "dashboard" "${PIDS[2]}" "$LOG_DIR/dashboard.log" 90 healthy "$DASHBOARD_PORT"

cat <<INFO

  Dashboard      http://localhost:$DASHBOARD_PORT
  Summary API    http://localhost:$DASHBOARD_PORT/api/summary
  Producer API   http://localhost:$PRODUCER_PORT/api/producer   (this machine only)
  Kafka          localhost:$KAFKA_PORT   (topic registration_topic)

Everything is running. Press Ctrl-C to stop.
INFO

all_running() {
  local pid
  for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || return 1; done
}
# Until a signal arrives or a process ends by itself; bash 3.2 has no 'wait -n', so look once a second
# (a 'wait' on a short sleep, which a trapped signal interrupts at once).
while [ -z "$STOP_STATUS" ] && all_running; do
  sleep 1 &
  wait $! || true
done
stop_if_asked

i=0
while [ "$i" -lt "${#PIDS[@]}" ]; do
  kill -0 "${PIDS[$i]}" 2>/dev/null \
    || echo "run-local: ${NAMES[$i]} stopped on its own, so everything stops; see ${LOGS[$i]#"$ROOT"/}" >&2
  i=$((i + 1))
done
stop_all
exit 1
