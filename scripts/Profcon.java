///usr/bin/env "$(dirname "$0")/jbang" "$0" "$@" ; exit $?
// JBang entry for profcon: compiles the Maven modules' sources as they are in the checkout and runs the console.
// JbangLauncherIT fails when the lines below drift from the poms (versions, modules, resources, agent manifest).
// The manifest makes this jar, which holds the agent classes, loadable as the agent, as the attach-helpers jar is.
//JAVA 17+
//COMPILE_OPTIONS --release 17 -XDstringConcat=inline
//SOURCES ../labels/src/main/java/**.java
//SOURCES ../demo-targets/src/main/java/**.java
//SOURCES ../attach-helpers/src/main/java/**.java
//SOURCES ../thread-model/src/main/java/**.java
//SOURCES ../profile-model/src/main/java/**.java
//SOURCES ../console/src/main/java/**.java
//FILES ../profile-model/src/main/resources/**
//FILES ../console/src/main/resources/**
//DEPS com.google.protobuf:protobuf-java:4.36.2
//DEPS io.opentelemetry.proto:opentelemetry-proto:1.11.0-alpha
//DEPS org.jline:jline:3.30.6
//DEPS tools.profiler:async-profiler:4.6
//MANIFEST Agent-Class=profcon.agent.ProfconAgent Premain-Class=profcon.agent.ProfconAgent
// A console's commands are short: C1 alone and the serial GC halve the JVM's own CPU on 2 cores
// (docs/first-answer.md). Class-data sharing: the first run of a build writes an archive of the classes it
// used, later runs map it; -Xlog:cds*=off keeps the JVM's notes about it (another JDK's archive) off stdout.
//RUNTIME_OPTIONS -Djdk.attach.allowStreamingOutput=false --enable-native-access=ALL-UNNAMED
//RUNTIME_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds*=off
//CDS

/** Hands over to the console's real entry point; exists only because JBang wants a script file. */
public class Profcon {
  public static void main(String[] args) throws Exception {
    profcon.console.Main.main(args);
  }
}
