package profcon.explain;

import java.util.Set;

/** Deadlock: threads waiting on each other in a cycle, found by the agent in the thread snapshots. */
final class DeadlockRule implements Rule {
    /** A deadlock never resolves: it outranks any measured cost. */
    static final double SCORE = 1_000;

    @Override
    public String id() {
        return "deadlock";
    }

    @Override
    public String name() {
        return "deadlock";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.THREADS);
    }

    @Override
    public Verdict judge(Evidence e) {
        ThreadSnapshot at = e.last().deadlocks().isEmpty() ? e.first() : e.last();
        if (at.deadlocks().isEmpty()) {
            return Verdict.healthy("deadlocks: none among " + e.last().threads() + " threads");
        }
        ThreadSnapshot.Cycle c = at.deadlocks().get(0);
        String evidence = at.deadlocks().size() + " deadlock" + (at.deadlocks().size() == 1 ? "" : "s") + "; the cycle: "
                + String.join("; ", c.threads()) + " (for ever: only a restart ends it)";
        return Verdict.found(new Finding(id(), name(), evidence, c.culprit(), c.location(), Confidence.HIGH,
                "goroutines -full --yes", "threads", SCORE, ""));
    }
}
