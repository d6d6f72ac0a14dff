package profcon.trace;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The terminal summary of a trace: a timeline per thread group (one glyph per time bucket for the
 * state that dominated it, busiest groups first), the legend, the pauses with causes, the threads
 * started and ended, the top lock, and the trace's notes. A pure function of the trace and options.
 */
public final class TraceSummary {
    /** How wide and how long the summary is: buckets across, group rows, names and pauses listed. */
    public record Options(int width, int rows, int names, int pauses) {
        public static final Options DEFAULT = new Options(60, 12, 8, 5);
    }

    private TraceSummary() {
    }

    public static void write(Trace trace, Options o, PrintWriter out) {
        List<TraceTimeline.Row> rows = TraceTimeline.rows(trace, o.width());
        out.printf(Locale.ROOT, "trace %s: %s, %d threads in %d groups; one column = %s%n", trace.source(),
                seconds(trace.lengthNanos()), trace.threads().size(), rows.size(),
                millis(trace.lengthNanos() / Math.max(1, o.width())));
        timeline(trace, rows, o, out);
        TracePauses.write(trace.pauses(), o.pauses(), out);
        TraceStarts.write(trace.threads(), o.names(), out);
        TraceLocks.write(trace.threads(), out);
        trace.notes().forEach(n -> out.println("note: " + n));
        out.flush();
    }

    private static void timeline(Trace trace, List<TraceTimeline.Row> rows, Options o, PrintWriter out) {
        out.printf(Locale.ROOT, "%-28s %4s  %-" + o.width() + "s  %s%n", "group", "thr",
                "0s" + " ".repeat(Math.max(1, o.width() - 2 - seconds(trace.lengthNanos()).length()))
                        + seconds(trace.lengthNanos()), "most time");
        for (TraceTimeline.Row r : rows.subList(0, Math.min(o.rows(), rows.size()))) {
            out.printf(Locale.ROOT, "%-28s %4d  %s  %s%n", cut(r.group(), 28), r.threads().size(), r.glyphs(),
                    mostTime(r));
        }
        if (rows.size() > o.rows()) {
            List<String> rest = new ArrayList<>();
            rows.subList(o.rows(), rows.size()).forEach(r -> rest.add(r.group()));
            out.println(rest.size() + " more groups: " + TraceStarts.bounded(rest, o.names()));
        }
        StringBuilder legend = new StringBuilder("legend:");
        for (ThreadState s : ThreadState.values()) {
            legend.append("  ").append(s.glyph()).append(' ').append(s.meaning());
        }
        out.println(legend);
    }

    /** The row's two largest states other than idle, e.g. {@code # 4.10s  r 1.20s}. */
    private static String mostTime(TraceTimeline.Row r) {
        List<ThreadState> states = new ArrayList<>(List.of(ThreadState.values()));
        states.remove(ThreadState.IDLE);
        states.remove(ThreadState.PAUSED);
        states.removeIf(s -> r.stateNanos()[s.ordinal()] == 0);
        states.sort(Comparator.comparingLong((ThreadState s) -> r.stateNanos()[s.ordinal()]).reversed());
        List<String> parts = new ArrayList<>();
        for (ThreadState s : states.subList(0, Math.min(2, states.size()))) {
            parts.add(s.glyph() + " " + seconds(r.stateNanos()[s.ordinal()]));
        }
        return parts.isEmpty() ? "-" : String.join("  ", parts);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2fs", nanos / 1e9);
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
