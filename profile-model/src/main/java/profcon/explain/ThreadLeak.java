package profcon.explain;

import java.util.Locale;
import java.util.Set;

/** Thread leak: one group of identical stacks grows between the snapshots and never drains. */
final class ThreadLeak implements Rule {
    /** Ten more threads parked on one stack within the window: more than a pool warming up by chance. */
    static final int MIN_GROWTH = 10;
    /** At least one new thread a second, so a pool's slow warm-up is not called a leak. */
    static final double MIN_RATE = 1.0;

    @Override
    public String id() {
        return "thread-leak";
    }

    @Override
    public String name() {
        return "thread leak";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.THREADS);
    }

    @Override
    public Verdict judge(Evidence e) {
        double seconds = Math.max(0.001, (e.last().timeMillis() - e.first().timeMillis()) / 1000.0);
        ThreadSnapshot.Group grown = null;
        int growth = 0;
        for (ThreadSnapshot.Group g : e.last().groups()) {
            ThreadSnapshot.Group before = e.first().group(g.key());
            int d = g.idle() - (before == null ? 0 : before.idle());
            if (d > growth) {
                growth = d;
                grown = g;
            }
        }
        double rate = growth / seconds;
        if (grown == null || growth < MIN_GROWTH || rate < MIN_RATE) {
            return Verdict.healthy(String.format(Locale.ROOT, "threads: %,d then %,d; no stack group grew by %d or more",
                    e.first().threads(), e.last().threads(), MIN_GROWTH));
        }
        String evidence = String.format(Locale.ROOT, "%,d threads with one identical stack parked in %s under %s; "
                + "the group grew by %,d in %.1f s (%.1f threads/s; %,d threads in all now), none left it",
                grown.count(), Sites.shortName(grown.top()), Sites.shortName(grown.culprit()), growth, seconds, rate,
                e.last().threads());
        return Verdict.found(new Finding(id(), name(), evidence, grown.culprit(), grown.location(), Confidence.HIGH,
                "goroutines diff 10s", "threads", rate, ""));
    }
}
