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
cp_file=console/target/bench.classpath
mvn -q -B -o -pl console -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test >/dev/null
cp="console/target/test-classes:console/target/classes:profile-model/target/classes:attach-helpers/target/classes"
cp="$cp:demo-targets/target/classes:$(cat "$cp_file")"
exec java -Djdk.attach.allowStreamingOutput=false -cp "$cp" profcon.attach.AgentVersionsBench "${ARGS[@]}"
