package profcon.agent.threads;

import java.io.IOException;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Map;
import profcon.agent.labels.ApplicationLabels;

/**
 * What every thread dump reply carries, written while the dump is taken: the header, each thread
 * as soon as the JDK reports it (the agent's own left out and counted), deadlocks, what is known
 * only at the end (how long it took, the stall), and on JDK 21+ the JDK's JSON dump as it was
 * written, for the console to merge (stacks, virtual threads).
 *
 * <p>Nothing per thread is kept once it is written except, for a thread waiting on a lock with an
 * owner, an entry of the {@link WaitGraph}: the caller can drop each {@code ThreadInfo} at once.
 */
final class ThreadDumps {
    private static final String AGENT_PREFIX = "profcon-";
    private final DumpText out;
    private final WaitGraph waits = new WaitGraph();
    private final boolean heldLocks;
    private int agentThreads;

    /** {@code view} "full" means the {@code ThreadInfo}s carry the monitors and synchronizers held. */
    ThreadDumps(String view, String method, int threads) {
        heldLocks = view.equals("full");
        out = new DumpText(threads)
                .header("view", view)
                .header("method", method)
                .header("jdk", System.getProperty("java.runtime.version", System.getProperty("java.version")))
                .header("time_ms", System.currentTimeMillis());
    }

    /**
     * Writes the thread now (null, a thread that has ended, is skipped). Returns where its frame
     * lines are in the reply as {@code start << 32 | length} (0: no frames), or -1 if it was not
     * written (ended, or one of the agent's own).
     */
    long add(ThreadInfo info) {
        if (skipped(info)) {
            return -1;
        }
        out.thread(info, heldLocks);
        waits.add(info.getThreadId(), info.getLockInfo(), info.getLockOwnerId());
        return out.lastStack();
    }

    /** As {@link #add(ThreadInfo)}, for a thread whose frame lines are known: {@code from[stack]}. */
    long add(ThreadInfo info, byte[] from, long stack) {
        if (skipped(info)) {
            return -1;
        }
        out.thread(info, from, (int) (stack >>> 32), (int) stack);
        waits.add(info.getThreadId(), info.getLockInfo(), info.getLockOwnerId());
        return out.lastStack();
    }

    /** How many stacks were read for this dump and how many were kept from the previous one. */
    void stacks(int read, int reused) {
        out.header("stacks_read", read).header("stacks_reused", reused);
    }

    /** One of the agent's own threads: counted, never written (they are not the target's). */
    static boolean isAgents(ThreadInfo info) {
        return info.getThreadName().startsWith(AGENT_PREFIX);
    }

    private boolean skipped(ThreadInfo info) {
        if (info == null) {
            return true;
        }
        if (isAgents(info)) {
            agentThreads++;
            return true;
        }
        return false;
    }

    /**
     * The application's labels of every thread that has some now (read from outside the threads,
     * see {@link ApplicationLabels}), and how they were found. Written after the threads: a thread
     * known only from the JDK's JSON dump (a virtual thread) gets them by id on the console's side.
     */
    void labels() {
        for (Map.Entry<Long, String[]> e : ApplicationLabels.now().entrySet()) {
            out.labels(e.getKey(), e.getValue());
        }
        out.header("labels", ApplicationLabels.describe());
    }

    /** Deadlocks (checked again against the live threads), the cost figures; then the JSON file if given. */
    byte[] finish(long tookNs, long stallNs, long callNs, ThreadMXBean mx, Path json) throws IOException {
        out.deadlocks(DeadlockFinder.find(waits, mx))
                .header("took_ns", tookNs)
                .header("stall_ns", stallNs)
                .header("call_ns", callNs)
                .header("agent_threads", agentThreads);
        if (json != null) {
            out.json(json);
        }
        return out.toBytes();
    }
}
