package profcon.leakcheck;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import profcon.threads.DumpedThread;

/**
 * The plain API, for TestNG, main methods and runbooks: take a {@link #snapshot()} before, then
 * {@link #verifySince} after; or {@link #verifyNone} for "nothing but the JVM's own threads and me".
 * A thread is a leak when it is alive after the linger, was not in the snapshot (by thread id),
 * and no ignore rule matches it. Failures are {@link AssertionError}s listing the leaked threads
 * grouped by stack, as {@code goroutines} prints them.
 */
public final class ThreadLeaks {
    private static final long FIRST_RETRY_NANOS = Duration.ofMillis(5).toNanos();
    private static final long LONGEST_RETRY_NANOS = Duration.ofMillis(50).toNanos();

    private ThreadLeaks() {
    }

    /** The threads alive now: platform and, on JDK 21+, virtual ones. */
    public static ThreadSnapshot snapshot() {
        return new ThreadSnapshot(LiveThreads.ids());
    }

    /** Fails when a thread started since {@code before} is still alive after the linger. */
    public static void verifySince(ThreadSnapshot before, LeakOptions options) {
        verifySince(before, options, "The code checked");
    }

    /** As {@link #verifySince(ThreadSnapshot, LeakOptions)}; {@code what} names the test in the failure. */
    public static void verifySince(ThreadSnapshot before, LeakOptions options, String what) {
        List<DumpedThread> leaked = leakedSince(before, options);
        if (!leaked.isEmpty()) {
            throw new AssertionError(LeakReport.render(what, leaked, options));
        }
    }

    /** Fails when any thread but the caller's and the ignored ones is alive after the linger. */
    public static void verifyNone(LeakOptions options) {
        verifySince(new ThreadSnapshot(Set.of(LiveThreads.threadId(Thread.currentThread()))), options, "This JVM");
    }

    public static void verifyNone() {
        verifyNone(LeakOptions.defaults());
    }

    /**
     * The threads leaked since {@code before}, empty when none: waits up to the linger for them
     * to end, retrying after 5 ms, then twice as long each time up to 50 ms.
     */
    public static List<DumpedThread> leakedSince(ThreadSnapshot before, LeakOptions options) {
        long deadline = System.nanoTime() + options.linger().toNanos();
        long pause = FIRST_RETRY_NANOS;
        while (true) {
            List<DumpedThread> leaked = leakedNow(before, options);
            long left = deadline - System.nanoTime();
            if (leaked.isEmpty() || left <= 0) {
                return leaked;
            }
            sleep(Math.min(pause, left));
            pause = Math.min(pause * 2, LONGEST_RETRY_NANOS);
        }
    }

    /** Ids first (cheap); stacks are read, and the ignore rules applied, only when new threads appeared. */
    private static List<DumpedThread> leakedNow(ThreadSnapshot before, LeakOptions options) {
        Set<Long> carriers = options.builtinIgnores() ? LiveThreads.carrierIds() : Set.of();
        Set<Long> fresh = LiveThreads.ids().stream().filter(tid -> !before.contains(tid) && !carriers.contains(tid))
                .collect(Collectors.toSet());
        if (fresh.isEmpty()) {
            return List.of();
        }
        return LiveThreads.read().stream().filter(t -> fresh.contains(t.tid()) && !options.ignores(t)).toList();
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("profcon-leakcheck: interrupted while waiting for threads to end", e);
        }
    }
}
