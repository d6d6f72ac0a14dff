package profcon.agent.timing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One method's calls in a timing window: how many and how long. It travels inside the profile as a
 * comment line ({@link #comment}), so a saved timing profile keeps its table and the console reads
 * it back with {@link #fromComment}.
 */
public record MethodLatency(String method, long calls, long totalNanos, long minNanos, long p50Nanos, long p90Nanos,
                            long p99Nanos, long maxNanos) {
    /** How every table line of a timing profile begins. */
    public static final String PREFIX = "profcon timing: ";

    public long meanNanos() {
        return calls == 0 ? 0 : totalNanos / calls;
    }

    public String comment() {
        return PREFIX + "method=" + method + " calls=" + calls + " total_ns=" + totalNanos + " min_ns=" + minNanos
                + " p50_ns=" + p50Nanos + " p90_ns=" + p90Nanos + " p99_ns=" + p99Nanos + " max_ns=" + maxNanos;
    }

    /** The row a comment line holds; empty for any other comment. */
    public static Optional<MethodLatency> fromComment(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Map<String, String> f = new HashMap<>();
        for (String word : line.substring(PREFIX.length()).split(" ")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                f.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        try {
            return Optional.of(new MethodLatency(f.get("method"), number(f, "calls"), number(f, "total_ns"),
                    number(f, "min_ns"), number(f, "p50_ns"), number(f, "p90_ns"), number(f, "p99_ns"), number(f, "max_ns")));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty(); // a comment someone edited by hand: not a row
        }
    }

    private static long number(Map<String, String> fields, String key) {
        return Long.parseLong(fields.get(key));
    }
}
