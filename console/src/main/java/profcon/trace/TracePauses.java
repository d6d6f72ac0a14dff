package profcon.trace;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The summary's pause lines: how many stops of each kind, their total, and the longest with causes. */
final class TracePauses {
    private TracePauses() {
    }

    static void write(List<TracePause> pauses, int longest, PrintWriter out) {
        if (pauses.isEmpty()) {
            out.println("pauses: none recorded in the window");
            return;
        }
        long gc = pauses.stream().filter(p -> p.kind().equals("gc")).count();
        long total = pauses.stream().mapToLong(TracePause::lengthNanos).sum();
        out.printf(Locale.ROOT, "pauses: %d (gc %d, safepoint %d), %s in all; longest:%n", pauses.size(), gc,
                pauses.size() - gc, TraceSummary.millis(total));
        pauses.stream().sorted(Comparator.comparingLong(TracePause::lengthNanos).reversed()
                        .thenComparingLong(TracePause::startNanos)).limit(longest)
                .forEach(p -> out.printf(Locale.ROOT, "  at %8s  %9s  %-9s  %s%n", TraceSummary.seconds(p.startNanos()),
                        TraceSummary.millis(p.lengthNanos()), p.kind(), p.cause()));
    }
}
