package profcon.threads;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pause view (casebook 11): how long the target stood still over the window, the causes (VM
 * operations, GC causes) ranked by total pause, and the longest pauses with their times.
 */
public final class PausesReport {
    private PausesReport() {
    }

    public static void render(PauseEvents events, int longest, PrintWriter out) {
        double window = events.windowNanos() / 1e9;
        long total = events.safepoints().stream().mapToLong(PauseEvents.Safepoint::pauseNanos).sum();
        out.printf(Locale.ROOT, "Pauses over %.1f s: %,d safepoints, %s stopped in total (%.2f%% of the time)%n",
                window, events.safepoints().size(), DumpHeader.ms(total),
                events.windowNanos() > 0 ? 100.0 * total / events.windowNanos() : 0);
        byOperation(events, out);
        collections(events, out);
        out.println();
        out.println("Longest pauses (offset from the first event):");
        List<PauseEvents.Safepoint> sorted = new ArrayList<>(events.safepoints());
        sorted.sort(Comparator.comparingLong((PauseEvents.Safepoint s) -> -s.pauseNanos())
                .thenComparingLong(PauseEvents.Safepoint::startNanos));
        long origin = events.safepoints().stream().mapToLong(PauseEvents.Safepoint::startNanos).min().orElse(0);
        for (PauseEvents.Safepoint s : sorted.subList(0, Math.min(longest, sorted.size()))) {
            out.printf(Locale.ROOT, "  %10s  at +%8.3f s  %-32s reached in %s, %,d threads%n", DumpHeader.ms(s.pauseNanos()),
                    (s.startNanos() - origin) / 1e9, s.operation(), DumpHeader.ms(s.syncNanos()), s.threads());
        }
    }

    private static void byOperation(PauseEvents events, PrintWriter out) {
        Map<String, long[]> ops = new TreeMap<>();
        for (PauseEvents.Safepoint s : events.safepoints()) {
            long[] a = ops.computeIfAbsent(s.operation(), k -> new long[3]);
            a[0]++;
            a[1] += s.pauseNanos();
            a[2] = Math.max(a[2], s.pauseNanos());
        }
        out.println();
        out.println("By VM operation:            count       total         max");
        ops.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1])
                .thenComparing(Map.Entry::getKey)).forEach(e -> out.printf(Locale.ROOT, "  %-24s %7d  %10s  %10s%n",
                e.getKey(), e.getValue()[0], DumpHeader.ms(e.getValue()[1]), DumpHeader.ms(e.getValue()[2])));
    }

    private static void collections(PauseEvents events, PrintWriter out) {
        Map<String, long[]> causes = new TreeMap<>();
        for (PauseEvents.Collection c : events.collections()) {
            long[] a = causes.computeIfAbsent(c.name() + " / " + c.cause(), k -> new long[3]);
            a[0]++;
            a[1] += c.pausesNanos();
            a[2] = Math.max(a[2], c.longestNanos());
        }
        out.println();
        out.printf(Locale.ROOT, "Garbage collections: %,d%n", events.collections().size());
        causes.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1])
                .thenComparing(Map.Entry::getKey)).forEach(e -> out.printf(Locale.ROOT,
                "  %-40s %5d  pauses %10s  longest %10s%n", e.getKey(), e.getValue()[0], DumpHeader.ms(e.getValue()[1]),
                DumpHeader.ms(e.getValue()[2])));
    }
}
