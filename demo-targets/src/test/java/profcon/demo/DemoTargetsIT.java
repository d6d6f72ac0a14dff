package profcon.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static profcon.demo.JdkTools.count;
import static profcon.demo.JdkTools.jstack;
import static profcon.demo.JdkTools.jstackUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Starts every demo target as a real JVM, waits for its ready line, and checks from outside
 * (thread dumps, /proc, JVM logs, a JFR recording started with the JVM) that it really shows
 * its defect.
 */
@Timeout(90)
class DemoTargetsIT {
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(20);

    @Test
    void demoRecordsHotLoopOnCpuAndContendedCounter(@TempDir Path dir) throws Exception {
        List<RecordedEvent> events = Recordings.record(dir, 3, "Demo");
        List<RecordedEvent> cpu = Recordings.ofType(events, "jdk.ExecutionSample");
        long hot = cpu.stream().filter(e -> Recordings.topFrame(e).equals("profcon.demo.Demo.hotLoop")).count();
        assertThat(hot).as("hotLoop samples of %d", cpu.size()).isGreaterThan(cpu.size() / 2);
        assertThat(Recordings.ofType(events, "jdk.JavaMonitorEnter"))
                .filteredOn(e -> Recordings.className(e, "monitorClass").equals("profcon.demo.Demo$Counter"))
                .isNotEmpty()
                .allMatch(e -> Recordings.topFrame(e).equals("profcon.demo.Demo$Counter.increment"));
    }

    @Test
    void demoThreadsAreNamed() throws Exception {
        try (TargetProcess target = TargetProcess.startDemo("Demo").awaitReady()) {
            assertThat(ProcFs.threadNames(target.pid())).contains("worker-1", "worker-2", "worker-3");
        }
    }

    @Test
    void mysterySlowdownQueuesRequestsOnMetricsRecord() throws Exception {
        try (TargetProcess target = TargetProcess.startDemo("MysterySlowdown").awaitReady()) {
            String dump = jstackUntil(target, "several requests waiting for Metrics",
                    d -> count(d, "(a profcon.demo.MysterySlowdown$Metrics)") >= 4);
            assertThat(dump).contains("at profcon.demo.MysterySlowdown$Metrics.record(", "\"request-8\"");
        }
    }

