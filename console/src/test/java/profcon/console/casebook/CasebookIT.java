package profcon.console.casebook;

import static org.assertj.core.api.Assertions.assertThat;
import static profcon.console.casebook.Profiles.flatTop;
import static profcon.console.casebook.Profiles.hasFrame;
import static profcon.console.casebook.Profiles.withLeaf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import profcon.console.TargetJvm;
import profcon.model.Profile;

/**
 * The casebook end to end: each case's demo target on a real JVM, its runbook from
 * {@code scripts/runbooks} through the real attach path, and assertions on what the decoded
 * profile names as the culprit (so they hold whatever the report layout).
 */
class CasebookIT {
    private static final String JDK17 = "profcon.jdk17";
    private static final String JDK25 = "profcon.jdk25";

    @TempDir
    Path tmp;

    /** One row of the casebook: the runbook, the target, and what its profiles must show. */
    record Case(String runbook, String jdk, String mainClass, List<String> args, Check check) {
        @Override
        public String toString() {
            return runbook + " on " + jdk.substring("profcon.".length()) + (args.isEmpty() ? "" : " " + args);
        }
    }

    interface Check {
        void verify(List<Profile> profiles, Runbook.Result result) throws Exception;
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("mystery-slowdown", JDK17, "profcon.demo.MysterySlowdown", List.of(), CasebookIT::mystery),
                new Case("mystery-slowdown", JDK25, "profcon.demo.MysterySlowdown", List.of(), CasebookIT::mystery),
                // Two threads for two cores: with more spinning threads the holder is descheduled mid-hold
                // and waits grow to tens of ms, which is no longer the "short waits" case.
                new Case("short-waits", JDK17, "profcon.demo.ShortWaits", List.of("--threads=2"),
                        CasebookIT::shortWaits),
                new Case("throughput-wall", JDK17, "profcon.demo.ThroughputWall", List.of(), CasebookIT::wall),
                // 20 spinning threads, not 400: enough to be ten times the cores without starving the machine.
                new Case("tail-latency", JDK17, "profcon.demo.TailLatency", List.of("--threads=20"), CasebookIT::tail),
                new Case("reader-starvation", JDK17, "profcon.demo.ReaderStarvation", List.of(), CasebookIT::readers),
                // The virtual-thread variants: no JFR event for their waits, so the culprit comes from sampling.
                new Case("mystery-slowdown-virtual", JDK25, "profcon.demo.MysterySlowdown", List.of("--virtual"),
                        CasebookIT::mysteryVirtual),
                new Case("reader-starvation-virtual", JDK25, "profcon.demo.ReaderStarvation", List.of("--virtual"),
                        CasebookIT::readersVirtual),
                new Case("uncontended-lock", JDK17, "profcon.demo.UncontendedLock", List.of(), CasebookIT::uncontended),
                new Case("lock-coarsening", JDK17, "profcon.demo.LockCoarsening", List.of(), CasebookIT::coarsening),
                new Case("phantom-contention", JDK17, "profcon.demo.PhantomContention", List.of(), CasebookIT::phantom),
                new Case("native-detour", JDK17, "profcon.demo.NativeDetour", List.of(), CasebookIT::nativeDetour),
                new Case("sleepy-retry", JDK17, "profcon.demo.SleepyRetry", List.of(), CasebookIT::sleepy),
                new Case("write-lock-for-reads", JDK17, "profcon.demo.WriteLockForReads", List.of(),
                        CasebookIT::writeLockForReads));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void runbookNamesTheCulprit(Case c) throws Exception {
        String home = TargetJvm.jdk(c.jdk());
        try (TargetJvm target = TargetJvm.start(home, c.mainClass(), c.args().toArray(String[]::new))) {
            Runbook.Result result = Runbook.named(c.runbook()).runAgainst(target.pid(), tmp);
            assertThat(result.run().exitCode()).as(result.run().out() + result.run().err()).isZero();
            c.check().verify(result.profiles(), result);
        }
    }

