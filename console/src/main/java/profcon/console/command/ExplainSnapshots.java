package profcon.console.command;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import profcon.explain.ThreadSnapshot;
import profcon.threads.DumpedThread;
import profcon.threads.Frame;
import profcon.threads.StackGroup;
import profcon.threads.ThreadDump;

/** Turns the agent's grouped thread dump into the snapshot explain's rules read. */
final class ExplainSnapshots {
    private static final String[] JDK = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

    private ExplainSnapshots() {
    }

    static ThreadSnapshot of(ThreadDump dump) {
        List<ThreadSnapshot.Group> groups = new ArrayList<>();
        for (StackGroup g : StackGroup.of(dump.threads())) {
            Frame culprit = culprit(g.frames());
            String key = g.frames().stream().map(Frame::toString).collect(Collectors.joining("|"));
            groups.add(new ThreadSnapshot.Group(key, culprit == null ? "" : culprit.function(), where(culprit),
                    g.frames().isEmpty() ? "" : g.frames().get(0).function(), g.count(), g.states(),
                    g.lockClasses().keySet().stream().findFirst().orElse(""), (int) g.virtualCount()));
        }
        List<ThreadSnapshot.Cycle> cycles = new ArrayList<>();
        for (List<Long> ids : dump.deadlocks()) {
            cycles.add(cycle(dump, ids));
        }
        return new ThreadSnapshot(dump.timeMillis(), dump.threads().size(), groups, cycles);
    }

    private static ThreadSnapshot.Cycle cycle(ThreadDump dump, List<Long> ids) {
        List<String> links = new ArrayList<>();
        Frame first = null;
        for (long id : ids) {
            DumpedThread t = dump.thread(id);
            if (t == null) {
                continue;
            }
            Frame at = culprit(t.frames());
            first = first == null ? at : first;
            links.add(t.name() + " waits for " + t.lock() + " held by " + t.lockOwnerName()
                    + (at == null ? "" : " at " + at));
        }
        return new ThreadSnapshot.Cycle(links, first == null ? "" : first.function(), where(first));
    }

    /** The first application frame, or the leaf when every frame is the JDK's. */
    private static Frame culprit(List<Frame> frames) {
        for (Frame f : frames) {
            if (!isJdk(f.className())) {
                return f;
            }
        }
        return frames.isEmpty() ? null : frames.get(0);
    }

    private static boolean isJdk(String className) {
        for (String p : JDK) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static String where(Frame f) {
        if (f == null || f.file().isEmpty()) {
            return "";
        }
        return f.line() > 0 ? f.file() + ":" + f.line() : f.file();
    }
}
