#!/usr/bin/env bash
# Are a CPU profile's percentages true? For each case, profcon.demo.CpuShares runs tasks Work.a and
# Work.b in a known ratio on a pool, each task measuring its own thread CPU time into a truth file
# (clock=wall for virtual threads on JDK 25, where their CPU time is not measurable); each engine
# profiles it for one window, and profcon.bench.CpuSharesCheck prints one row: the samples in a or b,
# a's true share of task time in the profile's window, the profile's share of Work.a (cum), the error
# in points, the binomial 2-sigma sampling error, the share of tenant=a, and whether both are within
# 2 sigma (on wall-time truth, also of the share the tasks are built with: their rounds' ratio).
# docs/cpu-accuracy.md explains the truth and its limits.
# Cases: JDK 17 and 25 platform threads, JDK 25 virtual threads; pools of 1, 2, 4, 8 busy threads
# (as many pairs of tasks per period as threads: 1 thread leaves a core free, 2 fill the 2 cores,
# 4 and 8 oversubscribe them), plus the pool of issue #14 (2 threads, 1 pair: half busy); task
# lengths 0.2, 5, 50 ms (the length of a b task); ratios 3:1 and 1:1, and 9:1 at 5 ms.
# Engines: jfr and async-profiler are profcon's (`profile cpu WINDOW engine=E`; an engine the build
# rejects gets a row saying so, and jfr then runs as plain `profile cpu`, JFR being the only engine
# before the option); async-profiler-direct is async-profiler 4.6 loaded straight through the Attach
# API, no profcon involved (collapsed stacks, no labels): it checks the target and the truth. It runs
# last in each target: its library stays loaded.
# Usage: scripts/bench-cpu-accuracy.sh [--quick] [--engines=jfr,async-profiler,async-profiler-direct]
#        [--window=5s] [--only=REGEX]   (--quick: 6 cases, about 3 minutes; the full matrix: 87 cases,
#        about 50 minutes with two engines on a busy 2-core machine, 65 with three; --only: the cases
#        whose name matches, e.g. '^25 virtual' or 't=2 0.2ms')
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=false
ENGINES=jfr,async-profiler,async-profiler-direct
WINDOW=5s
ONLY=.
for arg in "$@"; do
  case $arg in
    --quick) QUICK=true ;;
    --engines=*) ENGINES=${arg#--engines=} ;;
    --window=*) WINDOW=${arg#--window=} ;;
    --only=*) ONLY=${arg#--only=} ;;
    *) echo "usage: $0 [--quick] [--engines=jfr,async-profiler,async-profiler-direct] [--window=5s] [--only=REGEX]" >&2
      exit 2 ;;
  esac
done
[[ $WINDOW =~ ^[0-9]+s$ ]] || { echo "--window takes whole seconds, like 5s" >&2; exit 2; }
LIMIT=$((${WINDOW%s} + 90)) # seconds an engine's run may take: the window, attaching, and a loaded machine
JDK17=/usr/lib/jvm/java-17-openjdk-amd64
JDK25=/usr/lib/jvm/temurin-25-jdk-amd64
M2="${HOME}/.m2/repository"
AP_JAR="$M2/tools/profiler/async-profiler/4.6/async-profiler-4.6.jar"

source scripts/classpath.sh
CP=$(bench_classpath)
if [[ ! -f $AP_JAR ]]; then mvn -q -B dependency:get -Dartifact=tools.profiler:async-profiler:4.6; fi
WORK=$(mktemp -d)
TARGET_PID=
trap 'if [[ -n $TARGET_PID ]]; then kill "$TARGET_PID" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT
unzip -q -o "$AP_JAR" linux-x64/libasyncProfiler.so -d "$WORK"
AP_LIB="$WORK/linux-x64/libasyncProfiler.so"
TOOL_JAVA="$JDK17/bin/java" # the console and the checks; they attach to JDK 17 and 25 targets alike
# scripts/Profcon.java's //RUNTIME_OPTIONS
CONSOLE_OPTS=(-Djdk.attach.allowStreamingOutput=false --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1)

# The cases, one a line: JDK kind threads pairs task-ms ratio.
cases() {
  if $QUICK; then
    printf '%s\n' "17 platform 1 1 5 3" "17 platform 2 1 5 3" "17 platform 2 2 0.2 1" "17 platform 8 8 50 3" \
      "25 platform 4 4 5 3" "25 virtual 4 4 5 3"
    return
  fi
  local jdk kind threads task ratio
  for jdk_kind in "17 platform" "25 platform" "25 virtual"; do
    read -r jdk kind <<<"$jdk_kind"
    echo "$jdk $kind 2 1 5 3"
    for threads in 1 2 4 8; do
      for task in 0.2 5 50; do
        for ratio in 3 1; do echo "$jdk $kind $threads $threads $task $ratio"; done
      done
      echo "$jdk $kind $threads $threads 5 9"
    done
  done
}

