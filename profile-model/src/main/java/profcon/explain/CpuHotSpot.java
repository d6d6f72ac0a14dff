package profcon.explain;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** CPU hot spot: one application site burns a large part of the CPU the JVM's Java code uses. */
final class CpuHotSpot implements Rule {
    static final String ID = "cpu-hot-spot";
    /** Half a core at one site: below that a service's CPU cost is rarely what hurts. */
    static final double HOT_CORES = 0.5;
    /** The site must carry a quarter of the samples to be "the" hot spot rather than one of many. */
    static final double HOT_SHARE = 0.25;

    /**
     * Whether a site is busy: it used {@code minCores}, or threads run in its class at both ends of the window
     * (the class, not the method: a thread that compresses then decompresses is caught in either). On a
     * machine whose CPUs are shared JFR's samples undercount threads that want the CPU (two spinning threads
     * gave 0.14 cores of samples on the loaded test machine), while a snapshot still finds them RUNNABLE.
     */
    static boolean busy(Evidence e, String function, double cores, double minCores) {
        String cls = function.substring(0, Math.max(0, function.lastIndexOf('.')));
        return cores >= minCores || (e.first() != null && e.last() != null
                && Math.min(e.first().runnableIn(cls), e.last().runnableIn(cls)) >= 1);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "CPU hot spot";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.CPU);
    }

    @Override
    public Verdict judge(Evidence e) {
        long total = Sites.nanos(e.cpu(), s -> true);
        List<Sites.Site> sites = Sites.byCulprit(e.cpu(), s -> true);
        double cores = total / 1e9 / e.seconds();
        if (sites.isEmpty()) {
            return Verdict.healthy("cpu: no samples of Java code (the JVM was idle, or ran only in native or GC)");
        }
        Sites.Site top = sites.get(0);
        double topCores = top.nanos() / 1e9 / e.seconds();
        double share = (double) top.nanos() / total;
        if (!busy(e, top.function(), topCores, HOT_CORES) || share < HOT_SHARE) {
            return Verdict.healthy(String.format(Locale.ROOT, "cpu: %.2f cores of Java code, the busiest site %s at "
                    + "%.2f cores (a finding from %.1f)", cores, top.shortName(), topCores, HOT_CORES));
        }
        String leaf = Sites.shortName(Sites.leaf(top.samples().get(0)));
        String evidence = String.format(Locale.ROOT, "%s used %.2f cores, %s of the %.2f cores of Java code sampled%s",
                top.shortName(), topCores, Sites.percent(share), cores,
                leaf.equals(top.shortName()) ? "" : " (its busiest callee: " + leaf + ")");
        return Verdict.found(new Finding(ID, name(), evidence, top.function(), top.location(), Confidence.HIGH,
                "list " + top.shortName(), "cpu", topCores, ""));
    }
}
