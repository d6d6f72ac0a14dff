package profcon.explain;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Virtual-thread pinning: virtual threads blocked while they could not unmount, so their carriers (as many
 * as the cores) blocked with them; the culprit is the application frame under the pin.
 */
final class VirtualThreadPinning implements Rule {
    static final String ID = "virtual-thread-pinning";
    /**
     * A twentieth of one carrier held pinned: the carriers are as few as the cores, so that much is already
     * a twentieth of a core's worth of virtual threads that cannot run, while a pin now and then (a class
     * initializer at start-up) stays under it.
     */
    static final double MIN_PINNED_PER_SECOND = 0.05;
    /** A little above lock contention's score for the same waits, as every sharper reading scores. */
    private static final double REFINED = 1.1;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "virtual-thread pinning";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.BLOCK, Input.PINNING);
    }

    @Override
    public Verdict judge(Evidence e) {
        long nanos = Sites.nanos(e.block(), Evidence::pinned);
        long count = Sites.count(e.block(), Evidence::pinned);
        double perSecond = nanos / 1e9 / e.seconds();
        List<Sites.Site> sites = Sites.byCulprit(e.block(), Evidence::pinned);
        if (sites.isEmpty() || perSecond < MIN_PINNED_PER_SECOND) {
            return Verdict.healthy(String.format(Locale.ROOT, "pinning: %d pinned waits, %.3f s per second (a "
                    + "finding from %.2f)", count, perSecond, MIN_PINNED_PER_SECOND));
        }
        Sites.Site top = sites.get(0);
        String reason = Sites.topLabel(top.samples(), "pinned_reason");
        String evidence = String.format(Locale.ROOT, "virtual threads were pinned to their carriers %s per second "
                + "(%d pinned waits, mean %s); %s of it under %s, mostly: %s", Sites.seconds((long) (perSecond * 1e9)),
                count, Sites.millis((double) nanos / Math.max(count, 1)), Sites.percent((double) top.nanos() / nanos),
                top.shortName(), reason.isEmpty() ? "reason unknown" : reason);
        // the lock profile holds the same pinned waits (on "carrier thread"): as a sharper reading of lock
        // contention on the same culprit, it replaces that finding rather than repeating it
        return Verdict.found(new Finding(ID, name(), evidence, top.function(), top.location(), Confidence.HIGH,
                "top tagfocus=kind=pinned", "block", perSecond * REFINED, LockContention.ID));
    }
}
