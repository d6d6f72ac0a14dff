package profcon.explain;

import java.util.Set;

/** Lock contention: threads queue on one monitor or java.util.concurrent lock; the general lock shape. */
final class LockContention implements Rule {
    static final String ID = "lock-contention";
    /** A site with at least half the waiting is the lock to fix; below, the waiting is spread and less sure. */
    static final double CLEAR_SHARE = 0.5;
    /** JFR's stock monitor-enter threshold: waits shorter are missing from a stock recording's lock profile. */
    static final double STOCK_THRESHOLD_NANOS = 20e6;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "lock contention";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.LOCK);
    }

    @Override
    public Verdict judge(Evidence e) {
        LockFacts f = LockFacts.of(e);
        if (!f.contended()) {
            return Verdict.healthy(String.format(java.util.Locale.ROOT,
                    "lock: %.2f threads waiting on average (a finding from %.1f)", f.waiting(),
                    LockFacts.MIN_WAITING_THREADS));
        }
        String evidence = f.sentence();
        if (f.meanWait() < STOCK_THRESHOLD_NANOS) {
            evidence += "; these waits are shorter than JFR's stock 20 ms threshold, which is why a stock "
                    + "recording's lock profile looks empty";
        }
        Confidence c = f.share() >= CLEAR_SHARE ? Confidence.HIGH : Confidence.MEDIUM;
        return Verdict.found(new Finding(ID, name(), evidence, f.top().function(), f.top().location(), c,
                "peek " + f.top().shortName(), "lock", f.topWaiting(), ""));
    }
}
