#!/usr/bin/env bash
# The Docker path as a new user meets it, timed: `docker compose up --build` from an empty build cache.
#   - the cold build of both images (Compose builds them at once, sharing one Maven cache);
#   - the time from `up` to every container healthy (kafka-init completed);
#   - the time from `up` to the dashboard counting its first enrollment;
#   - the two images' sizes;
#   - how long the dashboard takes to stop, with Kafka up and with Kafka frozen (its container paused).
# With --builds N it only builds, N times in a row, each from an empty cache, and says how many passed.
#
#   bench/compose.sh              one measured run
#   bench/compose.sh --builds 10  ten cold parallel builds
#
# It empties Docker's build cache (docker builder prune -af) before each build, and runs the stack as the
# Compose project "matriculas-bench" on the README's ports, which must be free; it removes that project's
# containers and volumes when it ends. Kafka UI is left out where its image is absent (no registry to pull from).
set -euo pipefail
cd "$(dirname "$0")/.."

builds=0
case "${1:-}" in
  --builds) builds=${2:?usage: bench/compose.sh [--builds N]} ;;
  "") ;;
  *) echo "usage: bench/compose.sh [--builds N]" >&2; exit 2 ;;
esac

compose() { docker compose -p matriculas-bench "$@"; }
now() { date +%s%N; }
since() { local ms=$((($(now) - $1) / 1000000)); printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)); }
cold_build() {
  docker builder prune -af > /dev/null
  local start
  start=$(now)
  if compose build producer dashboard > "$log" 2>&1; then
    since "$start"
  else
    return 1
  fi
}
log=$(mktemp)
trap 'compose down -v --remove-orphans > /dev/null 2>&1 || true; rm -f "$log"' EXIT

echo "Machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(docker version --format 'Docker {{.Server.Version}}'), $(docker compose version --short | sed 's/^/Compose /')"

if [ "$builds" -gt 0 ]; then
  passed=0
  for run in $(seq "$builds"); do
    if seconds=$(cold_build); then
      passed=$((passed + 1))
      echo "cold build $run: passed in $seconds s"
    else
      echo "cold build $run: FAILED"
      tail -n 30 "$log"
    fi
  done
  echo "$passed of $builds cold parallel builds passed"
  [ "$passed" -eq "$builds" ]
  exit
fi

services=(zookeeper kafka kafka-init producer dashboard)
ui_image=$(compose config --images | grep kafka-ui || true)
if [ -n "$ui_image" ] && docker image inspect "$ui_image" > /dev/null 2>&1; then
  services+=(kafka-ui)
else
  echo "Kafka UI: skipped, its image $ui_image is not present"
fi

compose down -v --remove-orphans > /dev/null 2>&1
build=$(cold_build) || { tail -n 30 "$log"; exit 1; }
start=$(now)
compose up -d --wait --wait-timeout 300 "${services[@]}" > "$log" 2>&1 || { tail -n 30 "$log"; exit 1; }
healthy=$(since "$start")
total=0
until [ "$total" -gt 0 ]; do
  if [ $((($(now) - start) / 1000000000)) -gt 300 ]; then
    echo "the dashboard counted nothing within 300 s" >&2
    exit 1
  fi
  sleep 0.2
  total=$(compose exec -T dashboard curl -fsS localhost:8080/api/summary 2>/dev/null \
    | sed -n 's/.*"totalEnrollments":\([0-9]*\).*/\1/p')
  total=${total:-0}
done
live=$(since "$start")
stop_dashboard() {
  local start
  start=$(now)
  compose stop dashboard > /dev/null 2>&1
  echo "$(since "$start") s (exit code $(docker inspect -f '{{.State.ExitCode}}' "$(compose ps -a -q dashboard)"))"
}
stopped_running=$(stop_dashboard)
compose up -d --wait --wait-timeout 300 dashboard > "$log" 2>&1 || { tail -n 30 "$log"; exit 1; }
compose pause kafka > /dev/null 2>&1
stopped_frozen=$(stop_dashboard)
compose unpause kafka > /dev/null 2>&1
size() { docker image inspect --format '{{.Size}}' "$1" | awk '{printf "%.0f MB", $1 / 1000000}'; }

echo
echo "cold build of both images   $build s"
echo "up to every container healthy   $healthy s"
echo "up to the dashboard live   $live s"
echo "dashboard stop, Kafka up   $stopped_running"
echo "dashboard stop, Kafka frozen   $stopped_frozen"
echo "image sizes   producer $(size matriculas/producer-service:1.0.0-SNAPSHOT), dashboard $(size matriculas/dashboard-service:1.0.0-SNAPSHOT)"
