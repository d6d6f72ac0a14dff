package profcon.console.casebook;

import static org.assertj.core.api.Assertions.assertThat;
import static profcon.console.casebook.Profiles.flatTop;
import static profcon.console.casebook.Profiles.hasFrame;
import static profcon.console.casebook.Profiles.withLeaf;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.console.ConsoleRun;
import profcon.console.TargetJvm;
import profcon.model.Profile;
import profcon.model.Sample;
import profcon.pprof.PprofReader;

/**
 * Virtual threads in lock and block on JDK 25 targets: their parks and monitor waits, which have
 * no JFR event, sampled with the application frame on top; their sleeps from JFR under
 * {@code kind=sleep}; and a pinned virtual thread as {@code kind=pinned}.
 */
class VirtualWaitsIT {
    private static final String JDK25 = "profcon.jdk25";

    @TempDir
    Path tmp;

    @Test
    void virtualThreadsQueueingOnAReentrantLockShowInLock() throws Exception {
        Profile lock = profile("lock", "profcon.demo.LoomQueue", "--lock=reentrant");
        String top = flatTop(lock, "delay");
        assertThat(top).isEqualTo("java.util.concurrent.locks.ReentrantLock.lock");
        assertThat(withLeaf(lock, top)).allSatisfy(s -> {
            assertThat(callerOfLeaf(s)).isEqualTo("profcon.demo.LoomQueue$LockedLedger.post");
            assertThat(s.label("thread_kind")).isEqualTo("virtual");
            assertThat(s.label("lockclass")).isEqualTo("ReentrantLock");
        });
        assertThat(lock.comments()).anySatisfy(c -> assertThat(c).startsWith("profcon virtual threads: "));
    }

    @Test
    void virtualThreadsBlockedOnAMonitorShowInLock() throws Exception {
        Profile lock = profile("lock", "profcon.demo.LoomQueue", "--lock=monitor");
        String top = flatTop(lock, "delay");
        assertThat(top).isEqualTo("profcon.demo.LoomQueue$SynchronizedLedger.post");
        assertThat(withLeaf(lock, top)).allSatisfy(s -> {
            assertThat(s.label("thread_kind")).isEqualTo("virtual");
            assertThat(s.label("lockclass")).isEqualTo("monitor of profcon.demo.LoomQueue$SynchronizedLedger");
            assertThat(s.label("state")).isEqualTo("BLOCKED");
        });
    }

    /** The first try: block used to blame the 1 ms sleeps and never name the lock. */
    @Test
    void blockNamesTheLockAndKeepsSleepsApart() throws Exception {
        Profile block = profile("block", "profcon.demo.LoomQueue", "--lock=reentrant");
        assertThat(flatTop(block, "delay")).isEqualTo("java.util.concurrent.locks.ReentrantLock.lock");
        // JFR's sleep event on JDK 21+ is Java-level: its stack starts at the caller of Thread.sleep.
        assertThat(block.samples()).anySatisfy(s -> {
            assertThat(s.label("kind")).isEqualTo("sleep");
            assertThat(s.label("thread_kind")).isEqualTo("virtual");
            assertThat(Profiles.leaf(s)).isEqualTo("profcon.demo.LoomQueue.serveForever");
        });
        // Sleeps come from JFR's events alone: no sampled sample may hold a sleep's frames.
        assertThat(block.samples()).noneSatisfy(s -> {
            assertThat(s.label("kind")).isEqualTo("park");
            assertThat(hasFrame(s, "^java\\.lang\\.Thread\\.sleep$")).isTrue();
        });
    }

    @Test
    void pinnedVirtualThreadsShowWithTheirReason() throws Exception {
        Profile block = profile("block", "profcon.demo.VirtualPinning");
        assertThat(block.samples()).anySatisfy(s -> {
            assertThat(s.label("kind")).isEqualTo("pinned");
            assertThat(s.label("pinned_reason")).contains("VirtualPinning$TenantSettings.<clinit>");
            assertThat(s.label("carrier")).startsWith("ForkJoinPool");
            assertThat(hasFrame(s, "VirtualPinning\\$TenantSettings\\.<clinit>$")).isTrue();
        });
    }

    /** Opt-in (the JDK's thread dump can crash a JDK 25.0.3 target): by default the profile says what it misses. */
    @Test
    void withoutOptingInVirtualWaitsAreNotSampledAndTheSummarySaysHowToGetThem() throws Exception {
        try (TargetJvm target = TargetJvm.start(TargetJvm.jdk(JDK25), "profcon.demo.LoomQueue", "--lock=reentrant")) {
            Path saved = tmp.resolve("unsampled.pb.gz");
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-c", "profile lock 3s; save " + saved);
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.err()).contains("were NOT sampled").contains("add vthreads=sample").doesNotContain("vthreads=sampled");
            Profile lock = PprofReader.read(saved);
            assertThat(lock.samples()).noneSatisfy(s -> assertThat(s.label("thread_kind")).isEqualTo("virtual"));
            assertThat(lock.comments()).anySatisfy(c -> assertThat(c).contains("JDK-8392031"));
        }
    }

    private Profile profile(String kind, String mainClass, String... args) throws Exception {
        String home = TargetJvm.jdk(JDK25);
        try (TargetJvm target = TargetJvm.start(home, mainClass, args)) {
            Path saved = tmp.resolve(kind + ".pb.gz");
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-c",
                    "profile " + kind + " 4s vthreads=sample; save " + saved);
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.err()).contains("vthreads=sampled");
            return PprofReader.read(saved);
        }
    }

    private static String callerOfLeaf(Sample s) {
        return s.locations().get(1).lines().get(0).function().name();
    }
}
