#!/usr/bin/env bash
# Regenerates the thread-dump fixtures of profile-model's golden tests
# (profile-model/src/test/resources/threads/*.txt) from the demo targets, through the real
# console and agent ('goroutines -raw' prints the agent's dump as it came over the channel).
# Then regenerate the goldens: mvn -pl profile-model -am test -Dprofcon.golden.update=true
set -euo pipefail
cd "$(dirname "$0")/.."
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT=profile-model/src/test/resources/threads
mkdir -p "$OUT"
source scripts/classpath.sh
CP=$(bench_classpath)

# capture JDK "TARGET ARGS" then pairs of (profcon commands, file) run one after the other
capture() {
  local jdk=$1 target=$2; shift 2
  local log; log=$(mktemp)
  # shellcheck disable=SC2086
  "$jdk/bin/java" -cp demo-targets/target/classes $target >"$log" 2>&1 &
  local pid=$!
  while ! grep -q READY "$log"; do
    kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.1 # poll for the ready line the target prints
  done
  while [ $# -gt 0 ]; do
    java -cp "$CP" profcon.console.Main $pid --yes -c "$1" >"$OUT/$2"
    echo "captured $OUT/$2"
    shift 2
    [ $# -gt 0 ] && sleep 2 # the interval between two snapshots of a leak
  done
  kill $pid; wait $pid 2>/dev/null || true; rm -f "$log"
}

capture "$JDK17" "profcon.demo.ManyThreadsNoWork --threads=200" "goroutines -raw" many-threads-17.txt
capture "$JDK25" "profcon.demo.ManyThreadsNoWork --threads=200 --virtual" "goroutines -raw" many-threads-virtual-25.txt
capture "$JDK17" "profcon.demo.Deadlock --lock=monitor" "goroutines -raw" deadlock-monitor-17.txt
capture "$JDK25" "profcon.demo.Deadlock --lock=juc" "goroutines -raw" deadlock-juc-25.txt
capture "$JDK17" "profcon.demo.Deadlock --lock=juc" "goroutines -full -raw" deadlock-juc-17-full.txt
capture "$JDK17" "profcon.demo.ThreadLeak --rate=20" "goroutines -raw" leak-17-before.txt "goroutines -raw" leak-17-after.txt
capture "$JDK17" "profcon.demo.Pauses --threaddump --live-mb=64 --alloc-mb-per-s=50" "pauses 4s -raw" pauses-17.txt
capture "$JDK25" "profcon.demo.UnnamedVirtualLock --threads=40" "goroutines -raw" unnamed-virtual-lock-25.txt
