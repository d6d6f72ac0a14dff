package profcon.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import profcon.labels.ProfileLabels;

/**
 * A CPU profile's ground truth: tasks of two kinds, {@code Work.a} and {@code Work.b}, run the same
 * loop for {@code ratio : 1} as long on a pool of threads, and every task measures its own thread
 * CPU time. A profiler's share of {@code a} against {@code b} can then be checked against what the
 * threads really spent (issue #14: JFR's sampler is right with a CPU free and wrong by 15 to 24
 * points when the pool keeps the CPUs busy).
 *
 * <p>Options: {@code --threads=2} pool threads, {@code --task-ms=5} length of a {@code b} task
 * ({@code a} runs {@code ratio} times as long), {@code --ratio=3}, {@code --period-ms} how often a
 * scheduler submits {@code --pairs} pairs of tasks (default: {@code (ratio + 1) * task-ms}, one
 * pair per two threads, which keeps the pool busy), {@code --labels} to run {@code a} tasks under
 * {@code tenant=a} and {@code b} under {@code tenant=b} ({@link ProfileLabels}), {@code --virtual}
 * (JDK 21+) for a virtual thread per task, at most {@code threads} at once, and
 * {@code --truth=FILE}, where a daemon thread {@code truth} appends every 100 ms one line
 * {@code <epoch ms> <a cpu ns> <b cpu ns> <a tasks> <b tasks>} (cumulative: the nanoseconds of
 * completed tasks plus the time so far of running ones, the tasks completed ones only) under a header
 * line {@code # CpuShares clock=thread-cpu|wall ...}. The clock is {@code wall} only where the JVM
 * cannot measure a virtual thread's CPU time.
 */
public final class CpuShares {
    private static final long TRUTH_INTERVAL_MS = 100;
    /** Tasks waiting or running, in units of pool threads, beyond which a period's pairs are skipped. */
    private static final int BACKLOG_PER_THREAD = 4;

    private final Executor pool;
    private final Clock clock;
    private final boolean labels;
    private final long bRounds;
    private final int ratio;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Ledger ledger;

    CpuShares(Executor pool, Clock clock, boolean labels, long bRounds, int ratio) {
        this.pool = pool;
        this.clock = clock;
        this.labels = labels;
        this.bRounds = bRounds;
        this.ratio = ratio;
        this.ledger = new Ledger(clock);
    }

    public static void main(String[] argv) {
        Target.run("CpuShares", argv, CpuShares::start);
    }

    static void start(Args args) throws IOException {
        int threads = args.positive("threads", 2);
        double taskMs = Double.parseDouble(args.string("task-ms", "5"));
        int ratio = args.positive("ratio", 3);
        double periodMs = Double.parseDouble(args.string("period-ms", Double.toString((ratio + 1) * taskMs)));
        int pairs = args.positive("pairs", Math.max(1, threads / 2));
        boolean virtual = args.flag("virtual");
        boolean labels = args.flag("labels");
        String truth = args.string("truth", null);
        if (taskMs <= 0 || periodMs <= 0) {
            throw new IllegalArgumentException("--task-ms and --period-ms must be positive");
        }
        if (virtual) {
            Threads.requireVirtual();
        }
        Clock clock = Clock.choose(virtual);
        long bRounds = Math.max(1, Math.round(Work.roundsPerMs() * taskMs));
        CpuShares shares = new CpuShares(virtual ? virtualPool(threads) : platformPool(threads), clock, labels,
                bRounds, ratio);
        if (truth != null) {
            shares.startTruth(Path.of(truth), String.format("# CpuShares clock=%s threads=%d task-ms=%s ratio=%d "
                    + "period-ms=%s pairs=%d virtual=%s labels=%s b-rounds=%d", clock.name, threads, taskMs, ratio,
                    periodMs, pairs, virtual, labels, bRounds));
        }
        long periodNanos = Math.round(periodMs * 1e6);
        int backlog = BACKLOG_PER_THREAD * threads;
        Threads.start("scheduler", () -> shares.schedule(periodNanos, pairs, backlog));
    }

