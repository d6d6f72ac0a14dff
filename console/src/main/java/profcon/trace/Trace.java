package profcon.trace;

import java.time.Instant;
import java.util.List;

/**
 * A trace read back from its .jfr file: the window, every thread seen in it with its state spans,
 * and the pauses. The terminal summary and the HTML timeline both draw from this and nothing else.
 * {@code notes} are what the file says about itself, one line each (the CPUs allowed, throttling,
 * a sched part that could not be read, spans left out over the reader's bound).
 */
public record Trace(String source, Instant start, long lengthNanos, List<TraceThread> threads,
        List<TracePause> pauses, List<String> notes) {
    public Trace {
        threads = List.copyOf(threads);
        pauses = List.copyOf(pauses);
        notes = List.copyOf(notes);
    }

    /** A trace with nothing to note. */
    public Trace(String source, Instant start, long lengthNanos, List<TraceThread> threads, List<TracePause> pauses) {
        this(source, start, lengthNanos, threads, pauses, List.of());
    }
}
