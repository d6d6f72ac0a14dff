package profcon.explain;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * CPU throttled by a cgroup quota: the container may use Q CPUs per period and the target used them up
 * before the period ended, so every thread stopped until the next one (sched's "CPU-throttled"); a JVM
 * sizing its pools for the machine's processors inside a smaller quota runs in bursts and stops. The
 * culprit is the busiest site of the pool that spent most of the quota.
 */
final class CpuThrottled implements Rule {
    static final String ID = "cpu-throttled";
    /**
     * Throttled in at least one period in twenty, as sched's own verdict: below, the quota bit during a burst
     * (a JIT compile, a GC) and let go, which no request notices twice.
     */
    static final double MIN_THROTTLED_SHARE = 0.05;
    /**
     * At least 50 ms stopped per second of window (a twentieth of the time): the smallest stop a request
     * that lands in a throttled period notices as latency, as lock contention's 0.1 threads waiting is.
     */
    static final double MIN_THROTTLED_PER_SECOND = 0.05;
    /** A little above cpu-saturation's score for the same run-queue wait: the quota is its cause. */
    private static final double REFINED = 1.1;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "CPU throttled by the cgroup's quota (container CPU limit)";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.SCHED);
    }

    @Override
    public Verdict judge(Evidence e) {
        SchedSummary.Throttle t = e.sched().throttle();
        if (t == null) {
            return Verdict.healthy("cpu quota: none on the target's cgroup, nothing can throttle it");
        }
        double share = t.periods() == 0 ? 0 : (double) t.throttledPeriods() / t.periods();
        double perSecond = t.throttledNanos() / 1e9 / e.sched().seconds();
        if (share < MIN_THROTTLED_SHARE || perSecond < MIN_THROTTLED_PER_SECOND) {
            return Verdict.healthy(String.format(Locale.ROOT, "cpu quota: %s, throttled in %,d of %,d periods, %.2f s "
                    + "per second (a finding from %.0f %% of the periods and %.2f s/s)", CpuSaturation.cpus(t.quotaCpus()),
                    t.throttledPeriods(), t.periods(), perSecond, 100 * MIN_THROTTLED_SHARE, MIN_THROTTLED_PER_SECOND));
        }
        return Verdict.found(finding(e, t, share, perSecond));
    }

    private Finding finding(Evidence e, SchedSummary.Throttle t, double share, double perSecond) {
        String evidence = String.format(Locale.ROOT, "CPU-throttled: the cgroup's quota of %s stopped the target in "
                + "%,d of %,d periods (%s), %.2f s throttled per second of the window", CpuSaturation.cpus(t.quotaCpus()),
                t.throttledPeriods(), t.periods(), Sites.percent(share), perSecond);
        if (t.availableProcessors() > t.quotaCpus()) {
            evidence += String.format(Locale.ROOT, "; the JVM sizes its pools for %d processors "
                    + "(availableProcessors)", t.availableProcessors());
        }
        SchedSummary.Group spender = e.sched().groups().stream().filter(g -> g.kind().equals("java"))
                .max(Comparator.comparingLong(SchedSummary.Group::cpuNanos)).orElse(null);
        Sites.Site hot = spender == null ? null : CpuSaturation.hottest(e, spender.name());
        String culprit = hot != null ? hot.function() : spender != null ? "pool " + spender.name() : "";
        double wait = e.sched().groups().stream().mapToLong(SchedSummary.Group::waitNanos).max().orElse(0) / 1e9
                / e.sched().seconds();
        return new Finding(ID, name(), evidence, culprit, hot == null ? "" : hot.location(), Confidence.HIGH,
                "sched 10s", "sched", REFINED * Math.max(perSecond, wait), CpuSaturation.ID);
    }
}
