package profcon.agent;

import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;

/**
 * What every thread dump reply carries: the header, the threads (agent's own left out), deadlocks,
 * and on JDK 21+ the JDK's JSON dump as it was written, for the console to merge (stacks, virtual threads).
 */
final class ThreadDumps {
    private ThreadDumps() {
    }

    static byte[] text(String view, String method, Map<Long, ThreadRecord> threads, long tookNs, long stallNs,
                       long callNs, ThreadMXBean mx, byte[] json) {
        int agent = 0;
        for (var it = threads.values().iterator(); it.hasNext(); ) {
            ThreadRecord t = it.next();
            if (t.name.startsWith("profcon-")) {
                it.remove(); // the agent's own threads are not the target's
                agent++;
            }
        }
        List<long[]> deadlocks = DeadlockFinder.find(threads, mx);
        DumpText out = new DumpText(threads.size())
                .header("view", view)
                .header("method", method)
                .header("jdk", System.getProperty("java.runtime.version", System.getProperty("java.version")))
                .header("time_ms", System.currentTimeMillis())
                .header("took_ns", tookNs)
                .header("stall_ns", stallNs)
                .header("call_ns", callNs)
                .header("agent_threads", agent);
        out.threads(threads.values()).deadlocks(deadlocks);
        return json == null ? out.toBytes() : out.json(json);
    }
}
