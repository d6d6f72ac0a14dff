package profcon.threads;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code goroutines diff}: which stack groups grew or shrank between two dumps of one target, by
 * how many threads, over how long; the thread-leak view (a group that only grows).
 */
public final class ThreadDiffReport {
    private ThreadDiffReport() {
    }

    /** One stack and its thread counts before and after. */
    record Change(List<Frame> frames, StackGroup before, StackGroup after) {
        int delta() {
            return count(after) - count(before);
        }

        static int count(StackGroup g) {
            return g == null ? 0 : g.count();
        }
    }

    public static void render(ThreadDump before, ThreadDump after, ThreadQuery query, PrintWriter out) {
        List<Change> changes = changes(query.apply(before.threads()), query.apply(after.threads()));
        double seconds = (after.timeMillis() - before.timeMillis()) / 1e3;
        int total = after.threads().size() - before.threads().size();
        out.printf(Locale.ROOT, "Threads: %,d -> %,d (%+,d) in %.1f s", before.threads().size(),
                after.threads().size(), total, seconds);
        if (seconds > 0) {
            out.printf(Locale.ROOT, " (%+.1f/s)", total / seconds);
        }
        out.println();
        if (query.isFiltered()) {
            out.println("Showing threads " + query.describe());
        }
        long grew = changes.stream().filter(c -> c.delta() > 0).count();
        long shrank = changes.stream().filter(c -> c.delta() < 0).count();
        out.printf(Locale.ROOT, "Groups: %d grew, %d shrank, %d unchanged%n", grew, shrank,
                changes.size() - grew - shrank);
        for (Change c : changes) {
            if (c.delta() == 0) {
                continue;
            }
            out.println();
            out.printf(Locale.ROOT, "%+,d thread%s (%,d -> %,d)%s%n", c.delta(), Math.abs(c.delta()) == 1 ? "" : "s",
                    Change.count(c.before()), Change.count(c.after()),
                    seconds > 0 ? String.format(Locale.ROOT, ", %+.1f/s", c.delta() / seconds) : "");
            StackGroup shown = c.after() != null ? c.after() : c.before();
            GroupedThreadsReport.group(shown, query.maxFrames(), out);
        }
    }

    static List<Change> changes(List<DumpedThread> before, List<DumpedThread> after) {
        Map<List<Frame>, StackGroup[]> byStack = new LinkedHashMap<>();
        for (StackGroup g : StackGroup.of(after)) {
            byStack.computeIfAbsent(g.frames(), k -> new StackGroup[2])[1] = g;
        }
        for (StackGroup g : StackGroup.of(before)) {
            byStack.computeIfAbsent(g.frames(), k -> new StackGroup[2])[0] = g;
        }
        List<Change> changes = new ArrayList<>();
        byStack.forEach((frames, pair) -> changes.add(new Change(frames, pair[0], pair[1])));
        changes.sort(Comparator.comparingInt((Change c) -> -c.delta()).thenComparing(c -> c.frames().toString()));
        return changes;
    }
}
