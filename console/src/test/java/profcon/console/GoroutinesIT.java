package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import profcon.leakcheck.CheckThreadLeaks;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/** {@code goroutines} end to end on real target JVMs (JDK 17 and 25): grouping, deadlocks, leaks, the -full guard. */
@CheckThreadLeaks
class GoroutinesIT {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17", "profcon.jdk25"})
    void twoThousandParkedThreadsAreOneGroupAndNothingIsLeftBehind(String jdk) throws Exception {
        String home = TargetJvm.jdk(jdk);
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.ManyThreadsNoWork", "--threads=2000")) {
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-c", "goroutines; goroutines");

            assertThat(run.exitCode()).as(run.err()).isZero();
            String first = run.out().substring(0, run.out().lastIndexOf("Threads: "));
            String second = run.out().substring(run.out().lastIndexOf("Threads: "));
            for (String dump : new String[] {first, second}) {
                assertThat(dump).contains("2,000 threads: BLOCKED 2,000\n  names: worker-[1..2000]\n"
                        + "  waiting on profcon.demo.ManyThreadsNoWork$Gate; held by \"gate-keeper\"");
                assertThat(firstGroupLine(dump)).startsWith("2,000 threads");
                assertThat(dump).contains("no global safepoint").doesNotContain("\"profcon-");
            }
            if (jdk.equals("profcon.jdk17")) { // the repeat keeps the stacks of threads that did not run
                Matcher kept = Pattern.compile("(?m)^Stacks: ([\\d,]+) read, ([\\d,]+) kept from the previous dump")
                        .matcher(second);
                assertThat(kept.find()).as(second).isTrue();
                assertThat(Integer.parseInt(kept.group(2).replace(",", ""))).isGreaterThanOrEqualTo(2000);
                assertThat(first).doesNotContain("kept from the previous dump");
            }
            assertThat(TargetThreads.awaitNoProfconThreads(home, target.pid())).doesNotContain("\"profcon-");
        }
    }

    @Test
    void virtualThreadsAreCountedAndGroupedOnJdk25() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk25");
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.ManyThreadsNoWork", "--threads=500",
                "--virtual")) {
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-c", "goroutines");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains(" 500 virtual)").contains("500 threads: BLOCKED 500; 500 virtual\n"
                    + "  names: worker-[1..500]\n  waiting on profcon.demo.ManyThreadsNoWork$Gate; held by \"gate-keeper\"");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"profcon.jdk17, monitor", "profcon.jdk17, juc", "profcon.jdk25, monitor", "profcon.jdk25, juc"})
    void deadlockIsReportedFirstWithItsCycle(String jdk, String lock) throws Exception {
        String home = TargetJvm.jdk(jdk);
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.Deadlock", "--lock=" + lock)) {
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-c", "goroutines");

            assertThat(run.exitCode()).as(run.err()).isZero();
            String out = run.out();
            assertThat(out).contains("Found 1 Java-level deadlock:")
                    .contains(lock.equals("monitor") ? "waiting to lock monitor profcon.demo.Deadlock$Account@"
                            : "waiting for ownable synchronizer java.util.concurrent.locks.ReentrantLock$NonfairSync@")
                    .containsPattern("Cycle: \"transfer-(1|2)\" -> \"transfer-(2|1)\" -> \"transfer-\\1\"");
            assertThat(out.indexOf("Found 1 Java-level deadlock")).isLessThan(out.indexOf("thread: "));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17", "profcon.jdk25"})
    void leakGrowingBetweenSnapshotsIsReportedByDiff(String jdk) throws Exception {
        String home = TargetJvm.jdk(jdk);
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.ThreadLeak", "--rate=50")) {
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-c", "goroutines; goroutines diff 2s");

            assertThat(run.exitCode()).as(run.err()).isZero();
            String diff = run.out().substring(run.out().lastIndexOf("Threads: "));
            Matcher grew = Pattern.compile("(?m)^\\+(\\d+) threads \\((\\d+) -> (\\d+)\\)").matcher(diff);
            assertThat(grew.find()).as(diff).isTrue();
            assertThat(Integer.parseInt(grew.group(1))).isGreaterThanOrEqualTo(20);
            String group = diff.substring(grew.start());
            assertThat(group.substring(0, group.indexOf("\n\n") < 0 ? group.length() : group.indexOf("\n\n")))
                    .contains("java.util.concurrent.SynchronousQueue.put").contains("profcon.demo.ThreadLeak$Task.run");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17", "profcon.jdk25"})
    void fullDumpIsRefusedInScriptsWithoutYesAndMeasuredWithIt(String jdk) throws Exception {
        String home = TargetJvm.jdk(jdk);
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.Deadlock", "--lock=juc")) {
            String pid = Long.toString(target.pid());
            ConsoleRun refused = ConsoleRun.of(pid, "-c", "goroutines -full");
            assertThat(refused.exitCode()).isEqualTo(ExitCode.COMMAND_FAILED);
            assertThat(refused.err()).contains("estimated pause:").contains("refused: goroutines -full would pause target")
                    .contains("stop-the-world").contains("--yes");
            assertThat(refused.out()).doesNotContain("Locked ownable synchronizers");

            ConsoleRun yes = ConsoleRun.of(pid, "-c", "goroutines -full --yes");
            assertThat(yes.exitCode()).as(yes.err()).isZero();
            assertThat(yes.err()).containsPattern("goroutines -full: measured pause \\d+\\.\\d ms");
            assertThat(yes.out()).contains("Pause: the stopping call took").contains("Locked ownable synchronizers:")
                    .contains("- <java.util.concurrent.locks.ReentrantLock$NonfairSync@")
                    .contains("Found 1 Java-level deadlock:");

            ConsoleRun globalYes = ConsoleRun.of(pid, "--yes", "-c", "goroutines -full");
            assertThat(globalYes.exitCode()).as(globalYes.err()).isZero();
        }
    }

    @Test
    void dumpSavedAsGoroutineProfileReadsOffline() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.ManyThreadsNoWork", "--threads=300")) {
            Path saved = tmp.resolve("goroutines.pb.gz");
            ConsoleRun live = ConsoleRun.of(Long.toString(target.pid()), "-c", "goroutines -profile; save " + saved);
            assertThat(live.exitCode()).as(live.err()).isZero();

            Profile p = PprofReader.read(saved);
            assertThat(p.sampleTypes()).extracting(Object::toString).containsExactly("goroutine/count");
            assertThat(p.total(0)).isGreaterThanOrEqualTo(301);
            ConsoleRun offline = ConsoleRun.of(saved.toString(), "-c", "top 3");
            assertThat(offline.exitCode()).as(offline.err()).isZero();
            // Only the numbers and the name: the top report's layout belongs to the report engine.
            assertThat(offline.firstTopRow()).containsPattern("\\b300\\b.*profcon\\.demo\\.ManyThreadsNoWork\\$Gate\\.pass");
        }
    }

    private static String firstGroupLine(String out) {
        return Pattern.compile("(?m)^[\\d,]+ threads?: .*$").matcher(out).results().findFirst()
                .map(m -> m.group()).orElse("");
    }
}
