package profcon.explain;

import java.util.Locale;
import java.util.Set;

/**
 * "The lock profile is empty": says why instead of an empty table. Real but short waits (casebook 2)
 * are a finding: a stock JFR recording, whose monitor-enter threshold is 20 ms, shows none of them.
 * Too few waits to matter is a healthy note with the threshold and window that saw nothing.
 */
final class EmptyLockProfile implements Rule {
    /** Fewer waits than this in a window is an empty profile for the reader: the JVM's own threads park a few times. */
    static final long FEW_WAITS = 20;
    /** Fifty waits or more at one site, too short for a stock recording to see: the contention is real. */
    static final long SHORT_WAITS = 50;

    @Override
    public String id() {
        return "lock-profile-empty";
    }

    @Override
    public String name() {
        return "lock profile empty at JFR's stock threshold (short waits)";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.LOCK);
    }

    @Override
    public Verdict judge(Evidence e) {
        LockFacts f = LockFacts.of(e);
        if (f.contended()) {
            // lock contention speaks for these waits; few of them can still be a lot of waiting (seconds each,
            // or a census of virtual threads, one "wait" per thread seen waiting), so never "nothing was contended"
            return Verdict.silent();
        }
        if (f.waits() < FEW_WAITS) {
            return Verdict.healthy(String.format(Locale.ROOT, "lock profile empty: %,d waits in %.1f s at %s, so "
                    + "nothing was contended in this window (a thread blocked for good shows in 'goroutines', not "
                    + "here)", f.waits(), e.seconds(), threshold(e)));
        }
        if (f.top().count() < SHORT_WAITS || f.meanWait() >= LockContention.STOCK_THRESHOLD_NANOS) {
            return Verdict.silent();
        }
        String evidence = String.format(Locale.ROOT, "%,d waits on %s in %s, mean %s: all far below JFR's stock 20 ms "
                + "threshold, so a stock recording's lock profile is empty although threads do queue (%.3f threads "
                + "waiting on average; recorded here at %s)", f.top().count(), f.lockClass(), f.top().shortName(),
                Sites.millis(f.meanWait()), f.topWaiting(), threshold(e));
        return Verdict.found(new Finding(id(), name(), evidence, f.top().function(), f.top().location(),
                Confidence.MEDIUM, "peek " + f.top().shortName(), "lock", f.topWaiting(), LockContention.ID));
    }

    private static String threshold(Evidence e) {
        if (e.lockThreshold().isEmpty()) {
            return "the recording's own threshold";
        }
        return "threshold " + e.lockThreshold() + (e.lockThreshold().equals("0s") ? " (every wait counted)" : "");
    }
}
