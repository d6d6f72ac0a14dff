#!/usr/bin/env bash
# Per-test cost of profcon-leakcheck (one snapshot + one verification, nothing leaked) at 100 and
# 10,000 live threads: platform threads on JDK 17 (Thread.getAllStackTraces) and on JDK 25 (the
# JSON thread dump), virtual threads on JDK 25. Usage: scripts/bench-leakcheck.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
ROUNDS=${1:-15}
mvn -q -B -o -pl leakcheck -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/leakcheck/target/bench.classpath" -Dmdep.includeScope=test >/dev/null
CP="leakcheck/target/test-classes:leakcheck/target/classes:thread-model/target/classes:$(cat leakcheck/target/bench.classpath)"
for n in 100 10000; do
  "$JDK17/bin/java" -cp "$CP" profcon.leakcheck.LeakCheckBench platform "$n" "$ROUNDS"
  if [[ -x $JDK25/bin/java ]]; then
    "$JDK25/bin/java" -cp "$CP" profcon.leakcheck.LeakCheckBench platform "$n" "$ROUNDS"
    "$JDK25/bin/java" -cp "$CP" profcon.leakcheck.LeakCheckBench virtual "$n" "$ROUNDS"
  fi
done
