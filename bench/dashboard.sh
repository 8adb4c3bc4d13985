#!/usr/bin/env bash
# Prints the dashboard's figures: heap per enrollment, summary cost at 1,000 and N enrollments, and the replay
# rate of N records next to a bare KafkaConsumer on the same broker in the same run, in ten rounds: the first
# in a cold JVM (as after a restart), and the mean of the last five, once most of the code is compiled.
#   bench/dashboard.sh [records]     (default 1000000; about 2 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor run builds the modules and writes the benchmarks' classpath (sibling modules as built jars).
[[ -n "${BENCH_BUILT:-}" ]] || ./mvnw -q -DskipTests -pl benchmarks -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
# A closed dashboard stays softly reachable from a static cache of Boot's actuator (keyed by its environment),
# and the JVM keeps soft references while it has room: every round would then start on the heap of all the
# dashboards before it, 100 MB more each, which no restarted dashboard has. They are cleared at each collection.
java -Xmx3g -XX:+UseParallelGC -XX:SoftRefLRUPolicyMSPerMB=0 -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.matriculas.benchmarks.dashboard.DashboardBenchmark "${1:-1000000}"
