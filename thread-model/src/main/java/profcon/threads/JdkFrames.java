package profcon.threads;

/** Knows the JDK's frames: reads back one printed by {@link StackTraceElement#toString()} (as the JDK's JSON thread dump prints them), and tells JDK frames from the application's. */
public final class JdkFrames {
    private JdkFrames() {
    }

    /** True for a frame of the JDK's own classes ({@code java.}, {@code jdk.}, {@code sun.}). */
    public static boolean isJdk(Frame f) {
        String c = f.className();
        return c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.");
    }

    /** The index of the first frame outside the JDK (where the program made the call that waits), or -1. */
    public static int firstApplicationFrame(java.util.List<Frame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (!isJdk(frames.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code java.base/java.lang.Object.wait0(Native Method)}, {@code app//a.B.m(B.java:12)}, {@code a.B.m(Unknown Source)}. */
    public static Frame parse(String text) {
        int open = text.lastIndexOf('(');
        String where = open < 0 ? text : text.substring(0, open);
        String source = open < 0 ? "" : text.substring(open + 1, text.endsWith(")") ? text.length() - 1 : text.length());
        where = where.substring(where.lastIndexOf('/') + 1); // drop class loader and module
        int dot = where.lastIndexOf('.');
        String className = dot < 0 ? "" : where.substring(0, dot);
        String method = where.substring(dot + 1);
        String file = "";
        int line = -1;
        if (source.equals("Native Method")) {
            line = -2;
        } else if (!source.equals("Unknown Source") && !source.isEmpty()) {
            int colon = source.lastIndexOf(':');
            file = colon < 0 ? source : source.substring(0, colon);
            if (colon >= 0) {
                try {
                    line = Integer.parseInt(source.substring(colon + 1));
                } catch (NumberFormatException e) {
                    file = source;
                }
            }
        }
        return new Frame(className, method, file, line);
    }
}
