package profcon.threads;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What part of a dump a report shows: threads whose name or any frame matches {@code regex}
 * (null for all), in {@code state} (null for any), carrying the application label {@code label}
 * ({@code KEY=VALUE} for that value, {@code KEY} for any value; null for any thread), with at most
 * {@code maxFrames} frames per group (0 for all). The dump itself is never changed; {@link #apply}
 * returns the threads that match.
 */
public record ThreadQuery(Pattern regex, String state, String label, int maxFrames) {
    public static final int DEFAULT_FRAMES = 12;

    public static ThreadQuery all() {
        return new ThreadQuery(null, null, DEFAULT_FRAMES);
    }

    public ThreadQuery {
        state = state == null ? null : state.toUpperCase(Locale.ROOT);
    }

    /** A query without a label filter. */
    public ThreadQuery(Pattern regex, String state, int maxFrames) {
        this(regex, state, null, maxFrames);
    }

    public List<DumpedThread> apply(List<DumpedThread> threads) {
        return threads.stream().filter(this::matches).toList();
    }

    public boolean isFiltered() {
        return regex != null || state != null || label != null;
    }

    /** The filter in words, for report headers. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (regex != null) {
            b.append("matching /").append(regex).append('/');
        }
        if (state != null) {
            b.append(b.length() > 0 ? ", " : "").append("in state ").append(state);
        }
        if (label != null) {
            b.append(b.length() > 0 ? ", " : "").append("labelled ").append(label);
        }
        return b.toString();
    }

    private boolean matches(DumpedThread t) {
        if (state != null && !t.state().equals(state)) {
            return false;
        }
        if (label != null && !hasLabel(t)) {
            return false;
        }
        if (regex == null || regex.matcher(t.name()).find()) {
            return true;
        }
        for (Frame f : t.frames()) {
            if (regex.matcher(f.toString()).find()) {
                return true;
            }
        }
        return false;
    }

    private boolean hasLabel(DumpedThread t) {
        int eq = label.indexOf('=');
        if (eq < 0) {
            return t.labels().containsKey(label);
        }
        return label.substring(eq + 1).equals(t.labels().get(label.substring(0, eq)));
    }
}
