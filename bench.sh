#!/usr/bin/env bash
# Every speed and memory figure of the project in one run, printed as one table at the end:
#   producer burst vs a bare KafkaProducer (bench/producer.sh), dashboard replay, summary cost and heap
#   (bench/dashboard.sh), produce-to-browser latency (bench/latency.sh, at 1,000, 100 and 1 records/s), Server-Sent-Events
#   fan-out to 1,000 and 5,000 clients (LiveDashboardBenchmark), dashboard start-up with and without a class data
#   sharing archive (StartUpBenchmark), the dashboard beside a Kafka Streams application computing the same
#   figures (bench/streams.sh), and the dashboard's heap growth under dropped streams and a course flood
#   (bench/heap.sh).
# Each benchmark starts its own broker on free ports and stops it; Ctrl-C or a failure stops what is running.
#   ./bench.sh            (about 16 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")"

out=target/bench
mkdir -p "$out"
rm -f "$out"/*.txt
running=""
# Job control puts each step in a process group of its own, so stopping it stops the JVMs it started too.
set -m
stop() {
  if [[ -n "$running" ]] && kill -0 "$running" 2>/dev/null; then
    kill -- "-$running" 2>/dev/null || true
    wait "$running" 2>/dev/null || true
  fi
}
trap stop EXIT
trap 'exit 130' INT TERM

# Runs one step in the background (so the trap can stop it), shows its output and keeps it for the table.
step() {
  local name=$1
  shift
  echo
  echo "=== $name"
  "$@" > >(tee "$out/$name.txt") 2>&1 &
  running=$!
  # A failing step is reported in the table; the others still run.
  wait "$running" || failed+=("$name")
  running=""
}
failed=()

echo "Building..."
./mvnw -q -DskipTests -pl benchmarks -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
export BENCH_BUILT=1
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
dashboard_jar=$(ls dashboard-service/target/dashboard-service-*-exec.jar)

step producer bench/producer.sh 100000 3
step dashboard bench/dashboard.sh 1000000
step latency bench/latency.sh 30 200ms 1000
step latency100 bench/latency.sh 30 200ms 100
step latency1 bench/latency.sh 120 200ms 1
step streams bench/streams.sh 1000000
step live java -Xmx1g -cp "$classpath" dev.matriculas.benchmarks.live.LiveDashboardBenchmark "$dashboard_jar" 100000 1000 30
step live5000 java -Xmx2g -cp "$classpath" dev.matriculas.benchmarks.live.LiveDashboardBenchmark "$dashboard_jar" 100000 5000 30 1g
step startup java -Xmx512m -cp "$classpath" dev.matriculas.benchmarks.startup.StartUpBenchmark "$dashboard_jar" 100000 3
step heap bench/heap.sh

machine="$(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), Java $(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.version =/ {print $2}')"
echo
echo "=== All figures ($machine)"
printf '| %-10s | %-58s | %22s |\n|%s|%s|%s|\n' benchmark figure value "------------" "$(printf -- '-%.0s' {1..60})" "$(printf -- '-%.0s' {1..24})"
for name in producer dashboard latency latency100 latency1 streams live live5000 startup heap; do
  if [[ -f "$out/$name.txt" ]]; then
    # Table rows as printed by the Java benchmarks, and the producer benchmark's summary lines ("name : value").
    awk -v step="$name" '
      /^\| / && !/^\| figure / { sub(/^\| /, ""); split($0, cell, / +\| +/); sub(/ *\|$/, "", cell[2]);
                                  printf "| %-10s | %-58s | %22s |\n", step, cell[1], cell[2] }
      /^  (producer service burst|bare KafkaProducer|ratio [^:]*) *: / { split($0, part, / *: */); sub(/^ +/, "", part[1]);
                                  sub(/ +\(target.*$/, "", part[2]); gsub(/ +/, " ", part[2]);
                                  printf "| %-10s | %-58s | %22s |\n", step, part[1], part[2] }' "$out/$name.txt"
  fi
done
for name in "${failed[@]}"; do
  printf '| %-10s | %-58s | %22s |\n' "$name" "FAILED: see its output above or in $out/$name.txt" "-"
done
[[ ${#failed[@]} -eq 0 ]]
