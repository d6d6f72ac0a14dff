#!/usr/bin/env bash
# profcon on a target whose threads keep every CPU busy (issue #15): each row beside `jcmd PID
# VM.version` on the same target, medians of N alternating runs, with the CPU each side spent.
#   info        scripts/jbang profcon PID -c info
#   profile     scripts/jbang profcon PID -c "profile cpu 5s; top10"   (goal: 5 s + 3x jcmd)
#   goroutines  scripts/jbang profcon PID -c goroutines                (goal: 3x jcmd)
# The target is demo-targets' Saturated, started twice: in this script's session (a plain background
# job: the kernel's autogroup then shares the CPUs per thread between the spinners, jcmd and the
# console) and in a session of its own (setsid: each session gets a fair share, as separate services do).
# CPU columns, in seconds: "launcher" is scripts/jbang's bash and what it forks (JBang's JVM when the
# launch cache misses), "console" the console JVM, "target" the target's threads other than its
# spinners (the attach listener, the agent's profcon-* threads, JIT and GC), read from
# /proc/PID/task/*/stat every 50 ms (a thread that ends between two reads loses up to 50 ms).
# Usage: scripts/bench-saturated.sh [--runs=5] [--threads=96] [--quick] [JAVA_HOME]
#   --quick is --runs=1 --threads=16, for development on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=5
THREADS=96
HOME_JDK=/usr/lib/jvm/java-17-openjdk-amd64
for arg in "$@"; do
  case $arg in
    --runs=*) RUNS=${arg#--runs=} ;;
    --threads=*) THREADS=${arg#--threads=} ;;
    --quick) RUNS=1 THREADS=16 ;;
    *) HOME_JDK=$arg ;;
  esac
done
JAVA="$HOME_JDK/bin/java"
JCMD="$HOME_JDK/bin/jcmd"
WINDOW=5
TARGET_PID=
WORK=$(mktemp -d)
trap 'if [[ -n $TARGET_PID ]]; then kill "$TARGET_PID" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT
TICK=$(getconf CLK_TCK)

mvn -q -B -o -pl demo-targets -am compile
# The launch cache and JBang's class-data archive, before any target competes for the CPUs.
scripts/jbang profcon --version >/dev/null && scripts/jbang profcon --version >/dev/null
mkfifo "$WORK/tick" && exec 7<>"$WORK/tick" # `read -t` on it: a sleep without a fork

# Starts Saturated (setsid when $1 is "own"), waits for READY, and records its spinners' thread ids.
start_target() {
  local cp=demo-targets/target/classes:labels/target/classes
  if [[ $1 == own ]]; then
    setsid "$JAVA" -cp "$cp" profcon.demo.Saturated --threads="$THREADS" >"$WORK/target.log" 2>&1 &
  else
    "$JAVA" -cp "$cp" profcon.demo.Saturated --threads="$THREADS" >"$WORK/target.log" 2>&1 &
  fi
  TARGET_PID=$!
  for _ in $(seq 1200); do grep -q READY "$WORK/target.log" && break; read -rt 0.1 -u 7 || true; done
  grep -q READY "$WORK/target.log" || { echo "Saturated did not start" >&2; exit 1; }
  declare -gA SPINNERS=()
  local task comm
  for task in /proc/"$TARGET_PID"/task/*; do
    read -r comm <"$task/comm" && [[ $comm == spinner-* ]] && SPINNERS[${task##*/}]=1
  done
}

# Sets the global TARGET_TICKS[tid] to the highest utime+stime seen of each non-spinner thread.
poll_target() {
  local task tid line fields
  for task in /proc/"$TARGET_PID"/task/*; do
    tid=${task##*/}
    [[ -n ${SPINNERS[$tid]:-} ]] && continue
    read -r line 2>/dev/null <"$task/stat" || continue
    read -r -a fields <<<"${line##*) }"
    TARGET_TICKS[$tid]=$((fields[11] + fields[12]))
  done
}

# The children's CPU ticks the shell has waited for so far (bash's `times`, second line).
# `times` runs in this shell, not in a $(...) subshell, whose own children would count from zero.
children_ticks() {
  local u s
  times >"$WORK/times"
  { read -r _ && read -r u s; } <"$WORK/times"
  CHILDREN_TICKS=$(echo "$(to_ticks "$u") + $(to_ticks "$s")" | bc)
}
to_ticks() { local t=${1%s} && echo "x = (${t%%m*} * 60 + ${t#*m}) * $TICK + 0.5; scale = 0; x / 1" | bc; }

