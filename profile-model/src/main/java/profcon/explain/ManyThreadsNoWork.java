package profcon.explain;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/** Many threads, no work: hundreds of platform threads stuck on one stack while the CPU idles. */
final class ManyThreadsNoWork implements Rule {
    /** Hundreds of threads on one stack: far more than a 2 to 64 core machine can use. */
    static final int MANY = 200;
    /** Most of the JVM's threads in that one group. */
    static final double GROUP_SHARE = 0.5;
    /** Scale to threads lost: a hundred stuck threads rank as one thread's worth of work lost. */
    static final double PER_THREAD = 0.01;

    @Override
    public String id() {
        return "many-threads-no-work";
    }

    @Override
    public String name() {
        return "many threads, no work";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.THREADS);
    }

    @Override
    public Verdict judge(Evidence e) {
        ThreadSnapshot s = e.last();
        ThreadSnapshot.Group g = s.groups().stream().max(Comparator.comparingInt(ManyThreadsNoWork::idlePlatform))
                .orElse(null);
        int idle = g == null ? 0 : idlePlatform(g);
        int virtual = s.groups().stream().mapToInt(ThreadSnapshot.Group::virtual).sum();
        int platform = s.threads() - virtual;
        if (idle < MANY || idle < GROUP_SHARE * platform) {
            return Verdict.healthy(String.format(Locale.ROOT, "threads: the largest idle group has %,d threads "
                    + "(a finding from %,d)%s", idle, MANY, virtual == 0 ? "" : String.format(Locale.ROOT,
                    "; %,d virtual threads not counted: an idle one holds no OS thread and no fixed stack", virtual)));
        }
        String cpu = e.cpu() == null ? "" : String.format(Locale.ROOT, ", while Java code used %.2f cores",
                Sites.nanos(e.cpu(), x -> true) / 1e9 / e.seconds());
        String evidence = String.format(Locale.ROOT, "%,d of %,d threads are blocked or waiting on one stack, in %s "
                + "under %s%s%s", idle, platform, Sites.shortName(g.top()), Sites.shortName(g.culprit()),
                g.lock().isEmpty() ? "" : " on " + g.lock(), cpu);
        return Verdict.found(new Finding(id(), name(), evidence, g.culprit(), g.location(), Confidence.HIGH,
                "goroutines", "threads", idle * PER_THREAD, ""));
    }

    /**
     * The group's idle platform threads: on a Loom service thousands of parked virtual threads are the design
     * working (each a few hundred bytes, no OS thread), not the cost this shape is about.
     */
    private static int idlePlatform(ThreadSnapshot.Group g) {
        return g.idle() - Math.min(g.virtual(), g.idle());
    }
}
