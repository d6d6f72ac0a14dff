package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The thread, pause and empty-recording runbooks of scripts/runbooks, each run through the real attach path
 * against the demo target that has its defect; a runbook's {@code expect} lines are the assertions.
 */
class RunbookIT {
    private static final Path RUNBOOKS = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts/runbooks");

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', value = {
        "empty-recording.pfc      | profcon.jdk17 | profcon.demo.UncontendedLock",
        "many-threads-no-work.pfc | profcon.jdk17 | profcon.demo.ManyThreadsNoWork --threads=2000",
        "many-threads-no-work.pfc | profcon.jdk25 | profcon.demo.ManyThreadsNoWork --threads=2000",
        "tail-latency.pfc         | profcon.jdk17 | profcon.demo.TailLatency --threads=40 --iterations=20000",
        "tail-latency.pfc         | profcon.jdk25 | profcon.demo.TailLatency --threads=40 --iterations=20000",
        "thread-leak.pfc          | profcon.jdk17 | profcon.demo.ThreadLeak --rate=50",
        "thread-leak.pfc          | profcon.jdk25 | profcon.demo.ThreadLeak --rate=50",
        "pauses.pfc               | profcon.jdk17 | profcon.demo.Pauses --threaddump --live-mb=64 --alloc-mb-per-s=50",
        "pauses.pfc               | profcon.jdk25 | profcon.demo.Pauses --threaddump --live-mb=64 --alloc-mb-per-s=50"})
    void runbookFindsTheDefect(String runbook, String jdk, String target) throws Exception {
        String home = TargetJvm.jdk(jdk);
        Path file = RUNBOOKS.resolve(runbook);
        assertThat(file).exists();
        String[] words = target.split(" ");
        String[] args = java.util.Arrays.copyOfRange(words, 1, words.length);
        try (TargetJvm t = TargetJvm.start(home, words[0], args)) {
            ConsoleRun run = ConsoleRun.of(Long.toString(t.pid()), "-f", file.toString());
            assertThat(run.exitCode()).as(run.err() + "\n" + run.out()).isZero();
            assertThat(Files.readString(file)).contains("expect");
        }
    }
}
