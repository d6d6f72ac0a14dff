package profcon.trace;

import java.io.PrintWriter;
import java.util.List;

/** The summary's lines on threads started and ended inside the window: counts and the first names. */
final class TraceStarts {
    private TraceStarts() {
    }

    static void write(List<TraceThread> threads, int names, PrintWriter out) {
        List<String> started = threads.stream().filter(t -> t.startedNanos() >= 0).map(TraceThread::name).toList();
        List<String> ended = threads.stream().filter(t -> t.endedNanos() >= 0).map(TraceThread::name).toList();
        out.println("threads started: " + started.size() + (started.isEmpty() ? "" : " (" + bounded(started, names) + ")"));
        out.println("threads ended: " + ended.size() + (ended.isEmpty() ? "" : " (" + bounded(ended, names) + ")"));
    }

    /** The first {@code n} names, then how many more. */
    static String bounded(List<String> names, int n) {
        String shown = String.join(", ", names.subList(0, Math.min(n, names.size())));
        return names.size() <= n ? shown : shown + ", and " + (names.size() - n) + " more";
    }
}
