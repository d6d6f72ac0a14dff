package profcon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.tools.attach.VirtualMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import profcon.api.Profcon;
import profcon.attach.SessionDirectory;
import profcon.console.ConsoleRun;
import profcon.console.Main;
import profcon.console.TargetJvm;
import profcon.model.Location;
import profcon.model.Profile;
import profcon.model.Sample;

/**
 * The native engine end to end on real targets: cpu shares against CpuShares' own truth, the
 * engine choice and its overrides, the one-line announcement, C frames, a target killed
 * mid-profile, and a library left loaded but idle.
 */
class NativeEngineIT {
    private static final String SHARES = "profcon.demo.CpuShares";
    private static final Duration WINDOW = Duration.ofSeconds(8);

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17", "profcon.jdk25"})
    void cpuSharesMatchTheTruthByDefault(String jdk) throws Exception {
        Path truthFile = tmp.resolve("truth.txt");
        try (TargetJvm target = TargetJvm.start(TargetJvm.jdk(jdk), SHARES, "--threads=2", "--task-ms=5", "--ratio=3",
                "--labels", "--truth=" + truthFile);
             Profcon p = Profcon.attach(target.pid())) {
            Profile cpu = p.profile("cpu", WINDOW);
            assertThat(cpu.comments()).anyMatch(c -> c.startsWith("profcon engine: async-profiler"));
            assertThat(cpu.durationNanos()).as("the window asked, exactly").isEqualTo(WINDOW.toNanos());
            long from = cpu.timeNanos() / 1_000_000;
            Truth.awaitLinePast(truthFile, from + WINDOW.toMillis() + 100);
            Truth truth = Truth.over(truthFile, from, from + WINDOW.toMillis());
            assertNear("Work.a (cum)", share(cpu, s -> hasFrame(s, "CpuShares\\$Work\\.a$"),
                    s -> hasFrame(s, "CpuShares\\$Work\\.b$")), truth);
            assertNear("tenant=a", share(cpu, s -> "a".equals(s.label("tenant")), s -> "b".equals(s.label("tenant"))),
                    truth);
        }
    }

    /**
     * Within three binomial standard errors of the sampled share, plus 3 points for the window's
     * edges (truth lines every 100 ms, tasks of 5 and 15 ms in flight at both ends). JFR's engine
     * is off by 15-24 points here, far outside; at 250+ samples the bound is about 11 points.
     */
    private static void assertNear(String what, long[] ab, Truth truth) {
        long n = ab[0] + ab[1];
        assertThat(n).as(what + " samples").isGreaterThanOrEqualTo(100);
        double share = ab[0] / (double) n;
        double tolerance = 3 * Math.sqrt(truth.aShare() * (1 - truth.aShare()) / n) + 0.03;
        System.out.printf("%s: %.3f of %d samples, truth %.3f, tolerance %.3f%n", what, share, n, truth.aShare(),
                tolerance);
        assertThat(share).as(what + " against the truth " + truth).isCloseTo(truth.aShare(),
                org.assertj.core.data.Offset.offset(tolerance));
    }

    /** Samples (counts) matching a and matching b. */
    private static long[] share(Profile p, Predicate<Sample> a, Predicate<Sample> b) {
        long[] ab = new long[2];
        for (Sample s : p.samples()) {
            ab[0] += a.test(s) ? s.values()[0] : 0;
            ab[1] += b.test(s) ? s.values()[0] : 0;
        }
        return ab;
    }

    @Test
    void noNativeFallsBackToJfrAndSaysItsBias() throws Exception {
        try (TargetJvm target = TargetJvm.start(TargetJvm.jdk("profcon.jdk17"), SHARES, "--threads=1")) {
            String pid = Long.toString(target.pid());
            ConsoleRun run = ConsoleRun.of(pid, "--no-native", "-c", "info; profile cpu 1s; info");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("cpu:      engine jfr (native code refused (--no-native))")
                    .contains("comment:      profcon engine: jfr (native code refused (--no-native))");
            assertThat(run.err()).contains("cpu engine: jfr (native code refused (--no-native)); JFR's cpu sampler "
                    + "over-weights").doesNotContain("loading async-profiler");
            try (Profcon api = Profcon.attach(target.pid(), Profcon.NativeCode.REFUSED)) {
                assertThat(api.profile("cpu", Duration.ofSeconds(1)).comments()).contains(
                        "profcon engine: jfr (native code refused (--no-native))");
            }
            assertThat(Files.readString(Path.of("/proc", pid, "maps"))).doesNotContain("libasyncProfiler");
        }
    }

