# Sourced by the bench and fixture scripts: the console's classpath without JBang, asked of Maven
# so that a dependency added to or dropped from a pom reaches every script.
#
#   bench_classpath   compiles the modules (offline) and prints every module's classes and test
#                     classes, then the console's test-scope dependency jars
#
# Run from the repository's root.

bench_classpath() {
  local deps=console/target/bench.classpath
  # -am runs build-classpath in each module the console needs, the console last: its list is the one kept
  mvn -q -B -o -pl console -am test-compile dependency:build-classpath \
      -Dmdep.outputFile="$PWD/$deps" -DincludeScope=test >/dev/null
  local m cp=
  for m in console profile-model thread-model attach-helpers labels demo-targets; do
    cp="$cp$m/target/test-classes:$m/target/classes:"
  done
  printf '%s%s\n' "$cp" "$(cat "$deps")"
}

#   console_jars      prints the console's runtime dependency jars only (no directories: a class-data
#                     archive takes jars), once the modules are compiled
console_jars() {
  local deps=console/target/runtime.classpath
  # -am and compile: the sibling modules come from the reactor (nothing is installed in ~/.m2), as
  # directories; they are left out, the caller has their classes in a jar of its own. The scope's
  # property is includeScope (mdep.includeScope is no property of the plugin's: it listed the test jars too)
  mvn -q -B -o -pl console -am compile dependency:build-classpath -Dmdep.outputFile="$PWD/$deps" \
      -DincludeScope=runtime >/dev/null
  tr ':' '\n' <"$deps" | grep '\.jar$' | paste -sd:
}
