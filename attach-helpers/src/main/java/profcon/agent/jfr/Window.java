package profcon.agent.jfr;

import java.time.Instant;

/**
 * The span of wall-clock time a live profile covers, {@code [start, stop)}: an event counts only
 * when its start time lies inside, so the profile holds exactly the window its duration says,
 * whatever JFR delivers before or after it (JDK 17 delivers a stream's events a flush late).
 */
final class Window {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private volatile long startEpochNanos;
    private volatile long stopEpochNanos = Long.MAX_VALUE;

    void begin(Instant start) {
        startEpochNanos = epochNanos(start);
    }

    void end(long stopEpochNanos) {
        this.stopEpochNanos = Math.max(startEpochNanos, stopEpochNanos);
    }

    boolean isOpen() {
        return stopEpochNanos == Long.MAX_VALUE;
    }

    boolean contains(Instant t) {
        long nanos = epochNanos(t);
        return nanos >= startEpochNanos && nanos < stopEpochNanos;
    }

    long startEpochNanos() {
        return startEpochNanos;
    }

    /** The window's length so far: up to now while it is open, up to its stop once ended. */
    long durationNanos() {
        long end = isOpen() ? epochNanos(Instant.now()) : stopEpochNanos;
        return Math.max(0, end - startEpochNanos);
    }

    static long epochNanos(Instant t) {
        return t.getEpochSecond() * NANOS_PER_SECOND + t.getNano();
    }
}
