#!/usr/bin/env bash
# Prints the dashboard's figures: heap per enrollment, summary cost at 1,000 and N enrollments, and the replay
# rate of N records next to a bare KafkaConsumer on the same broker in the same run, in ten rounds: the first
# in a cold JVM (as after a restart), and the mean of the last five, once most of the code is compiled.
#   bench/dashboard.sh [records]     (default 1000000; about 2 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor run builds the modules and writes the benchmarks' classpath (sibling modules as built jars).
[[ -n "${BENCH_BUILT:-}" ]] || ./mvnw -q -DskipTests -pl benchmarks -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
java -Xmx3g -XX:+UseParallelGC -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.matriculas.benchmarks.dashboard.DashboardBenchmark "${1:-1000000}"
