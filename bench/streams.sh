#!/usr/bin/env bash
# Prints the dashboard beside a Kafka Streams application computing the same figures from the same records on
# the same broker: replay rate of each and their ratio, heap after GC and resident memory of each, and whether
# the figures are equal (the benchmark fails if they are not).
#   bench/streams.sh [records]     (default 1000000; about 4 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -n "${BENCH_BUILT:-}" ]] || ./mvnw -q -DskipTests -pl benchmarks -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
# Kafka Streams keeps its stores under target/; the benchmark empties the folder before and after the run.
exec java -Xmx3g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.matriculas.benchmarks.streams.StreamsBenchmark "$(ls dashboard-service/target/dashboard-service-*-exec.jar)" \
  "${1:-1000000}" benchmarks/target/streams-state
