package profcon.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static profcon.explain.TestProfiles.SECOND;
import static profcon.explain.TestProfiles.evidence;

import java.util.List;
import org.junit.jupiter.api.Test;
import profcon.model.Profile;

/** The lock family's rules, one case that fires and one that stays silent each, over profiles built here. */
class LockRulesTest {
    private static final List<String> METRICS = List.of("lockclass=monitor of com.ex.Metrics");

    private static Evidence lock(Profile lock) {
        return evidence(null, lock, null, null, null, null);
    }

    @Test
    void lockContentionNamesTheSiteWithThreadsWaitingAndShare() {
        Profile p = TestProfiles.of("lock").add(900, 18 * SECOND, METRICS, "com.ex.Metrics.record:42",
                "com.ex.Request.serve:10").add(100, 2 * SECOND, METRICS, "com.ex.Other.call:7").build(5 * SECOND);
        Verdict v = new LockContention().judge(lock(p));
        assertThat(v.findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("lock-contention");
            assertThat(f.culprit()).isEqualTo("com.ex.Metrics.record");
            assertThat(f.location()).isEqualTo("Metrics.java:42");
            assertThat(f.evidence()).contains("3.6 threads waited").contains("90 %").contains("monitor of com.ex.Metrics");
            assertThat(f.next()).isEqualTo("peek Metrics.record");
            assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        });
    }

    @Test
    void lockContentionIsHealthyBelowATenthOfAThreadWaiting() {
        Profile p = TestProfiles.of("lock").add(10, SECOND / 4, METRICS, "com.ex.Metrics.record:42").build(5 * SECOND);
        Verdict v = new LockContention().judge(lock(p));
        assertThat(v.findings()).isEmpty();
        assertThat(v.healthy()).contains("0.05 threads waiting");
    }

    @Test
    void readerStarvationNeedsLongReadWaitsAndRefinesContention() {
        List<String> read = List.of("lockclass=read lock of ReentrantReadWriteLock");
        Profile p = TestProfiles.of("lock").add(100, 10 * SECOND, read,
                "java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock.lock:1", "com.ex.Cache.get:20")
                .build(5 * SECOND);
        Finding f = new ReaderStarvation().judge(lock(p)).findings().get(0);
        assertThat(f.culprit()).isEqualTo("com.ex.Cache.get");
        assertThat(f.evidence()).contains("mean 100 ms").contains("the writer never waited");
        assertThat(f.refines()).isEqualTo("lock-contention");
        Profile shortReads = TestProfiles.of("lock").add(10_000, 10 * SECOND, read, "com.ex.Cache.get:20")
                .build(5 * SECOND);
        assertThat(new ReaderStarvation().judge(lock(shortReads)).findings()).isEmpty();
    }

    @Test
    void writeLockForReadsWantsAReadNameAndAnExclusiveLock() {
        Profile reads = TestProfiles.of("lock").add(500, 10 * SECOND, List.of("lockclass=monitor of com.ex.Cache"),
                "com.ex.Cache.get:61").build(5 * SECOND);
        assertThat(new WriteLockForReads().judge(lock(reads)).findings()).singleElement()
                .satisfies(f -> assertThat(f.next()).isEqualTo("list Cache.get"));
        Profile writes = TestProfiles.of("lock").add(500, 10 * SECOND, List.of("lockclass=monitor of com.ex.Cache"),
                "com.ex.Cache.put:70").build(5 * SECOND);
        assertThat(new WriteLockForReads().judge(lock(writes)).findings()).isEmpty();
    }

    @Test
    void lockCoarseningWantsLongHoldsInABatchMethod() {
        List<String> batcher = List.of("lockclass=monitor of com.ex.Batcher");
        Profile batch = TestProfiles.of("lock").add(500, 15 * SECOND, batcher, "com.ex.Batcher.processBatch:57")
                .build(5 * SECOND);
        assertThat(new LockCoarsening().judge(lock(batch)).findings()).singleElement()
                .satisfies(f -> assertThat(f.evidence()).contains("mean 30 ms"));
        Profile single = TestProfiles.of("lock").add(500, 15 * SECOND, METRICS, "com.ex.Metrics.record:42")
                .build(5 * SECOND);
        assertThat(new LockCoarsening().judge(lock(single)).findings()).isEmpty();
    }

    @Test
    void jdkContentionNamesPrintStreamAndTheApplicationCaller() {
        Profile p = TestProfiles.of("lock").add(800, 8 * SECOND, List.of("lockclass=monitor of java.io.PrintStream"),
                "java.io.PrintStream.writeln:1", "java.io.PrintStream.println:2", "com.ex.Handler.serve:38")
                .build(5 * SECOND);
        Finding f = new JdkContention().judge(lock(p)).findings().get(0);
        assertThat(f.culprit()).isEqualTo("com.ex.Handler.serve");
        assertThat(f.evidence()).contains("the JDK's PrintStream lock");
        assertThat(new JdkContention().judge(lock(TestProfiles.of("lock").add(800, 8 * SECOND, METRICS,
                "com.ex.Metrics.record:42").build(5 * SECOND))).findings()).isEmpty();
    }

    @Test
    void emptyLockProfileSaysWhyOrNamesShortWaits() {
        Verdict empty = new EmptyLockProfile().judge(lock(TestProfiles.empty("lock")));
        assertThat(empty.findings()).isEmpty();
        assertThat(empty.healthy()).contains("0 waits in 5.0 s at threshold 0s (every wait counted)");
        Profile shortWaits = TestProfiles.of("lock").add(2_000, SECOND / 10, METRICS, "com.ex.Stats.add:79")
                .build(5 * SECOND);
        assertThat(new EmptyLockProfile().judge(lock(shortWaits)).findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("lock-profile-empty");
            assertThat(f.evidence()).contains("2,000 waits").contains("mean 0.05 ms").contains("stock 20 ms");
        });
    }

    @Test
    void lockingFrequencyIsLockCodeHotInCpuWithNoWaits() {
        Profile cpu = TestProfiles.of("cpu").add(300, 3 * SECOND, List.of(),
                "java.util.concurrent.locks.ReentrantLock.lock:1", "com.ex.Counter.increment:40")
                .add(700, 7 * SECOND, List.of(), "com.ex.Counter.increment:41").build(5 * SECOND);
        Evidence quiet = evidence(cpu, TestProfiles.empty("lock"), null, null, null, null);
        assertThat(new LockingFrequency().judge(quiet).findings()).singleElement()
                .satisfies(f -> assertThat(f.evidence()).contains("30 % of the CPU samples"));
        Profile contended = TestProfiles.of("lock").add(100, 10 * SECOND, METRICS, "com.ex.Metrics.record:42")
                .build(5 * SECOND);
        assertThat(new LockingFrequency().judge(evidence(cpu, contended, null, null, null, null)).findings()).isEmpty();
    }
}
