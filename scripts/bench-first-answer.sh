#!/usr/bin/env bash
# How fast profcon gives its first answer, each row beside its anchor: medians of N alternating runs,
# the ratio, and the load average at each run (the machine is shared). Rows:
#   launch   scripts/jbang profcon PID -c info                vs  jcmd PID VM.version
#   java     java -cp ... profcon.console.Main PID -c info    vs  a JVM that attaches async-profiler, starts, stops
#   attach   AttachedJvm.attach                                vs  VirtualMachine.attach + loadAgentPath(async-profiler)
#            (wall time, then the console process's CPU over the attach: less changed by the machine's load)
# The java and attach rows run profcon with a class-data archive of its own, as JBang's //CDS gives it;
# the attach row gives the anchor one too, and times only the attach, in a JVM that first ran
# profcon --version (FirstAnswerBench --warm: what a console has done before it attaches).
#   file     scripts/jbang profcon large.cpu -c top10          vs  go tool pprof -top large.cpu (if go is installed)
# The target is the demo on the given JDK, started in a session of its own (setsid: the kernel's
# autogroup would otherwise share the CPU between it and this script), warmed by one attach first.
# Usage: scripts/bench-first-answer.sh [--runs=5] [JAVA_HOME]   (async-profiler 4.6 is fetched with mvn)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=5
HOME_JDK=/usr/lib/jvm/java-17-openjdk-amd64
for arg in "$@"; do
  case $arg in
    --runs=*) RUNS=${arg#--runs=} ;;
    *) HOME_JDK=$arg ;;
  esac
done
LARGE=/work/shared/pprof-corpus/internal/proftest/testdata/large.cpu
M2="${HOME}/.m2/repository"
AP_JAR="$M2/tools/profiler/async-profiler/4.6/async-profiler-4.6.jar"

mvn -q -B -o -pl console -am test-compile
if [[ ! -f $AP_JAR ]]; then mvn -q -B dependency:get -Dartifact=tools.profiler:async-profiler:4.6; fi
WORK=$(mktemp -d)
trap 'kill "$TARGET_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
unzip -q -o "$AP_JAR" linux-x64/libasyncProfiler.so -d "$WORK"
AP_LIB="$WORK/linux-x64/libasyncProfiler.so"
# One jar of every module's classes, as JBang builds it: the agent jar is then written from a jar, as for users.
jar --create --file "$WORK/profcon.jar" -C labels/target/classes . -C demo-targets/target/classes . \
  -C attach-helpers/target/classes . -C thread-model/target/classes . -C profile-model/target/classes . \
  -C console/target/classes .
source scripts/classpath.sh
CP="$WORK/profcon.jar:$(console_jars)"
jar --create --file "$WORK/bench.jar" -C console/target/test-classes profcon/attach/FirstAnswerBench.class \
  -C console/target/test-classes 'profcon/attach/FirstAnswerBench$Took.class'
BENCH_CP="$WORK/bench.jar:$CP" # a jar: class-data archives take no directories
JAVA="$HOME_JDK/bin/java"
# scripts/Profcon.java's //RUNTIME_OPTIONS (the attach row gives them to both sides)
JAVA_OPTS=(-Djdk.attach.allowStreamingOutput=false --enable-native-access=ALL-UNNAMED
  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds*=off)

# The demo target, in its own session; ready when it prints READY.
setsid "$JAVA" -cp demo-targets/target/classes:labels/target/classes profcon.demo.Demo --threads=1 >"$WORK/target.log" 2>&1 &
TARGET_PID=$!
for _ in $(seq 600); do grep -q READY "$WORK/target.log" && break; sleep 0.1; done
grep -q READY "$WORK/target.log" || { echo "the demo target did not start" >&2; exit 1; }

# Seconds taken by a command (its output discarded); the command must succeed.
seconds() {
  local start=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  echo "$EPOCHREALTIME - $start" | bc -l
}

