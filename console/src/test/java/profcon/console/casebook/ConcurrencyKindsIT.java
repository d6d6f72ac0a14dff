package profcon.console.casebook;

import static org.assertj.core.api.Assertions.assertThat;
import static profcon.console.casebook.Profiles.flatTop;
import static profcon.console.casebook.Profiles.withLeaf;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import profcon.console.ConsoleRun;
import profcon.console.TargetJvm;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/** The wall and alloc kinds, the empty-profile explanation, and the virtual-thread blind spot, on real targets. */
class ConcurrencyKindsIT {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17", "profcon.jdk25"})
    void wallShowsThreadsBlockedOnOneMonitor(String jdk) throws Exception {
        String home = TargetJvm.jdk(jdk);
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.ManyThreadsNoWork", "--threads=150")) {
            Path saved = tmp.resolve("wall.pb.gz");
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-c",
                    "profile wall 3s; top5; expect top1 Gate.pass; save " + saved);
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

            Profile wall = PprofReader.read(saved);
            String top = flatTop(wall, "wall");
            assertThat(top).endsWith("ManyThreadsNoWork$Gate.pass");
            assertThat(withLeaf(wall, top)).allSatisfy(s -> assertThat(s.label("state")).isEqualTo("BLOCKED"));
            // 150 blocked workers for about 3 s: wall time adds up to threads x window, not to CPU time.
            double blockedThreads = Profiles.sum(withLeaf(wall, top), wall, "wall") / (double) wall.durationNanos();
            assertThat(blockedThreads).isBetween(100.0, 200.0);
        }
    }

    @Test
    void allocNamesTheAllocatingCode() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.PhantomContention", "--threads=2")) {
            Path saved = tmp.resolve("alloc.pb.gz");
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-c", "profile alloc 3s; top5; save " + saved);
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            Profile alloc = PprofReader.read(saved);
            assertThat(alloc.sampleTypes()).extracting(Object::toString)
                    .containsExactly("alloc_objects/count", "alloc_space/bytes");
            // Each request builds its log line: strings and their byte arrays, allocated under serveForever.
            assertThat(alloc.samples()).anySatisfy(s -> {
                assertThat(Profiles.hasFrame(s, "PhantomContention\\$Handler\\.serveForever$")).isTrue();
                assertThat(s.label("class")).isIn("byte[]", "java.lang.String", "char[]");
            });
        }
    }

    @Test
    void emptyLockProfileSaysWhy() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.ShortWaits", "--threads=2")) {
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-c", "profile lock 2s threshold=1s; top5");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("the lock profile is empty: no events in")
                    .contains("with threshold=1s").contains("Waits shorter than 1s are not recorded")
                    .contains("try threshold=0ms");
        }
        ConsoleRun help = ConsoleRun.of("-c", "help profile");
        assertThat(help.out()).contains("lock (threshold=0s)").contains("wall (period=50ms")
                .contains("Virtual threads are invisible");
    }

    /**
     * Measured on JDK 25: virtual threads parked in SynchronousQueue.put leave no JFR event, so block
     * samples them when asked ({@code vthreads=sample}; this test asserted the blind spot before issue #16 closed it).
     */
    @Test
    void virtualThreadParksAreSampledOnJdk25() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk25");
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.ThroughputWall", "--virtual")) {
            Path saved = tmp.resolve("block.pb.gz");
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-c", "profile block 3s vthreads=sample; save " + saved);
            assertThat(run.exitCode()).as(run.err()).isZero();
            Profile block = PprofReader.read(saved);
            assertThat(block.samples()).anySatisfy(s -> {
                assertThat(s.label("thread_kind")).isEqualTo("virtual");
                assertThat(s.label("kind")).isEqualTo("park");
                assertThat(Profiles.leaf(s)).isEqualTo("java.util.concurrent.SynchronousQueue.put");
            });
            assertThat(block.samples()).anySatisfy(s -> assertThat(s.label("thread")).isEqualTo("consumer"));
        }
    }
}
