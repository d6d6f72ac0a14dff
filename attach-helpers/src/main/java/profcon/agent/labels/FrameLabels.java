package profcon.agent.labels;

import java.util.List;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Labels read off a stack: on a virtual thread the labels library runs labelled work inside a frame
 * of a hidden class named {@code profcon.labels.Labelled$<labels>} (its {@code LabelFrames}), the
 * only trace of the virtual thread's labels a sampler of carrier threads (async-profiler) records.
 * The innermost such frame holds the whole set in force. The name is the labels' encoded form with
 * {@code % . ; [ /} written {@code %25 %2E %3B %5B %2F}; a hidden class's address follows after a
 * {@code /} (a {@code .} as async-profiler writes it).
 */
public final class FrameLabels {
    public static final String PREFIX = "profcon.labels.Labelled$";

    private FrameLabels() {
    }

    /** Whether a frame's class is a label frame, which no profile shows as a frame. */
    public static boolean isFrame(String className) {
        return className != null && className.startsWith(PREFIX);
    }

    /** The label pairs of the innermost label frame of {@code trace} (leaf first); null when it has none. */
    public static String[] of(RecordedStackTrace trace) {
        if (trace == null) {
            return null;
        }
        List<RecordedFrame> frames = trace.getFrames();
        for (RecordedFrame f : frames) {
            RecordedMethod m = f.getMethod();
            String type = m == null || m.getType() == null ? null : m.getType().getName();
            if (isFrame(type)) {
                return LabelPairs.decode(encoded(type));
            }
        }
        return null;
    }

    /** The labels' encoded form ({@code k=v;k2=v2}) out of a label frame's class name. */
    static String encoded(String className) {
        String name = className.substring(PREFIX.length());
        int end = 0;
        while (end < name.length() && name.charAt(end) != '/' && name.charAt(end) != '.') {
            end++; // the hidden class's suffix starts at the first unescaped separator
        }
        StringBuilder out = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char c = name.charAt(i);
            int hi = i + 2 < end ? Character.digit(name.charAt(i + 1), 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(name.charAt(i + 2), 16);
            if (c == '%' && lo >= 0) {
                out.append((char) (hi * 16 + lo));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
