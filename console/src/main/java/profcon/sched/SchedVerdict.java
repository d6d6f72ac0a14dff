package profcon.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines that say what is wrong, when something is: a group that waited on a run queue longer
 * than it ran (CPU-starved), and a cgroup quota that throttled the target. A quiet target gets none.
 */
public final class SchedVerdict {
    /** Below this much run-queue wait per second of window a group is not called starved: a few wake-ups wait too. */
    static final double MIN_WAIT_PER_SECOND = 0.05;
    /** Throttled in fewer periods than this share is not called throttled. */
    static final double MIN_THROTTLED_SHARE = 0.05;
    /**
     * A group that used less CPU than this per second of window wants too little to be starved: on a
     * loaded machine a JVM's housekeeping thread waits tens of milliseconds at each wake-up, in a
     * target that has nothing to do.
     */
    static final double MIN_CPU_PER_SECOND = 0.01;
    /** A group with less than this share of all the run-queue wait is a bystander: on a busy machine every wake-up waits. */
    static final double MIN_SHARE_OF_WAIT = 0.10;
    private static final int MAX_STARVED = 3;

    private SchedVerdict() {
    }

    public static List<String> of(SchedResult r) {
        List<String> lines = new ArrayList<>();
        for (SchedGroup g : starved(r)) {
            lines.add(starved(g, r));
        }
        Throttling t = r.throttling();
        if (t != null && r.budget().hasQuota() && t.periods() > 0
                && (double) t.throttledPeriods() / t.periods() >= MIN_THROTTLED_SHARE) {
            lines.add(String.format(Locale.ROOT, "CPU-throttled: the cgroup's quota of %s stopped the target in %,d of "
                    + "%,d periods, %.2f s in all", SchedFormat.cpus(r.budget().quotaCpus()), t.throttledPeriods(),
                    t.periods(), t.throttledNanos() / 1e9));
        }
        return lines;
    }

    /** The CPU-starved pools, most waiting first, at most three (explain's cpu-saturation rule reads them too). */
    public static List<SchedGroup> starved(SchedResult r) {
        // profcon's own threads are its cost, not the application's trouble
        List<SchedGroup> groups = r.groups(false).stream().filter(g -> !g.kind().equals("agent")).toList();
        long allWait = groups.stream().mapToLong(SchedGroup::waitNanos).sum();
        return groups.stream().filter(g -> starved(g, r.seconds(), allWait)).limit(MAX_STARVED).toList();
    }

    /** Waited longer than it ran, for a noticeable part of the window and of all the waiting. */
    private static boolean starved(SchedGroup g, double seconds, long allWait) {
        return g.waitNanos() > g.cpuNanos() && g.waitNanos() / 1e9 / seconds >= MIN_WAIT_PER_SECOND
                && g.cpuNanos() / 1e9 / seconds >= MIN_CPU_PER_SECOND
                && g.waitNanos() >= MIN_SHARE_OF_WAIT * allWait;
    }

    private static String starved(SchedGroup g, SchedResult r) {
        String ratio = g.cpuNanos() == 0 ? "waited " + SchedFormat.seconds(g.waitNanos()) + " and got no CPU"
                : String.format(Locale.ROOT, "waited %.1f s per second of CPU it got", (double) g.waitNanos()
                / g.cpuNanos());
        return String.format(Locale.ROOT, "CPU-starved: pool %s%s, %d thread%s, %s, on %s", g.name(),
                g.kind().equals("java") ? "" : " (" + g.kind() + ")", g.threads().size(),
                g.threads().size() == 1 ? "" : "s", ratio, SchedFormat.cpus(r.budget().effective()));
    }
}
