package profcon.agent.jfr;

import java.time.Duration;
import profcon.agent.profile.Durations;

/**
 * The virtual-thread scheduler's own parks, which JFR records as {@code jdk.ThreadPark} like any
 * other: on a JVM where the scheduler runs, the threshold of that event is raised to {@link #FLOOR}
 * so its carriers' and timer thread's idle parks (15,000 a second on the bench's Loom
 * service, none of them an application's wait) are not recorded. See docs/virtual-threads.md.
 */
final class SchedulerParks {
    /** Above nearly every scheduler park measured (99.7 % were shorter on a busy Loom service). */
    static final Duration FLOOR = Duration.ofMillis(1);
    /** What the floor hides, for the kinds' blind spots. */
    static final String BLIND_SPOT = "Once a JVM runs virtual threads, platform threads' parks shorter than "
            + Durations.format(FLOOR) + " are not recorded (park_threshold=, in the settings): the scheduler's own "
            + "parks would flood JFR.";
    private static final String CARRIER_CLASS = "jdk.internal.misc.CarrierThread";
    private static final String CARRIER_GROUP = "CarrierThreads";
    /** JDK 21-24's timer for virtual threads' timed parks (25 has a {@code DelayScheduler} among the carriers). */
    private static final String UNPARKER = "VirtualThread-unparker";
    private static volatile boolean seen;

    private SchedulerParks() {
    }

    /** {@code asked}, or the floor when this JVM's virtual-thread scheduler runs and {@code asked} is below it. */
    static Duration parkThreshold(Duration asked) {
        return asked.compareTo(FLOOR) < 0 && schedulerRuns() ? FLOOR : asked;
    }

    /** The settings word saying the floor is in force ({@code " park_threshold=1ms"}), or "" when it is not. */
    static String setting(Duration asked) {
        Duration parks = parkThreshold(asked);
        return parks.equals(asked) ? "" : " park_threshold=" + Durations.format(parks);
    }

    /** The profile's comment saying why, or null when the floor is not in force. */
    static String comment(Duration asked) {
        Duration parks = parkThreshold(asked);
        return parks.equals(asked) ? null : "profcon: jdk.ThreadPark recorded from " + Durations.format(parks)
                + " (park_threshold): this JVM runs the virtual-thread scheduler, whose carriers and timer thread park "
                + "thousands of times a second, never for an application; virtual threads' waits are sampled whatever "
                + "their length, platform threads' parks shorter than " + Durations.format(parks) + " are not seen";
    }

    /**
     * True once a virtual thread has run here: its scheduler's threads (carriers, timer) exist. Kept once
     * seen: idle carriers end after a while but the scheduler comes back with the next virtual thread, and
     * a profile's settings, events and comment all ask and must agree.
     */
    static boolean schedulerRuns() {
        if (!seen) {
            seen = scanForScheduler();
        }
        return seen;
    }

    private static boolean scanForScheduler() {
        for (Thread t : platformThreads()) {
            if (t.getClass().getName().equals(CARRIER_CLASS) || UNPARKER.equals(t.getName())) {
                return true;
            }
            ThreadGroup g = t.getThreadGroup();
            if (g != null && CARRIER_GROUP.equals(g.getName())) {
                return true;
            }
        }
        return false;
    }

    // ThreadGroup.enumerate lists live platform threads without their stacks (no safepoint, unlike getAllStackTraces)
    private static Thread[] platformThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 32];
        int n = root.enumerate(threads, true);
        return java.util.Arrays.copyOf(threads, n);
    }
}
