package profcon.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent's deadlock finder on a made-up wait-for graph. */
class DeadlockFinderTest {
    @Test
    void findsEachWaitForCycleOnceFromItsSmallestThread() {
        Map<Long, ThreadRecord> threads = new LinkedHashMap<>();
        waits(threads, 7, 5);
        waits(threads, 5, 9);
        waits(threads, 9, 7);
        waits(threads, 3, 7); // waits on the cycle without being part of it
        waits(threads, 1, 2); // waits on a running thread
        assertThat(DeadlockFinder.cycles(threads)).hasSize(1).first().isEqualTo(new long[] {5, 9, 7});
    }

    private static void waits(Map<Long, ThreadRecord> threads, long tid, long owner) {
        ThreadRecord t = new ThreadRecord();
        t.tid = tid;
        t.lock = "java.lang.Object@" + owner;
        t.lockOwnerTid = owner;
        threads.put(tid, t);
    }
}
