package profcon.explain;

import java.util.Locale;
import java.util.Set;

/** "The lock profile is empty": says why (threshold, window, nothing contended) instead of an empty table. */
final class EmptyLockProfile implements Rule {
    /** Fewer waits than this in a window is an empty profile for the reader: the JVM's own threads park a few times. */
    static final long FEW_WAITS = 20;

    @Override
    public String id() {
        return "lock-profile-empty";
    }

    @Override
    public String name() {
        return "lock profile empty, explained";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.LOCK);
    }

    @Override
    public Verdict judge(Evidence e) {
        long waits = Sites.count(e.lock(), s -> true);
        if (waits >= FEW_WAITS) {
            return Verdict.silent();
        }
        String threshold = e.lockThreshold().isEmpty() ? "the recording's own threshold"
                : "threshold " + e.lockThreshold() + (e.lockThreshold().equals("0s") ? " (every wait counted)" : "");
        return Verdict.healthy(String.format(Locale.ROOT, "lock profile empty: %,d waits in %.1f s at %s, so nothing "
                + "was contended in this window (JFR's stock 20 ms threshold hides short waits; a thread blocked "
                + "for good shows in 'goroutines', not here)", waits, e.seconds(), threshold));
    }
}
