package profcon.agent.threads;

import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

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
    static List<long[]> find(WaitGraph graph, ThreadMXBean mx) {
        List<long[]> confirmed = new ArrayList<>();
        WaitGraph.Index sorted = graph.index();
        for (int[] cycle : cycleIndexes(graph, sorted)) {
            if (stillWaiting(cycle, graph, mx)) {
                confirmed.add(tids(graph, cycle));
            }
        }
        return confirmed;
    }

    static List<long[]> cycles(WaitGraph graph) {
        List<long[]> cycles = new ArrayList<>();
        for (int[] cycle : cycleIndexes(graph, graph.index())) {
            cycles.add(tids(graph, cycle));
        }
        return cycles;
    }

    /**
     * Each thread waits for at most one other, so every walk from a thread either ends (an owner
     * that waits for nothing) or enters a cycle; {@code seen} marks each thread with the walk
     * that reached it first, so each thread is walked once and each cycle found once.
     */
    private static List<int[]> cycleIndexes(WaitGraph graph, WaitGraph.Index sorted) {
        int n = graph.size();
        int[] seen = new int[n];
        List<int[]> cycles = new ArrayList<>();
        for (int start = 0; start < n; start++) {
            int walk = start + 1;
            int at = start;
            while (at >= 0 && seen[at] == 0) {
                seen[at] = walk;
                at = graph.indexOf(graph.owner(at), sorted);
            }
            if (at >= 0 && seen[at] == walk) {
                cycles.add(canonical(graph, at, sorted));
            }
        }
        return cycles;
    }

    /** The cycle through {@code member}, rotated to start from its smallest thread id. */
    private static int[] canonical(WaitGraph graph, int member, WaitGraph.Index sorted) {
        int length = 1;
        for (int at = graph.indexOf(graph.owner(member), sorted); at != member;
             at = graph.indexOf(graph.owner(at), sorted)) {
            length++;
        }
        int[] cycle = new int[length];
        int min = 0;
        cycle[0] = member;
        for (int i = 1; i < length; i++) {
            cycle[i] = graph.indexOf(graph.owner(cycle[i - 1]), sorted);
            if (graph.tid(cycle[i]) < graph.tid(cycle[min])) {
                min = i;
            }
        }
        int[] rotated = new int[length];
        for (int i = 0; i < length; i++) {
            rotated[i] = cycle[(min + i) % length];
        }
        return rotated;
    }

    private static long[] tids(WaitGraph graph, int[] cycle) {
        long[] ids = new long[cycle.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = graph.tid(cycle[i]);
        }
        return ids;
    }

    private static boolean stillWaiting(int[] cycle, WaitGraph graph, ThreadMXBean mx) {
        ThreadInfo[] again = mx.getThreadInfo(tids(graph, cycle), 0); // maxDepth 0: no safepoint
        for (int i = 0; i < cycle.length; i++) {
            ThreadInfo now = again[i];
            if (now == null || now.getLockOwnerId() != graph.owner(cycle[i])
                    || !graph.sameLock(cycle[i], now.getLockInfo())) {
                return false;
            }
        }
        return true;
    }
}
