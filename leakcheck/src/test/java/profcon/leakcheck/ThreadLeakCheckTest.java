package profcon.leakcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import profcon.leakcheck.CheckThreadLeaks.Scope;

/** Runs small suites that leak (or do not) through the JUnit Platform test kit, and reads their failures. */
class ThreadLeakCheckTest {
    @AfterEach
    void releaseLeakedThreads() throws InterruptedException {
        Leaker.releaseAll();
    }

    @ExtendWith(ThreadLeakCheck.class)
    static class LeaksPlatformThreads {
        @Test
        void leaks() {
            Leaker.platform("leaky-", 3);
            Leaker.platformElsewhere("stray");
        }
    }

    @Test
    void aLeakedPlatformThreadFailsTheTestWithTheGroupedStacks() {
        String failure = onlyFailure(run(LeaksPlatformThreads.class).testEvents());
        assertThat(failure).startsWith(LeaksPlatformThreads.class.getName()
                + "#leaks() leaked 4 threads (2 distinct stacks), still alive 300 ms after it ended");
        // the larger group first, with its count, state and compressed names, then its stack
        assertThat(failure).containsSubsequence("3 threads: WAITING 3", "  names: leaky-[1..3]",
                "    profcon.leakcheck.Leaker.holdUntilReleased(Leaker.java:", "1 thread: WAITING 1",
                "  names: stray", "    profcon.leakcheck.Leaker.otherPlace(Leaker.java:");
    }

    @CheckThreadLeaks(linger = "30s")
    static class ThreadEndsWithinTheLinger {
        @Test
        void startsAThreadThatEndsSoon() {
            // alive when the check first looks (most likely), gone well within the linger
            Thread t = new Thread(ThreadEndsWithinTheLinger::briefly, "brief");
            t.start();
        }

