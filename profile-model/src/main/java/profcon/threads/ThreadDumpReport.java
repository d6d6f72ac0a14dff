package profcon.threads;

import java.io.PrintWriter;
import java.util.Locale;

/** Every thread with its full stack, held monitors and synchronizers, like {@code jstack -l} (Go's debug=2). */
public final class ThreadDumpReport {
    private ThreadDumpReport() {
    }

    public static void render(ThreadDump dump, ThreadQuery query, PrintWriter out) {
        DumpHeader.render(dump, out);
        DeadlockSection.render(dump, out);
        for (DumpedThread t : query.apply(dump.threads())) {
            out.println();
            thread(t, out);
        }
    }

    /** jstack's words: blocked on a monitor, waiting in Object.wait, or parked on a synchronizer. */
    private static String waitVerb(DumpedThread t) {
        if (t.state().equals("BLOCKED")) {
            return "waiting to lock <";
        }
        return t.frames().get(0).method().startsWith("park") ? "parking to wait for <" : "waiting on <";
    }

    private static void thread(DumpedThread t, PrintWriter out) {
        out.printf(Locale.ROOT, "\"%s\" tid=%d%s%s %s%n", t.name(), t.tid(), t.virtual() ? " virtual" : "",
                t.daemon() ? " daemon" : "", t.state());
        if (t.carrierTid() >= 0) {
            out.println("   carried by tid " + t.carrierTid());
        }
        if (!t.labels().isEmpty()) {
            out.println("   labels: " + t.labelText());
        }
        for (int i = 0; i < t.frames().size(); i++) {
            out.println("\tat " + t.frames().get(i));
            if (i == 0 && !t.lock().isEmpty()) {
                out.println("\t- " + waitVerb(t) + t.lock()
                        + ">" + (t.lockOwnerTid() >= 0 ? " owned by \"" + t.lockOwnerName() + "\" tid="
                        + t.lockOwnerTid() : ""));
            }
            for (DumpedThread.LockedMonitor m : t.lockedMonitors()) {
                if (m.depth() == i) {
                    out.println("\t- locked <" + m.lock() + ">");
                }
            }
        }
        if (!t.synchronizers().isEmpty() || t.lockedMonitors().stream().anyMatch(m -> m.depth() < 0)) {
            out.println();
            out.println("   Locked ownable synchronizers:");
            t.synchronizers().forEach(s -> out.println("\t- <" + s + ">"));
            t.lockedMonitors().stream().filter(m -> m.depth() < 0)
                    .forEach(m -> out.println("\t- <" + m.lock() + "> (monitor, JNI)"));
        }
    }
}
