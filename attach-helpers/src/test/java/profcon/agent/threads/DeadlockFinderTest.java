package profcon.agent.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.LockInfo;
import org.junit.jupiter.api.Test;

/** The agent's deadlock finder on a made-up wait-for graph. */
class DeadlockFinderTest {
    @Test
    void findsEachWaitForCycleOnceFromItsSmallestThread() {
        WaitGraph graph = new WaitGraph();
        waits(graph, 7, 5);
        waits(graph, 5, 9);
        waits(graph, 9, 7);
        waits(graph, 3, 7); // waits on the cycle without being part of it
        waits(graph, 1, 2); // waits on a running thread
        waits(graph, 20, 21);
        waits(graph, 21, 20);
        graph.add(30, null, 31); // no lock: not an edge
        assertThat(DeadlockFinder.cycles(graph)).containsExactly(new long[] {5, 9, 7}, new long[] {20, 21});
    }

    @Test
    void aWaitGraphGrowsPastItsFirstArrays() {
        WaitGraph graph = new WaitGraph();
        for (int i = 100; i < 200; i++) {
            waits(graph, i, i + 1); // a chain, ending at a thread that waits for nothing
        }
        waits(graph, 200, 150);
        assertThat(DeadlockFinder.cycles(graph)).hasSize(1).first()
                .satisfies(cycle -> assertThat(cycle).hasSize(51).startsWith(150, 151));
    }

    private static void waits(WaitGraph graph, long tid, long owner) {
        graph.add(tid, new LockInfo("java.lang.Object", (int) owner), owner);
    }
}