        static void briefly() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aThreadThatEndsWithinTheLingerPasses() {
        run(ThreadEndsWithinTheLinger.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    @CheckThreadLeaks(ignoreTopFunctions = "jdk.internal.misc.Unsafe.park")
    static class IgnoresTopFunction {
        @Test
        void leaksAParkedThread() {
            Leaker.platform("parked-", 1);
        }
    }

    @CheckThreadLeaks(ignoreTopFunctions = "profcon.leakcheck.Leaker.holdUntilReleased")
    static class TopFunctionIsOnlyTheTop {
        @Test
        void leaksAThreadWithTheFunctionDeeper() {
            Leaker.platform("deeper-", 1);
        }
    }

    @CheckThreadLeaks(ignoreAnyFunctions = "profcon.leakcheck.Leaker.otherPlace")
    static class IgnoresAnyFunction {
        @Test
        void leaksTwoStacksOneIgnored() {
            Leaker.platformElsewhere("ignored");
            Leaker.platform("reported-", 1);
        }
    }

    @CheckThreadLeaks(ignoreNames = "cache-refresher-\\d+")
    static class IgnoresNames {
        @Test
        void leaksANamedThread() {
            Leaker.platform("cache-refresher-", 2);
        }
    }

    @Test
    void eachIgnoreRuleWorks() {
        run(IgnoresTopFunction.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        run(IgnoresNames.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(onlyFailure(run(TopFunctionIsOnlyTheTop.class).testEvents())).contains("names: deeper-1");
        String failure = onlyFailure(run(IgnoresAnyFunction.class).testEvents());
        assertThat(failure).contains("leaked 1 thread (1 distinct stack)", "names: reported-1",
                "Ignored: any function profcon.leakcheck.Leaker.otherPlace").doesNotContain("names: ignored");
    }

    @ExtendWith(ThreadLeakCheck.class)
    static class CleanSuite {
        @Test
        void joinsItsThread() throws InterruptedException {
            Thread t = new Thread(() -> { }, "joined");
            t.start();
            t.join();
        }

        @Test
        void usesAnExecutorAndShutsItDown() throws Exception {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            pool.submit(() -> 42).get();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }

        @Test
        void usesTheCommonPool() {
            assertThat(java.util.stream.IntStream.range(0, 10_000).parallel().sum()).isEqualTo(49_995_000);
        }
    }

    @Test
    void aCleanSuitePasses() {
        run(CleanSuite.class).testEvents().assertStatistics(s -> s.started(3).succeeded(3));
    }

    @CheckThreadLeaks(scope = Scope.CLASS)
    static class ClassScopeStopsInALaterTest {
        static Thread worker;

        @Test
        void a_starts() {
            worker = new Thread(() -> Leaker.holdUntilReleased(new java.util.concurrent.CountDownLatch(1)), "shared");
            worker.setDaemon(true);
            worker.start();
        }

        @Test
        void b_stops() throws InterruptedException {
            worker.interrupt();
            worker.join();
        }
    }

    @CheckThreadLeaks(scope = Scope.CLASS)
    static class ClassScopeLeaks {
        @Test
        void leaks() {
            Leaker.platform("class-leak-", 1);
        }
    }

    @Test
    void classScopeChecksTheWholeClass() {
        EngineExecutionResults clean = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ClassScopeStopsInALaterTest.class))
                .configurationParameter("junit.jupiter.testmethod.order.default",
                        "org.junit.jupiter.api.MethodOrderer$MethodName").execute();
        clean.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        clean.containerEvents().assertStatistics(s -> s.failed(0));
        EngineExecutionResults leaky = run(ClassScopeLeaks.class);
        leaky.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(onlyFailure(leaky.containerEvents())).startsWith(ClassScopeLeaks.class.getName() + " leaked 1 thread")
                .contains("names: class-leak-1");
    }

    @Test
    void perTestChecksRefuseParallelExecution() {
        EngineExecutionResults r = EngineTestKit.engine("junit-jupiter").selectors(selectClass(CleanSuite.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true").execute();
        r.testEvents().assertStatistics(s -> s.failed(3));
        assertThat(onlyFailures(r.testEvents())).allSatisfy(f -> assertThat(f).contains(
                "per-test checks cannot run with junit.jupiter.execution.parallel.enabled=true"));
    }

    @Test
    void classChecksRefuseConcurrentClassesButAcceptConcurrentMethods() {
        EngineExecutionResults refused = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ClassScopeLeaks.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent").execute();
        assertThat(onlyFailure(refused.containerEvents())).contains("per-class checks need classes run one at a time");
        EngineExecutionResults accepted = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ClassScopeLeaks.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "same_thread")
                .execute();
        assertThat(onlyFailure(accepted.containerEvents())).contains("names: class-leak-1")
                .doesNotContain("ForkJoinPool");
    }

    @ExtendWith(ThreadLeakCheck.class)
    static class LeaksVirtualThread {
        @Test
        void leaks() throws Exception {
            Leaker.virtual();
        }
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads need JDK 21+: the jdk25 surefire run covers it")
    void aLeakedVirtualThreadFailsTheTest() {
        String failure = onlyFailure(run(LeaksVirtualThread.class).testEvents());
        assertThat(failure).contains("leaked 1 thread (1 distinct stack)", "1 thread: WAITING 1; 1 virtual",
                "  names: unnamed", "    profcon.leakcheck.Leaker.holdUntilReleased(Leaker.java:");
    }

    @Test
    void thePlainApiFailsWithTheSameReport() throws InterruptedException {
        ThreadSnapshot before = ThreadLeaks.snapshot();
        Leaker.platform("plain-", 2);
        LeakOptions options = LeakOptions.defaults().withLinger(java.time.Duration.ZERO);
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> ThreadLeaks.verifySince(before, options, "runbook step 3"));
        assertThat(e.getMessage()).startsWith("runbook step 3 leaked 2 threads").contains("names: plain-[1..2]");
        Leaker.releaseAll();
        ThreadLeaks.verifySince(before, LeakOptions.defaults().withLinger(java.time.Duration.ofSeconds(30)));
    }

    private static EngineExecutionResults run(Class<?> suite) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute();
    }

    private static String onlyFailure(Events events) {
        List<String> failures = onlyFailures(events);
        assertThat(failures).hasSize(1);
        return failures.get(0);
    }

    private static List<String> onlyFailures(Events events) {
        return events.failed().stream().map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable()
                .orElseThrow().getMessage()).toList();
    }
}
