package profcon.explain;

/** A kind of data the rules read; a rule names the inputs it needs and is not judged without them. */
public enum Input {
    CPU("a cpu profile"),
    LOCK("a lock profile"),
    BLOCK("a block profile"),
    PAUSES("safepoint and GC pause events"),
    THREADS("two grouped thread snapshots, one at each end of the window"),
    SCHED("each thread's run-queue wait from /proc (sched), read at both ends of a live window"),
    PINNING("jdk.VirtualThreadPinned events (JDK 21+)");

    private final String what;

    Input(String what) {
        this.what = what;
    }

    /** What this input is, for "could not judge: no ..." lines. */
    public String what() {
        return what;
    }
}
