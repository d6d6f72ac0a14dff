package profcon.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static profcon.explain.TestProfiles.SECOND;
import static profcon.explain.TestProfiles.evidence;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import profcon.model.Profile;

/** The block, cpu, pause and thread rules: one case that fires and one that stays silent each. */
class OtherRulesTest {
    @Test
    void throughputWallIsProducersParkedInPut() {
        Profile block = TestProfiles.of("block").add(400, 30 * SECOND, List.of("kind=park"),
                "java.util.concurrent.SynchronousQueue.put:1", "com.ex.Producer.run:59").build(5 * SECOND);
        Finding f = new ThroughputWall().judge(evidence(null, null, block, null, null, null)).findings().get(0);
        assertThat(f.culprit()).isEqualTo("com.ex.Producer.run");
        assertThat(f.evidence()).contains("6.0 producers parked").contains("SynchronousQueue.put");
        Profile takes = TestProfiles.of("block").add(400, 30 * SECOND, List.of("kind=park"),
                "java.util.concurrent.SynchronousQueue.take:1", "com.ex.Consumer.run:80").build(5 * SECOND);
        assertThat(new ThroughputWall().judge(evidence(null, null, takes, null, null, null)).findings()).isEmpty();
    }

    @Test
    void sleepDominatesBlockNamesTheRealWaitUnderneath() {
        Profile block = TestProfiles.of("block").add(100, 10 * SECOND, List.of("kind=sleep"),
                "java.lang.Thread.sleep:1", "com.ex.Client.fetch:64")
                .add(300, 3 * SECOND, List.of("kind=park"), "java.util.concurrent.Semaphore.acquire:1",
                        "com.ex.Client.tryFetch:50").build(5 * SECOND);
        Finding f = new SleepDominatesBlock().judge(evidence(null, null, block, null, null, null)).findings().get(0);
        assertThat(f.culprit()).isEqualTo("com.ex.Client.tryFetch");
        assertThat(f.evidence()).contains("77 %").contains("Semaphore.acquire");
        Profile onlySleep = TestProfiles.of("block").add(100, 10 * SECOND, List.of("kind=sleep"),
                "java.lang.Thread.sleep:1", "com.ex.Idle.run:3").build(5 * SECOND);
        assertThat(new SleepDominatesBlock().judge(evidence(null, null, onlySleep, null, null, null)).findings())
                .isEmpty();
        // a bare parkNanos (no blocker object) is pacing, as a sleep is: nothing real waits underneath
        Profile paced = TestProfiles.of("block").add(100, 10 * SECOND, List.of("kind=sleep"),
                "java.lang.Thread.sleep:1", "com.ex.Gc.trigger:3")
                .add(50, 5 * SECOND, List.of("kind=park", "blocker=none"), "java.util.concurrent.locks.LockSupport.parkNanos:1",
                        "com.ex.Allocator.churn:79").build(5 * SECOND);
        assertThat(new SleepDominatesBlock().judge(evidence(null, null, paced, null, null, null)).findings())
                .isEmpty();
    }

    @Test
    void cpuHotSpotFromCoresOrFromThreadsRunnableAtBothEnds() {
        Profile cpu = TestProfiles.of("cpu").add(400, 4 * SECOND, List.of(), "com.ex.Spinner.burn:30").build(5 * SECOND);
        assertThat(new CpuHotSpot().judge(evidence(cpu, null, null, null, null, null)).findings()).singleElement()
                .satisfies(f -> assertThat(f.evidence()).contains("0.80 cores"));
        Profile thin = TestProfiles.of("cpu").add(10, SECOND / 10, List.of(), "com.ex.Spinner.burn:30")
                .build(5 * SECOND);
        assertThat(new CpuHotSpot().judge(evidence(thin, null, null, null, null, null)).findings()).isEmpty();
        ThreadSnapshot running = TestProfiles.snapshot(0, 2, "RUNNABLE", "com.ex.Spinner.burn", "com.ex.Spinner.burn");
        assertThat(new CpuHotSpot().judge(evidence(thin, null, null, null, running, running)).findings()).hasSize(1);
    }

