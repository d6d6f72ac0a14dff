package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code timing} on real targets: on JDK 25 the count matches the target's own within 5 %, the
 * slow calls' duration and path show, and JFR's log in the target says the bytecode was restored
 * (also when the console is killed mid-window); on JDK 17 one line says what to do instead.
 */
class TimingIT {
    private static final String FILTER = "profcon.demo.SlowCalls::handle";
    /** JFR's debug log line when it puts the method's original bytecode back. */
    private static final String RESTORED = "Modify bytecode for profcon.demo.SlowCalls::handle(long, int) -timing -tracing";
    private static final String INSTRUMENTED = "Adding class profcon.demo.SlowCalls to instrumented list";
    private static final List<String> LOG = List.of("-Xlog:jfr+methodtrace=debug");

    @TempDir
    Path tmp;

    @Test
    void countsEveryCallAndShowsTheSlowPath() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk25");
        Path truth = tmp.resolve("truth.txt");
        try (TargetJvm target = TargetJvm.start(home, LOG, "profcon.demo.SlowCalls", "--slow-every=100", "--slow-ms=20",
                "--truth=" + truth)) {
            String pid = Long.toString(target.pid());
            ConsoleRun refused = ConsoleRun.of(pid, "-c", "timing " + FILTER + " 2s");
            assertThat(refused.exitCode()).isEqualTo(ExitCode.COMMAND_FAILED);
            assertThat(refused.err()).contains("refused: timing would trace every call").contains("--yes");
            ConsoleRun wide = ConsoleRun.of(pid, "--yes", "-c", "timing java.lang.String,java.lang.Character,java.lang.Math,java.lang.StringBuilder 2s");
            assertThat(wide.err()).containsPattern("refused: '.*' matches \\d+ loaded methods \\(at most 200");
            assertThat(target.output()).doesNotContain(INSTRUMENTED);

            ConsoleRun run = ConsoleRun.of(pid, "--yes", "-c", "timing " + FILTER + " 8s --json; top -cum");
            assertThat(run.exitCode()).as(run.err()).isZero();
            long start = number(run.out(), "start_epoch_ns");
            long calls = number(run.out(), "calls");
            double expected = callsBetween(truth, start, start + number(run.out(), "duration_ns"));
            assertThat((double) calls).as(run.out()).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(5));
            assertThat(number(run.out(), "max_ns")).isGreaterThanOrEqualTo(20_000_000L);
            assertThat(run.out()).contains("profcon.demo.SlowCalls.auditedRequest").doesNotContain("fastRequest");
            awaitOutput(target, RESTORED);
        }
    }

    @Test
    void theInstrumentationGoesWhenTheConsoleIsKilled() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk25");
        try (TargetJvm target = TargetJvm.start(home, LOG, "profcon.demo.SlowCalls")) {
            Process console = new ProcessBuilder(List.of(Path.of(home, "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), Long.toString(target.pid()), "--yes",
                    "-c", "timing " + FILTER + " 120s")).redirectErrorStream(true).start();
            try {
                awaitOutput(target, INSTRUMENTED);
                console.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                awaitOutput(target, RESTORED);
                assertThat(target.isAlive()).isTrue();
            } finally {
                console.destroyForcibly();
            }
        }
    }

    @Test
    void jdk17SaysItNeeds25InOneLine() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.SlowCalls")) {
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "--yes", "-c", "timing " + FILTER + " 5s");
            assertThat(run.exitCode()).isEqualTo(ExitCode.COMMAND_FAILED);
            List<String> lines = run.err().lines().filter(l -> l.contains("JDK 25")).toList();
            assertThat(lines).singleElement().asString().contains("timing needs JDK 25").contains("runs JDK 17")
                    .contains("profile wall 5s").contains("focus=profcon.demo.SlowCalls.handle");
        }
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as(field + " in " + json).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The target's own count of calls between two instants, interpolated from its 50 ms truth lines. */
    private static double callsBetween(Path truth, long fromEpochNanos, long toEpochNanos) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<long[]> points = points(truth);
        while (points.get(points.size() - 1)[0] * 1_000_000 < toEpochNanos + 500_000_000L && System.nanoTime() < deadline) {
            Thread.sleep(100); // the truth thread writes every 50 ms; wait for a line past the window
            points = points(truth);
        }
        return at(points, fromEpochNanos / 1e6, toEpochNanos / 1e6);
    }

    private static double at(List<long[]> points, double fromMillis, double toMillis) {
        return interpolate(points, toMillis) - interpolate(points, fromMillis);
    }

    private static double interpolate(List<long[]> points, double millis) {
        for (int i = 1; i < points.size(); i++) {
            long[] a = points.get(i - 1);
            long[] b = points.get(i);
            if (b[0] >= millis) {
                double f = b[0] == a[0] ? 1 : (millis - a[0]) / (b[0] - a[0]);
                return a[1] + f * (b[1] - a[1]);
            }
        }
        throw new AssertionError("no truth line at " + millis);
    }

    private static List<long[]> points(Path truth) throws Exception {
        List<long[]> points = new ArrayList<>();
        for (String line : Files.readAllLines(truth)) {
            String[] f = line.trim().split(" ");
            if (f.length == 2) {
                points.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])});
            }
        }
        return points;
    }

    private static void awaitOutput(TargetJvm target, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!target.output().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(200); // the target's log is the only witness of JFR's bytecode changes; poll it
        }
        assertThat(target.output()).contains(text);
    }
}
