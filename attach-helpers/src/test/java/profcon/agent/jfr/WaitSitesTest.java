package profcon.agent.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import profcon.agent.encoding.StackProfile;

/** Stack trimming and lock naming for the lock and block profiles, on stacks as JFR reports them. */
class WaitSitesTest {
    private static StackProfile.Frame f(String cls, String method) {
        return new StackProfile.Frame(cls, method, 0);
    }

    private static final List<StackProfile.Frame> READER = List.of(
            f("jdk.internal.misc.Unsafe", "park"),
            f("java.util.concurrent.locks.LockSupport", "park"),
            f("java.util.concurrent.locks.AbstractQueuedSynchronizer", "acquire"),
            f("java.util.concurrent.locks.AbstractQueuedSynchronizer", "acquireShared"),
            f("java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock", "lock"),
            f("profcon.demo.ReaderStarvation$Cache", "get"),
            f("java.lang.Thread", "run"));

    @Test
    void stackStartsAtTheJdkCallTheApplicationMade() {
        assertThat(WaitSites.trim(READER)).extracting(StackProfile.Frame::className).containsExactly(
                "java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock", "profcon.demo.ReaderStarvation$Cache",
                "java.lang.Thread");
    }

    @Test
    void applicationLeafIsKept() {
        List<StackProfile.Frame> monitor = List.of(f("com.example.Metrics", "record"), f("java.lang.Thread", "run"));
        assertThat(WaitSites.trim(monitor)).isEqualTo(monitor);
    }

    @Test
    void allJdkStackLosesOnlyParkPlumbing() {
        List<StackProfile.Frame> idle = List.of(f("jdk.internal.misc.Unsafe", "park"),
                f("java.util.concurrent.locks.LockSupport", "park"),
                f("java.util.concurrent.LinkedBlockingQueue", "take"),
                f("java.util.concurrent.ThreadPoolExecutor", "getTask"));
        assertThat(WaitSites.trim(idle)).extracting(StackProfile.Frame::className)
                .containsExactly("java.util.concurrent.LinkedBlockingQueue", "java.util.concurrent.ThreadPoolExecutor");
    }

    @Test
    void readAndWriteLocksAreToldApartByTheStack() {
        String sync = "java.util.concurrent.locks.ReentrantReadWriteLock$NonfairSync";
        assertThat(WaitSites.lockKind(sync, READER)).isEqualTo("read lock of ReentrantReadWriteLock");
        List<StackProfile.Frame> writer = List.of(f("java.util.concurrent.locks.ReentrantReadWriteLock$WriteLock", "lock"));
        assertThat(WaitSites.lockKind(sync, writer)).isEqualTo("write lock of ReentrantReadWriteLock");
        assertThat(WaitSites.lockKind("java.util.concurrent.locks.ReentrantLock$FairSync", List.of()))
                .isEqualTo("ReentrantLock");
        assertThat(WaitSites.lockKind("java.util.concurrent.locks.StampedLock", List.of())).isEqualTo("StampedLock");
        assertThat(WaitSites.lockKind("java.util.concurrent.Semaphore$NonfairSync", List.of())).isNull();
        assertThat(WaitSites.lockKind(null, List.of())).isNull();
    }

    @Test
    void arrayClassesGetTheirSourceNames() {
        assertThat(AllocRecipe.sourceName("[Ljava.lang.Object;")).isEqualTo("java.lang.Object[]");
        assertThat(AllocRecipe.sourceName("[[I")).isEqualTo("int[][]");
        assertThat(AllocRecipe.sourceName("java.lang.Long")).isEqualTo("java.lang.Long");
    }
}
