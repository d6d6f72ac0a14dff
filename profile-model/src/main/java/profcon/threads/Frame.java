package profcon.threads;

/** One stack frame of a dumped thread; {@code line} is -1 when unknown and -2 for a native method. */
public record Frame(String className, String method, String file, int line) {
    public Frame {
        file = file == null ? "" : file;
    }

    /** {@code class.method}, the function name pprof uses. */
    public String function() {
        return className.isEmpty() ? method : className + "." + method;
    }

    /** As {@link StackTraceElement#toString()} prints it, without module: {@code a.B.m(B.java:12)}. */
    @Override
    public String toString() {
        String where;
        if (line == -2) {
            where = "Native Method";
        } else if (file.isEmpty()) {
            where = "Unknown Source";
        } else {
            where = line >= 0 ? file + ":" + line : file;
        }
        return function() + "(" + where + ")";
    }
}
