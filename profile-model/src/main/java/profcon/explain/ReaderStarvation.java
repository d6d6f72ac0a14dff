package profcon.explain;

import java.util.Locale;
import java.util.Set;
import profcon.model.Sample;

/** Reader starvation: readers of a ReentrantReadWriteLock park behind a long write hold. */
final class ReaderStarvation implements Rule {
    static final String READ_LOCK = "read lock of ReentrantReadWriteLock";
    static final String WRITE_LOCK = "write lock of ReentrantReadWriteLock";
    /** Read waits must be most of the lock waiting for the read lock to be the story. */
    static final double READ_SHARE = 0.5;
    /**
     * Read locks are shared, so readers wait only while a writer holds or queues: a mean read wait of
     * 5 ms or more means a write hold far longer than a map update.
     */
    static final double LONG_WRITE_HOLD_NANOS = 5e6;

    @Override
    public String id() {
        return "reader-starvation";
    }

    @Override
    public String name() {
        return "reader starvation (read waits under a long write hold)";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.LOCK);
    }

    @Override
    public Verdict judge(Evidence e) {
        LockFacts all = LockFacts.of(e);
        LockFacts reads = LockFacts.of(e.lock(), e.seconds(), ReaderStarvation::isRead);
        if (!reads.contended() || (double) reads.totalNanos() / all.totalNanos() < READ_SHARE
                || reads.meanWait() < LONG_WRITE_HOLD_NANOS) {
            return Verdict.silent();
        }
        String writer = writer(e);
        String evidence = String.format(Locale.ROOT, "%.1f readers waited on average for the read lock in %s "
                + "(%,d waits, mean %s: a writer held the lock that long), %s of all lock waiting%s",
                reads.topWaiting(), reads.top().shortName(), reads.top().count(), Sites.millis(reads.meanWait()),
                Sites.percent((double) reads.top().nanos() / all.totalNanos()), writer);
        return Verdict.found(new Finding(id(), name(), evidence, reads.top().function(), reads.top().location(),
                Confidence.HIGH, "peek " + reads.top().shortName(), "lock", reads.topWaiting() * 1.3,
                LockContention.ID));
    }

    private static boolean isRead(Sample s) {
        return READ_LOCK.equals(s.label("lockclass"));
    }

    /** Where writers waited, if they did: the write hold's site is often theirs. */
    private static String writer(Evidence e) {
        var writes = Sites.byCulprit(e.lock(), s -> WRITE_LOCK.equals(s.label("lockclass")));
        return writes.isEmpty() ? "; the writer never waited (it holds the lock: 'goroutines ReentrantReadWriteLock' "
                + "shows it)" : "; writers wait in " + writes.get(0).shortName();
    }
}
