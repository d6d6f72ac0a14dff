#!/bin/sh
# Runs ReportBench (report timings on a synthetic million-sample profile and the corpus's large.cpu).
# Usage: profile-model/scripts/bench-reports.sh   (from anywhere; needs mvn and java 17)
set -e
cd "$(dirname "$0")/../.."
mvn -q -B -pl profile-model -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="profile-model/target/classes:profile-model/target/test-classes:$(cat profile-model/target/bench.classpath)"
exec java -Xmx4g -cp "$CP" -Dprofcon.corpus="${PROFCON_CORPUS:-$(pwd)/../shared/pprof-corpus}" profcon.report.ReportBench "$@"