# The milliseconds FirstAnswerBench printed, as seconds; ARCHIVE is the side's class-data archive. The
# process CPU it printed goes to the file CPU_FILE (the attach row prints its medians too).
attach_seconds() {
  local archive=$1 cpu_file=$2 out ms
  shift 2
  out=$("$JAVA" "${JAVA_OPTS[@]}" -XX:SharedArchiveFile="$archive" -cp "$BENCH_CP" profcon.attach.FirstAnswerBench "$@")
  ms=${out#ms=} && ms=${ms%% *}
  echo "${out##*cpu_ms=}" >>"$cpu_file"
  echo "$ms / 1000" | bc -l
}

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# Runs the row's two sides alternately RUNS times and prints each run, then the medians and ratio.
row() {
  local name=$1 ours=$2 anchor=$3 i a b
  : >"$WORK/ours" && : >"$WORK/anchor"
  for ((i = 1; i <= RUNS; i++)); do
    a=$($ours) && b=$($anchor)
    echo "$a" >>"$WORK/ours" && echo "$b" >>"$WORK/anchor"
    printf '  %-7s run %d: profcon %.3f s, anchor %.3f s, load %s\n' "$name" "$i" "$a" "$b" "$(cut -d' ' -f1-3 /proc/loadavg)"
  done
  a=$(median <"$WORK/ours") && b=$(median <"$WORK/anchor")
  printf '%-7s median profcon %.3f s, anchor %.3f s, ratio %.1fx\n' "$name" "$a" "$b" "$(echo "$a / $b" | bc -l)"
}

launch_ours() { seconds scripts/jbang profcon "$TARGET_PID" -c info; }
launch_anchor() { seconds "$HOME_JDK/bin/jcmd" "$TARGET_PID" VM.version; }
java_ours() { seconds "$JAVA" "${JAVA_OPTS[@]}" -XX:SharedArchiveFile="$WORK/main.jsa" -cp "$CP" profcon.console.Main "$TARGET_PID" -c info; }
java_anchor() { seconds "$JAVA" -cp "$BENCH_CP" profcon.attach.FirstAnswerBench async-profiler "$TARGET_PID" "$AP_LIB"; }
attach_ours() { attach_seconds "$WORK/ours.jsa" "$WORK/cpu-ours" --warm profcon "$TARGET_PID"; }
attach_anchor() { attach_seconds "$WORK/anchor.jsa" "$WORK/cpu-anchor" --warm async-profiler "$TARGET_PID" "$AP_LIB"; }
file_ours() { seconds scripts/jbang profcon "$LARGE" -c top10; }
file_anchor() { seconds go tool pprof -top "$LARGE"; }

echo "JDK $HOME_JDK, target $TARGET_PID, $RUNS runs, $(nproc) cores"
# Warm: the launch cache and JBang's archive, the target's attach listener, each side's archive.
launch_ours >/dev/null && launch_ours >/dev/null && launch_anchor >/dev/null
seconds "$JAVA" "${JAVA_OPTS[@]}" -XX:ArchiveClassesAtExit="$WORK/main.jsa" -cp "$CP" profcon.console.Main "$TARGET_PID" -c info >/dev/null
seconds "$JAVA" "${JAVA_OPTS[@]}" -XX:ArchiveClassesAtExit="$WORK/ours.jsa" -cp "$BENCH_CP" profcon.attach.FirstAnswerBench \
  --warm profcon "$TARGET_PID" >/dev/null
seconds "$JAVA" "${JAVA_OPTS[@]}" -XX:ArchiveClassesAtExit="$WORK/anchor.jsa" -cp "$BENCH_CP" profcon.attach.FirstAnswerBench \
  --warm async-profiler "$TARGET_PID" "$AP_LIB" >/dev/null
row launch launch_ours launch_anchor
row java java_ours java_anchor
: >"$WORK/cpu-ours" && : >"$WORK/cpu-anchor"
row attach attach_ours attach_anchor
a=$(median <"$WORK/cpu-ours") && b=$(median <"$WORK/cpu-anchor")
printf '%-7s median CPU profcon %.0f ms, anchor %.0f ms (10 ms ticks), ratio %.1fx\n' attach "$a" "$b" "$(echo "$a / $b" | bc -l)"
kill "$TARGET_PID" # the file row needs no target, and the demo keeps a core busy
if command -v go >/dev/null; then
  file_anchor >/dev/null
  row file file_ours file_anchor
else
  echo "file    skipped: no go (apt-get install -y golang-go)"
fi
