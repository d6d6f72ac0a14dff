package profcon.trace;

import java.time.Instant;
import java.util.List;

/**
 * A trace read back from its .jfr file: the window, every thread seen in it with its state spans,
 * and the pauses. The terminal summary and the HTML timeline both draw from this and nothing else.
 */
public record Trace(String source, Instant start, long lengthNanos, List<TraceThread> threads,
        List<TracePause> pauses) {
    public Trace {
        threads = List.copyOf(threads);
        pauses = List.copyOf(pauses);
    }
}