    @Test
    void announcesOnceSaysItInInfoAndLeavesTheLibraryIdle() throws Exception {
        try (TargetJvm target = TargetJvm.start(TargetJvm.jdk("profcon.jdk17"), SHARES, "--threads=1")) {
            String pid = Long.toString(target.pid());
            ConsoleRun run = ConsoleRun.of(pid, "-c", "info; profile cpu 1s; comments; profile cpu 1s engine=jfr; "
                    + "comments; profile cpu 1s; profile wall 1s; comments");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("cpu:      engine async-profiler (native library for linux-x64, HotSpot 17)")
                    .contains("wall:     engine jfr (profcon's thread sampler")
                    .contains("profcon engine: jfr (engine=jfr asked)")
                    .contains("profcon engine: async-profiler (native library")
                    .contains("profcon engine: jfr (profcon's thread sampler");
            assertThat(Pattern.compile("loading async-profiler's native library into pid " + pid
                    + ": it stays loaded").matcher(run.err()).results().count()).isEqualTo(1);
            assertIdle(target.pid());
        }
    }

    /** Loaded, no thread of its own, no JFR recording, and its own status says it is not active. */
    private void assertIdle(long pid) throws Exception {
        assertThat(Files.readString(Path.of("/proc", Long.toString(pid), "maps"))).contains("libasyncProfiler");
        assertThat(threadNames(pid)).noneMatch(n -> n.startsWith("Async-profiler"));
        Path library = NativeLibrary.forThisPlatform().orElseThrow().install(SessionDirectory.base().resolve("native"));
        Path status = tmp.resolve("status.txt");
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            vm.loadAgentPath(library.toString(), "status,loglevel=NONE,file=" + status);
        } finally {
            vm.detach();
        }
        assertThat(Files.readString(status)).contains("not active");
    }

    private static List<String> threadNames(long pid) throws Exception {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.map(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip();
                } catch (java.io.IOException e) {
                    return ""; // the thread ended while listed
                }
            }).toList();
        }
    }

    @Test
    void cpuAndWallShowCFramesUnderNativeMethods() throws Exception {
        try (TargetJvm target = TargetJvm.start(TargetJvm.jdk("profcon.jdk17"), "profcon.demo.NativeDetour");
             Profcon p = Profcon.attach(target.pid())) {
            Profile cpu = p.profile("cpu", Duration.ofSeconds(3));
            assertThat(cpu.samples()).anySatisfy(s -> {
                assertThat(hasFrame(s, "\\[lib(z|zip)\\.so")).isTrue();
                assertThat(hasFrame(s, "java\\.util\\.zip\\.(Deflater|Inflater)\\.\\w+Bytes")).isTrue();
                assertThat(s.label("state")).isEqualTo("native");
            });
            Profile wall = p.profile("wall", Duration.ofSeconds(2), "engine=async-profiler");
            assertThat(wall.comments()).anyMatch(c -> c.startsWith("profcon engine: async-profiler"));
            assertThat(wall.samples()).anySatisfy(s -> {
                assertThat(s.label("thread")).startsWith("compressor-");
                assertThat(hasFrame(s, "\\[lib(z|zip|c)\\.so")).as("a C frame").isTrue();
                assertThat(s.label("state")).isIn("RUNNABLE", "SLEEPING");
            });
        }
    }

    @Test
    void aTargetKilledMidProfileSaysWhatWasLost() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (TargetJvm target = TargetJvm.start(TargetJvm.jdk("profcon.jdk17"), SHARES, "--threads=1");
             Profcon p = Profcon.attach(target.pid())) {
            Future<?> profile = longProfile(executor, p, target.pid());
            target.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> profile.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(Profcon.ProfconException.class)
                    .hasMessageContaining("without writing async-profiler's samples out")
                    .hasMessageContaining("are lost");
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * async-profiler samples the carrier threads; the labels library runs labelled work on a virtual
     * thread inside a label frame, which is on every such sample's stack: the join is exact (each
     * Work.a sample carries tenant=a, each Work.b one tenant=b), and the tenant share is within the
     * bench's binomial 2 sigma of CpuShares' truth (wall time on virtual threads), plus 3 points for
     * the window's edges (see assertNear).
     */
    @Test
    void labelsOnVirtualThreadsComeThroughOnTheDefaultEngine() throws Exception {
        Path truthFile = tmp.resolve("truth.txt");
        try (TargetJvm target = TargetJvm.start(TargetJvm.jdk("profcon.jdk25"), SHARES, "--threads=2", "--task-ms=5",
                "--ratio=3", "--virtual", "--labels", "--truth=" + truthFile);
             Profcon p = Profcon.attach(target.pid())) {
            // a loaded machine gives the carriers a sliver of a CPU: up to three windows, for 100 samples in one
            for (int window = 1; ; window++) {
                Profile cpu = p.profile("cpu", WINDOW);
                long[] ab = share(cpu, s -> "a".equals(s.label("tenant")), s -> "b".equals(s.label("tenant")));
                assertJoinedExactly(cpu);
                if (ab[0] + ab[1] >= 100 || window == 3) {
                    assertTenantNearTheTruth(cpu, ab, truthFile);
                    return;
                }
            }
        }
    }

    /**
     * Every Work.a sample carries tenant=a, every Work.b one tenant=b, and no label frame is left on a stack.
     * Except a stack cut at {@code cont_returnBarrier}: a sample taken as a virtual thread returns into frames
     * still in its heap stack chunk has no frames past that point, the label frame among them (docs/labels.md).
     */
    private static void assertJoinedExactly(Profile cpu) {
        assertThat(cpu.comments()).anyMatch(c -> c.startsWith("profcon engine: async-profiler"))
                .doesNotContain(NativeProfile.VIRTUAL_LABELS);
        assertThat(cpu.samples()).filteredOn(s -> hasFrame(s, "CpuShares\\$Work\\.a$") && !cutAtReturnBarrier(s))
                .isNotEmpty().allSatisfy(s -> assertThat(s.label("tenant")).isEqualTo("a"));
        assertThat(cpu.samples()).filteredOn(s -> hasFrame(s, "CpuShares\\$Work\\.b$") && !cutAtReturnBarrier(s))
                .isNotEmpty().allSatisfy(s -> assertThat(s.label("tenant")).isEqualTo("b"));
        assertThat(cpu.samples()).as("no label frame left on a stack")
                .noneMatch(s -> hasFrame(s, "^profcon\\.labels\\.Labelled"));
    }

    private static boolean cutAtReturnBarrier(Sample s) {
        List<Location> stack = s.locations();
        return !stack.isEmpty() && stack.get(stack.size() - 1).lines().get(0).function().name()
                .startsWith("cont_returnBarrier");
    }

    /** The bench's binomial 2 sigma around the truth of the window, plus 3 points for its edges. */
    private static void assertTenantNearTheTruth(Profile cpu, long[] ab, Path truthFile) throws Exception {
        long from = cpu.timeNanos() / 1_000_000;
        Truth.awaitLinePast(truthFile, from + WINDOW.toMillis() + 100);
        Truth truth = Truth.over(truthFile, from, from + WINDOW.toMillis());
        long n = ab[0] + ab[1];
        assertThat(n).as("tenant samples").isGreaterThanOrEqualTo(30);
        double twoSigma = 2 * Math.sqrt(truth.aShare() * (1 - truth.aShare()) / n);
        System.out.printf("tenant=a on virtual threads: %.3f of %d samples, truth %.3f, 2 sigma %.3f%n",
                ab[0] / (double) n, n, truth.aShare(), twoSigma);
        assertThat(ab[0] / (double) n).as("tenant=a against the truth " + truth)
                .isCloseTo(truth.aShare(), org.assertj.core.data.Offset.offset(twoSigma + 0.03));
    }

    /** A JVM that shuts down (SIGTERM) writes the native recording out: the console keeps those samples. */
    @Test
    void aTargetThatExitsMidProfileLeavesItsSamples() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        Path truthFile = tmp.resolve("truth.txt");
        try (TargetJvm target = TargetJvm.start(TargetJvm.jdk("profcon.jdk17"), SHARES, "--threads=1",
                "--truth=" + truthFile);
             Profcon p = Profcon.attach(target.pid())) {
            Future<?> profile = longProfile(executor, p, target.pid());
            Truth.awaitTaskTime(truthFile, TimeUnit.MILLISECONDS.toNanos(500)); // samples to keep before the exit
            target.process().destroy();
            target.process().waitFor(60, TimeUnit.SECONDS);
            assertThatThrownBy(() -> profile.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(Profcon.ProfconException.class)
                    .hasMessageContaining("keeping the samples its profiler wrote out as the JVM shut down")
                    .hasMessageContaining("profile incomplete: the target is gone");
            Profile kept = p.current();
            assertThat(kept.samples()).as("samples written at the exit").isNotEmpty();
            assertThat(kept.samples()).anySatisfy(s -> assertThat(hasFrame(s, "CpuShares\\$Work\\.(a|b)")).isTrue());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aConsoleKilledMidProfileLeavesTheProfilerStopped() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = TargetJvm.start(home, SHARES, "--threads=1")) {
            Process console = new ProcessBuilder(List.of(Path.of(home, "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), Long.toString(target.pid()),
                    "-c", "profile cpu 120s")).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                awaitProfilerThread(target.pid(), true, console::isAlive);
                console.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                // the agent's guard stops it when the channel closes; async-profiler's own timeout would take 180 s
                awaitProfilerThread(target.pid(), false, () -> true);
                assertIdle(target.pid());
            } finally {
                console.destroyForcibly();
            }
        }
    }

    /** Waits up to 60 s for async-profiler's thread to be there (or gone) while {@code stillGoing}. */
    private static void awaitProfilerThread(long pid, boolean present, BooleanSupplier stillGoing) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (threadNames(pid).stream().anyMatch(n -> n.startsWith("Async-profiler")) != present) {
            assertThat(stillGoing.getAsBoolean()).as("the console ended before its profile started").isTrue();
            assertThat(System.nanoTime()).as("async-profiler's thread " + (present ? "started" : "gone") + " within 60 s")
                    .isLessThan(deadline);
            Thread.sleep(50); // polling /proc for the thread: there is no event to wait on from outside
        }
    }

    /** A two-minute cpu profile, running once its sampler has started: the target is to die under it. */
    private static Future<?> longProfile(ExecutorService executor, Profcon p, long pid) throws Exception {
        Future<?> profile = executor.submit(() -> p.profile("cpu", Duration.ofSeconds(120)));
        waitForSampler(pid, profile);
        return profile;
    }

    /** async-profiler's timer thread is the ready signal of a native profile. */
    private static void waitForSampler(long pid, Future<?> profile) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (threadNames(pid).stream().noneMatch(n -> n.startsWith("Async-profiler"))) {
            assertThat(profile.isDone()).as("the profile ended before its sampler started").isFalse();
            assertThat(System.nanoTime()).as("async-profiler's thread within 90 s").isLessThan(deadline);
            Thread.sleep(50); // polling /proc for the thread: there is no event to wait on from outside
        }
    }

    private static boolean hasFrame(Sample s, String regex) {
        Pattern p = Pattern.compile(regex);
        for (Location l : s.locations()) {
            if (p.matcher(l.lines().get(0).function().name()).find()) {
                return true;
            }
        }
        return false;
    }
}
