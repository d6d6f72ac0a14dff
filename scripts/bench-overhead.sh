#!/usr/bin/env bash
# profcon's overhead on a live service: alternating windows without and with a profile, per kind.
# Usage: scripts/bench-overhead.sh [--kinds=cpu,cpu-native,lock,alloc,block,wall,wall-native] [--window=10] [--rounds=4]
#        [--warmup=15] [--java=JAVA_HOME] [--workers=4 --clients=8 --cpu-iterations=20000 --io-micros=200]
#        [--io=park --virtual=1 --parked-virtual=1000]  (JDK 21+ target: a Loom service; docs/virtual-threads.md)
#        a kind may carry options after colons: --kinds=lock,lock:threshold=1ms:period=10s
# Prints one line per kind: ops/s off and on, throughput change, p99 off and on, p99 ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/classpath.sh
cp=$(bench_classpath)
exec java -cp "$cp" profcon.bench.OverheadBench "$@"
