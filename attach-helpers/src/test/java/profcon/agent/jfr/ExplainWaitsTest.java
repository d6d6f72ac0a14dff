package profcon.agent.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import profcon.agent.encoding.StackProfile;
import profcon.agent.vwait.VirtualWaiter;

/** explain's sampled virtual thread: one sample carrying each part it belongs to, with that part's labels. */
class ExplainWaitsTest {
    private static StackProfile.Frame f(String cls, String method) {
        return new StackProfile.Frame(cls, method, 0);
    }

    private static final List<StackProfile.Frame> LOCKING = List.of(f("java.lang.VirtualThread", "park"),
            f("java.util.concurrent.locks.LockSupport", "park"),
            f("java.util.concurrent.locks.AbstractQueuedSynchronizer", "acquire"),
            f("java.util.concurrent.locks.ReentrantLock", "lock"), f("com.acme.Ledger", "post"));
    private static final List<StackProfile.Frame> SLEEPING = List.of(f("java.lang.VirtualThread", "sleepNanos"),
            f("java.lang.Thread", "sleep"), f("com.acme.Retry", "backoff"));

    private static String[] labels(Thread.State state, String parkBlocker, String blockedOn,
            List<StackProfile.Frame> frames) {
        VirtualWaiter w = new VirtualWaiter(7, "handler-1", state, parkBlocker, blockedOn, null, frames);
        return new ExplainWaits().labels(w, WaitSites.trim(frames));
    }

    @Test
    void aLockWaitIsInTheLockAndTheBlockPart() {
        assertThat(labels(Thread.State.WAITING, "java.util.concurrent.locks.ReentrantLock$NonfairSync", null, LOCKING))
                .containsExactly("profile", "lock", "lockclass", "ReentrantLock", "owner", "", "state", "WAITING",
                        "profile", "block", "kind", "park", "blocker",
                        "java.util.concurrent.locks.ReentrantLock$NonfairSync");
        assertThat(labels(Thread.State.BLOCKED, null, "com.acme.Ledger", List.of(f("com.acme.Ledger", "post"))))
                .containsExactly("profile", "lock", "lockclass", "monitor of com.acme.Ledger", "owner", "", "state",
                        "BLOCKED", "profile", "block", "kind", "monitor", "blocker", "com.acme.Ledger");
    }

    @Test
    void aQueueWaitIsInTheBlockPartOnlyAndASleepInNeither() {
        assertThat(labels(Thread.State.WAITING, "java.util.concurrent.SynchronousQueue$Transferer", null, LOCKING))
                .containsExactly("profile", "block", "kind", "park", "blocker",
                        "java.util.concurrent.SynchronousQueue$Transferer");
        // JFR's sleep event fires for virtual threads: sampling it too would count it twice
        assertThat(labels(Thread.State.TIMED_WAITING, null, null, SLEEPING)).isNull();
    }
}
