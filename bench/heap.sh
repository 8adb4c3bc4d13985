#!/usr/bin/env bash
# Prints how much the dashboard's heap grows, after a full collection, beside its budget: after rounds of live
# streams dropped by a TCP reset (budget 48 MB), and after a flood of records each naming a new course (64 MB).
#   bench/heap.sh [clients a round (1000)] [rounds (3)] [records in the flood (50000)]   (about 2 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -n "${BENCH_BUILT:-}" ]] || ./mvnw -q -DskipTests -pl benchmarks -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
java -Xmx1g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.matriculas.benchmarks.heap.HeapGrowthBenchmark "$(ls dashboard-service/target/dashboard-service-*-exec.jar)" "$@"
