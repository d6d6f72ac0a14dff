package profcon.agent.jfr;

import jdk.jfr.FlightRecorder;

/**
 * JFR's own initialisation (its recorder and threads, its metadata, the JDK's instrumented events),
 * begun on the thread {@code profcon-jfr-init} when a command that will start a stream asks for it, so
 * that it overlaps the command's other requests. A stream started meanwhile waits for it inside JFR,
 * which locks its initialisation; it would otherwise run it. Once per session, and not at all on a JVM
 * whose JFR is initialised already.
 */
public final class JfrStartup {
    private static final long JOIN_MILLIS = 10_000;
    private Thread thread;

    /** Begins JFR's initialisation unless it has begun; returns at once. */
    public synchronized void begin() {
        if (thread != null || FlightRecorder.isInitialized()) {
            return;
        }
        thread = new Thread(JfrStartup::initialise, "profcon-jfr-init");
        thread.setDaemon(true);
        thread.start();
    }

    private static void initialise() {
        try {
            if (FlightRecorder.isAvailable()) {
                FlightRecorder.register(WindowMark.class); // the first registration loads JFR's metadata
                FlightRecorder.getFlightRecorder();
            }
        } catch (RuntimeException | LinkageError e) {
            // JFR refused (disabled, or its module missing): the stream's start then says why, to the console
        }
    }

    /** Waits for the initialisation to end, if one was begun: a detach leaves no profcon thread behind. */
    public synchronized void join() throws InterruptedException {
        if (thread != null) {
            thread.join(JOIN_MILLIS);
        }
    }
}
