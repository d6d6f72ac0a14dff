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
mvn -q -B -o -pl console -am test-compile
M2="${HOME}/.m2/repository"
CP="console/target/test-classes:console/target/classes:profile-model/target/classes:attach-helpers/target/classes"
CP="$CP:demo-targets/target/classes:$M2/org/jline/jline/3.30.6/jline-3.30.6.jar"
CP="$CP:$M2/info/picocli/picocli/4.7.7/picocli-4.7.7.jar:$M2/com/google/protobuf/protobuf-java/4.36.2/protobuf-java-4.36.2.jar"
CP="$CP:$(ls "$M2"/org/junit/jupiter/junit-jupiter-api/*/junit-jupiter-api-*.jar | tail -1)"
CP="$CP:$(ls "$M2"/org/opentest4j/opentest4j/*/opentest4j-*.jar | tail -1)"
exec java -cp "$CP" profcon.bench.WindowBench "${JDKS[@]}"
