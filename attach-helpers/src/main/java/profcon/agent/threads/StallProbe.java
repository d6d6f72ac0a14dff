package profcon.agent.threads;

import java.util.concurrent.locks.LockSupport;

/**
 * A thread that measures the longest time it could not run while an operation was in progress:
 * it wakes every 200 µs and records the longest gap between wake-ups beyond what it asked for.
 * A Java thread cannot run during a safepoint, so this is the stall the target's own threads
 * suffered (scheduling delays on a busy machine show up too: it is an upper bound on the pause).
 */
final class StallProbe {
    private static final long TICK_NS = 200_000;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long longestNs;

    private StallProbe() {
        thread = new Thread(this::run, "profcon-probe");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    static StallProbe start() {
        StallProbe probe = new StallProbe();
        probe.thread.start();
        return probe;
    }

    private void run() {
        long last = System.nanoTime();
        while (running) {
            LockSupport.parkNanos(TICK_NS);
            long now = System.nanoTime();
            long gap = now - last - TICK_NS;
            if (gap > longestNs) {
                longestNs = gap;
            }
            last = now;
        }
    }

    /** Stops the probe, joins it, and returns the longest stall it saw in nanoseconds; idempotent. */
    long stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Math.max(0, longestNs);
    }
}
