#!/usr/bin/env bash
# Global safepoints during a wall profile, per engine: a JDK 17 target with -Xlog:safepoint, one
# quiet window (baseline), then 'profile wall D' with engine=jfr and with engine=async-profiler on
# fresh targets. Prints the safepoint operations logged in each window. docs/cpu-engines.md quotes it.
# Usage: scripts/bench-wall-safepoints.sh [SECONDS=5] [JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64] [THREADS=50]
set -euo pipefail
cd "$(dirname "$0")/.."
d=${1:-5}; home=${2:-/usr/lib/jvm/java-17-openjdk-amd64}; threads=${3:-50}
source scripts/classpath.sh
cp=$(bench_classpath)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
count() { grep -c 'Safepoint "' "$1" || true; }
for engine in none jfr async-profiler; do
  log="$work/$engine.log"
  "$home/bin/java" -Xlog:safepoint:file="$log" -cp demo-targets/target/classes profcon.demo.ManyThreadsNoWork \
      --threads="$threads" > "$work/$engine.out" 2>&1 &
  pid=$!
  until grep -q READY "$work/$engine.out" 2>/dev/null; do sleep 0.2; done
  if [ "$engine" = none ]; then
    before=$(count "$log"); sleep "$d"; after=$(count "$log")
  else
    java -cp "$cp" profcon.console.Main "$pid" -c "profile wall 1s engine=$engine" > /dev/null 2>&1  # warm: first start costs
    before=$(count "$log")
    java -cp "$cp" profcon.console.Main "$pid" -c "profile wall ${d}s engine=$engine" > /dev/null 2>&1
    after=$(count "$log")
  fi
  ops=$({ grep -o 'Safepoint "[A-Za-z0-9_]*"' "$log" || true; } | tail -n +$((before + 1)) | sort | uniq -c | tr -s ' ' | tr '\n' ';')
  echo "engine=$engine window=${d}s threads=$threads safepoints=$((after - before)) ($ops)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
