package profcon.agent.wall;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the stacks of a batch of platform threads at the lowest pause the running JDK allows.
 *
 * <p>Measured here with 1,000 threads: on JDK 17 {@code Thread.getStackTrace()} costs one global
 * safepoint per thread, so the batch goes through {@code ThreadMXBean.getThreadInfo(ids, depth)}
 * (one "ThreadDump" safepoint, 4-8 ms at safepoint for 1,000 threads). From JDK 21 a thread's own
 * stack is taken with a handshake that stops only that thread (12 us per thread on JDK 25, no
 * global safepoint), so the batch is walked thread by thread.
 */
final class ThreadStacks {
    private static final boolean HANDSHAKES = Runtime.version().feature() >= 21;

    /** One thread's stack at one instant. */
    record Snapshot(long id, String name, Thread.State state, StackTraceElement[] stack) {
    }

    private ThreadStacks() {
    }

    /** How stacks are taken on this JDK, for {@code info} and the profile's comments. */
    static String method() {
        return HANDSHAKES ? "per-thread-handshake" : "getThreadInfo-global-safepoint";
    }

    /** The threads' stacks, up to {@code depth} frames; threads that ended meanwhile are left out. */
    static List<Snapshot> take(List<Thread> threads, int depth) {
        List<Snapshot> out = new ArrayList<>(threads.size());
        if (HANDSHAKES) {
            for (Thread t : threads) {
                StackTraceElement[] stack = t.getStackTrace();
                Thread.State state = t.getState();
                if (state != Thread.State.TERMINATED && state != Thread.State.NEW) {
                    out.add(new Snapshot(id(t), t.getName(), state, cut(stack, depth)));
                }
            }
            return out;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] ids = new long[threads.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = id(threads.get(i));
        }
        for (ThreadInfo info : mx.getThreadInfo(ids, depth)) {
            if (info != null) {
                out.add(new Snapshot(info.getThreadId(), info.getThreadName(), info.getThreadState(), info.getStackTrace()));
            }
        }
        return out;
    }

    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; the agent runs on 17
    private static long id(Thread t) {
        return t.getId();
    }

    private static StackTraceElement[] cut(StackTraceElement[] stack, int depth) {
        if (stack.length <= depth) {
            return stack;
        }
        StackTraceElement[] cut = new StackTraceElement[depth];
        System.arraycopy(stack, 0, cut, 0, depth);
        return cut;
    }
}
