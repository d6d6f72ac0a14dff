package profcon.explain;

import java.util.EnumSet;
import java.util.Set;
import profcon.model.Profile;

/**
 * Everything the rules may read about one window (a live {@code explain}, or a recording read
 * later): the profiles split by kind, the pause events as a profile of their own, and the
 * thread snapshots at both ends. Any part may be null when the source did not hold it.
 *
 * @param source        what was explained ("pid 4242, 10s window", "recording.jfr")
 * @param windowNanos   the window's length, the denominator of every "per second"
 * @param lockThreshold the threshold lock waits were recorded at ("0s"), or "" when unknown
 */
public record Evidence(String source, long windowNanos, String lockThreshold, Profile cpu, Profile lock,
                       Profile block, Profile pauses, ThreadSnapshot first, ThreadSnapshot last) {
    public Evidence {
        lockThreshold = lockThreshold == null ? "" : lockThreshold;
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
        return in;
    }

    /** The window in seconds, never zero (a recording of one instant counts as a millisecond). */
    public double seconds() {
        return Math.max(windowNanos, 1_000_000L) / 1e9;
    }
}
