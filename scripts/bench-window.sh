#!/usr/bin/env bash
# Measures how exactly a live cpu profile holds its window: one busy thread's samples against
# D / 10 ms, the profile's duration, and the wall time of the profile command, for D = 1 s and
# 5 s, two runs each with JFR cold and warm, on JDK 17 and 25 (docs/reports.md, "Exact windows").
# Usage: scripts/bench-window.sh [JAVA_HOME...] (default: the JDKs of the parent pom)
set -euo pipefail
cd "$(dirname "$0")/.."
JDKS=("$@")
if [ ${#JDKS[@]} -eq 0 ]; then
  JDKS=(/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64)
fi
source scripts/classpath.sh
CP=$(bench_classpath)
exec java -cp "$CP" profcon.bench.WindowBench "${JDKS[@]}"
