package profcon.agent;

import java.lang.management.LockInfo;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.util.List;
import java.util.Map;

/** Turns what the JDK reports about a thread (a {@link ThreadInfo}, a JSON dump entry) into a {@link ThreadRecord}. */
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

    /** A thread of {@code HotSpotDiagnosticMXBean.dumpThreads} JSON (JDK 21+; JDK 24+ adds state and locks). */
    @SuppressWarnings("unchecked")
    static ThreadRecord fromJson(Map<String, Object> json) {
        ThreadRecord t = new ThreadRecord();
        t.tid = Long.parseLong(String.valueOf(json.get("tid")));
        t.name = String.valueOf(json.getOrDefault("name", ""));
        t.virtual = Boolean.TRUE.equals(json.get("virtual"));
        Object state = json.get("state");
        if (state != null) {
            t.state = state.toString();
        }
        Object carrier = json.get("carrier");
        if (carrier != null) {
            t.carrierTid = Long.parseLong(carrier.toString());
        }
        t.lock = jsonLock(json);
        for (Object frame : (List<Object>) json.getOrDefault("stack", List.of())) {
            t.frames.add(Frames.parse(String.valueOf(frame)));
        }
        for (Object owned : (List<Object>) json.getOrDefault("monitorsOwned", List.of())) {
            Map<String, Object> o = (Map<String, Object>) owned;
            for (Object lock : (List<Object>) o.getOrDefault("locks", List.of())) {
                t.lockedMonitors.add(o.get("depth") + "\t" + lock);
            }
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    private static String jsonLock(Map<String, Object> json) {
        for (String key : new String[] {"blockedOn", "waitingOn"}) {
            if (json.get(key) != null) {
                return json.get(key).toString();
            }
        }
        Object blocker = json.get("parkBlocker");
        if (blocker instanceof Map<?, ?> m && m.get("object") != null) {
            return ((Map<String, Object>) m).get("object").toString();
        }
        return blocker == null ? "" : blocker.toString();
    }
}
