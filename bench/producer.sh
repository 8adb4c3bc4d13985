#!/usr/bin/env bash
# Burst throughput of the producer service's publishing path next to a bare KafkaProducer sending the same
# bytes (kafka-producer-perf-test style), on one local broker started for the run on free ports.
#
#   bench/producer.sh [records per burst (200000)] [measured bursts per side (5)]
set -euo pipefail
cd "$(dirname "$0")/.."

[[ -n "${BENCH_BUILT:-}" ]] || echo "Building the benchmark..."
[[ -n "${BENCH_BUILT:-}" ]] || ./mvnw -q -pl benchmarks -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt

echo "Machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), Java $(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.version =/ {print $2}')"
exec java -Xms1g -Xmx1g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.matriculas.benchmarks.producer.ProducerBurstBenchmark "$@"
