package profcon.explain;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import profcon.model.Sample;

/** Stop-the-world pauses: the whole JVM stood still at safepoints (GC, thread dumps...), no lock to blame. */
final class StopTheWorldPauses implements Rule {
    /**
     * One twentieth of wall time frozen: every request sees it in its latency tail. (Casebook 11's target,
     * a full collection of 256 MB each second on a quiet 2-core machine, stops 6-9 %; a healthy service
     * stops well under 1 %. On a machine loaded 50 times over one young collection took 250 ms, 5 % of
     * a 5 s window: that is the machine's pause, and the finding says so in numbers.)
     */
    static final double STOPPED_SHARE = 0.05;
    /** One pause this long is a p99 on its own, whatever the share. */
    static final double LONG_PAUSE_NANOS = 200e6;
    /**
     * Operations the recording itself causes: JFR redefines the JDK's I/O classes to instrument them when
     * the window starts. Left out, or explain would blame the target for its own measurement.
     */
    static final java.util.Set<String> OWN_OPERATIONS = java.util.Set.of("RedefineClasses");
    /** Weight of a stopped share against threads lost: the whole JVM stops, so a 10 % stop ranks as one thread. */
    static final double WEIGHT = 10;

    @Override
    public String id() {
        return "stop-the-world-pauses";
    }

    @Override
    public String name() {
        return "stop-the-world pauses";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.PAUSES);
    }

    static boolean isSafepoint(Sample s) {
        return "safepoint".equals(s.label("pause")) && !OWN_OPERATIONS.contains(s.label("operation"));
    }

    @Override
    public Verdict judge(Evidence e) {
        long stopped = Sites.nanos(e.pauses(), StopTheWorldPauses::isSafepoint);
        long longest = e.pauses().samples().stream().filter(StopTheWorldPauses::isSafepoint)
                .mapToLong(s -> s.values()[1] / Math.max(1, s.values()[0])).max().orElse(0);
        double share = stopped / 1e9 / e.seconds();
        if (share < STOPPED_SHARE && longest < LONG_PAUSE_NANOS) {
            return Verdict.healthy(String.format(Locale.ROOT, "pauses: stopped %s of the window (%s in %,d "
                    + "safepoints; a finding from %s)", Sites.percent(share), Sites.millis(stopped),
                    Sites.count(e.pauses(), StopTheWorldPauses::isSafepoint), Sites.percent(STOPPED_SHARE)));
        }
        Map<String, Long> ops = by(e, "operation", StopTheWorldPauses::isSafepoint);
        String top = ops.keySet().stream().findFirst().orElse("?");
        String evidence = String.format(Locale.ROOT, "the JVM stood still %s of the window (%s in %,d safepoints, "
                + "the longest mean pause of one operation %s); by operation: %s; GC causes: %s", Sites.percent(share),
                Sites.millis(stopped), Sites.count(e.pauses(), StopTheWorldPauses::isSafepoint), Sites.millis(longest),
                text(ops), text(by(e, "cause", s -> !isSafepoint(s))));
        return Verdict.found(new Finding(id(), name(), evidence, "[pause] " + top, "", Confidence.HIGH, "pauses 10s",
                "pauses", Math.max(share, STOPPED_SHARE) * WEIGHT, ""));
    }

    private static Map<String, Long> by(Evidence e, String label, java.util.function.Predicate<Sample> keep) {
        Map<String, Long> sums = e.pauses().samples().stream().filter(keep).filter(s -> s.label(label) != null)
                .collect(Collectors.groupingBy(s -> s.label(label), Collectors.summingLong(s -> s.values()[1])));
        return sums.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static String text(Map<String, Long> sums) {
        if (sums.isEmpty()) {
            return "none";
        }
        return sums.entrySet().stream().limit(3).map(en -> en.getKey() + " " + Sites.millis(en.getValue()))
                .collect(Collectors.joining(", "));
    }
}
