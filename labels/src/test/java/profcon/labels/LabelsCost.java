package profcon.labels;

import java.util.Map;
import jdk.jfr.Recording;

/**
 * What one {@link ProfileLabels#run} costs, with no recording, with a recording that does not
 * enable the labels events, and with one that does. A main class, not a test: figures depend on
 * the machine. Run: {@code java -cp labels/target/classes:labels/target/test-classes profcon.labels.LabelsCost}.
 */
public final class LabelsCost {
    private static final int CALLS = 2_000_000;
    private static long sink;

    public static void main(String[] args) {
        Map<String, String> labels = Map.of("endpoint", "/checkout");
        Runnable work = () -> sink++;
        measure("no recording", labels, work);
        try (Recording other = new Recording()) {
            other.enable("jdk.ExecutionSample");
            other.start();
            measure("recording without labels events", labels, work);
        }
        try (Recording on = new Recording()) {
            on.enable("profcon.LabelsBegin").withoutStackTrace().withThreshold(java.time.Duration.ZERO);
            on.enable("profcon.LabelsEnd").withoutStackTrace().withThreshold(java.time.Duration.ZERO);
            on.start();
            measure("recording with labels events", labels, work);
        }
    }

    private static void measure(String what, Map<String, String> labels, Runnable work) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                ProfileLabels.run(labels, work);
            }
            double ns = (double) (System.nanoTime() - start) / CALLS;
            if (round >= 5) { // the first rounds warm the JIT up; the best later round is the least disturbed by load
                best = Math.min(best, ns);
            }
        }
        System.out.printf(java.util.Locale.ROOT, "%-34s %6.1f ns per run%n", what, best);
    }
}
