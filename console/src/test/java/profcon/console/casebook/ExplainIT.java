package profcon.console.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.console.ConsoleRun;
import profcon.console.TargetJvm;

/**
 * explain end to end over the casebook: each case's demo target on JDK 17, one 5 s explain through
 * the real attach path, and its top finding must name the case's shape and culprit (checked in the
 * JSON and again with the runbook assertion {@code expect finding=ID REGEX}). The cases run in
 * sequence in one test, so the suite pays one JVM start per case and no more.
 */
class ExplainIT {
    private static final String JDK17 = "profcon.jdk17";

    @TempDir
    Path tmp;

    /**
     * One casebook case: its target, the shape explain must put first (a regex: short waits are either shape
     * depending on how much the machine lets the threads queue), and a regex its culprit must match.
     */
    record Case(String mainClass, List<String> args, String shape, String culprit) {
    }

    static final List<Case> CASES = List.of(
            new Case("profcon.demo.MysterySlowdown", List.of(), "lock-contention", "Metrics\\.record"),
            new Case("profcon.demo.ShortWaits", List.of("--threads=2"), "lock-profile-empty|lock-contention",
                    "Stats\\.add"),
            new Case("profcon.demo.ThroughputWall", List.of(), "throughput-wall", "Producer\\.run"),
            new Case("profcon.demo.ReaderStarvation", List.of(), "reader-starvation", "Cache\\.get"),
            new Case("profcon.demo.UncontendedLock", List.of(), "locking-frequency", "UncontendedLock"),
            new Case("profcon.demo.LockCoarsening", List.of(), "lock-coarsening", "Batcher\\.processBatch"),
            new Case("profcon.demo.PhantomContention", List.of(), "jdk-contention", "Handler\\.serveForever"),
            new Case("profcon.demo.NativeDetour", List.of(), "native-detour", "NativeDetour"),
            new Case("profcon.demo.SleepyRetry", List.of(), "sleep-dominates-block", "Client\\.tryFetch"),
            new Case("profcon.demo.WriteLockForReads", List.of(), "write-lock-for-reads", "Cache\\.get"),
            new Case("profcon.demo.ThreadLeak", List.of(), "thread-leak", "ThreadLeak"),
            new Case("profcon.demo.Deadlock", List.of(), "deadlock", "Deadlock"),
            new Case("profcon.demo.ManyThreadsNoWork", List.of("--threads=1000"), "many-threads-no-work",
                    "ManyThreadsNoWork"),
            new Case("profcon.demo.Pauses", List.of("--threaddump", "--gc-interval-ms=300"), "stop-the-world-pauses",
                    "\\[pause\\]"));

    private static final Pattern TOP = Pattern.compile("\"findings\":\\[\\{\"rank\":1,\"id\":\"([^\"]+)\".*?"
            + "\"culprit\":\"([^\"]*)\"");

    @Test
    void everyCasebookTargetsTopFindingNamesItsShapeAndCulprit() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Case c : CASES) {
            boolean oneShape = c.shape().matches("[a-z-]+");
            ConsoleRun run = explain(c.mainClass(), c.args(), oneShape ? "expect finding=" + c.shape() + " '"
                    + c.culprit() + "'" : "");
            Matcher top = TOP.matcher(run.out());
            boolean found = top.find();
            String got = found ? top.group(1) + " " + top.group(2) : "no finding";
            if (!found || !top.group(1).matches(c.shape()) || !Pattern.compile(c.culprit()).matcher(top.group(2)).find()
                    || run.exitCode() != 0) {
                wrong.add(c.mainClass() + ": top finding " + got + ", exit " + run.exitCode() + "\n" + run.out()
                        + run.err());
            }
        }
        assertThat(wrong).as(String.join("\n\n", wrong)).isEmpty();
    }

    @Test
    void aHealthyLightTargetGivesNothingStandsOutAndSaysWhatItCouldNotJudge() throws Exception {
        ConsoleRun run = explain("profcon.demo.CpuShares", List.of("--threads=1", "--task-ms=1", "--period-ms=100"),
                "");
        assertThat(run.out()).as(run.err()).contains("\"findings\":[]").contains("\"id\":\"cpu-saturation\"")
                .contains("\"id\":\"virtual-thread-pinning\"");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aBusyHealthyTargetGivesOnlyCpuHotSpot() throws Exception {
        ConsoleRun run = explain("profcon.demo.Saturated", List.of("--threads=2"), "expect finding=cpu-hot-spot "
                + "'Spinner\\.spinForever|Spinner\\.burn'");
        Matcher ids = Pattern.compile("\"rank\":\\d+,\"id\":\"([^\"]+)\"").matcher(run.out());
        List<String> found = new ArrayList<>();
        while (ids.find()) {
            found.add(ids.group(1));
        }
        assertThat(found).as(run.out() + run.err()).containsExactly("cpu-hot-spot");
        assertThat(run.exitCode()).isZero();
    }

    /** Starts the target, runs {@code explain 5s --json} and the extra line against it, and stops it. */
    private ConsoleRun explain(String mainClass, List<String> args, String then) throws Exception {
        try (TargetJvm target = TargetJvm.start(TargetJvm.jdk(JDK17), mainClass, args.toArray(String[]::new))) {
            Path script = tmp.resolve(mainClass.substring(mainClass.lastIndexOf('.') + 1) + ".pfc");
            Files.write(script, then.isEmpty() ? List.of("explain 5s --json") : List.of("explain 5s --json", then));
            return ConsoleRun.of(Long.toString(target.pid()), "-f", script.toString());
        }
    }
}
