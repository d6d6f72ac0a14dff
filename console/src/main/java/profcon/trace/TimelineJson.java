package profcon.trace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import profcon.report.JsonText;

/**
 * A trace as the timeline page's data: times in microseconds since the trace's start, each thread's
 * spans as one flat array of (start delta, length, state, detail, stack) so 2,000 threads of spans stay
 * small, details and stacks written once in tables the spans point into. Safe inside a script element.
 */
final class TimelineJson {
    private final StringBuilder out = new StringBuilder(1 << 16);
    private final Map<String, Integer> details = new HashMap<>();
    private final Map<List<String>, Integer> stacks = new HashMap<>();
    private final StringBuilder detailTable = new StringBuilder();
    private final StringBuilder stackTable = new StringBuilder();

    private TimelineJson() {
    }

    static String of(Trace trace) {
        return new TimelineJson().write(trace);
    }

    private String write(Trace trace) {
        detail("");
        stack(List.of());
        out.append("{\"source\":").append(JsonText.quote(trace.source()))
                .append(",\"start\":").append(JsonText.quote(trace.start().toString()))
                .append(",\"length\":").append(micros(trace.lengthNanos()))
                .append(",\"pauseBand\":").append(JsonText.quote(TimelineColors.PAUSE_BAND))
                .append(",\n\"states\":[");
        states();
        out.append("],\n\"pauses\":[");
        pauses(trace.pauses());
        out.append("],\n\"groups\":[");
        groups(TimelineOrder.groups(trace));
        out.append("],\n\"details\":[").append(detailTable)
                .append("],\n\"stacks\":[").append(stackTable).append("]}");
        return out.toString();
    }

    private void states() {
        String sep = "";
        for (ThreadState s : ThreadState.values()) {
            out.append(sep).append("{\"name\":").append(JsonText.quote(s.name()))
                    .append(",\"glyph\":").append(JsonText.quote(String.valueOf(s.glyph())))
                    .append(",\"meaning\":").append(JsonText.quote(s.meaning()))
                    .append(",\"color\":").append(JsonText.quote(TimelineColors.of(s))).append('}');
            sep = ",";
        }
    }

    private void pauses(List<TracePause> pauses) {
        String sep = "";
        for (TracePause p : pauses) {
            out.append(sep).append("{\"start\":").append(micros(p.startNanos()))
                    .append(",\"end\":").append(micros(p.endNanos()))
                    .append(",\"kind\":").append(JsonText.quote(p.kind()))
                    .append(",\"cause\":").append(JsonText.quote(p.cause())).append('}');
            sep = ",\n";
        }
    }

    private void groups(Map<String, List<TraceThread>> groups) {
        String sep = "";
        for (Map.Entry<String, List<TraceThread>> g : groups.entrySet()) {
            out.append(sep).append("{\"name\":").append(JsonText.quote(g.getKey())).append(",\"threads\":[\n");
            String threadSep = "";
            for (TraceThread t : g.getValue()) {
                out.append(threadSep);
                thread(t);
                threadSep = ",\n";
            }
            out.append("]}");
            sep = ",\n";
        }
    }

    private void thread(TraceThread t) {
        out.append("{\"name\":").append(JsonText.quote(t.name()))
                .append(",\"javaId\":").append(t.javaId())
                .append(",\"osId\":").append(t.osId())
                .append(",\"virtual\":").append(t.virtual())
                .append(",\"started\":").append(t.startedNanos() < 0 ? -1 : micros(t.startedNanos()))
                .append(",\"ended\":").append(t.endedNanos() < 0 ? -1 : micros(t.endedNanos()))
                .append(",\"spans\":[");
        long previous = 0;
        String sep = "";
        for (TraceSpan s : t.spans()) {
            long start = micros(s.startNanos());
            // Rounded separately, an end may not fall before its start: a sub-microsecond span keeps length 0.
            long length = Math.max(0, micros(s.endNanos()) - start);
            out.append(sep).append(start - previous).append(',').append(length)
                    .append(',').append(s.state().ordinal())
                    .append(',').append(detail(s.detail()))
                    .append(',').append(stack(s.stack()));
            previous = start;
            sep = ",";
        }
        out.append("]}");
    }

    private int detail(String text) {
        return details.computeIfAbsent(text, d -> {
            detailTable.append(details.isEmpty() ? "" : ",").append(JsonText.quote(d));
            return details.size();
        });
    }

    private int stack(List<String> frames) {
        return stacks.computeIfAbsent(frames, f -> {
            stackTable.append(stacks.isEmpty() ? "[" : ",\n[");
            String sep = "";
            for (String frame : f) {
                stackTable.append(sep).append(JsonText.quote(frame));
                sep = ",";
            }
            stackTable.append(']');
            return stacks.size();
        });
    }

    private static long micros(long nanos) {
        return Math.round(nanos / 1000.0);
    }
}
