package profcon.trace;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The summary's top lock: the lock and call site threads spent the most time blocked on, over the whole window. */
final class TraceLocks {
    private static final class Tally {
        long nanos;
        int waits;
        final Set<String> threads = new HashSet<>();
    }

    private TraceLocks() {
    }

    static void write(List<TraceThread> threads, PrintWriter out) {
        Map<String, Tally> byLock = new LinkedHashMap<>();
        for (TraceThread t : threads) {
            for (TraceSpan s : t.spans()) {
                if (s.state() == ThreadState.LOCK) {
                    Tally tally = byLock.computeIfAbsent(s.detail() + " at " + site(s.stack()), k -> new Tally());
                    tally.nanos += s.lengthNanos();
                    tally.waits++;
                    tally.threads.add(t.name());
                }
            }
        }
        var top = byLock.entrySet().stream().max(Comparator.comparingLong((Map.Entry<String, Tally> e) -> e.getValue()
                .nanos).thenComparing(Map.Entry::getKey, Comparator.reverseOrder()));
        if (top.isEmpty()) {
            out.println("top lock: no thread blocked on a lock in the window");
            return;
        }
        Tally t = top.get().getValue();
        out.printf(Locale.ROOT, "top lock: %s, %s blocked in %,d waits by %d threads%n", top.get().getKey(),
                TraceSummary.millis(t.nanos), t.waits, t.threads.size());
    }

    /** The first frame outside the JDK's lock plumbing: where the application asked for the lock. */
    private static String site(List<String> stack) {
        for (String frame : stack) {
            if (!frame.startsWith("java.util.concurrent.") && !frame.startsWith("jdk.internal.")
                    && !frame.startsWith("sun.misc.") && !frame.startsWith("java.lang.VirtualThread")) {
                return frame;
            }
        }
        return stack.isEmpty() ? "?" : stack.get(0);
    }
}
