package profcon.threads;

import java.io.PrintWriter;
import java.util.List;

/** The deadlocks of a dump, first thing in every report, as jstack prints them: each thread, what it waits for, who holds it. */
public final class DeadlockSection {
    private DeadlockSection() {
    }

    public static void render(ThreadDump dump, PrintWriter out) {
        if (dump.deadlocks().isEmpty()) {
            return;
        }
        out.println();
        out.println("Found " + dump.deadlocks().size() + " Java-level deadlock" + (dump.deadlocks().size() > 1 ? "s" : "")
                + ":");
        out.println("=============================");
        for (List<Long> cycle : dump.deadlocks()) {
            for (long tid : cycle) {
                DumpedThread t = dump.thread(tid);
                if (t == null) {
                    out.println("\"?\" (tid " + tid + "): not in the dump");
                    continue;
                }
                out.println("\"" + t.name() + "\" (tid " + tid + "):");
                out.println("  " + verb(t) + " " + t.lock() + ",");
                out.println("  which is held by \"" + t.lockOwnerName() + "\" (tid " + t.lockOwnerTid() + ")");
                if (!t.frames().isEmpty()) {
                    out.println("  at " + applicationFrame(t));
                }
            }
            out.println("Cycle: " + cycle(dump, cycle));
            out.println();
        }
    }

    /** The first frame outside the JDK (where the program took the lock), else the top frame. */
    static Frame applicationFrame(DumpedThread t) {
        int app = JdkFrames.firstApplicationFrame(t.frames());
        return t.frames().get(Math.max(app, 0));
    }

    static String verb(DumpedThread t) {
        return t.state().equals("BLOCKED") ? "waiting to lock monitor" : "waiting for ownable synchronizer";
    }

    private static String cycle(ThreadDump dump, List<Long> cycle) {
        StringBuilder b = new StringBuilder();
        for (long tid : cycle) {
            DumpedThread t = dump.thread(tid);
            b.append('"').append(t == null ? "?" : t.name()).append("\" -> ");
        }
        DumpedThread first = dump.thread(cycle.get(0));
        return b.append('"').append(first == null ? "?" : first.name()).append('"').toString();
    }
}
