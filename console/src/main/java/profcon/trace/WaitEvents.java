package profcon.trace;

import java.util.Map;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import profcon.agent.jfr.WaitSites;

/** The state and detail a JFR wait event puts a thread in, as the lock and block profiles read the same events. */
final class WaitEvents {
    private static final Map<String, ThreadState> STATES = Map.of(
            "jdk.JavaMonitorEnter", ThreadState.LOCK, "jdk.ThreadPark", ThreadState.WAIT,
            "jdk.JavaMonitorWait", ThreadState.WAIT, "jdk.ThreadSleep", ThreadState.SLEEP,
            "jdk.SocketRead", ThreadState.IO, "jdk.SocketWrite", ThreadState.IO,
            "jdk.FileRead", ThreadState.IO, "jdk.FileWrite", ThreadState.IO,
            "jdk.VirtualThreadPinned", ThreadState.WAIT);

    private WaitEvents() {
    }

    static boolean isWait(String type) {
        return STATES.containsKey(type);
    }

    /** The state: a park on a ReentrantLock, ReentrantReadWriteLock or StampedLock is a lock, any other a wait. */
    static ThreadState state(RecordedEvent e) {
        String type = e.getEventType().getName();
        if (type.equals("jdk.ThreadPark") && WaitSites.mayBeLock(className(e, "parkedClass"))) {
            return ThreadState.LOCK;
        }
        return STATES.get(type);
    }

    /** What the wait was on: the lock's class, the socket, the file. */
    static String detail(RecordedEvent e) {
        return switch (e.getEventType().getName()) {
            case "jdk.JavaMonitorEnter" -> "monitor of " + className(e, "monitorClass");
            case "jdk.JavaMonitorWait" -> "Object.wait on " + className(e, "monitorClass");
            case "jdk.ThreadPark" -> "park on " + outer(className(e, "parkedClass"));
            case "jdk.ThreadSleep" -> "Thread.sleep";
            case "jdk.SocketRead", "jdk.SocketWrite" -> "socket " + e.getString("host") + ":" + e.getInt("port");
            case "jdk.FileRead", "jdk.FileWrite" -> "file " + e.getString("path");
            default -> "pinned carrier thread";
        };
    }

    private static String className(RecordedEvent e, String field) {
        if (!e.hasField(field)) {
            return "?";
        }
        RecordedClass c = e.getValue(field);
        return c == null ? "?" : c.getName();
    }

    // ReentrantLock$NonfairSync -> ReentrantLock: the lock, not its internal synchronizer
    private static String outer(String name) {
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }
}
