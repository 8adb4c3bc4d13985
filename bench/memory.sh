#!/usr/bin/env bash
# Resident memory of the producer and the dashboard under load, each JVM given the memory limit its container has
# in docker-compose.yml (-XX:MaxRAM) and the Dockerfile's heap share: how much each keeps outside the heap, and
# whether a full heap beside it still fits the limit. The heap share in the Dockerfile comes from these figures.
#
#   bench/memory.sh [heap share, % (the Dockerfile's)] [seconds under load (120)]
# Load: the producer at 3,000 records/s, 20 live-stream clients on the dashboard; a broker of its own on
# KAFKA_PORT (19092) and KAFKA_PORT+1, services on 18082 and 18080.
set -euo pipefail
cd "$(dirname "$0")/.."

share=${1:-$(sed -n 's/.*MaxRAMPercentage=\([0-9]*\).*/\1/p' Dockerfile)}
seconds=${2:-120}
kafka_port=${KAFKA_PORT:-19092}
./mvnw -q -pl local-kafka,producer-service,dashboard-service -am -DskipTests package
work=$(mktemp -d)
set -m
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

KAFKA_PORT=$kafka_port KAFKA_CONTROLLER_PORT=$((kafka_port + 1)) KAFKA_DATA_DIR="$work/kafka" \
  java -jar local-kafka/target/local-kafka-*-exec.jar > "$work/kafka.log" 2>&1 &
until (echo > "/dev/tcp/127.0.0.1/$kafka_port") 2>/dev/null; do sleep 1; done

declare -A limit=([producer]=512 [dashboard]=1024) port=([producer]=18082 [dashboard]=18080) pid=()
for service in producer dashboard; do
  KAFKA_BOOTSTRAP_SERVERS=localhost:$kafka_port PRODUCER_PORT=${port[producer]} DASHBOARD_PORT=${port[dashboard]} \
  PRODUCER_RATE_PER_SECOND=3000 \
    java -XX:MaxRAM="${limit[$service]}m" -XX:MaxRAMPercentage="$share" -XX:NativeMemoryTracking=summary \
      -jar "$service"-service/target/"$service"-service-*-exec.jar > "$work/$service.log" 2>&1 &
  pid[$service]=$!
done
until curl -fsS "localhost:${port[dashboard]}/actuator/health" > /dev/null 2>&1; do sleep 1; done
for _ in $(seq 1 20); do curl -sN "localhost:${port[dashboard]}/api/stream" > /dev/null 2>&1 & done
sleep "$seconds"

echo "Machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); heap share ${share} %, ${seconds} s under load"
printf '%-10s %8s %9s %10s %13s %14s %16s\n' service "limit" "heap max" "peak RSS" "heap in use" "outside heap" "full heap + rest"
for service in producer dashboard; do
  p=${pid[$service]}
  rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$p/status")
  heap=$(jcmd "$p" VM.native_memory summary | awk -F'committed=' '/Java Heap/ {print int($2 / 1024)}')
  max=$((limit[$service] * share / 100))
  outside=$((rss - heap))
  printf '%-10s %6s MB %6s MB %7s MB %10s MB %11s MB %13s MB\n' "$service" "${limit[$service]}" "$max" "$rss" "$heap" "$outside" $((max + outside))
done
