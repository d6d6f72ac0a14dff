package profcon.explain;

import java.util.List;

/**
 * What {@code sched} measured over a live window, as the rules read it (the console's {@code profcon.sched}
 * makes it from {@code /proc}): the CPUs the target may use and its thread groups' CPU and run-queue wait.
 * {@code unavailable} says why there is no measurement (not Linux, {@code /proc} unreadable), and the
 * groups are then empty.
 *
 * @param windowNanos the time between the two readings, the denominator of sched's rates (longer than the
 *                    profiles' window: it holds JFR's start and the drain)
 * @param cpus        the CPUs the target may use (its cpuset, or its cgroup quota when lower)
 * @param groups      the pools, most run-queue wait first
 * @param unavailable why nothing was measured, or "" when it was
 * @param throttle    the cgroup's CPU quota and its throttling over the window, or null when there is no quota
 */
public record SchedSummary(long windowNanos, double cpus, List<Group> groups, String unavailable, Throttle throttle) {
    /**
     * One pool of one kind over the window; {@code starved} is {@code sched}'s own verdict (it waited on a run
     * queue longer than it ran, for a noticeable part of the window and of all the waiting).
     */
    public record Group(String name, String kind, int threads, long cpuNanos, long waitNanos, boolean starved) {
    }

    /**
     * The cgroup's CPU quota (CFS bandwidth) and what it did over the window ({@code cpu.stat}'s
     * differences): enforcement periods, how many of them throttled the group, the time throttled (as the
     * kernel sums it, over the group's run queues), and the processors the JVM believes it has.
     */
    public record Throttle(double quotaCpus, long periods, long throttledPeriods, long throttledNanos,
                           int availableProcessors) {
    }

    public SchedSummary {
        groups = List.copyOf(groups);
        unavailable = unavailable == null ? "" : unavailable;
    }

    /** A summary of a target without a CPU quota. */
    public SchedSummary(long windowNanos, double cpus, List<Group> groups, String unavailable) {
        this(windowNanos, cpus, groups, unavailable, null);
    }

    /** No measurement, and why. */
    public static SchedSummary unavailable(String why) {
        return new SchedSummary(0, 0, List.of(), why);
    }

    /** The readings' window in seconds, never zero. */
    public double seconds() {
        return Math.max(windowNanos, 1_000_000L) / 1e9;
    }

    public boolean measured() {
        return unavailable.isEmpty();
    }
}
