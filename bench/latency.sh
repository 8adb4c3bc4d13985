#!/usr/bin/env bash
# Latency from a producer's acknowledged send to the dashboard page's DOM showing the record, at a steady
# rate: median, p90, p99. A local broker and the dashboard on free ports, Debian's headless chromium.
#
#   bench/latency.sh [seconds measured (60)] [dashboard push interval (200ms)] [records/s (1000): a multiple of 100, or below 100 a divisor of 1000]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "latency: needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)" >&2
  exit 2
fi

[[ -n "${BENCH_BUILT:-}" ]] || echo "Building the benchmark..."
[[ -n "${BENCH_BUILT:-}" ]] || ./mvnw -q -pl benchmarks -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt

echo "Machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), Java $(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.version =/ {print $2}'), $(/usr/bin/chromium --version 2>/dev/null)"
exec java -Xms1g -Xmx1g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.matriculas.benchmarks.latency.LatencyBenchmark "$@"