    static void mystery(List<Profile> profiles, Runbook.Result r) {
        Profile lock = profiles.get(0);
        String top = flatTop(lock, "delay");
        assertThat(top).endsWith("MysterySlowdown$Metrics.record");
        assertThat(withLeaf(lock, top)).allSatisfy(s -> assertThat(s.label("lockclass"))
                .isEqualTo("monitor of profcon.demo.MysterySlowdown$Metrics"));
        // Eight request threads behind one monitor: on average more than one is always waiting.
        double waitingPerSecond = Profiles.total(lock, "delay") / (double) lock.durationNanos();
        assertThat(waitingPerSecond).isGreaterThan(1.0);
    }

    static void mysteryVirtual(List<Profile> profiles, Runbook.Result r) {
        mystery(profiles, r);
        Profile lock = profiles.get(0);
        assertThat(withLeaf(lock, flatTop(lock, "delay")))
                .allSatisfy(s -> assertThat(s.label("thread_kind")).isEqualTo("virtual"));
        assertThat(r.run().err()).contains("virtual threads: parks and monitor waits sampled every");
    }

    static void readersVirtual(List<Profile> profiles, Runbook.Result r) {
        readers(profiles, r);
        Profile lock = profiles.get(0);
        assertThat(withLeaf(lock, flatTop(lock, "delay")))
                .allSatisfy(s -> assertThat(s.label("thread_kind")).isEqualTo("virtual"));
    }

    static void shortWaits(List<Profile> profiles, Runbook.Result r) {
        Profile stock = profiles.get(0);
        Profile lock = profiles.get(1);
        assertThat(flatTop(lock, "delay")).endsWith("ShortWaits$Stats.add");
        long all = Profiles.total(lock, "contentions");
        long overTwentyMs = stock.samples().isEmpty() ? 0 : Profiles.total(stock, "contentions");
        // The point of the case: most waits are below JFR's stock 20 ms threshold. (On a loaded
        // machine the holder is sometimes descheduled mid-hold, so some waits do pass 20 ms; on a quiet
        // one two threads contend less: 49 waits in 5 s in one run, so "enough to see" is 20.)
        assertThat(all).isGreaterThan(20).isGreaterThan(3 * overTwentyMs);
        if (stock.samples().isEmpty()) {
            assertThat(r.run().err()).contains("the lock profile is empty").contains("Waits shorter than 20ms");
        }
        assertThat(r.run().err()).contains("(threshold=0s)");
    }

    static void wall(List<Profile> profiles, Runbook.Result r) {
        Profile block = profiles.get(0);
        String top = flatTop(block, "delay");
        assertThat(top).isEqualTo("java.util.concurrent.SynchronousQueue.put");
        assertThat(withLeaf(block, top)).allSatisfy(s -> {
            assertThat(hasFrame(s, "ThroughputWall\\$Producer\\.run$")).isTrue();
            assertThat(s.label("kind")).isEqualTo("park");
        });
    }

    static void tail(List<Profile> profiles, Runbook.Result r) {
        Profile wall = profiles.get(0);
        String top = flatTop(wall, "wall");
        assertThat(top).endsWith("TailLatency$Worker.handle");
        List<profcon.model.Sample> runnable = wall.samples().stream()
                .filter(s -> "RUNNABLE".equals(s.label("state")) && hasFrame(s, "TailLatency\\$Worker\\.handle$")).toList();
        // Twenty workers on two cores: about twenty threads runnable on average, not two.
        double runnableThreads = Profiles.sum(runnable, wall, "wall") / (double) wall.durationNanos();
        assertThat(runnableThreads).isGreaterThan(4.0 * Runtime.getRuntime().availableProcessors());
    }

