package profcon.explain;

import java.util.EnumSet;
import java.util.Set;
import profcon.model.Profile;
import profcon.model.Sample;

/**
 * Everything the rules may read about one window (a live {@code explain}, or a recording read
 * later): the profiles split by kind, the pause events as a profile of their own, the thread
 * snapshots at both ends, and on a live window the run-queue wait ({@code sched}) and the
 * target's Java version. Any part may be null when the source did not hold it.
 *
 * @param source        what was explained ("pid 4242, 10s window", "recording.jfr")
 * @param windowNanos   the window's length, the denominator of every "per second"
 * @param lockThreshold the threshold lock waits were recorded at ("0s"), or "" when unknown
 * @param sched         the window's run-queue wait, or why it could not be read; null offline
 * @param javaFeature   the target's Java feature version (21), or 0 when unknown (a file)
 */
public record Evidence(String source, long windowNanos, String lockThreshold, Profile cpu, Profile lock,
                       Profile block, Profile pauses, ThreadSnapshot first, ThreadSnapshot last, SchedSummary sched,
                       int javaFeature) {
    /** The first JDK with {@code jdk.VirtualThreadPinned}. */
    static final int PINNING_SINCE = 21;

    public Evidence {
        lockThreshold = lockThreshold == null ? "" : lockThreshold;
    }

    /** Evidence without sched and without a known Java version: a file, or a test of the profile rules. */
    public Evidence(String source, long windowNanos, String lockThreshold, Profile cpu, Profile lock, Profile block,
                    Profile pauses, ThreadSnapshot first, ThreadSnapshot last) {
        this(source, windowNanos, lockThreshold, cpu, lock, block, pauses, first, last, null, 0);
    }

    /** The inputs present. */
    public Set<Input> inputs() {
        Set<Input> in = EnumSet.noneOf(Input.class);
        if (cpu != null) {
            in.add(Input.CPU);
        }
        if (lock != null) {
            in.add(Input.LOCK);
        }
        if (block != null) {
            in.add(Input.BLOCK);
        }
        if (pauses != null) {
            in.add(Input.PAUSES);
        }
        if (first != null && last != null) {
            in.add(Input.THREADS);
        }
        if (sched != null && sched.measured()) {
            in.add(Input.SCHED);
        }
        if (javaFeature >= PINNING_SINCE || hasPinned(block) || hasPinned(lock)) {
            in.add(Input.PINNING); // a file does not say its JVM's version, but a pinned sample says it had the event
        }
        return in;
    }

    /** Why an input is missing when this evidence knows better than "this data does not hold it", else null. */
    public String whyMissing(Input input) {
        if (input == Input.SCHED && sched != null && !sched.measured()) {
            return "run-queue wait from /proc, which could not be read: " + sched.unavailable();
        }
        if (input == Input.SCHED && sched == null) {
            return "run-queue wait, which only a live window reads (from /proc, with sched)";
        }
        if (input == Input.PINNING && javaFeature > 0 && javaFeature < PINNING_SINCE) {
            return "jdk.VirtualThreadPinned, and the JVM (Java " + javaFeature + ") has no pinning events (JDK 21+)";
        }
        return null;
    }

    /** The window in seconds, never zero (a recording of one instant counts as a millisecond). */
    public double seconds() {
        return Math.max(windowNanos, 1_000_000L) / 1e9;
    }

    private static boolean hasPinned(Profile p) {
        return p != null && p.samples().stream().anyMatch(Evidence::pinned);
    }

    static boolean pinned(Sample s) {
        return "pinned".equals(s.label("kind"));
    }
}
