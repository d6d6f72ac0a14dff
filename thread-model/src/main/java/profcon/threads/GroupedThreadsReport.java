package profcon.threads;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The grouped view ({@code goroutines}, Go's debug=1): threads with identical stacks as one group,
 * most populous first, each with its count, states, compressed names, the application labels its
 * threads carry (each set with its count), the lock it waits for and that lock's owner, and its
 * top frames. Deadlocks come first.
 */
public final class GroupedThreadsReport {
    /** What a group of threads without names (virtual threads, mostly) shows on its {@code names:} line. */
    static final String UNNAMED = "unnamed";

    private GroupedThreadsReport() {
    }

    public static void render(ThreadDump dump, ThreadQuery query, PrintWriter out) {
        List<DumpedThread> shown = query.apply(dump.threads());
        List<StackGroup> groups = StackGroup.of(shown);
        DumpHeader.render(dump, out);
        out.printf(Locale.ROOT, "Groups: %,d distinct stacks", groups.size());
        if (query.isFiltered()) {
            out.printf(Locale.ROOT, " among %,d threads %s", shown.size(), query.describe());
        }
        out.println();
        out.println("States: " + states(states(shown)));
        DeadlockSection.render(dump, out);
        for (StackGroup g : groups) {
            out.println();
            group(g, query.maxFrames(), out);
        }
    }

    public static void group(StackGroup g, int maxFrames, PrintWriter out) {
        out.printf(Locale.ROOT, "%,d thread%s: %s%s%n", g.count(), g.count() == 1 ? "" : "s", states(g.states()),
                g.virtualCount() == 0 ? "" : String.format(Locale.ROOT, "; %,d virtual", g.virtualCount()));
        out.println("  names: " + NameRanges.compress(g.names().stream().map(n -> n.isEmpty() ? UNNAMED : n).toList()));
        String labels = labels(g);
        if (!labels.isEmpty()) {
            out.println("  labels: " + labels);
        }
        String lock = lock(g);
        if (!lock.isEmpty()) {
            out.println("  " + lock);
        }
        frames(g.frames(), maxFrames, out);
    }

    /**
     * The top {@code maxFrames} frames (0: all). When the first application frame would be cut,
     * the last place goes to it instead, after a count of the JDK frames skipped: a parked
     * virtual thread's top four frames are all the JDK's, and the call that waits is what tells
     * one group from another.
     */
    private static void frames(List<Frame> frames, int maxFrames, PrintWriter out) {
        int n = maxFrames <= 0 ? frames.size() : Math.min(maxFrames, frames.size());
        int app = JdkFrames.firstApplicationFrame(frames);
        boolean keepApp = app >= n;
        int top = keepApp ? n - 1 : n;
        for (int i = 0; i < top; i++) {
            out.println("    " + frames.get(i));
        }
        if (keepApp) {
            skipped(app - top, out);
            out.println("    " + frames.get(app));
        }
        skipped(frames.size() - (keepApp ? app + 1 : n), out);
        if (frames.isEmpty()) {
            out.println("    (no Java frames)");
        }
    }

    private static void skipped(int frames, PrintWriter out) {
        if (frames > 0) {
            out.printf(Locale.ROOT, "    ... %d more frames%n", frames);
        }
    }

    /** The group's label sets with their thread counts, or "" when no thread of it has labels. */
    private static String labels(StackGroup g) {
        Map<String, Integer> sets = g.labelSets();
        if (sets.size() == 1 && sets.containsKey("")) {
            return "";
        }
        StringJoiner j = new StringJoiner("; ");
        sets.forEach((set, count) -> j.add(String.format(Locale.ROOT, "%s %,d", set.isEmpty() ? "(none)" : set,
                count)));
        return j.toString();
    }

    private static Map<String, Integer> states(List<DumpedThread> threads) {
        Map<String, Integer> states = new java.util.TreeMap<>();
        threads.forEach(t -> states.merge(t.state() + (t.virtual() ? " (virtual)" : ""), 1, Integer::sum));
        return states;
    }

    private static String states(Map<String, Integer> states) {
        StringJoiner j = new StringJoiner(", ");
        states.forEach((state, count) -> j.add(String.format(Locale.ROOT, "%s %,d", state, count)));
        return j.toString();
    }

    private static String lock(StackGroup g) {
        Map<String, Long> classes = g.lockClasses();
        if (classes.isEmpty()) {
            return "";
        }
        StringJoiner what = new StringJoiner(", ");
        classes.forEach((c, objects) -> what.add(objects == 1 ? c : String.format(Locale.ROOT, "%s (%,d objects)", c,
                objects)));
        Map<String, Integer> owners = g.owners();
        String held = owners.isEmpty() ? "owner unknown"
                : owners.size() == 1 ? "held by " + owners.keySet().iterator().next()
                : String.format(Locale.ROOT, "held by %,d different threads", owners.size());
        return "waiting on " + what + "; " + held;
    }
}
