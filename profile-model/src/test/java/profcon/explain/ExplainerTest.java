package profcon.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static profcon.explain.TestProfiles.SECOND;
import static profcon.explain.TestProfiles.evidence;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import profcon.model.Profile;

/** The engine: ranking, one finding per culprit and family, what it could not judge, and the report. */
class ExplainerTest {
    private static final List<String> READ = List.of("lockclass=read lock of ReentrantReadWriteLock");

    @Test
    void aSharperShapeReplacesTheGeneralOneOnTheSameCulprit() {
        Profile lock = TestProfiles.of("lock").add(100, 10 * SECOND, READ,
                "java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock.lock:1", "com.ex.Cache.get:20")
                .build(5 * SECOND);
        Explanation x = Explainer.explain(evidence(TestProfiles.empty("cpu"), lock, TestProfiles.empty("block"),
                TestProfiles.empty("pause"), null, null));
        assertThat(x.findings()).extracting(Finding::id).containsExactly("reader-starvation");
    }

    @Test
    void rankedByCostWithADeadlockFirst() {
        Profile block = TestProfiles.of("block").add(400, 30 * SECOND, List.of("kind=park"),
                "java.util.concurrent.SynchronousQueue.put:1", "com.ex.Producer.run:59").build(5 * SECOND);
        Profile cpu = TestProfiles.of("cpu").add(400, 4 * SECOND, List.of(), "com.ex.Consumer.slow:9").build(5 * SECOND);
        ThreadSnapshot s = new ThreadSnapshot(0, 2, List.of(), List.of(new ThreadSnapshot.Cycle(List.of("a", "b"),
                "com.ex.X.y", "X.java:1")));
        Explanation x = Explainer.explain(evidence(cpu, TestProfiles.empty("lock"), block, TestProfiles.empty("pause"),
                s, s));
        assertThat(x.findings()).extracting(Finding::id).containsExactly("deadlock", "throughput-wall", "cpu-hot-spot");
    }

    @Test
    void stopTheWorldPausesWithCausesAndWithoutTheRecordingsOwnOperations() {
        Profile pauses = TestProfiles.of("pause")
                .add(5, SECOND, List.of("pause=safepoint", "operation=G1CollectFull"), "[pause].G1CollectFull:0")
                .add(1, 2 * SECOND, List.of("pause=safepoint", "operation=RedefineClasses"), "[pause].Redefine:0")
                .add(5, SECOND, List.of("pause=gc", "cause=System.gc()"), "[pause].G1Full:0").build(5 * SECOND);
        Finding f = new StopTheWorldPauses().judge(evidence(null, null, null, pauses, null, null)).findings().get(0);
        assertThat(f.evidence()).contains("20 % of the window").contains("G1CollectFull 1000 ms")
                .contains("System.gc() 1000 ms").doesNotContain("RedefineClasses");
    }

    @Test
    void pausesAreAFindingFromATwentiethOfTheWindowOrOneLongPause() {
        long ms = SECOND / 1000; // add(count, total nanoseconds of those pauses, …)
        Profile quiet = TestProfiles.of("pause")
                .add(4, 200 * ms, List.of("pause=safepoint", "operation=G1CollectForAllocation"), "[pause].G1New:0").build(5 * SECOND);
        Profile stopped = TestProfiles.of("pause")
                .add(12, 300 * ms, List.of("pause=safepoint", "operation=G1CollectFull"), "[pause].G1Full:0").build(5 * SECOND);
        Profile oneLong = TestProfiles.of("pause")
                .add(1, 250 * ms, List.of("pause=safepoint", "operation=G1CollectForAllocation"), "[pause].G1New:0").build(5 * SECOND);

        assertThat(new StopTheWorldPauses().judge(evidence(null, null, null, quiet, null, null)).findings())
                .as("4 %, longest 50 ms").isEmpty();
        assertThat(new StopTheWorldPauses().judge(evidence(null, null, null, stopped, null, null)).findings())
                .as("6 % in 25 ms pauses").hasSize(1);
        assertThat(new StopTheWorldPauses().judge(evidence(null, null, null, oneLong, null, null)).findings())
                .as("one 250 ms pause").hasSize(1);
    }

    @Test
    void nothingStandsOutSaysWhatWasCheckedAndWhatCouldNotBeJudged() {
        Explanation x = Explainer.explain(evidence(TestProfiles.empty("cpu"), TestProfiles.empty("lock"), null, null,
                null, null));
        assertThat(x.findings()).isEmpty();
        assertThat(x.notJudged()).extracting(Rules.NotJudged::id).contains("throughput-wall", "thread-leak",
                "stop-the-world-pauses", "cpu-saturation", "virtual-thread-pinning");
        StringWriter text = new StringWriter();
        ExplanationReport.write(x, new PrintWriter(text));
        assertThat(text.toString()).contains("nothing stands out").contains("lock profile empty")
                .contains("thread-leak (thread leak): needs two grouped thread snapshots")
                .contains("cpu-saturation (CPU saturation");
        StringWriter json = new StringWriter();
        ExplanationReport.json(x, new PrintWriter(json));
        assertThat(json.toString()).startsWith("{\"source\":\"test\"").contains("\"findings\":[]");
    }

    @Test
    void theCompositeProfileSplitsIntoKindsWithTheirOwnSampleTypes() {
        Profile composite = TestProfiles.of("cpu").add(3, 30, List.of("profile=cpu"), "com.ex.A.a:1")
                .add(2, 20, List.of("profile=lock", "lockclass=ReentrantLock"), "com.ex.B.b:2").build(SECOND);
        var kinds = ProfileKinds.split(composite);
        assertThat(kinds.get("cpu").samples()).hasSize(1);
        assertThat(kinds.get("cpu").samples().get(0).label("profile")).isNull();
        assertThat(kinds.get("lock").sampleTypes().get(1).type()).isEqualTo("delay");
        assertThat(kinds.get("block").samples()).isEmpty();
        assertThat(ProfileKinds.kindOf(kinds.get("lock"))).isEqualTo("lock");
    }
}
