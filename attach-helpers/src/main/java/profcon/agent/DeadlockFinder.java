package profcon.agent;

import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds Java-level deadlocks (monitors and j.u.c. ownable synchronizers) from the wait-for graph
 * "thread waits for a lock owned by thread", without {@code findDeadlockedThreads}, which runs
 * as a global safepoint operation. The states it reads are not one atomic snapshot, so a cycle
 * counts only if a second look finds every member still waiting on the same lock and owner:
 * a real deadlock never changes, a transient hand-off does.
 */
final class DeadlockFinder {
    private DeadlockFinder() {
    }

    /** Each confirmed cycle as thread ids, starting from its smallest id. */
    static List<long[]> find(Map<Long, ThreadRecord> threads, ThreadMXBean mx) {
        List<long[]> confirmed = new ArrayList<>();
        for (long[] cycle : cycles(threads)) {
            if (stillWaiting(cycle, threads, mx)) {
                confirmed.add(cycle);
            }
        }
        return confirmed;
    }

    static List<long[]> cycles(Map<Long, ThreadRecord> threads) {
        Map<Long, Long> waitsFor = new HashMap<>();
        for (ThreadRecord t : threads.values()) {
            if (t.lockOwnerTid >= 0 && !t.lock.isEmpty()) {
                waitsFor.put(t.tid, t.lockOwnerTid);
            }
        }
        List<long[]> cycles = new ArrayList<>();
        Set<Long> done = new HashSet<>();
        for (Long start : waitsFor.keySet()) {
            List<Long> path = new ArrayList<>();
            Long at = start;
            while (at != null && !done.contains(at) && !path.contains(at)) {
                path.add(at);
                at = waitsFor.get(at);
            }
            if (at != null && path.contains(at)) {
                cycles.add(canonical(path.subList(path.indexOf(at), path.size())));
            }
            done.addAll(path);
        }
        return cycles;
    }

    private static long[] canonical(List<Long> cycle) {
        int min = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (cycle.get(i) < cycle.get(min)) {
                min = i;
            }
        }
        long[] ids = new long[cycle.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = cycle.get((min + i) % ids.length);
        }
        return ids;
    }

    private static boolean stillWaiting(long[] cycle, Map<Long, ThreadRecord> threads, ThreadMXBean mx) {
        ThreadInfo[] again = mx.getThreadInfo(cycle, 0); // maxDepth 0: no safepoint
        for (int i = 0; i < cycle.length; i++) {
            ThreadRecord before = threads.get(cycle[i]);
            ThreadInfo now = again[i];
            if (now == null || now.getLockInfo() == null || now.getLockOwnerId() != before.lockOwnerTid
                    || !ThreadRecords.lockText(now.getLockInfo()).equals(before.lock)) {
                return false;
            }
        }
        return true;
    }
}
