package profcon.threads;

/**
 * One stack frame of a dumped thread; {@code line} is -1 when unknown and -2 for a native method.
 * A lambda's hidden class loses its counter and address ({@code Foo$$Lambda$2/0x00007f...} becomes
 * {@code Foo$$Lambda}), as in profcon's profiles: the address changes every run, so two dumps
 * of two runs (or a dump and a cpu profile) would not line up frame for frame.
 */
public record Frame(String className, String method, String file, int line) {
    public Frame {
        file = file == null ? "" : file;
        int lambda = className.indexOf("$$Lambda");
        if (lambda >= 0) {
            className = className.substring(0, lambda + "$$Lambda".length());
        }
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
