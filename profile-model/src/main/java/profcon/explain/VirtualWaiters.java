package profcon.explain;

import java.util.Locale;

/**
 * Says in a lock or block finding's evidence how many virtual threads the window's last thread
 * snapshot found waiting at its culprit, and on what: on a Loom service the waits are sampled
 * averages, and the on-call question is how many requests are stuck there now.
 */
final class VirtualWaiters {
    private VirtualWaiters() {
    }

    /** The finding with "at the window's end, N virtual threads waited here" added, or as it was when none did. */
    static Finding note(Finding f, Evidence e) {
        boolean waits = f.profile().equals("lock") || f.profile().equals("block");
        if (!waits || e.last() == null || f.culprit().isEmpty()) {
            return f;
        }
        int count = 0;
        String lock = "";
        for (ThreadSnapshot.Group g : e.last().groups()) {
            int waiting = Math.min(g.virtual(), g.idle()); // one stack, so nearly always one state for all
            if (waiting > 0 && g.culprit().equals(f.culprit())) {
                count += waiting;
                lock = lock.isEmpty() ? g.lock() : lock;
            }
        }
        if (count == 0) {
            return f;
        }
        String evidence = f.evidence() + String.format(Locale.ROOT, "; at the window's end %,d virtual thread%s "
                + "waited there%s (thread snapshot)", count, count == 1 ? "" : "s", lock.isEmpty() ? "" : " on " + lock);
        return new Finding(f.id(), f.name(), evidence, f.culprit(), f.location(), f.confidence(), f.next(),
                f.profile(), f.score(), f.refines());
    }
}
