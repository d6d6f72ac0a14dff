package profcon.threads;

import java.util.List;

/**
 * One thread of a dump: identity, state, the lock it waits for and that lock's owner (when the
 * JDK knows them), its stack (leaf first), and, in full dumps, the monitors and synchronizers it holds.
 */
public record DumpedThread(long tid, String name, String state, boolean virtual, boolean daemon, long carrierTid,
                           String lock, long lockOwnerTid, String lockOwnerName, List<Frame> frames,
                           List<LockedMonitor> lockedMonitors, List<String> synchronizers) {
    public DumpedThread {
        frames = List.copyOf(frames);
        lockedMonitors = List.copyOf(lockedMonitors);
        synchronizers = List.copyOf(synchronizers);
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
