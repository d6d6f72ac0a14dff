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
mvn -q -B -o -pl console -am test-compile
M2="${HOME}/.m2/repository"
CP="console/target/test-classes:console/target/classes:profile-model/target/classes:attach-helpers/target/classes"
CP="$CP:demo-targets/target/classes:$M2/org/jline/jline/3.30.6/jline-3.30.6.jar"
CP="$CP:$M2/info/picocli/picocli/4.7.7/picocli-4.7.7.jar:$M2/com/google/protobuf/protobuf-java/4.36.2/protobuf-java-4.36.2.jar"
exec java ${BENCH_JAVA_OPTS:-} -cp "$CP" profcon.bench.ThreadDumpBench "${JDKS[@]}" -- ${BENCH_THREADS:-1000 10000}