# Runs a command (output to $WORK/out) and sets WALL, LAUNCHER, CONSOLE, TARGET (seconds): for
# scripts/jbang, the CPU spent before the process became a JVM is the launcher's, the rest the
# console's; all of jcmd's is its console's.
measure() {
  declare -gA TARGET_TICKS=()
  poll_target
  local -A before=() && local tid && for tid in "${!TARGET_TICKS[@]}"; do before[$tid]=${TARGET_TICKS[$tid]}; done
  local children0 start pid line fields launcher=0 status=0
  children_ticks && children0=$CHILDREN_TICKS
  start=$EPOCHREALTIME
  "$@" >"$WORK/out" 2>&1 &
  pid=$!
  # kill -0 would succeed on the exited, not yet waited for, command: its state (Z) says it ended
  while read -r line 2>/dev/null <"/proc/$pid/stat"; do
    read -r -a fields <<<"${line##*) }"
    [[ ${fields[0]} == Z ]] && break
    if [[ $1 == scripts/jbang && $line != *"(java)"* ]]; then
      launcher=$((fields[11] + fields[12] + fields[13] + fields[14]))
    fi
    poll_target
    read -rt 0.05 -u 7 || true
  done
  wait "$pid" || status=$?
  WALL=$(echo "$EPOCHREALTIME - $start" | bc)
  ((status == 0)) || { echo "failed ($status): $*" >&2; cat "$WORK/out" >&2; exit 1; }
  local total target=0
  children_ticks && total=$((CHILDREN_TICKS - children0))
  for tid in "${!TARGET_TICKS[@]}"; do target=$((target + TARGET_TICKS[$tid] - ${before[$tid]:-0})); done
  LAUNCHER=$(echo "$launcher / $TICK" | bc -l)
  CONSOLE=$(echo "($total - $launcher) / $TICK" | bc -l)
  TARGET=$(echo "$target / $TICK" | bc -l)
}

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# Measures one row once and appends its figures to $WORK/NAME.{wall,launcher,console,target}.
sample() {
  local name=$1
  shift
  measure "$@"
  echo "$WALL" >>"$WORK/$name.wall" && echo "$LAUNCHER" >>"$WORK/$name.launcher"
  echo "$CONSOLE" >>"$WORK/$name.console" && echo "$TARGET" >>"$WORK/$name.target"
  printf '  %-10s %7.2f s  cpu: launcher %.2f s, console %.2f s, target %.2f s  (load %s)\n' "$name" "$WALL" \
    "$LAUNCHER" "$CONSOLE" "$TARGET" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

# Prints a row's medians and its ratio to jcmd's median; $2 is the row's window in seconds.
report() {
  local name=$1 window=$2 wall jcmd ratio
  wall=$(median <"$WORK/$name.wall") && jcmd=$(median <"$WORK/jcmd.wall")
  ratio=$(echo "($wall - $window) / $jcmd" | bc -l)
  printf '%-10s median %7.2f s  (%.1fx jcmd%s)  cpu: launcher %.2f s, console %.2f s, target %.2f s\n' "$name" "$wall" \
    "$ratio" "$( ((window > 0)) && echo " beyond the ${window} s window")" "$(median <"$WORK/$name.launcher")" \
    "$(median <"$WORK/$name.console")" "$(median <"$WORK/$name.target")"
}

# One session case: start the target, attach once (the agent's first load, shown apart), then the rows.
bench_case() {
  local case=$1 i
  start_target "$case"
  rm -f "$WORK"/*.wall "$WORK"/*.launcher "$WORK"/*.console "$WORK"/*.target
  echo "== target in $( [[ $case == own ]] && echo "a session of its own (setsid)" || echo "the console's session"): pid $TARGET_PID, $THREADS spinners"
  sample first-jcmd "$JCMD" "$TARGET_PID" VM.version
  sample first-info scripts/jbang profcon "$TARGET_PID" -c info
  for ((i = 1; i <= RUNS; i++)); do
    sample jcmd "$JCMD" "$TARGET_PID" VM.version
    sample info scripts/jbang profcon "$TARGET_PID" -c info
    sample profile scripts/jbang profcon "$TARGET_PID" -c "profile cpu ${WINDOW}s; top10"
    grep -q 'Saturated\$Spinner.burn' "$WORK/out" || { echo "profile: Spinner.burn missing from top10" >&2; cat "$WORK/out" >&2; }
    sample goroutines scripts/jbang profcon "$TARGET_PID" -c goroutines
  done
  report jcmd 0 && report info 0 && report profile "$WINDOW" && report goroutines 0
  kill "$TARGET_PID" && wait "$TARGET_PID" 2>/dev/null || true
  TARGET_PID=
}

echo "JDK $HOME_JDK, $RUNS runs, $THREADS spinners, $(nproc) cores, $(date -u +%FT%TZ)"
bench_case same
bench_case own
