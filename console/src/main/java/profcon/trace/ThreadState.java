package profcon.trace;

/**
 * What a thread was doing during a span of a trace. The order is the precedence when one time
 * bucket holds several states of equal length: a pause stops everyone, then the states an on-call
 * engineer is chasing come before the quiet ones.
 */
public enum ThreadState {
    PAUSED('P', "paused (GC or safepoint)"),
    RUNQUEUE('r', "waiting for a CPU"),
    LOCK('L', "blocked on a lock"),
    IO('i', "in I/O"),
    RUNNING('#', "running"),
    WAIT('w', "waiting"),
    SLEEP('s', "sleeping"),
    IDLE('.', "idle or not seen");

    private final char glyph;
    private final String meaning;

    ThreadState(char glyph, String meaning) {
        this.glyph = glyph;
        this.meaning = meaning;
    }

    /** The one character the terminal timeline draws for a bucket this state dominates. */
    public char glyph() {
        return glyph;
    }

    /** The words the legend and the HTML page's tooltip use. */
    public String meaning() {
        return meaning;
    }
}