    @Test
    void nativeDetourNeedsMostSamplesInNativeCode() {
        Profile cpu = TestProfiles.of("cpu").add(300, 3 * SECOND, List.of("state=native"),
                "java.util.zip.Deflater.deflateBytesBytes:0", "com.ex.Codec.compress:70")
                .add(100, SECOND, List.of("state=java"), "com.ex.Codec.compress:71").build(5 * SECOND);
        Finding f = new NativeDetour().judge(evidence(cpu, null, null, null, null, null)).findings().get(0);
        assertThat(f.culprit()).isEqualTo("com.ex.Codec.compress");
        assertThat(f.evidence()).contains("75 %").contains("Deflater.deflateBytesBytes");
        assertThat(f.refines()).isEqualTo("cpu-hot-spot");
    }

    @Test
    void threadLeakIsAGroupGrowingBetweenSnapshots() {
        ThreadSnapshot before = TestProfiles.snapshot(0, 10, "WAITING", "java.util.concurrent.SynchronousQueue.put",
                "com.ex.Task.run");
        ThreadSnapshot after = TestProfiles.snapshot(5_000, 110, "WAITING", "java.util.concurrent.SynchronousQueue.put",
                "com.ex.Task.run");
        Finding f = new ThreadLeak().judge(evidence(null, null, null, null, before, after)).findings().get(0);
        assertThat(f.evidence()).contains("grew by 100 in 5.0 s (20.0 threads/s");
        assertThat(new ThreadLeak().judge(evidence(null, null, null, null, after, after)).findings()).isEmpty();
    }

    @Test
    void deadlockPrintsTheCycle() {
        ThreadSnapshot.Cycle cycle = new ThreadSnapshot.Cycle(List.of("t1 waits for A held by t2",
                "t2 waits for B held by t1"), "com.ex.Account.transfer", "Account.java:68");
        ThreadSnapshot s = new ThreadSnapshot(0, 2, List.of(), List.of(cycle));
        Finding f = new DeadlockRule().judge(evidence(null, null, null, null, s, s)).findings().get(0);
        assertThat(f.evidence()).contains("t1 waits for A held by t2; t2 waits for B held by t1");
        assertThat(f.location()).isEqualTo("Account.java:68");
    }

    @Test
    void manyThreadsNoWorkIsOneHugeIdleGroup() {
        ThreadSnapshot s = TestProfiles.snapshot(0, 1_000, "BLOCKED", "com.ex.Gate.pass", "com.ex.Gate.pass");
        assertThat(new ManyThreadsNoWork().judge(evidence(null, null, null, null, s, s)).findings()).hasSize(1);
        ThreadSnapshot few = TestProfiles.snapshot(0, 50, "BLOCKED", "com.ex.Gate.pass", "com.ex.Gate.pass");
        assertThat(new ManyThreadsNoWork().judge(evidence(null, null, null, null, few, few)).findings()).isEmpty();
    }

    @Test
    void aThousandParkedVirtualThreadsAreNotManyThreadsNoWork() {
        ThreadSnapshot.Group parked = new ThreadSnapshot.Group("k", "com.ex.Session.await", "Session.java:9",
                "java.util.concurrent.locks.LockSupport.park", 1_000, Map.of("WAITING", 1_000), "", 1_000);
        ThreadSnapshot s = new ThreadSnapshot(0, 1_020, List.of(parked), List.of());
        Verdict v = new ManyThreadsNoWork().judge(evidence(null, null, null, null, s, s));
        assertThat(v.findings()).isEmpty();
        assertThat(v.healthy()).isEqualTo("threads: the largest idle group has 0 threads (a finding from 200); 1,000 "
                + "virtual threads not counted: an idle one holds no OS thread and no fixed stack");
    }
}