# Starts CpuShares for one case in a session of its own (setsid: the kernel's autogroup would
# otherwise share the CPU between it and this script) and waits for READY; sets TARGET_PID.
start_target() {
  local jdk=$1 kind=$2 threads=$3 pairs=$4 task=$5 ratio=$6 home=$JDK17 virtual=
  [[ $jdk == 25 ]] && home=$JDK25
  [[ $kind == virtual ]] && virtual=--virtual
  rm -f "$WORK/truth.txt"
  setsid "$home/bin/java" -cp demo-targets/target/classes:labels/target/classes profcon.demo.CpuShares \
    --threads="$threads" --pairs="$pairs" --task-ms="$task" --ratio="$ratio" --labels $virtual \
    --truth="$WORK/truth.txt" >"$WORK/target.log" 2>&1 &
  TARGET_PID=$!
  for _ in $(seq 600); do grep -q READY "$WORK/target.log" && break; sleep 0.1; done
  grep -q READY "$WORK/target.log" || { echo "CpuShares did not start:" >&2; cat "$WORK/target.log" >&2; exit 1; }
  sleep 1 # JIT warm-up of the tasks: a fixed length by design
}

stop_target() {
  kill "$TARGET_PID" 2>/dev/null || true
  wait "$TARGET_PID" 2>/dev/null || true
  TARGET_PID=
}

check() { "$TOOL_JAVA" -cp "$CP" profcon.bench.CpuSharesCheck "$@" --load="$(cut -d' ' -f1 /proc/loadavg)"; }

# profcon's `profile cpu` with one engine, saved and checked; a rejected engine=jfr falls back to the default.
profcon_engine() {
  local name=$1 engine=$2 out
  if out=$(profcon "profile cpu $WINDOW engine=$engine; save $WORK/cpu.pb.gz" 2>&1); then
    check "$WORK/truth.txt" "$WORK/cpu.pb.gz" --case="$name" --engine="$engine"
  elif [[ $out == *"option 'engine'"* && $engine == jfr ]] && out=$(profcon "profile cpu $WINDOW; save $WORK/cpu.pb.gz" 2>&1); then
    check "$WORK/truth.txt" "$WORK/cpu.pb.gz" --case="$name" --engine="jfr (default)"
  elif [[ $out == *"option 'engine'"* ]]; then
    check --case="$name" --engine="$engine" --note="engine not available in this build"
  else
    check --case="$name" --engine="$engine" --note="failed: $(tail -1 <<<"$out")"
  fi
}

profcon() {
  rm -f "$WORK/cpu.pb.gz"
  timeout "$LIMIT" "$TOOL_JAVA" "${CONSOLE_OPTS[@]}" -cp "$CP" profcon.console.Main "$TARGET_PID" -c "$1"
}

# async-profiler loaded by AsyncProfilerDirect, its collapsed stacks checked over the window it printed.
direct_engine() {
  local name=$1 out
  rm -f "$WORK/cpu.collapsed"
  if out=$(timeout "$LIMIT" "$TOOL_JAVA" -cp "$CP" profcon.bench.AsyncProfilerDirect "$TARGET_PID" "$AP_LIB" \
    "${WINDOW%s}" "$WORK/cpu.collapsed" 2>&1) && [[ $out == *window-ms=* ]]; then
    check "$WORK/truth.txt" "$WORK/cpu.collapsed" --window-ms="${out##*window-ms=}" --case="$name" \
      --engine="async-profiler (direct)"
  else
    check --case="$name" --engine="async-profiler (direct)" --note="failed: $(tail -1 <<<"$out")"
  fi
}

echo "CPU accuracy: $(nproc) cores, window $WINDOW, engines $ENGINES, load average $(cut -d' ' -f1-3 /proc/loadavg)"
check --header
START=$SECONDS
while read -r jdk kind threads pairs task ratio; do
  name="$jdk $kind t=$threads"
  [[ $pairs != "$threads" ]] && name="$name(half)"
  name="$name ${task}ms $ratio:1"
  [[ $name =~ $ONLY ]] || continue
  start_target "$jdk" "$kind" "$threads" "$pairs" "$task" "$ratio"
  for engine in ${ENGINES//,/ }; do
    [[ $engine == async-profiler-direct ]] || profcon_engine "$name" "$engine"
  done
  if [[ ,$ENGINES, == *,async-profiler-direct,* ]]; then direct_engine "$name"; fi
  stop_target
done < <(cases)
echo "took $((SECONDS - START)) s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
