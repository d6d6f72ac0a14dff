package profcon.console.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.console.ConsoleRun;
import profcon.console.CpuQuotaGroup;
import profcon.console.TargetJvm;

/**
 * explain end to end over the casebook: each case's demo target on JDK 17, one 5 s explain through
 * the real attach path, and its top finding must name the case's shape and culprit (checked in the
 * JSON and again with the runbook assertion {@code expect finding=ID REGEX}). The cases run in
 * sequence in one test, so the suite pays one JVM start per case and no more; the run-queue case
 * (pinned to one CPU), the pinning case (JDK 25), the virtual-thread variants of cases 1 and 5 (JDK 25,
 * their runbooks' own {@code expect finding=} line) and the cgroup-throttled case (as root) have a test each.
 */
class ExplainIT {
    private static final String JDK17 = "profcon.jdk17";
    private static final String JDK25 = "profcon.jdk25";

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

    private static final Path RUNBOOKS = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts/runbooks");
    private static final Pattern EXPECT_FINDING = Pattern.compile("(?m)^expect finding=(\\S+) '(.*)'$");
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
        // the run queue is judged live (healthy here); pinning cannot be on JDK 17, which has no pinning events
        assertThat(run.out()).as(run.err()).contains("\"findings\":[]").contains("run queue: ")
                .contains("\"id\":\"virtual-thread-pinning\"").contains("has no pinning events");
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

    @Test
    void anOversubscribedPoolOnOneCpuIsCpuSaturation() throws Exception {
        // casebook 4 as SchedIT runs it: four spinning workers pinned to one CPU wait on its run queue
        ConsoleRun run = explain(JDK17, "profcon.demo.TailLatency", List.of("--threads=4", "--iterations=20000"), "0",
                "expect finding=cpu-saturation 'TailLatency'");
        assertThat(topFinding(run)).as(run.out() + run.err()).startsWith("cpu-saturation ");
        assertThat(run.out()).contains("CPU-starved: pool worker, 4 threads waited").contains("on 1 CPU");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void virtualThreadsPinnedInAClassInitializerAreVirtualThreadPinning() throws Exception {
        ConsoleRun run = explain(JDK25, "profcon.demo.VirtualPinning", List.of(), null,
                "expect finding=virtual-thread-pinning 'VirtualPinning'");
        assertThat(topFinding(run)).as(run.out() + run.err()).startsWith("virtual-thread-pinning ");
        // one finding for the pinned waits, though the lock profile holds them too (as lock contention)
        assertThat(run.out()).contains("pinned to their carriers").doesNotContain("\"id\":\"lock-contention\"");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void theVirtualThreadVariantsOfCases1And5NameTheirShapeFromSampledWaits() throws Exception {
        // JFR has no park or monitor event for virtual threads: what explain judges here is the census's. A
        // short JFR window first, as the runbooks' lock profile is: a first JFR start in a loaded JVM can take the
        // whole first window, and the census with it (docs/explain.md, "a cold first window").
        List<String> wrong = new ArrayList<>();
        // the readers wait 80 % of the time, not 40: on a loaded machine the census slows to a dump every few
        // seconds to keep its CPU budget, and two dumps must not both fall between the writer's holds
        for (String[] c : List.of(new String[] {"mystery-slowdown-virtual", "profcon.demo.MysterySlowdown"},
                new String[] {"reader-starvation-virtual", "profcon.demo.ReaderStarvation", "--hold-ms=400"})) {
            Matcher expected = EXPECT_FINDING.matcher(Files.readString(RUNBOOKS.resolve(c[0] + ".pfc")));
            assertThat(expected.find()).as(c[0] + " has an expect finding= line").isTrue();
            List<String> args = new ArrayList<>(List.of(c).subList(2, c.length));
            args.add("--virtual");
            try (TargetJvm target = TargetJvm.start(TargetJvm.jdk(JDK25), c[1], args.toArray(String[]::new))) {
                Path script = tmp.resolve(c[0] + ".pfc");
                Files.write(script, List.of("profile block 1s", "explain 5s vthreads=sample --json", expected.group()));
                ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-f", script.toString());
                String top = topFinding(run);
                if (!top.startsWith(expected.group(1) + " ") || !Pattern.compile(expected.group(2)).matcher(top).find()
                        || !run.out().contains("sampled from virtual threads") || run.exitCode() != 0) {
                    wrong.add(c[0] + ": top finding " + top + ", exit " + run.exitCode() + "\n" + run.out() + run.err());
                }
            }
        }
        assertThat(wrong).as(String.join("\n\n", wrong)).isEmpty();
    }

    @Test
    void aBusyTargetInACgroupWithHalfACpuIsCpuThrottled() throws Exception {
        Assumptions.assumeTrue(CpuQuotaGroup.available(), "no writable cgroup v1 CPU controller at "
                + CpuQuotaGroup.CPU_CGROUPS + " (needs root on a cgroup v1 machine): skipping the cpu-throttled test");
        try (CpuQuotaGroup group = CpuQuotaGroup.create("profcon-explain-it", 0.5)) {
            ConsoleRun run = explainAfter(t -> group.moveIn(t.pid()), JDK17, "profcon.demo.TailLatency",
                    List.of("--threads=4", "--iterations=20000"), "expect finding=cpu-throttled 'TailLatency'");
            assertThat(topFinding(run)).as(run.out() + run.err()).startsWith("cpu-throttled ");
            assertThat(run.out()).containsPattern("the cgroup's quota of 0.50 CPUs stopped the target in [0-9,]+ of "
                    + "[0-9,]+ periods").contains("\"next\":\"sched 10s\"");
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        }
    }

    /** The top finding's id and culprit, or "no finding". */
    private static String topFinding(ConsoleRun run) {
        Matcher top = TOP.matcher(run.out());
        return top.find() ? top.group(1) + " " + top.group(2) : "no finding";
    }

    /** Starts the target on JDK 17, runs {@code explain 5s --json} and the extra line against it, and stops it. */
    private ConsoleRun explain(String mainClass, List<String> args, String then) throws Exception {
        return explain(JDK17, mainClass, args, null, then);
    }

    /** The same on {@code jdk}, with every thread of the target pinned to {@code cpus} (taskset) unless null. */
    private ConsoleRun explain(String jdk, String mainClass, List<String> args, String cpus, String then)
            throws Exception {
        return explainAfter(target -> {
            if (cpus != null) {
                target.pinTo(cpus);
            }
        }, jdk, mainClass, args, then);
    }

    /** What a test does to the started target before explain attaches (pin it, move it into a cgroup). */
    interface Setup {
        void apply(TargetJvm target) throws Exception;
    }

    /** Starts the target on {@code jdk}, applies {@code setup} to it, runs {@code explain 5s --json} and {@code then}. */
    private ConsoleRun explainAfter(Setup setup, String jdk, String mainClass, List<String> args, String then)
            throws Exception {
        try (TargetJvm target = TargetJvm.start(TargetJvm.jdk(jdk), mainClass, args.toArray(String[]::new))) {
            setup.apply(target);
            Path script = tmp.resolve(mainClass.substring(mainClass.lastIndexOf('.') + 1) + ".pfc");
            Files.write(script, then.isEmpty() ? List.of("explain 5s --json") : List.of("explain 5s --json", then));
            return ConsoleRun.of(Long.toString(target.pid()), "-f", script.toString());
        }
    }
}
