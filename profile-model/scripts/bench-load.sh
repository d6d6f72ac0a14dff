#!/bin/sh
# Times opening the synthetic 1M-sample / 10k-stack profile plus top10, each run in a fresh JVM
# with default heap settings, as a console would: wall time and peak heap from the JVM itself,
# peak RSS of the process from /usr/bin/time -v. Usage: profile-model/scripts/bench-load.sh [RUNS]
set -e
cd "$(dirname "$0")/../.."
mvn -q -B -pl profile-model -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="profile-model/target/classes:profile-model/target/test-classes:$(cat profile-model/target/bench.classpath)"
FILE="${TMPDIR:-/tmp}/profcon-load-bench.pb.gz"
[ -f "$FILE" ] || java -Xmx4g -cp "$CP" profcon.report.LoadBench make "$FILE"
echo "$(stat -c %s "$FILE") bytes: $FILE"
for i in $(seq "${1:-3}"); do
  /usr/bin/time -v java -cp "$CP" profcon.report.LoadBench load "$FILE" 2>/tmp/profcon-load-bench.time
  grep -E "Maximum resident|Elapsed" /tmp/profcon-load-bench.time | sed 's/^\s*/  /'
done
