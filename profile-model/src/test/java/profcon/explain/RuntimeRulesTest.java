package profcon.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static profcon.explain.TestProfiles.SECOND;

import java.util.List;
import org.junit.jupiter.api.Test;
import profcon.model.Profile;

/** The cpu-saturation (run-queue wait) and virtual-thread-pinning rules: each fires, stays silent, or is not judged. */
class RuntimeRulesTest {
    private static final List<String> PINNED = List.of("kind=pinned", "pinned_reason=VM call to "
            + "com.ex.Settings.<clinit> on stack", "carrier=ForkJoinPool-1-worker-1");

    @Test
    void aStarvedPoolIsCpuSaturationWithItsHottestSiteAsCulprit() {
        Profile cpu = TestProfiles.of("cpu").add(50, SECOND / 2, List.of("pool=worker"), "com.ex.Worker.handle:40")
                .add(90, SECOND, List.of("pool=main"), "com.ex.Main.loop:7").build(5 * SECOND);
        SchedSummary sched = new SchedSummary(5 * SECOND, 1, List.of(group("worker", 6, 2, 20, true),
                group("main", 1, 1, 0, false)), "");
        Finding f = new CpuSaturation().judge(live(cpu, null, sched, 17)).findings().get(0);
        assertThat(f.evidence()).isEqualTo("CPU-starved: pool worker, 6 threads waited 10.0 s per second of CPU they "
                + "got, on 1 CPU (4.00 threads waiting for a CPU on average)");
        assertThat(f.culprit()).isEqualTo("com.ex.Worker.handle");
        assertThat(f.next()).isEqualTo("sched 10s");
        assertThat(f.score()).isEqualTo(4.0);
    }

    @Test
    void noStarvedPoolIsAHealthyNoteInNumbers() {
        SchedSummary sched = new SchedSummary(5 * SECOND, 2, List.of(group("worker", 2, 5, 1, false)), "");
        Verdict v = new CpuSaturation().judge(live(null, null, sched, 17));
        assertThat(v.findings()).isEmpty();
        assertThat(v.healthy()).isEqualTo("run queue: the most waiting pool, worker, waited 0.20 s/s for 1.00 s/s "
                + "of CPU, on 2 CPUs (a finding when a pool waits longer than it runs)");
    }

    @Test
    void aPoolStarvedByTheMachineButNotOversubscribingItsCpusIsNoFinding() {
        // two spinning threads on two shared CPUs, each running 0.6 s/s and waiting 1.3 s/s: sched calls it starved
        SchedSummary sched = new SchedSummary(5 * SECOND, 2, List.of(new SchedSummary.Group("spinner", "java", 2, 3 * SECOND,
                (long) (6.5 * SECOND), true)), "");
        Verdict v = new CpuSaturation().judge(live(null, null, sched, 17));
        assertThat(v.findings()).isEmpty();
        assertThat(v.healthy()).contains("wants only 1.90 of the 2 CPUs: the machine's other load kept it waiting");
    }

    @Test
    void aStarvedPoolWithoutCpuSamplesNamesThePool() {
        SchedSummary sched = new SchedSummary(5 * SECOND, 1.5, List.of(group("request", 4, 0, 15, true)), "");
        Finding f = new CpuSaturation().judge(live(null, null, sched, 17)).findings().get(0);
        assertThat(f.culprit()).isEqualTo("pool request");
        assertThat(f.evidence()).contains("waited 15.00 s and got no CPU, on 1.50 CPUs");
    }

    @Test
    void withoutProcOrOfflineCpuSaturationIsNotJudgedAndSaysWhy() {
        Explanation noProc = Explainer.explain(live(TestProfiles.empty("cpu"), TestProfiles.empty("block"),
                SchedSummary.unavailable("sched reads Linux's /proc; this is Mac OS X"), 25));
        assertThat(noProc.notJudged()).anySatisfy(n -> {
            assertThat(n.id()).isEqualTo("cpu-saturation");
            assertThat(n.why()).isEqualTo("needs run-queue wait from /proc, which could not be read: sched reads "
                    + "Linux's /proc; this is Mac OS X");
        });
        Explanation file = Explainer.explain(TestProfiles.evidence(TestProfiles.empty("cpu"), null, null, null,
                null, null));
        assertThat(file.notJudged()).anySatisfy(n -> {
            assertThat(n.id()).isEqualTo("cpu-saturation");
            assertThat(n.why()).contains("only a live window reads");
        });
    }

    @Test
    void pinnedWaitsAreVirtualThreadPinningUnderTheApplicationFrame() {
        Profile block = TestProfiles.of("block").add(40, 2 * SECOND, PINNED, "java.lang.VirtualThread.park:1",
                        "com.ex.Settings.<clinit>:12", "com.ex.Handler.serve:30")
                .add(10, SECOND / 2, List.of("kind=sleep"), "java.lang.Thread.sleep:1", "com.ex.Handler.serve:31")
                .build(5 * SECOND);
        Finding f = new VirtualThreadPinning().judge(live(null, block, null, 25)).findings().get(0);
        assertThat(f.culprit()).isEqualTo("com.ex.Settings.<clinit>");
        assertThat(f.evidence()).contains("0.40 s per second").contains("40 pinned waits, mean 50 ms")
                .contains("VM call to com.ex.Settings.<clinit> on stack");
        assertThat(f.next()).isEqualTo("top tagfocus=kind=pinned");
        assertThat(f.profile()).isEqualTo("block");
        assertThat(f.family()).as("merged with lock contention on the same culprit").isEqualTo("lock-contention");
    }

    @Test
    void aRarePinIsHealthyAndAJdk17TargetCannotBeJudged() {
        Profile rare = TestProfiles.of("block").add(2, SECOND / 10, PINNED, "java.lang.VirtualThread.park:1",
                "com.ex.Settings.<clinit>:12").build(5 * SECOND);
        Verdict v = new VirtualThreadPinning().judge(live(null, rare, null, 25));
        assertThat(v.findings()).isEmpty();
        assertThat(v.healthy()).isEqualTo("pinning: 2 pinned waits, 0.020 s per second (a finding from 0.05)");
        Explanation old = Explainer.explain(live(null, TestProfiles.empty("block"), null, 17));
        assertThat(old.notJudged()).anySatisfy(n -> {
            assertThat(n.id()).isEqualTo("virtual-thread-pinning");
            assertThat(n.why()).contains("the JVM (Java 17) has no pinning events");
        });
        // a saved profile holding pinned samples had the event, whatever its JVM
        Evidence saved = TestProfiles.evidence(null, null, rare, null, null, null);
        assertThat(saved.inputs()).contains(Input.PINNING);
    }

    /** A pool over a 5 s window: CPU and wait in whole seconds. */
    private static SchedSummary.Group group(String name, int threads, long cpuSeconds, long waitSeconds,
                                            boolean starved) {
        return new SchedSummary.Group(name, "java", threads, cpuSeconds * SECOND, waitSeconds * SECOND, starved);
    }

    private static Evidence live(Profile cpu, Profile block, SchedSummary sched, int java) {
        return new Evidence("test", 5 * SECOND, "0s", cpu, null, block, null, null, null, sched, java);
    }
}
