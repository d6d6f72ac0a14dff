package profcon.trace;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import profcon.flame.Html;

/** The facts the timeline page states above the chart: source, window, threads and groups, pauses. */
final class TimelineHeader {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private TimelineHeader() {
    }

    static String html(Trace trace) {
        long groups = trace.threads().stream().map(TraceThread::group).distinct().count();
        long virtual = trace.threads().stream().filter(TraceThread::virtual).count();
        String threads = String.format(Locale.ROOT, "Threads: %,d in %,d group%s", trace.threads().size(), groups,
                groups == 1 ? "" : "s") + (virtual > 0 ? String.format(Locale.ROOT, " (%,d virtual)", virtual) : "");
        List<String> facts = List.of("Source: " + trace.source(),
                "Window: " + duration(trace.lengthNanos()) + " from " + WHEN.format(trace.start()),
                threads, pauses(trace.pauses()));
        StringBuilder b = new StringBuilder();
        facts.forEach(f -> b.append("<span>").append(Html.escape(f)).append("</span>"));
        return b.toString();
    }

    private static String pauses(List<TracePause> pauses) {
        if (pauses.isEmpty()) {
            return "Pauses: none";
        }
        long longest = pauses.stream().mapToLong(TracePause::lengthNanos).max().orElse(0);
        long total = pauses.stream().mapToLong(TracePause::lengthNanos).sum();
        return String.format(Locale.ROOT, "Pauses: %,d, longest %s, %s in all", pauses.size(), duration(longest),
                duration(total));
    }

    /** As the page prints durations: ms below a minute, two decimals at most. */
    static String duration(long nanos) {
        double ms = nanos / 1e6;
        if (ms >= 1000) {
            return trim(String.format(Locale.ROOT, "%.2f", ms / 1000)) + " s";
        }
        return trim(String.format(Locale.ROOT, ms >= 1 ? "%.2f" : "%.3f", ms)) + " ms";
    }

    private static String trim(String number) {
        return number.contains(".") ? number.replaceFirst("\\.?0+$", "") : number;
    }
}
