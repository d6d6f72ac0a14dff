package profcon.agent;

import java.lang.management.LockInfo;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;

/** Turns what the JDK reports about a thread (a {@link ThreadInfo}, into a {@link ThreadRecord}. */
final class ThreadRecords {
    private ThreadRecords() {
    }

    static ThreadRecord from(ThreadInfo info) {
        ThreadRecord t = new ThreadRecord();
        t.tid = info.getThreadId();
        t.name = info.getThreadName();
        t.daemon = info.isDaemon();
        state(t, info);
        for (StackTraceElement e : info.getStackTrace()) {
            t.frames.add(e);
        }
        for (MonitorInfo m : info.getLockedMonitors()) {
            t.lockedMonitors.add(m.getLockedStackDepth() + "\t" + lockText(m));
        }
        for (LockInfo s : info.getLockedSynchronizers()) {
            t.synchronizers.add(lockText(s));
        }
        return t;
    }

    /** Copies state and the lock waited for (class@hash, owner) from {@code info}. */
    static void state(ThreadRecord t, ThreadInfo info) {
        t.state = info.getThreadState().name();
        t.lock = info.getLockInfo() == null ? "" : lockText(info.getLockInfo());
        t.lockOwnerTid = info.getLockOwnerId();
        t.lockOwnerName = info.getLockOwnerName() == null ? "" : info.getLockOwnerName();
    }

    static String lockText(LockInfo lock) {
        return lock.getClassName() + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }
}
