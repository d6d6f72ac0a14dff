package profcon.explain;

/** A kind of data the rules read; a rule names the inputs it needs and is not judged without them. */
public enum Input {
    CPU("a cpu profile"),
    LOCK("a lock profile"),
    BLOCK("a block profile"),
    PAUSES("safepoint and GC pause events"),
    THREADS("two grouped thread snapshots, one at each end of the window");

    private final String what;

    Input(String what) {
        this.what = what;
    }

    /** What this input is, for "could not judge: no ..." lines. */
    public String what() {
        return what;
    }
}
