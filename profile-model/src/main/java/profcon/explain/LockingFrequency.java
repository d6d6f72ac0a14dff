package profcon.explain;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import profcon.model.Sample;

/** Locking frequency mistaken for contention: lock code is hot in the CPU profile while the lock profile is near empty. */
final class LockingFrequency implements Rule {
    /** Lock and unlock frames on a tenth of the CPU samples: the locking itself is a cost worth naming. */
    static final double LOCK_CPU_SHARE = 0.1;

    @Override
    public String id() {
        return "locking-frequency";
    }

    @Override
    public String name() {
        return "locking frequency mistaken for contention";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.CPU, Input.LOCK);
    }

    static boolean inLockCode(Sample s) {
        return Sites.hasFrame(s, f -> f.startsWith("java.util.concurrent.locks."));
    }

    @Override
    public Verdict judge(Evidence e) {
        long total = Sites.nanos(e.cpu(), s -> true);
        long locking = Sites.nanos(e.cpu(), LockingFrequency::inLockCode);
        LockFacts waits = LockFacts.of(e);
        List<Sites.Site> sites = Sites.byCulprit(e.cpu(), LockingFrequency::inLockCode);
        if (total == 0 || sites.isEmpty() || (double) locking / total < LOCK_CPU_SHARE || waits.contended()) {
            return Verdict.silent();
        }
        Sites.Site top = sites.get(0);
        double culpritCores = Sites.nanos(e.cpu(), s -> top.function().equals(Sites.culprit(s).function().name()))
                / 1e9 / e.seconds();
        String evidence = String.format(Locale.ROOT, "lock and unlock frames are on %s of the CPU samples (the most "
                + "under %s), yet only %.2f threads waited for a lock on average (%,d waits): the cost is taking an "
                + "uncontended lock very often, not contention", Sites.percent((double) locking / total),
                top.shortName(), waits.waiting(), waits.waits());
        return Verdict.found(new Finding(id(), name(), evidence, top.function(), top.location(), Confidence.HIGH,
                "peek " + top.shortName(), "cpu", Math.max(culpritCores, CpuHotSpot.HOT_CORES) * 1.2, CpuHotSpot.ID));
    }
}
