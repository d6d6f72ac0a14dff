#!/usr/bin/env bash
# Measures the stall a target suffers from profcon's grouped thread view, profcon's full dump
# and `jcmd <pid> Thread.print`, at 1,000 and 10,000 parked threads, on JDK 17 and 25.
# The stall is measured inside the target by a probe thread (its longest gap between wake-ups).
# Usage: scripts/bench-thread-dumps.sh [JAVA_HOME...] (default: the JDKs of the parent pom)
# BENCH_THREADS="1000 10000" sets the thread counts; BENCH_JAVA_OPTS=-Dbench.keepLogs=true keeps
# the targets' safepoint logs.
set -euo pipefail
cd "$(dirname "$0")/.."
JDKS=("$@")
if [ ${#JDKS[@]} -eq 0 ]; then
  JDKS=(/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64)
fi
source scripts/classpath.sh
CP=$(bench_classpath)
exec java ${BENCH_JAVA_OPTS:-} -cp "$CP" profcon.bench.ThreadDumpBench "${JDKS[@]}" -- ${BENCH_THREADS:-1000 10000}
