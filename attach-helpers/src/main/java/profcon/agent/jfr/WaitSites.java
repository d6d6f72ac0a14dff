package profcon.agent.jfr;

import java.util.List;
import profcon.agent.encoding.StackProfile;

/**
 * Where a thread waited, as the application sees it: a wait's stack cut at the JDK call the
 * application made ({@code ArrayBlockingQueue.put}, {@code ReentrantReadWriteLock$ReadLock.lock}),
 * and the user-facing name of the lock it waited for.
 *
 * <p>The frames below that call ({@code Unsafe.park}, {@code LockSupport.park}, the
 * {@code AbstractQueuedSynchronizer} loop) are the same for every wait; kept, they would make
 * {@code Unsafe.park} the top entry of every lock and block profile and hide the call that matters.
 */
public final class WaitSites {
    private static final String[] JDK_PACKAGES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};
    private static final String RRWL = "java.util.concurrent.locks.ReentrantReadWriteLock";

    private WaitSites() {
    }

    /** The stack from the outermost JDK frame the application called, leaf first; all-JDK stacks lose only park plumbing. */
    public static List<StackProfile.Frame> trim(List<StackProfile.Frame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (!isJdk(frames.get(i).className())) {
                return i == 0 ? frames : frames.subList(i - 1, frames.size());
            }
        }
        int first = 0;
        while (first < frames.size() - 1 && isParkPlumbing(frames.get(first).className())) {
            first++;
        }
        return frames.subList(first, frames.size());
    }

    /** True for classes of the JDK itself; synthetic frames ("[truncated]") count as JDK, not application. */
    static boolean isJdk(String className) {
        if (className.startsWith("[")) {
            return true;
        }
        for (String p : JDK_PACKAGES) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isParkPlumbing(String className) {
        return className.equals("jdk.internal.misc.Unsafe") || className.equals("java.util.concurrent.locks.LockSupport")
                || className.startsWith("java.util.concurrent.locks.AbstractQueued")
                || className.startsWith("java.lang.VirtualThread") || className.startsWith("jdk.internal.vm.Continuation");
    }

    /** False for a parked class that cannot be a lock {@link #lockKind} names, so the event's stack need not be read. */
    public static boolean mayBeLock(String parkedClass) {
        return parkedClass != null && (parkedClass.startsWith("java.util.concurrent.locks.ReentrantLock$")
                || parkedClass.startsWith(RRWL + "$") || parkedClass.startsWith("java.util.concurrent.locks.StampedLock"));
    }

    /**
     * The lock kind a park waited for, when the parked object is a lock ({@code ReentrantLock},
     * {@code read lock of ReentrantReadWriteLock}, {@code StampedLock}); null when it is some other
     * synchronizer (a queue's condition, a latch, a semaphore).
     */
    public static String lockKind(String parkedClass, List<StackProfile.Frame> frames) {
        if (parkedClass == null) {
            return null;
        }
        if (parkedClass.startsWith("java.util.concurrent.locks.ReentrantLock$")) {
            return "ReentrantLock";
        }
        if (parkedClass.startsWith(RRWL + "$")) {
            // Both halves park on the same Sync; only the stack tells a reader from a writer.
            for (StackProfile.Frame f : frames) {
                if (f.className().equals(RRWL + "$ReadLock")) {
                    return "read lock of ReentrantReadWriteLock";
                }
                if (f.className().equals(RRWL + "$WriteLock")) {
                    return "write lock of ReentrantReadWriteLock";
                }
            }
            return "ReentrantReadWriteLock";
        }
        if (parkedClass.startsWith("java.util.concurrent.locks.StampedLock")) {
            return "StampedLock";
        }
        return null;
    }
}
