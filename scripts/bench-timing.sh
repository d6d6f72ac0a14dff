#!/usr/bin/env bash
# The cost of 'timing' on the SlowCalls demo: its calls/s in windows without and with every call of
# SlowCalls::handle traced (JDK 25). The rate comes from the target's own count (--truth), over the
# exact window the timing profile says it covered.
# Usage: scripts/bench-timing.sh [--window=10] [--pace-us=0] [--rounds=3] [--java=JDK25_HOME]
#   --pace-us=0: calls back to back (about 1 us each: the worst case, the tracing is most of each call)
#   --pace-us=100: a paced service (about 1-5 thousand calls/s)
# Prints one line per round: calls/s off (the window before), on, the change, the time each call gained.
set -euo pipefail
cd "$(dirname "$0")/.."
window=10 pace=0 rounds=3 java=/usr/lib/jvm/temurin-25-jdk-amd64
for a in "$@"; do
  case $a in
    --window=*) window=${a#*=} ;; --pace-us=*) pace=${a#*=} ;; --rounds=*) rounds=${a#*=} ;;
    --java=*) java=${a#*=} ;; *) echo "unknown option $a" >&2; exit 2 ;;
  esac
done
source scripts/classpath.sh
cp=$(bench_classpath)
truth=$(mktemp) log=$(mktemp)
# no slow calls: the figure is the cost of tracing a call, not of sleeping
"$java/bin/java" -cp "$cp" profcon.demo.SlowCalls --pace-us="$pace" --slow-every=1000000000 --truth="$truth" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$truth" "$log"' EXIT
until grep -q READY "$log"; do sleep 0.2; done
sleep 10 # JIT warm-up

# calls/s between two epoch-millisecond instants, from the truth lines "EPOCH_MILLIS CALLS"
rate() {
  awk -v a="$1" -v b="$2" '
    function at(t) { for (i = 2; i <= n; i++) if (ts[i] >= t) return c[i-1] + (t - ts[i-1]) * (c[i] - c[i-1]) / (ts[i] - ts[i-1]); return -1 }
    { n++; ts[n] = $1; c[n] = $2 }
    END { printf "%.0f", (at(b) - at(a)) * 1000 / (b - a) }' "$truth"
}

echo "SlowCalls --pace-us=$pace, windows of ${window}s, JDK $("$java/bin/java" -version 2>&1 | head -1)"
for ((r = 1; r <= rounds; r++)); do
  off_from=$(date +%s%3N); sleep "$window"; off_to=$(date +%s%3N)
  json=$(java -cp "$cp" profcon.console.Main "$pid" --yes -c "timing profcon.demo.SlowCalls::handle ${window}s --json" 2>/dev/null)
  start=$(grep -o '"start_epoch_ns":[0-9]*' <<<"$json" | cut -d: -f2)
  length=$(grep -o '"duration_ns":[0-9]*' <<<"$json" | cut -d: -f2)
  traced=$(grep -o '"calls":[0-9]*' <<<"$json" | cut -d: -f2)
  sleep 1
  on_from=$((start / 1000000)); on_to=$(((start + length) / 1000000))
  off=$(rate "$off_from" "$off_to"); on=$(rate "$on_from" "$on_to")
  awk -v r="$r" -v off="$off" -v on="$on" -v traced="$traced" -v d="$length" 'BEGIN {
    printf "round %d: off %d calls/s, on %d calls/s (%+.1f %%, %.1f us added per call); timing counted %d calls/s\n",
      r, off, on, (on - off) * 100 / off, (1 / on - 1 / off) * 1e6, traced * 1e9 / d }'
done
