package profcon.explain;

import java.util.Locale;
import java.util.Set;

/** Lock coarsening: one lock held around a whole batch, so each wait lasts a batch (long holds, few sites). */
final class LockCoarsening implements Rule {
    /**
     * A per-item critical section holds for microseconds; a mean wait of 5 ms or more at one site means the
     * holder does a batch of work inside (on a loaded 2-core machine descheduling alone adds about 1 ms).
     */
    static final double LONG_HOLD_NANOS = 5e6;
    /** Few sites: the batch method carries most of the waiting. */
    static final double FEW_SITES_SHARE = 0.7;
    /**
     * A long hold alone is also a slow single update (or a holder descheduled on a busy machine); samples
     * cannot see the loop inside the hold, so the method's name must say it handles many items. A heuristic:
     * medium confidence, and 'list' shows the loop.
     */
    static final java.util.regex.Pattern BATCH_NAME = java.util.regex.Pattern.compile(
            "(?i).*(batch|bulk|all|each|many|flush|drain|loop).*");

    @Override
    public String id() {
        return "lock-coarsening";
    }

    @Override
    public String name() {
        return "lock coarsening (a long hold around a batch)";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.LOCK);
    }

    @Override
    public Verdict judge(Evidence e) {
        LockFacts f = LockFacts.of(e);
        if (!f.contended() || f.share() < FEW_SITES_SHARE || f.meanWait() < LONG_HOLD_NANOS
                || f.lockClass().startsWith("read lock") || JdkContention.isJdkLock(f.lockClass())
                || !BATCH_NAME.matcher(WriteLockForReads.method(f.top().function())).matches()) {
            return Verdict.silent();
        }
        String evidence = String.format(Locale.ROOT, "%s: each wait lasts a whole hold of a method "
                + "named for many items, so the lock is held around the loop; hold it per item", f.sentence());
        return Verdict.found(new Finding(id(), name(), evidence, f.top().function(), f.top().location(),
                Confidence.MEDIUM, "list " + f.top().shortName(), "lock", f.topWaiting() * 1.1, LockContention.ID));
    }
}
