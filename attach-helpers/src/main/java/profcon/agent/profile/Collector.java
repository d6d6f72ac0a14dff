package profcon.agent.profile;

import java.time.Duration;

/**
 * One live profile being collected in the target, whatever feeds it (a JFR stream, the wall-clock
 * sampler). Started once, then snapshotted any number of times, then stopped or aborted once.
 */
public interface Collector {
    /** Starts the collector's named daemon thread. */
    void start();

    /**
     * Ends the window by itself once it is {@code length} long (called once, right after
     * {@link #start}), so a collector whose stop must wait for its data has it by the time the
     * console's stop comes. A collector whose stop returns at once keeps its window open until stopped.
     */
    default void endAfter(Duration length) {
    }

    String kind();

    /** Events (or stack samples) aggregated so far. */
    long events();

    Duration elapsed();

    /** The settings in force, as {@code info} shows them. */
    String settings();

    /** Stops once what was recorded so far is aggregated, joins the thread, and returns the pprof bytes. */
    byte[] stop() throws InterruptedException;

    /** The profile collected so far; collection goes on. */
    byte[] snapshot();

    /** Stops without waiting for pending events (nobody will read them). */
    void abort() throws InterruptedException;

    /** CPU time used by the collector's own thread: the agent's share of the cost. */
    long cpuNanos();

    Thread thread();
}
