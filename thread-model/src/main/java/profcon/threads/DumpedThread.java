package profcon.threads;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One thread of a dump: identity, state, the lock it waits for and that lock's owner (when the
 * JDK knows them), its stack (leaf first), in full dumps the monitors and synchronizers it holds,
 * and the application's profile labels it had when dumped (sorted by key; empty when none).
 */
public record DumpedThread(long tid, String name, String state, boolean virtual, boolean daemon, long carrierTid,
                           String lock, long lockOwnerTid, String lockOwnerName, List<Frame> frames,
                           List<LockedMonitor> lockedMonitors, List<String> synchronizers,
                           Map<String, String> labels) {
    public DumpedThread {
        frames = List.copyOf(frames);
        lockedMonitors = List.copyOf(lockedMonitors);
        synchronizers = List.copyOf(synchronizers);
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /** A thread without labels (a dump from before labels, or a thread outside any labelled span). */
    public DumpedThread(long tid, String name, String state, boolean virtual, boolean daemon, long carrierTid,
                        String lock, long lockOwnerTid, String lockOwnerName, List<Frame> frames,
                        List<LockedMonitor> lockedMonitors, List<String> synchronizers) {
        this(tid, name, state, virtual, daemon, carrierTid, lock, lockOwnerTid, lockOwnerName, frames, lockedMonitors,
                synchronizers, Map.of());
    }

    /** This thread with {@code labels} in place of its own. */
    public DumpedThread withLabels(Map<String, String> labels) {
        return new DumpedThread(tid, name, state, virtual, daemon, carrierTid, lock, lockOwnerTid, lockOwnerName, frames,
                lockedMonitors, synchronizers, labels);
    }

    /** The labels as {@code k=v} words joined by a space, in key order; "" when none. */
    public String labelText() {
        StringBuilder b = new StringBuilder();
        labels.forEach((k, v) -> b.append(b.length() > 0 ? " " : "").append(k).append('=').append(v));
        return b.toString();
    }

    /** A monitor held, and the stack depth of the frame that locked it. */
    public record LockedMonitor(int depth, String lock) {
    }

    /** The class of the lock waited for ({@code java.lang.Object} of {@code java.lang.Object@1b6d3586}), or "". */
    public String lockClass() {
        int at = lock.lastIndexOf('@');
        return at < 0 ? lock : lock.substring(0, at);
    }
}
