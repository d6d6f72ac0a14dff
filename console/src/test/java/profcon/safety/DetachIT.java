package profcon.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import profcon.attach.AttachedJvm;
import profcon.attach.SessionDirectory;
import profcon.console.ConsoleRun;
import profcon.console.Main;
import profcon.console.TargetJvm;
import profcon.leakcheck.CheckThreadLeaks;

/**
 * Detaching leaves the target as it was: after {@code quit}, {@code detach}, or the console
 * killed mid-profile, no profcon thread, no JFR recording, no open file but the one agent jar,
 * and the same threads; and 50 attach/detach cycles grow nothing.
 */
@CheckThreadLeaks
class DetachIT {
    /**
     * Files the JDK opens the first time a Unix-domain socket is used (its NativePRNG, for
     * socket names) and keeps for the JVM's life: the JDK's, not profcon's.
     */
    static final Set<String> JDK_ONCE = Set.of("/dev/random", "/dev/urandom");

    /**
     * The agent's footprint, so the JFR engine: async-profiler keeps one descriptor on
     * /proc/self/task for the JVM's life, and NativeEngineIT checks its library is left idle.
     */
    @Test
    void quitDetachAndKillLeaveNothingBehind() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = Targets.demo(home)) {
            long pid = target.pid();
            warmUpJdk(home, pid);
            Set<String> threadsBefore = Proc.javaThreadNames(home, pid);
            Map<String, Integer> fdsBefore = Proc.fds(pid);

            ConsoleRun quit = ConsoleRun.of(Long.toString(pid), "-c", "profile cpu 2s engine=jfr; quit");
            assertThat(quit.exitCode()).as(quit.err()).isZero();
            assertLeftClean(home, pid, threadsBefore, fdsBefore, "after quit");

            ConsoleRun detach = ConsoleRun.of(Long.toString(pid), "-c", "profile cpu 2s engine=jfr; detach; top 3");
            assertThat(detach.exitCode()).as(detach.err()).isZero();
            assertThat(detach.err()).contains("detached from " + pid);
            assertLeftClean(home, pid, threadsBefore, fdsBefore, "after detach");

            killConsoleMidProfile(home, pid);
            assertLeftClean(home, pid, threadsBefore, fdsBefore, "after the console was killed");
            assertThat(target.isAlive()).isTrue();
        }
    }

    /**
     * Starts what the JDK starts once and keeps, with no profcon involved: the Attach Listener
     * (shared by every attach, jcmd's too) and JFR's own threads, its handles on
     * {@code $JAVA_HOME/lib/jfr} and a socket, which the first recording of any tool creates.
     */
    static void warmUpJdk(String home, long pid) {
        Proc.jcmd(home, pid, "JFR.start name=warmup");
        Proc.jcmd(home, pid, "JFR.stop name=warmup");
    }

    private static void killConsoleMidProfile(String home, long pid) throws Exception {
        Process console = new ProcessBuilder(List.of(Path.of(home, "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), Long.toString(pid),
                "-c", "profile cpu 120s engine=jfr")).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Poll.until(Duration.ofSeconds(90), "the killed console's sampler to start",
                    () -> Proc.javaThreadNames(home, pid).contains("profcon-sampler"));
            console.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } finally {
            console.destroyForcibly();
        }
    }

    /** Waits (a few seconds at most) for the target to be as it was, then checks everything. */
    static void assertLeftClean(String home, long pid, Set<String> threadsBefore, Map<String, Integer> fdsBefore,
                                String when) throws Exception {
        Poll.until(Duration.ofSeconds(15), "profcon's threads to end " + when,
                () -> Proc.javaThreadNames(home, pid).stream().noneMatch(n -> n.startsWith("profcon-")));
        assertThat(Proc.jcmd(home, pid, "JFR.check")).as(when).contains("No available recordings");
        assertThat(Proc.jcmd(home, pid, "VM.system_properties")).as(when).doesNotContain("profcon.agent.session");

        Set<String> newThreads = new TreeSet<>(Proc.javaThreadNames(home, pid));
        newThreads.removeAll(threadsBefore);
        assertThat(newThreads).as("threads started %s", when).isEmpty();

        Poll.until(Duration.ofSeconds(15), "the agent's socket to close " + when,
                () -> Proc.added(fdsBefore, Proc.fds(pid)).keySet().stream().noneMatch(k -> k.startsWith("socket")));
        Map<String, Integer> added = Proc.added(fdsBefore, Proc.fds(pid));
        added.keySet().removeAll(JDK_ONCE);
        assertThat(added).as("files the target opened %s", when).hasSize(1);
        Map.Entry<String, Integer> jar = added.entrySet().iterator().next();
        assertThat(Path.of(jar.getKey()).getParent()).isEqualTo(SessionDirectory.base());
        assertThat(jar.getKey()).matches(".*/profcon-agent-[0-9a-f]{16}\\.jar");
        assertThat(jar.getValue()).as("the agent jar is opened once, however often profcon attaches").isEqualTo(1);
    }


    @Test
    void fiftyAttachDetachCyclesGrowNothing() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        int cycles = Integer.getInteger("profcon.cycles", 50);
        try (TargetJvm target = Targets.demo(home)) {
            long pid = target.pid();
            cycle(pid, true);
            Footprint first = Footprint.of(home, pid);
            long start = System.nanoTime();
            Footprint middle = null;
            for (int i = 1; i < cycles; i++) {
                cycle(pid, i % 10 == 0); // every tenth cycle also records a second of JFR
                if (i == cycles / 2) {
                    middle = Footprint.of(home, pid);
                }
            }
            double perCycle = (System.nanoTime() - start) / 1e9 / Math.max(1, cycles - 1);
            Footprint last = Footprint.of(home, pid);
            System.out.printf("%d attach/detach cycles, %.2f s each%n  after the first: %s%n  after cycle %d: %s%n"
                    + "  after the last: %s%n", cycles, perCycle, first.brief(), cycles / 2, middle.brief(), last.brief());

            assertThat(last.threads).as("threads").isLessThanOrEqualTo(first.threads);
            // The JDK calls agentmain through reflection, which it compiles into a generated
            // accessor class after 15 calls (reflection inflation): a few classes once, then none.
            assertThat(middle.classes).as("live classes, cycles 1 to %d", cycles / 2).isLessThanOrEqualTo(first.classes + 5);
            // One JDK class may still load late, once, when the JIT first resolves it (seen:
            // jdk.internal.misc.ScopedMemoryAccess$Scope at a different cycle in every run); a leak
            // would add at least one class per cycle, 25 here.
            assertThat(last.classes).as("live classes, cycles %d to %d", cycles / 2, cycles)
                    .isLessThanOrEqualTo(middle.classes + 1);
            assertThat(last.fds).as("open files").isEqualTo(first.fds);
            assertThat(last.heapKb).as("heap after GC, KB").isLessThan(first.heapKb + 1024);
            assertThat(target.isAlive()).isTrue();
        }
    }

    private static void cycle(long pid, boolean profile) throws Exception {
        try (AttachedJvm jvm = AttachedJvm.attach(pid)) {
            assertThat(jvm.info()).isNotEmpty();
            if (profile) {
                jvm.client().call("start cpu");
                Thread.sleep(1_000); // a second of samples: the profile's length, not a wait for a condition
                jvm.client().call("stop");
            }
        }
    }

    /** What the target holds once profcon's threads are gone. */
    record Footprint(int threads, long classes, Map<String, Integer> fds, long heapKb) {
        String brief() {
            return threads + " threads, " + classes + " classes, " + fds.values().stream().mapToInt(n -> n).sum()
                    + " fds, " + heapKb + " KB heap after GC";
        }

        static Footprint of(String home, long pid) throws Exception {
            Poll.until(Duration.ofSeconds(15), "profcon's threads to end",
                    () -> Proc.javaThreadNames(home, pid).stream().noneMatch(n -> n.startsWith("profcon-")));
            return new Footprint(Proc.threadCount(pid), Proc.liveClasses(home, pid), Proc.fds(pid),
                    Proc.heapAfterGcKb(home, pid));
        }
    }
}
