package profcon.explain;

import java.util.List;
import java.util.function.Predicate;
import profcon.model.Profile;
import profcon.model.Sample;

/**
 * What the lock-family rules share about a lock (or block) profile's waits: the total, threads
 * waiting on average over the window, and the site that waited most, with its lock kind.
 */
record LockFacts(long totalNanos, long waits, double waiting, Sites.Site top, String lockClass) {
    /**
     * Below this many threads waiting on average (100 ms of waiting per second of wall time) a lock
     * costs less than the scheduling noise of a loaded machine: not a finding.
     */
    static final double MIN_WAITING_THREADS = 0.1;

    static LockFacts of(Profile p, double seconds, Predicate<Sample> keep) {
        long total = Sites.nanos(p, keep);
        List<Sites.Site> sites = Sites.byCulprit(p, keep);
        Sites.Site top = sites.isEmpty() ? null : sites.get(0);
        String kind = top == null ? "" : Sites.topLabel(top.samples(), "lockclass");
        return new LockFacts(total, Sites.count(p, keep), total / 1e9 / seconds, top, kind);
    }

    static LockFacts of(Evidence e) {
        return of(e.lock(), e.seconds(), s -> true);
    }

    boolean contended() {
        return top != null && waiting >= MIN_WAITING_THREADS;
    }

    /** The top site's share of all waiting. */
    double share() {
        return totalNanos == 0 ? 0 : (double) top.nanos() / totalNanos;
    }

    /** The top site's mean wait per contention, in nanoseconds. */
    double meanWait() {
        return top.count() == 0 ? 0 : (double) top.nanos() / top.count();
    }

    /** Threads waiting on average at the top site. */
    double topWaiting() {
        return totalNanos == 0 ? 0 : waiting * share();
    }

    /** "2.4 threads waited 2.4 s per second on LOCK in SITE, 91 % of all lock waiting (1,234 waits, mean 1.9 ms)". */
    String sentence() {
        return String.format(java.util.Locale.ROOT,
                "%.1f threads waited on average (%.2f s per second of wall time) on %s in %s, %s of all lock "
                        + "waiting (%,d waits, mean %s)", topWaiting(), topWaiting(), lockClass.isEmpty() ? "a lock"
                        : lockClass, top.shortName(), Sites.percent(share()), top.count(), Sites.millis(meanWait()));
    }
}
