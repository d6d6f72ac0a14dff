package profcon.explain;

import java.util.Locale;
import java.util.Set;
import profcon.model.Sample;

/** Sleep dominates the block profile: deliberate sleeps top it and hide the real waiting underneath. */
final class SleepDominatesBlock implements Rule {
    /** Sleeps are most of the block time: the block profile's top is then a sleep, not a wait. */
    static final double SLEEP_SHARE = 0.5;
    /** And something real waits underneath: a fifth of a thread blocked on average besides sleeping. */
    static final double REAL_WAITING_THREADS = 0.2;

    @Override
    public String id() {
        return "sleep-dominates-block";
    }

    @Override
    public String name() {
        return "sleep dominates the block profile";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.BLOCK);
    }

    static boolean isSleep(Sample s) {
        return "sleep".equals(s.label("kind"));
    }

    /**
     * Real waits: the application's (a stack of JDK frames only is the JVM's housekeeping, such as the
     * reference handler), not sleeping, not a park without a blocker object (a bare
     * {@code LockSupport.parkNanos}: pacing, a sleep by another name, with nothing to wait for), not a
     * thread pool's idle wait for work, not a queue's take.
     */
    static boolean isRealWait(Sample s) {
        return !isSleep(s) && !isBareParkNanos(s) && Sites.hasFrame(s, f -> !Sites.isJdk(f))
                && !Sites.hasFrame(s, f -> f.endsWith(".getTask") || f.endsWith(".take")
                || f.endsWith(".awaitWork") || f.endsWith(".poll"));
    }

    /** The block profile labels a park with no blocker object {@code blocker=none}. */
    private static boolean isBareParkNanos(Sample s) {
        return "park".equals(s.label("kind")) && "none".equals(s.label("blocker"));
    }

    @Override
    public Verdict judge(Evidence e) {
        long all = Sites.nanos(e.block(), s -> true);
        long sleep = Sites.nanos(e.block(), SleepDominatesBlock::isSleep);
        LockFacts real = LockFacts.of(e.block(), e.seconds(), SleepDominatesBlock::isRealWait);
        if (all == 0 || (double) sleep / all < SLEEP_SHARE || real.waiting() < REAL_WAITING_THREADS) {
            return Verdict.silent();
        }
        String blocker = Sites.shortName(Sites.leaf(real.top().samples().get(0)));
        String evidence = String.format(Locale.ROOT, "Thread.sleep is %s of the block profile; underneath it, "
                + "%.1f threads waited on average in %s under %s (%,d waits, mean %s)", Sites.percent((double) sleep
                / all), real.topWaiting(), blocker, real.top().shortName(), real.top().count(),
                Sites.millis(real.meanWait()));
        return Verdict.found(new Finding(id(), name(), evidence, real.top().function(), real.top().location(),
                Confidence.HIGH, "top tagignore=kind=sleep", "block", real.topWaiting(), ""));
    }
}
