#!/usr/bin/env bash
# What stays resident in a target when consoles of different builds attach to it in turn: live
# classes, metaspace in use and profcon agent class loaders after each detach and a full GC.
# Usage: scripts/bench-agent-versions.sh [--attaches=10] [JAVA_HOME...] (default: the JDKs of the parent pom)
set -euo pipefail
cd "$(dirname "$0")/.."
ARGS=("$@")
JDKS=0
for arg in "$@"; do [[ $arg == --* ]] || JDKS=1; done
if [ $JDKS -eq 0 ]; then
  ARGS+=(/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64)
fi
mvn -q -B -o -pl console -am test-compile
M2="${HOME}/.m2/repository"
CP="console/target/test-classes:console/target/classes:profile-model/target/classes:attach-helpers/target/classes"
CP="$CP:demo-targets/target/classes:$M2/org/jline/jline/3.30.6/jline-3.30.6.jar"
CP="$CP:$M2/info/picocli/picocli/4.7.7/picocli-4.7.7.jar:$M2/com/google/protobuf/protobuf-java/4.36.2/protobuf-java-4.36.2.jar"
exec java -Djdk.attach.allowStreamingOutput=false -cp "$CP" profcon.attach.AgentVersionsBench "${ARGS[@]}"
