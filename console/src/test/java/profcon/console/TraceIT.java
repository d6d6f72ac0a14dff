package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code trace} against real targets: the file opens in the JDK's own {@code jfr} tool with profcon's
 * sched events in it, loads as cpu, lock and block, and its summary shows the blocked pool and the
 * top lock; a pool pinned to one CPU shows as waiting for a CPU; a target that exits mid-trace
 * leaves what was recorded.
 */
class TraceIT {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17", "profcon.jdk25"})
    void aTraceOpensInTheJdksJfrToolAndLoadsAsEveryKind(String jdk) throws Exception {
        Path file = tmp.resolve("mystery.jfr");
        Path page = tmp.resolve("timeline.html");
        try (TargetJvm t = TargetJvm.start(TargetJvm.jdk(jdk), "profcon.demo.MysterySlowdown")) {
            ConsoleRun run = ConsoleRun.of(Long.toString(t.pid()), "-c", "trace 3s " + file
                    + "; web " + page + "; load " + file + " lock; expect top1 'MysterySlowdown\\$Metrics\\.record'; load " + file
                    + " block; expect top1 'MysterySlowdown\\$Metrics\\.record'; load " + file + " cpu");

            assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
            assertThat(run.out()).contains("wrote " + file + " (").containsPattern("(?m)^request +8  \\S+  L ")
                    .contains("top lock: monitor of profcon.demo.MysterySlowdown$Metrics at "
                            + "profcon.demo.MysterySlowdown$Metrics.record:");
            // web right after trace draws the trace's timeline (not the flame graph), with the blocked requests in it
            assertThat(run.err()).contains("timeline of mystery.jfr written to " + page);
            assertThat(java.nio.file.Files.readString(page)).contains("request-1").contains("MysterySlowdown$Metrics")
                    .doesNotContain("profcon-channel");
        }
        String summary = jfr(jdk, "summary", file.toString());
        assertThat(summary).contains("profcon.SchedSnapshot").contains("profcon.SchedWindow")
                .contains("jdk.JavaMonitorEnter").contains("jdk.ExecutionSample");
        assertThat(jfr(jdk, "print", "--events", "profcon.SchedSnapshot", file.toString()))
                .containsPattern("threadName = \"request-[1-8]\"").contains("runQueueNanos = ");
    }

    @Test
    void aPoolPinnedToOneCpuIsMostlyWaitingForIt() throws Exception {
        try (TargetJvm t = TargetJvm.start(TargetJvm.jdk("profcon.jdk17"), "profcon.demo.TailLatency", "--threads=6",
                "--iterations=20000")) {
            t.pinTo("0");
            ConsoleRun run = ConsoleRun.of(Long.toString(t.pid()), "-c", "trace 3s " + tmp.resolve("tail.jfr"));

            assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
            // the row's largest state is the run queue: six threads take turns on one CPU
            assertThat(run.out()).containsPattern("(?m)^worker +6  \\S*r{10}\\S*  r [0-9.]+s  # ");
        }
    }

    @Test
    void aTargetThatExitsMidTraceLeavesWhatWasRecorded() throws Exception {
        Path file = tmp.resolve("gone.jfr");
        // the target calls System.exit 15 s after it is ready: the console attaches and starts its trace well
        // before, even on a loaded machine, and a 60 s trace is then far from its end
        try (TargetJvm t = TargetJvm.start(TargetJvm.jdk("profcon.jdk17"), "profcon.demo.MysterySlowdown",
                "--duration=15")) {
            ConsoleRun run = ConsoleRun.of(Long.toString(t.pid()), "-c", "trace 60s " + file);

            assertThat(run.out()).as(run.err()).contains("wrote " + file + " (").contains(", the target exited mid-trace)");
            assertThat(run.err()).contains("trace: the target exited mid-trace; the file holds what it recorded");
        }
        assertThat(jfr("profcon.jdk17", "summary", file.toString())).contains("jdk.JavaMonitorEnter");
    }

    /** The JDK's own jfr tool on a file: its output, or a failure with it. */
    private static String jfr(String jdk, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(TargetJvm.jdk(jdk), "bin", "jfr").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
