package profcon.agent;

import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;

/** What every thread dump reply carries: the header, the threads (agent's own left out), deadlocks. */
final class ThreadDumps {
    private ThreadDumps() {
    }

    static byte[] text(String view, String method, Map<Long, ThreadRecord> threads, long tookNs, long stallNs,
                       long callNs, ThreadMXBean mx) {
        int agent = 0;
        int virtual = 0;
        for (var it = threads.values().iterator(); it.hasNext(); ) {
            ThreadRecord t = it.next();
            if (t.name.startsWith("profcon-")) {
                it.remove(); // the agent's own threads are not the target's
                agent++;
            } else if (t.virtual) {
                virtual++;
            }
        }
        fillMonitorOwners(threads);
        List<long[]> deadlocks = DeadlockFinder.find(threads, mx);
        DumpText out = new DumpText()
                .header("view", view)
                .header("method", method)
                .header("jdk", System.getProperty("java.runtime.version", System.getProperty("java.version")))
                .header("time_ms", System.currentTimeMillis())
                .header("took_ns", tookNs)
                .header("stall_ns", stallNs)
                .header("call_ns", callNs)
                .header("platform", threads.size() - virtual)
                .header("virtual", virtual)
                .header("agent_threads", agent);
        return out.threads(threads.values()).deadlocks(deadlocks).toBytes();
    }

    /**
     * Virtual threads in the JSON dump name the monitor they wait for but not its owner; the owner
     * is whichever thread lists that monitor among those it holds.
     */
    private static void fillMonitorOwners(Map<Long, ThreadRecord> threads) {
        Map<String, ThreadRecord> holders = new java.util.HashMap<>();
        for (ThreadRecord t : threads.values()) {
            for (String m : t.lockedMonitors) {
                holders.put(m.substring(m.indexOf('\t') + 1), t);
            }
        }
        for (ThreadRecord t : threads.values()) {
            ThreadRecord owner = t.lock.isEmpty() || t.lockOwnerTid >= 0 ? null : holders.get(t.lock);
            if (owner != null && owner != t) {
                t.lockOwnerTid = owner.tid;
                t.lockOwnerName = owner.name;
            }
        }
    }
}
