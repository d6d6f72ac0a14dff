package profcon.agent.timing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latency table of a timing window: one histogram per traced method, fed by the recording's
 * thread, read (as comment lines) whenever the profile is encoded, from the channel's thread.
 */
public final class MethodLatencies {
    private final Map<String, LatencyHistogram> methods = new TreeMap<>();
    /** Matched before the window began: listed with 0 calls when none was made, so silence is visible. */
    private final List<String> matched;

    public MethodLatencies(List<String> matched) {
        this.matched = List.copyOf(matched);
    }

    public synchronized void add(String method, long nanos) {
        methods.computeIfAbsent(method, m -> new LatencyHistogram()).add(nanos);
    }

    /** One comment line per method, called or matched; methods in name order. */
    public synchronized List<String> comments() {
        Map<String, MethodLatency> rows = new TreeMap<>();
        for (String m : matched) {
            rows.put(m, new LatencyHistogram().summary(m));
        }
        methods.forEach((m, h) -> rows.put(m, h.summary(m)));
        List<String> lines = new ArrayList<>();
        rows.values().forEach(r -> lines.add(r.comment()));
        return lines;
    }
}