    void schedule(long periodNanos, int pairs, int backlog) {
        long next = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            for (int i = 0; i < pairs && outstanding.get() < backlog; i++) {
                submit(true);
                submit(false);
            }
            next += periodNanos;
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    private void submit(boolean a) {
        outstanding.incrementAndGet();
        Runnable task = a ? () -> measure(true, () -> Work.a(bRounds * ratio))
                : () -> measure(false, () -> Work.b(bRounds));
        Runnable labelled = labels ? () -> ProfileLabels.run(Map.of("tenant", a ? "a" : "b"), task) : task;
        pool.execute(labelled);
    }

    private void measure(boolean a, Runnable work) {
        Thread self = Thread.currentThread();
        long start = clock.now();
        ledger.begin(self, a, start);
        try {
            work.run();
        } finally {
            ledger.end(self, a, clock.now() - start);
            outstanding.decrementAndGet();
        }
    }

    private void startTruth(Path file, String header) throws IOException {
        Files.writeString(file, header + "\n");
        PrintStream out = new PrintStream(Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND), true);
        Thread writer = new Thread(() -> {
            while (true) {
                long[] t = ledger.snapshot();
                out.printf("%d %d %d %d %d%n", System.currentTimeMillis(), t[0], t[1], t[2], t[3]);
                try {
                    TimeUnit.MILLISECONDS.sleep(TRUTH_INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "truth");
        writer.setDaemon(true);
        writer.start();
    }

    private static ExecutorService platformPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, body -> new Thread(body, "worker-" + n.incrementAndGet()));
    }

    /** A virtual thread per task, at most {@code threads} at once (the scheduler waits for a slot). */
    private static Executor virtualPool(int threads) {
        Semaphore slots = new Semaphore(threads);
        AtomicInteger n = new AtomicInteger();
        return task -> {
            slots.acquireUninterruptibly();
            Threads.startVirtual("task-" + n.incrementAndGet(), () -> {
                try {
                    task.run();
                } finally {
                    slots.release();
                }
            });
        };
    }

    /** How a task measures itself: its thread's CPU time where the JVM gives it, else wall time. */
    static final class Clock {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        final String name;
        private final boolean cpu;

        private Clock(String name, boolean cpu) {
            this.name = name;
            this.cpu = cpu;
        }

        long now() {
            return cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        }

        /** What {@link #now} would return on {@code thread}, or -1 where its CPU time is not readable from outside. */
        long nowOn(Thread thread) {
            return cpu ? THREADS.getThreadCpuTime(thread.getId()) : System.nanoTime();
        }

        /** Thread CPU time, unless this JVM returns -1 for it on a virtual thread. */
        static Clock choose(boolean virtual) {
            boolean supported = THREADS.isCurrentThreadCpuTimeSupported();
            if (supported && virtual) {
                long[] seen = new long[1];
                Thread probe = Threads.startVirtual("cpu-clock-probe", () -> seen[0] = THREADS.getCurrentThreadCpuTime());
                try {
                    probe.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                supported = seen[0] >= 0;
            }
            return supported ? new Clock("thread-cpu", true) : new Clock("wall", false);
        }
    }

    /**
     * The task time spent in {@code a} and {@code b}: completed tasks, and the time so far of running
     * ones, so that the truth of a window is not off by the tasks running at its edges (a 50 ms pool
     * of 8 threads would otherwise shift a few seconds' truth by points).
     */
    static final class Ledger {
        private final Clock clock;
        private final Map<Thread, long[]> running = new HashMap<>(); // {1 for a, 0 for b; start}
        private final long[] done = new long[4]; // a ns, b ns, a tasks, b tasks

        Ledger(Clock clock) {
            this.clock = clock;
        }

        synchronized void begin(Thread thread, boolean a, long start) {
            running.put(thread, new long[] {a ? 1 : 0, start});
        }

        synchronized void end(Thread thread, boolean a, long spent) {
            running.remove(thread);
            done[a ? 0 : 1] += spent;
            done[a ? 2 : 3]++;
        }

        /** {a ns, b ns, a tasks, b tasks}; a running task whose clock is unreadable counts when it ends. */
        synchronized long[] snapshot() {
            long[] totals = done.clone();
            for (Map.Entry<Thread, long[]> e : running.entrySet()) {
                long now = clock.nowOn(e.getKey());
                if (now >= 0) {
                    totals[e.getValue()[0] == 1 ? 0 : 1] += Math.max(0, now - e.getValue()[1]);
                }
            }
            return totals;
        }
    }

    /** The two kinds of task: the same loop, {@code a} given {@code ratio} times the rounds of {@code b}. */
    static final class Work {
        private static final long SETTLED_NANOS = 2_000_000_000L;
        private static final long CALIBRATION_MAX_NANOS = 10_000_000_000L;
        static volatile long sink;

        static void a(long rounds) {
            sink = spin(rounds);
        }

        static void b(long rounds) {
            sink = spin(rounds);
        }

        static long spin(long rounds) {
            long x = rounds;
            for (long i = 0; i < rounds; i++) {
                x = (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
            }
            return x;
        }

        /**
         * Rounds of {@link #spin} per millisecond of CPU: the best of runs timed by this thread's CPU time
         * (wall time where the JVM has none), repeated until the best has not risen by 2 % for
         * {@link #SETTLED_NANOS} (at most {@link #CALIBRATION_MAX_NANOS}), so that the JIT's final code
         * is among them. Eight runs timed by the wall clock made a "5 ms" task anything from 0.015 to 1.0
         * times that length: on a loaded machine a preempted run looks slow, and so does every run
         * before C2 has compiled the loop (its compiler thread waits for a CPU too; half a second
         * without a gain was not enough at load average 25).
         */
        static double roundsPerMs() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            boolean cpu = threads.isCurrentThreadCpuTimeSupported();
            long rounds = 200_000;
            double best = 0;
            long begin = System.nanoTime();
            long risen = begin;
            for (long now = begin; now - risen < SETTLED_NANOS && now - begin < CALIBRATION_MAX_NANOS; now = System.nanoTime()) {
                long start = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
                sink = spin(rounds);
                long spent = (cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - start;
                double rate = rounds / Math.max(spent / 1e6, 1e-3);
                if (rate > best * 1.02) {
                    risen = System.nanoTime();
                }
                best = Math.max(best, rate);
                LockSupport.parkNanos(1_000_000); // the compiler thread's turn, on a machine with no CPU to spare
            }
            return best;
        }
    }
}