    static void readers(List<Profile> profiles, Runbook.Result r) {
        Profile lock = profiles.get(0);
        String top = flatTop(lock, "delay");
        assertThat(top).isEqualTo("java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock.lock");
        assertThat(withLeaf(lock, top)).allSatisfy(s -> {
            assertThat(hasFrame(s, "ReaderStarvation\\$Cache\\.get$")).isTrue();
            assertThat(s.label("lockclass")).isEqualTo("read lock of ReentrantReadWriteLock");
        });
    }

    static void uncontended(List<Profile> profiles, Runbook.Result r) {
        Profile cpu = profiles.get(0);
        Profile lock = profiles.get(1);
        long lockFrames = cpu.samples().stream().filter(s -> hasFrame(s, "ReentrantLock|AbstractQueuedSynchronizer"))
                .mapToLong(s -> s.values()[0]).sum();
        assertThat(lockFrames).as("cpu samples in lock code").isGreaterThan(Profiles.total(cpu, "samples") / 10);
        // Near empty: one worker, one lock, nobody to contend with (the JVM's own threads may park briefly).
        assertThat(Profiles.total(lock, "contentions")).isLessThan(20);
    }

    static void coarsening(List<Profile> profiles, Runbook.Result r) {
        Profile lock = profiles.get(0);
        assertThat(flatTop(lock, "delay")).endsWith("LockCoarsening$Batcher.processBatch");
        // A whole batch per wait: 50 items of 200 us, so milliseconds per contention, not microseconds.
        assertThat(Profiles.total(lock, "delay") / Profiles.total(lock, "contentions")).isGreaterThan(1_000_000L);
    }

    static void phantom(List<Profile> profiles, Runbook.Result r) {
        Profile lock = profiles.get(0);
        String top = flatTop(lock, "delay");
        assertThat(top).startsWith("java.io.PrintStream.");
        assertThat(withLeaf(lock, top)).allSatisfy(s -> {
            assertThat(hasFrame(s, "PhantomContention\\$Handler\\.serveForever$")).isTrue();
            assertThat(s.label("lockclass")).isEqualTo("monitor of java.io.PrintStream");
        });
    }

    static void nativeDetour(List<Profile> profiles, Runbook.Result r) {
        Profile cpu = profiles.get(0);
        String top = flatTop(cpu, "samples");
        assertThat(top).matches("java\\.util\\.zip\\.(Deflater|Inflater)\\.\\w+Bytes\\w*");
        assertThat(withLeaf(cpu, top)).allSatisfy(s -> assertThat(s.label("state")).isEqualTo("native"));
    }

    static void sleepy(List<Profile> profiles, Runbook.Result r) {
        Profile block = profiles.get(0);
        assertThat(flatTop(block, "delay")).isEqualTo("java.lang.Thread.sleep");
        String underneath = flatTop(block, "delay", s -> !"sleep".equals(s.label("kind")));
        assertThat(underneath).isEqualTo("java.util.concurrent.Semaphore.acquire");
        assertThat(withLeaf(block, underneath)).allSatisfy(s -> assertThat(hasFrame(s, "Client\\.tryFetch$")).isTrue());
    }

    static void writeLockForReads(List<Profile> profiles, Runbook.Result r) throws Exception {
        Profile lock = profiles.get(0);
        String top = flatTop(lock, "delay");
        assertThat(top).endsWith("WriteLockForReads$Cache.get");
        List<String> source = Files.readAllLines(
                Path.of("..", "demo-targets", "src", "main", "java", "profcon", "demo", "WriteLockForReads.java"));
        assertThat(withLeaf(lock, top)).allSatisfy(s -> {
            assertThat(s.label("lockclass")).isEqualTo("monitor of profcon.demo.WriteLockForReads$Cache");
            // What 'list Cache.get' would point at: the line the monitor is entered on (compiled
            // frames may attribute the monitorenter to the block's first statement, one line on).
            int line = (int) s.locations().get(0).lines().get(0).line();
            assertThat(source.get(line - 1) + source.get(line - 2)).contains("synchronized (this)");
        });
    }
}
