package profcon.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Scheduler latency (issue #17's casebook case): every profile looks healthy and p99 is still bad.
 * A few {@code request-N} threads serve requests that each need a little CPU, a few milliseconds
 * apart; no lock, no I/O, no allocation to speak of. In the same JVM a {@code batch-N} pool sized
 * at twice the processors (a reindex "sized to the machine") computes without pause. The CPU
 * profile shows the batch work, as expected; lock and block profiles are empty; the request
 * threads are mostly TIMED_WAITING between requests. What makes each request slow is time spent
 * runnable but waiting for a CPU, which only the kernel's per-thread run-queue counters show.
 *
 * <p>Options: {@code --requests=4} request threads, {@code --request-us=4000} of CPU per request
 * (a spin bounded by the thread's CPU clock), {@code --gap-us=4000} between two requests of a thread,
 * {@code --batch=2*processors} batch threads.
 */
public final class SchedulerLatency {
    private SchedulerLatency() {
    }

    public static void main(String[] argv) {
        Target.run("SchedulerLatency", argv, SchedulerLatency::start);
    }

    static void start(Args args) {
        int requests = args.positive("requests", 4);
        long requestNanos = TimeUnit.MICROSECONDS.toNanos(args.positive("request-us", 4000));
        long gapNanos = TimeUnit.MICROSECONDS.toNanos(args.positive("gap-us", 4000));
        int batch = args.positive("batch", 2 * Runtime.getRuntime().availableProcessors());
        for (int i = 1; i <= requests; i++) {
            Threads.start("request-" + i, () -> Request.serveForever(requestNanos, gapNanos));
        }
        for (int i = 1; i <= batch; i++) {
            Threads.startSmall("batch-" + i, Batch::computeForever);
        }
    }

    /** A request handler: a short piece of CPU work, then the wait for the next request. */
    static final class Request {
        private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
        static volatile long sink;

        static void serveForever(long requestNanos, long gapNanos) {
            Target.awaitReadyLine();
            while (true) {
                sink = handle(requestNanos);
                LockSupport.parkNanos(gapNanos);
            }
        }

        // Bounded by the thread's own CPU clock: each request needs the same CPU on any machine, so
        // the time it waits for a CPU adds to its latency instead of shortening its work.
        static long handle(long nanos) {
            long x = nanos;
            long end = CPU.getCurrentThreadCpuTime() + nanos;
            while (CPU.getCurrentThreadCpuTime() < end) {
                for (int i = 0; i < 1000; i++) {
                    x = (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
                }
            }
            return x;
        }
    }

    /** The batch job's thread: computes without pause. */
    static final class Batch {
        static volatile long sink;

        static void computeForever() {
            // Spinning threads would starve main before it prints the ready line.
            Target.awaitReadyLine();
            long x = Thread.currentThread().getName().hashCode();
            while (true) {
                x = reindex(x);
                sink = x;
            }
        }

        // Bounded rounds per call, so the thread passes a safepoint poll on every return.
        static long reindex(long x) {
            for (int i = 0; i < 100_000; i++) {
                x = (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
            }
            return x;
        }
    }
}
