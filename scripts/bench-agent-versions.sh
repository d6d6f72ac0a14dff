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
source scripts/classpath.sh
CP=$(bench_classpath)
exec java -Djdk.attach.allowStreamingOutput=false -cp "$CP" profcon.attach.AgentVersionsBench "${ARGS[@]}"
