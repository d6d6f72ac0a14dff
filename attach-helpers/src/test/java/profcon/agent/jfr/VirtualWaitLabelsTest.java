package profcon.agent.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import profcon.agent.encoding.StackProfile;
import profcon.agent.vwait.VirtualWaiter;

/** What lock and block make of a sampled virtual thread, on waits as JDK 25's dump shows them. */
class VirtualWaitLabelsTest {
    private static StackProfile.Frame f(String cls, String method) {
        return new StackProfile.Frame(cls, method, 0);
    }

    private static final List<StackProfile.Frame> LOCKING = List.of(f("java.lang.VirtualThread", "park"),
            f("java.util.concurrent.locks.LockSupport", "park"),
            f("java.util.concurrent.locks.AbstractQueuedSynchronizer", "acquire"),
            f("java.util.concurrent.locks.ReentrantLock", "lock"), f("com.acme.Ledger", "post"));
    private static final List<StackProfile.Frame> SLEEPING = List.of(f("java.lang.VirtualThread", "parkNanos"),
            f("java.lang.VirtualThread", "sleepNanos"), f("java.lang.Thread", "sleep"), f("com.acme.Retry", "backoff"));

    private static VirtualWaiter waiter(Thread.State state, String parkBlocker, String blockedOn, String waitingOn,
            List<StackProfile.Frame> frames) {
        return new VirtualWaiter(7, "handler-1", state, parkBlocker, blockedOn, waitingOn, frames);
    }

    @Test
    void lockNamesReentrantLocksAndMonitorsOnly() {
        LockRecipe lock = new LockRecipe();
        VirtualWaiter parked = waiter(Thread.State.WAITING, "java.util.concurrent.locks.ReentrantLock$NonfairSync",
                null, null, LOCKING);
        assertThat(lock.labels(parked, WaitSites.trim(parked.frames())))
                .containsExactly("lockclass", "ReentrantLock", "owner", "", "state", "WAITING");
        VirtualWaiter blocked = waiter(Thread.State.BLOCKED, null, "com.acme.Ledger", null,
                List.of(f("com.acme.Ledger", "post")));
        assertThat(lock.labels(blocked, blocked.frames()))
                .containsExactly("lockclass", "monitor of com.acme.Ledger", "owner", "", "state", "BLOCKED");
        VirtualWaiter queue = waiter(Thread.State.WAITING, "java.util.concurrent.SynchronousQueue$Transferer", null,
                null, LOCKING);
        assertThat(lock.labels(queue, queue.frames())).isNull();
    }

    @Test
    void blockSamplesParksAndMonitorsButLeavesSleepsAndWaitsToJfr() {
        BlockRecipe block = new BlockRecipe();
        VirtualWaiter parked = waiter(Thread.State.WAITING, "java.util.concurrent.locks.ReentrantLock$NonfairSync",
                null, null, LOCKING);
        assertThat(block.labels(parked, parked.frames()))
                .containsExactly("kind", "park", "blocker", "java.util.concurrent.locks.ReentrantLock$NonfairSync");
        VirtualWaiter blocked = waiter(Thread.State.BLOCKED, null, "com.acme.Ledger", null, List.of());
        assertThat(block.labels(blocked, blocked.frames())).containsExactly("kind", "monitor", "blocker", "com.acme.Ledger");
        assertThat(block.labels(waiter(Thread.State.TIMED_WAITING, null, null, null, SLEEPING), SLEEPING)).isNull();
        assertThat(block.labels(waiter(Thread.State.WAITING, null, null, "com.acme.Ledger", List.of()), List.of()))
                .isNull();
        List<StackProfile.Frame> reading = List.of(f("java.lang.VirtualThread", "park"),
                f("sun.nio.ch.NioSocketImpl", "park"), f("java.net.Socket$SocketInputStream", "read"));
        assertThat(block.labels(waiter(Thread.State.WAITING, null, null, null, reading), reading)).isNull();
    }

    @Test
    void pinnedDurationsGoInDecades() {
        assertThat(Pinning.bucket(Duration.ofNanos(500_000))).isEqualTo("<1ms");
        assertThat(Pinning.bucket(Duration.ofMillis(30))).isEqualTo("10-100ms");
        assertThat(Pinning.bucket(Duration.ofSeconds(2))).isEqualTo(">=1s");
    }
}
