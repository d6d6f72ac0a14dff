package profcon.agent.vwait;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.agent.encoding.StackProfile;

/** Frames and objects as the JDK's JSON dump prints them, and (on JDK 21+) a live dump of a parked virtual thread. */
class VirtualThreadDumpTest {
    @TempDir
    Path dir;

    @Test
    void parsesStackTraceElementText() {
        assertThat(VirtualThreadDump.parseFrame("java.base/java.lang.Thread.sleep(Thread.java:540)"))
                .isEqualTo(new StackProfile.Frame("java.lang.Thread", "sleep", 540));
        assertThat(VirtualThreadDump.parseFrame("app//com.acme.Cart$Line.<init>(Cart.java:12)"))
                .isEqualTo(new StackProfile.Frame("com.acme.Cart$Line", "<init>", 12));
        assertThat(VirtualThreadDump.parseFrame("java.base/java.lang.Object.wait0(Native Method)"))
                .isEqualTo(new StackProfile.Frame("java.lang.Object", "wait0", 0));
        assertThat(VirtualThreadDump.parseFrame("Probe.lambda$main$0(Probe.java:10)"))
                .isEqualTo(new StackProfile.Frame("Probe", "lambda$main$0", 10));
    }

    @Test
    void namesTheClassOfAnObject() {
        assertThat(VirtualThreadDump.classOf("java.lang.Object@31d7b7bf")).isEqualTo("java.lang.Object");
        assertThat(VirtualThreadDump.classOf(null)).isNull();
    }

    @Test
    void findsAParkedVirtualThreadAndLeavesNoFile() throws Exception {
        Assumptions.assumeTrue(VirtualThreadDump.available(), "virtual threads need JDK 21+");
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch started = new CountDownLatch(1);
        lock.lock();
        Thread parked = startVirtual(() -> {
            started.countDown();
            lock.lock();
            lock.unlock();
        });
        try {
            started.await();
            List<VirtualWaiter> found = List.of();
            for (int i = 0; i < 100 && found.isEmpty(); i++) { // until it has parked, generous on a loaded machine
                Thread.sleep(50);
                found = new VirtualThreadDump(dir).take().stream().filter(w -> w.name().equals("vwait-test")).toList();
            }
            assertThat(found).singleElement().satisfies(w -> {
                assertThat(w.state()).isEqualTo(Thread.State.WAITING);
                assertThat(w.parkBlocker()).startsWith("java.util.concurrent.locks.ReentrantLock$");
                assertThat(w.calls("java.util.concurrent.locks.ReentrantLock", "lock")).isTrue();
            });
            try (var files = Files.list(dir)) {
                assertThat(files).isEmpty();
            }
        } finally {
            lock.unlock();
            parked.join(10_000);
        }
    }

    private static Thread startVirtual(Runnable body) throws ReflectiveOperationException {
        // the tests compile for Java 17 like the agent: the builder is reached by reflection
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        Class<?> type = Class.forName("java.lang.Thread$Builder");
        Object named = type.getMethod("name", String.class).invoke(builder, "vwait-test");
        return (Thread) type.getMethod("start", Runnable.class).invoke(named, body);
    }
}
