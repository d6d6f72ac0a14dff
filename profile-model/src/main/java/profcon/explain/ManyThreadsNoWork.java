package profcon.explain;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/** Many threads, no work: hundreds of threads stuck on one stack while the CPU idles. */
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
        ThreadSnapshot.Group g = s.groups().stream().max(Comparator.comparingInt(ThreadSnapshot.Group::idle))
                .orElse(null);
        if (g == null || g.idle() < MANY || g.idle() < GROUP_SHARE * s.threads()) {
            return Verdict.healthy(String.format(Locale.ROOT, "threads: the largest idle group has %,d threads "
                    + "(a finding from %,d)", g == null ? 0 : g.idle(), MANY));
        }
        String cpu = e.cpu() == null ? "" : String.format(Locale.ROOT, ", while Java code used %.2f cores",
                Sites.nanos(e.cpu(), x -> true) / 1e9 / e.seconds());
        String evidence = String.format(Locale.ROOT, "%,d of %,d threads are blocked or waiting on one stack, in %s "
                + "under %s%s%s", g.idle(), s.threads(), Sites.shortName(g.top()), Sites.shortName(g.culprit()),
                g.lock().isEmpty() ? "" : " on " + g.lock(), cpu);
        return Verdict.found(new Finding(id(), name(), evidence, g.culprit(), g.location(), Confidence.HIGH,
                "goroutines", "threads", g.idle() * PER_THREAD, ""));
    }
}
