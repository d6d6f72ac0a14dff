#!/usr/bin/env bash
# profcon's overhead on a live service: alternating windows without and with a profile, per kind.
# Usage: scripts/bench-overhead.sh [--kinds=cpu,cpu-native,lock,alloc,block,wall,wall-native] [--window=10] [--rounds=4]
#        [--warmup=15] [--java=JAVA_HOME] [--workers=4 --clients=8 --cpu-iterations=20000 --io-micros=200]
# Prints one line per kind: ops/s off and on, throughput change, p99 off and on, p99 ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=console/target/bench.classpath
mvn -q -B -o -pl console -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test >/dev/null
cp="console/target/test-classes:console/target/classes:profile-model/target/classes:attach-helpers/target/classes"
cp="$cp:demo-targets/target/classes:$(cat "$cp_file")"
exec java -cp "$cp" profcon.bench.OverheadBench "$@"
