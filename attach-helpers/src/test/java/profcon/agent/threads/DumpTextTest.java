package profcon.agent.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dump's line format, written from real {@code ThreadInfo}s: names with tabs, newlines,
 * backslashes and non-ASCII cannot break it, and a stack already written is referred to.
 */
class DumpTextTest {
    private final List<Thread> started = new ArrayList<>();

    @AfterEach
    void stopThreads() throws InterruptedException {
        for (Thread t : started) {
            t.interrupt();
            t.join(5000);
        }
    }

    @Test
    void escapesWhatWouldBreakALine() throws Exception {
        Thread t = parked("w\u00f6rker\t1\\x\n\ud83d\ude00\ud800!");
        String text = write(t);
        assertThat(text).startsWith(DumpText.MAGIC + "\nview\tgrouped\n");
        assertThat(text).contains("\nT\t" + t.getId() + "\tw\u00f6rker\\t1\\\\x\\n\ud83d\ude00?!\tWAITING\td\t-1\t\t-1\t\n"
                + "F\tjdk.internal.misc.Unsafe\tpark\tUnsafe.java\t-2\n"
                + "F\tjava.util.concurrent.locks.LockSupport\tpark\tLockSupport.java\t");
        assertThat(text).endsWith("D\t7\t8\n");
    }

    @Test
    void writesAStackOnceAndRefersToItAfterwards() throws Exception {
        Thread a = parked("a");
        Thread b = parked("b");
        Thread c = parked("c");
        String text = write(a, b, c);
        assertThat(text.split("\nF\tjdk.internal.misc.Unsafe\tpark\t", -1)).hasSize(2);
        assertThat(text).contains("\nT\t" + b.getId() + "\tb\tWAITING\td\t-1\t\t-1\t\nR\t" + a.getId() + "\n");
        assertThat(text).contains("\nT\t" + c.getId() + "\tc\tWAITING\td\t-1\t\t-1\t\nR\t" + a.getId() + "\n");
    }

    private static String write(Thread... threads) {
        DumpText out = new DumpText(threads.length).header("view", "grouped");
        for (Thread t : threads) {
            ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(t.getId(), Integer.MAX_VALUE);
            out.thread(info, false);
        }
        return new String(out.deadlocks(List.of(new long[] {7, 8})).toBytes(), StandardCharsets.UTF_8);
    }

    /** A daemon thread parked (no blocker) until interrupted; returned once it is parked. */
    private Thread parked(String name) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            running.countDown();
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.park();
            }
        }, name);
        t.setDaemon(true);
        t.start();
        started.add(t);
        running.await();
        while (t.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        return t;
    }
}
