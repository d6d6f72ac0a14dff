package profcon.console.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import profcon.agent.timing.MethodLatency;
import profcon.model.Profile;
import profcon.report.JsonText;

/** The latency table a timing profile carries: one row per traced method, as text or JSON. */
public final class TimingReport {
    private static final String[] COLUMNS = {"calls", "calls/s", "min", "mean", "p50", "p90", "p99", "max"};

    private TimingReport() {
    }

    /** The profile's rows, the methods with the most time in calls first. */
    static List<MethodLatency> rows(Profile profile) {
        List<MethodLatency> rows = new ArrayList<>();
        for (String c : profile.comments()) {
            MethodLatency.fromComment(c).ifPresent(rows::add);
        }
        rows.sort(Comparator.comparingLong(MethodLatency::totalNanos).reversed().thenComparing(MethodLatency::method));
        return rows;
    }

    public static void write(Profile profile, PrintWriter out) {
        List<MethodLatency> rows = rows(profile);
        double seconds = profile.durationNanos() / 1e9;
        out.printf(Locale.ROOT, "every call in the %.1fs window (jdk.MethodTrace); percentiles within about 3 %%%n", seconds);
        if (rows.isEmpty()) {
            out.println("no traced method was loaded or called in the window");
            return;
        }
        int width = Math.max("method".length(), rows.stream().mapToInt(r -> r.method().length()).max().orElse(0));
        out.printf(Locale.ROOT, "%-" + width + "s %10s %10s %8s %8s %8s %8s %8s %8s%n", header());
        for (MethodLatency r : rows) {
            out.printf(Locale.ROOT, "%-" + width + "s %,10d %,10.1f %8s %8s %8s %8s %8s %8s%n", r.method(), r.calls(),
                    perSecond(r, seconds), time(r.calls(), r.minNanos()), time(r.calls(), r.meanNanos()),
                    time(r.calls(), r.p50Nanos()), time(r.calls(), r.p90Nanos()), time(r.calls(), r.p99Nanos()),
                    time(r.calls(), r.maxNanos()));
        }
    }

    private static Object[] header() {
        Object[] h = new Object[COLUMNS.length + 1];
        h[0] = "method";
        System.arraycopy(COLUMNS, 0, h, 1, COLUMNS.length);
        return h;
    }

    /** The table as JSON: the window, then one object per method with durations in nanoseconds. */
    public static void json(Profile profile, PrintWriter out) {
        double seconds = profile.durationNanos() / 1e9;
        out.printf(Locale.ROOT, "{\"start_epoch_ns\":%d,\"duration_ns\":%d,\"methods\":[", profile.timeNanos(),
                profile.durationNanos());
        String sep = "";
        for (MethodLatency r : rows(profile)) {
            out.printf(Locale.ROOT, "%s{\"method\":%s,\"calls\":%d,\"calls_per_s\":%.3f,\"total_ns\":%d,\"min_ns\":%d,"
                    + "\"mean_ns\":%d,\"p50_ns\":%d,\"p90_ns\":%d,\"p99_ns\":%d,\"max_ns\":%d}", sep,
                    JsonText.quote(r.method()), r.calls(), perSecond(r, seconds), r.totalNanos(), r.minNanos(),
                    r.meanNanos(), r.p50Nanos(), r.p90Nanos(), r.p99Nanos(), r.maxNanos());
            sep = ",";
        }
        out.println("]}");
    }

    private static double perSecond(MethodLatency r, double seconds) {
        return seconds <= 0 ? 0 : r.calls() / seconds;
    }

    private static String time(long calls, long nanos) {
        return calls == 0 ? "-" : time(nanos);
    }

    /** A duration in three significant figures and the unit that keeps it short: 850ns, 12.3us, 20.1ms, 1.20s. */
    static String time(long nanos) {
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        String[] units = {"us", "ms", "s"};
        double v = nanos / 1_000.0;
        int u = 0;
        while (v >= 1_000 && u < units.length - 1) {
            v /= 1_000;
            u++;
        }
        String digits = v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits, v) + units[u];
    }
}
