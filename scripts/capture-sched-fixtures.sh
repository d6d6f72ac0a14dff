#!/usr/bin/env bash
# Regenerates the /proc fixtures of the console's sched tests (console/src/test/resources/sched/)
# from a real target: TailLatency pinned to CPU 0 inside a cgroup v1 with a quota of half a CPU,
# read at the start and the end of a 2 s window. Needs root and a writable /sys/fs/cgroup/cpu.
# thread-ids.txt is made from 'jcmd Thread.print' (a safepoint: fine on a demo target) in the
# agent's format. Then regenerate the goldens: mvn -pl console -am test -Dtest='Sched*Test' -Dprofcon.golden.update=true
set -euo pipefail
cd "$(dirname "$0")/.."
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
OUT=console/src/test/resources/sched
CG=/sys/fs/cgroup/cpu/profcon-fixture
rm -rf "$OUT" && mkdir -p "$OUT"
log=$(mktemp)
setsid taskset -c 0 "$JDK17/bin/java" -cp demo-targets/target/classes profcon.demo.TailLatency --threads=6 \
    --iterations=20000 >"$log" 2>&1 &
while ! grep -q READY "$log"; do sleep 0.1; done # poll for the ready line the target prints
pid=$(grep -o 'READY [0-9]*' "$log" | cut -d' ' -f2)
mkdir -p "$CG" && trap 'kill $pid; sleep 1; rmdir "$CG"' EXIT
echo 100000 >"$CG/cpu.cfs_period_us" && echo 50000 >"$CG/cpu.cfs_quota_us"
# a large weight, so the quota and not the rest of a busy machine is what limits the target
echo 262144 >"$CG/cpu.shares"
for t in /proc/$pid/task/*; do echo "${t##*/}" >"$CG/tasks"; done
snapshot() { # snapshot DIR: the files sched reads, as they are now
  local d=$OUT/$1/proc
  mkdir -p "$d" && date +%s%N >"$OUT/$1/clock_ns" # the window is the time between the two snapshots' starts
  mkdir -p "$d/$pid" "$OUT/$1/cgroup/cpu/profcon-fixture"
  for t in /proc/$pid/task/*; do
    mkdir -p "$d/$pid/task/${t##*/}"
    for f in comm schedstat status; do cat "$t/$f" >"$d/$pid/task/${t##*/}/$f" 2>/dev/null || true; done
  done
  cat /proc/$pid/status >"$d/$pid/status"; cat /proc/$pid/cgroup >"$d/$pid/cgroup"
  cat /proc/loadavg >"$d/loadavg"; grep "^cpu" /proc/stat >"$d/stat" # the cpu lines are all sched reads
  for f in cpu.cfs_quota_us cpu.cfs_period_us cpu.stat; do cat "$CG/$f" >"$OUT/$1/cgroup/cpu/profcon-fixture/$f"; done
  for f in cpu.cfs_quota_us cpu.cfs_period_us; do cat "/sys/fs/cgroup/cpu/$f" >"$OUT/$1/cgroup/cpu/$f"; done
}
sleep 1
snapshot start
sleep 2
snapshot end
"$JDK17/bin/jcmd" $pid Thread.print | sed -n 's/^"\(.*\)" #\([0-9]*\) .*nid=\(0x[0-9a-f]*\).*/\3 \2 java \1/p' \
  | while read -r nid jid kind name; do echo "$((nid)) $jid $kind $name"; done \
  | sed -E 's/ java (C[12] CompilerThread)/ jvm \1/' >"$OUT/thread-ids.txt" # hidden from the application
echo "$pid" >"$OUT/pid.txt"
echo "captured $OUT (pid $pid)"