    @Test
    void shortWaitsAreManyButAllBelowJfrsDefaultThreshold(@TempDir Path dir) throws Exception {
        // Two threads meet on the monitor by chance: a 3 s recording usually holds dozens of contended
        // entries but once held 5, so up to three recordings are pooled until more than 10 came
        List<RecordedEvent> waits = new ArrayList<>();
        for (int run = 1; run <= 3 && waits.size() <= 10; run++) {
            Path runDir = Files.createDirectories(dir.resolve("run" + run));
            Recordings.ofType(Recordings.record(runDir, 3, "ShortWaits", "--threads=2"), "jdk.JavaMonitorEnter").stream()
                    .filter(e -> Recordings.className(e, "monitorClass").equals("profcon.demo.ShortWaits$Stats"))
                    .forEach(waits::add);
        }
        assertThat(waits).hasSizeGreaterThan(10)
                .allMatch(e -> Recordings.topFrame(e).equals("profcon.demo.ShortWaits$Stats.add"));
        long longWaits = waits.stream().filter(e -> e.getDuration().toMillis() >= 20).count();
        // Two threads, as the casebook IT runs it: with 8 spinning threads on 2 cores the holder is
        // often preempted mid-hold. A rare preempted holder may still exceed 20 ms on a loaded
        // machine; the case needs "nearly none".
        assertThat(longWaits).as("waits of 20 ms or more, of %d", waits.size()).isLessThanOrEqualTo(waits.size() / 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync:java.util.concurrent.SynchronousQueue.put(",
            "array:java.util.concurrent.ArrayBlockingQueue.put("})
    void throughputWallParksProducersInPut(String queueAndFrame) throws Exception {
        String[] parts = queueAndFrame.split(":", 2);
        try (TargetProcess target = TargetProcess.startDemo("ThroughputWall", "--queue=" + parts[0]).awaitReady()) {
            String dump = jstackUntil(target, "most producers parked in " + parts[1],
                    d -> count(d, "at " + parts[1]) >= 6);
            assertThat(dump).contains("at profcon.demo.ThroughputWall$Producer.run(", "\"consumer\"");
        }
    }

    @Test
    void tailLatencyHasFarMoreRunnableThreadsThanCores() throws Exception {
        try (TargetProcess target = TargetProcess.startDemo("TailLatency", "--threads=100").awaitReady()) {
            // Polled until the condition holds (or 20 s pass): on a loaded machine the 100 workers
            // reach the spin loop over a few seconds, and a single look may catch them mid-start.
            long runnable = 0;
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (runnable <= 20 && System.nanoTime() < deadline) {
                runnable = Math.max(runnable, ProcFs.runnableThreads(target.pid()));
                if (runnable <= 20) {
                    Thread.sleep(100);
                }
            }
            assertThat(runnable).as("threads in state R with %d cores", Runtime.getRuntime().availableProcessors())
                    .isGreaterThan(20);
            // No jstack here: with 100 spinning threads it would itself wait tens of seconds for a core.
            assertThat(ProcFs.threadNames(target.pid())).contains("worker-1", "worker-100");
        }
    }

    @Test
    void readerStarvationParksReadersWhileBulkSetHoldsWriteLock() throws Exception {
        try (TargetProcess target = TargetProcess.startDemo("ReaderStarvation").awaitReady()) {
            String dump = jstackUntil(target, "readers parked in Cache.get while the writer is in Cache.bulkSet",
                    d -> count(d, "at profcon.demo.ReaderStarvation$Cache.get(") >= 2
                            && d.contains("at profcon.demo.ReaderStarvation$Cache.bulkSet("));
            assertThat(dump).contains("at java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock.lock(");
        }
    }

    @Test
    void uncontendedLockIsHotOnCpuButNeverParked(@TempDir Path dir) throws Exception {
        List<RecordedEvent> events = Recordings.record(dir, 3, "UncontendedLock");
        List<RecordedEvent> cpu = Recordings.ofType(events, "jdk.ExecutionSample");
        long locking = cpu.stream()
                .filter(e -> Recordings.hasFrame(e, "profcon.demo.UncontendedLock$Counter.increment"))
                .filter(e -> Recordings.topFrame(e).startsWith("java.util.concurrent.locks."))
                .count();
        assertThat(locking).as("samples in lock/unlock frames of %d", cpu.size()).isGreaterThan(cpu.size() / 5);
        assertThat(Recordings.ofType(events, "jdk.ThreadPark"))
                .noneMatch(e -> Recordings.hasFrame(e, "profcon.demo.UncontendedLock$Counter.increment"));
    }

    @Test
    void threadLeakGrowsThreadsParkedInSynchronousQueuePut() throws Exception {
        try (TargetProcess target = TargetProcess.startDemo("ThreadLeak", "--rate=50").awaitReady()) {
            int before = ProcFs.threads(target.pid());
            Thread.sleep(1000); // the measurement window, not a wait for readiness
            int after = ProcFs.threads(target.pid());
            assertThat(after - before).as("threads %d -> %d in 1 s at 50 tasks/s", before, after)
                    .isGreaterThanOrEqualTo(25);
            String dump = jstack(target.pid());
            assertThat(count(dump, "at java.util.concurrent.SynchronousQueue.put(")).isGreaterThanOrEqualTo(25);
            assertThat(dump).contains("at profcon.demo.ThreadLeak$Task.run(", "\"pool-1-thread-1\"");
        }
    }

    @Test
    void lockCoarseningMakesWorkersWaitInProcessBatch() throws Exception {
        try (TargetProcess target = TargetProcess.startDemo("LockCoarsening").awaitReady()) {
            jstackUntil(target, "workers waiting for Batcher in processBatch",
                    d -> count(d, "(a profcon.demo.LockCoarsening$Batcher)") >= 3
                            && d.contains("at profcon.demo.LockCoarsening$Batcher.processBatch(")
                            && d.contains("at profcon.demo.LockCoarsening$Batcher.process("));
        }
    }

    @Test
    void phantomContentionWaitsOnThePrintStream() throws Exception {
        try (TargetProcess target = TargetProcess.startDemo("PhantomContention", "--threads=8").awaitReady()) {
            jstackUntil(target, "a request waiting for System.out's PrintStream",
                    d -> d.contains("(a java.io.PrintStream)") && d.contains("- waiting to lock")
                            && d.contains("at profcon.demo.PhantomContention$Handler.serveForever("));
            assertThat(target.firstStdoutLine()).isEqualTo("READY " + target.pid());
            assertThat(target.stdoutLines()).isGreaterThan(100);
        }
    }

    @Test
    void pausesLogsSystemGcAndThreadDumpSafepoints(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("vm.log");
        List<String> jvm = List.of("-Xlog:gc,safepoint:file=" + log);
        String classes = TargetProcess.classes();
        try (TargetProcess target = TargetProcess.startJava(TargetProcess.jdk17(), classes, jvm, "profcon.demo.Pauses",
                "--live-mb=32", "--gc-interval-ms=300", "--threaddump", "--dump-interval-ms=500",
                "--duration=2").awaitReady()) {
            assertThat(target.awaitExit(EXIT_TIMEOUT)).isZero();
        }
        String text = Files.readString(log);
        assertThat(count(text, "Pause Full (System.gc())")).as(text).isGreaterThanOrEqualTo(2);
        assertThat(text).contains("ThreadDump");
    }

    @Test
    void nativeDetourSpendsItsTimeInNativeZlib(@TempDir Path dir) throws Exception {
        List<RecordedEvent> events = Recordings.record(dir, 3, "NativeDetour");
        List<RecordedEvent> nativeSamples = Recordings.ofType(events, "jdk.NativeMethodSample");
        long deflate = nativeSamples.stream()
                .filter(e -> Recordings.topFrame(e).equals("java.util.zip.Deflater.deflateBytesBytes"))
                .filter(e -> Recordings.hasFrame(e, "profcon.demo.NativeDetour$Codec.compress"))
                .count();
        assertThat(deflate).as("deflate samples of %d native samples", nativeSamples.size())
                .isGreaterThan(nativeSamples.size() / 2);
        assertThat(Recordings.ofType(events, "jdk.ExecutionSample").size()).isLessThan(nativeSamples.size());
    }

    @Test
    void labelsAcrossExecutorWorksOnPoolThreads() throws Exception {
        try (TargetProcess target = TargetProcess.startDemo("LabelsAcrossExecutor").awaitReady()) {
            String dump = jstackUntil(target, "Handler.work on the pool thread",
                    d -> d.contains("at profcon.demo.LabelsAcrossExecutor$Handler.work("));
            assertThat(dump).contains("\"pool-1-thread-1\"", "at java.util.concurrent.FutureTask.get(",
                    "at profcon.demo.LabelsAcrossExecutor.serveForever(");
        }
    }

    @Test
    void sleepyRetrySleepsInFetchWithRetry() throws Exception {
        try (TargetProcess target = TargetProcess.startDemo("SleepyRetry").awaitReady()) {
            jstackUntil(target, "clients sleeping in the retry loop",
                    d -> count(d, "at profcon.demo.SleepyRetry$Client.fetchWithRetry(") >= 2
                            && d.contains("at java.lang.Thread.sleep("));
        }
    }

    @Test
    void writeLockForReadsQueuesReadersInCacheGet() throws Exception {
        try (TargetProcess target = TargetProcess.startDemo("WriteLockForReads").awaitReady()) {
            jstackUntil(target, "readers waiting for WriteLockForReads$Cache",
                    d -> count(d, "(a profcon.demo.WriteLockForReads$Cache)") >= 4
                            && d.contains("at profcon.demo.WriteLockForReads$Cache.get("));
        }
    }

    @Test
    void manyThreadsNoWorkBlocksThousandsOnOneMonitorAtLowCpu() throws Exception {
        int threads = 2000;
        try (TargetProcess target = TargetProcess.startDemo("ManyThreadsNoWork", "--threads=" + threads).awaitReady()) {
            assertThat(ProcFs.threads(target.pid())).isGreaterThan(threads);
            String dump = jstackUntil(target, "nearly all workers blocked on the Gate",
                    d -> count(d, "(a profcon.demo.ManyThreadsNoWork$Gate)") >= threads * 9 / 10);
            assertThat(dump).contains("at profcon.demo.ManyThreadsNoWork$Gate.pass(", "\"gate-keeper\"");
            long cpuBefore = ProcFs.cpuTicks(target.pid());
            Thread.sleep(1000); // the measurement window
            long ticks = ProcFs.cpuTicks(target.pid()) - cpuBefore;
            assertThat(ticks).as("CPU clock ticks in 1 s (100 per core-second)").isLessThan(30);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor", "juc"})
    void deadlockIsFoundByJstack(String lock) throws Exception {
        try (TargetProcess target = TargetProcess.startDemo("Deadlock", "--lock=" + lock).awaitReady()) {
            assertThat(jstack(target.pid())).contains("Found one Java-level deadlock", "\"transfer-1\"",
                    "\"transfer-2\"", "at profcon.demo.Deadlock$Account.transfer");
        }
    }

    @Test
    void durationEndsTheTarget() throws Exception {
        try (TargetProcess target = TargetProcess.startDemo("UncontendedLock", "--duration=1").awaitReady()) {
            assertThat(target.awaitExit(EXIT_TIMEOUT)).isZero();
        }
    }

    @Test
    void unknownOptionIsAUsageError() throws Exception {
        try (TargetProcess target = TargetProcess.startDemo("Demo", "--thredas=2")) {
            assertThat(target.awaitExit(EXIT_TIMEOUT)).isEqualTo(2);
            assertThat(target.stderr()).contains("Demo: unknown option --thredas");
        }
    }

    @Test
    void virtualThreadsNeedJdk21() throws Exception {
        try (TargetProcess target = TargetProcess.startDemo("ManyThreadsNoWork", "--virtual", "--threads=10")) {
            assertThat(target.awaitExit(EXIT_TIMEOUT)).isEqualTo(2);
            assertThat(target.stderr()).contains("--virtual needs a JDK 21 or later JVM");
        }
    }

    @Test
    void virtualThreadsRunOnANewerJdk() throws Exception {
        Path jdk25 = Path.of(System.getProperty("profcon.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        Assumptions.assumeTrue(Files.isExecutable(jdk25.resolve("bin/java")), "no JDK 25 at " + jdk25);
        String classes = TargetProcess.classes();
        try (TargetProcess target = TargetProcess.startJava(jdk25, classes, List.of(), "profcon.demo.ManyThreadsNoWork",
                "--virtual", "--threads=2000").awaitReady()) {
            // 2,000 blocked virtual threads need only a few carrier threads.
            assertThat(ProcFs.threads(target.pid())).isLessThan(200);
        }
    }
}
