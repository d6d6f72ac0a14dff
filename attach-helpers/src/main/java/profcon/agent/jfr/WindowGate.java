package profcon.agent.jfr;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import jdk.jfr.FlightRecorder;

/**
 * Ends a live profile's window at its planned instant from inside JFR's periodic thread, as the
 * hook of the periodic {@link WindowMark}. That thread also flushes, after its hooks, and a stream
 * sees data only once a flush wrote it. JFR flushes once a second in a phase of its own (on a
 * target whose JFR was idle, within a few tens of milliseconds of each whole second of the window,
 * before it on JDK 17 and after it on 25), so a mark committed at the end by any other thread
 * often just misses a flush and the stop waits a second for the next. Within {@link #HORIZON} of
 * the end the hook holds the periodic thread until the end, once per profile: a flush that fell due
 * meanwhile comes right after the mark, and one that did not comes within a period of the end.
 *
 * <p>The same on JDK 17 and 25: both run the periodic hooks and then the flush in one pass of
 * {@code RequestEngine.doPeriodic}, and a flush writes every thread's buffers, the execution
 * sampler's too, so an ordered stream delivers all of the window's samples before the mark.
 */
final class WindowGate implements Runnable {
    /** How often JFR calls the hook while the profile runs: a flush can slip past the gate by this much. */
    static final Duration PERIOD = Duration.ofMillis(50);
    /** JFR's flushes are a second apart: holding JFR's periodic thread for the window's last second catches one. */
    static final Duration HORIZON = Duration.ofSeconds(1);
    private static final long NONE = Long.MAX_VALUE;
    private final LongConsumer endWindow;
    private volatile long endEpochNanos = NONE;

    private WindowGate(LongConsumer endWindow) {
        this.endWindow = endWindow;
    }

    /** Registers a gate as the periodic hook of {@link WindowMark}; it does nothing until {@link #plan}. */
    static WindowGate install(LongConsumer endWindow) {
        WindowGate gate = new WindowGate(endWindow);
        FlightRecorder.addPeriodicEvent(WindowMark.class, gate);
        return gate;
    }

    /** Ends the window at {@code epochNanos} (epoch nanoseconds), by the hook's call that comes within the horizon. */
    void plan(long epochNanos) {
        endEpochNanos = epochNanos;
    }

    /** The planned end, {@link Long#MAX_VALUE} when none. */
    long plannedEnd() {
        return endEpochNanos;
    }

    /** Drops the plan, lets a waiting hook go (the stop has ended the window), and unregisters the hook. */
    void remove() {
        synchronized (this) {
            endEpochNanos = NONE;
            notifyAll();
        }
        FlightRecorder.removePeriodicEvent(this);
    }

    @Override
    public void run() {
        long end = endEpochNanos;
        if (end != NONE && end - now() <= HORIZON.toNanos() && awaitEnd(end)) {
            endWindow.accept(end);
            endEpochNanos = NONE;
        }
    }

    /** Waits until {@code end}; false when the plan was dropped meanwhile. */
    private synchronized boolean awaitEnd(long end) {
        try {
            for (long left = end - now(); left > 0 && endEpochNanos == end; left = end - now()) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // JFR's own thread: its interruption is JFR's to see
            return false;
        }
        return endEpochNanos == end;
    }

    private static long now() {
        return Window.epochNanos(Instant.now());
    }
}
