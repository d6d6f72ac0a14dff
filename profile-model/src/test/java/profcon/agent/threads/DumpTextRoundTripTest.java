package profcon.agent.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import profcon.threads.DumpedThread;
import profcon.threads.Frame;
import profcon.threads.ThreadDump;
import profcon.threads.ThreadDumpCodec;

/**
 * What the agent writes ({@code ThreadDumps}/{@code DumpText}, run here on real threads) is what
 * the console reads ({@code ThreadDumpCodec}): names, states, locks and owners, daemon flags,
 * frames (shared stacks included), held monitors and synchronizers, deadlocks, the header; and a
 * repeated grouped dump keeps exactly the stacks that cannot have changed.
 * In this package to reach the agent's package-private writer.
 */
class DumpTextRoundTripTest {
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final List<Thread> started = new ArrayList<>();

    @AfterEach
    void stopThreads() throws InterruptedException {
        for (Thread t : started) {
            t.interrupt();
            t.join(5000);
        }
    }

    @Test
    void groupedDumpWithSharedStacksAndADeadlockReadsBackAsWritten() throws Exception {
        List<Thread> same = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            same.add(start("same-" + i, true, DumpTextRoundTripTest::parkUntilInterrupted));
        }
        Thread odd = start("\u00e9trange\tname", false, () -> sleepUntilInterrupted());
        ReentrantLock first = new ReentrantLock();
        ReentrantLock second = new ReentrantLock();
        CountDownLatch bothHold = new CountDownLatch(2);
        Thread a = start("dead-a", true, () -> holdThenWait(first, second, bothHold));
        Thread b = start("dead-b", true, () -> holdThenWait(second, first, bothHold));
        awaitWaiting(same.toArray(new Thread[0]));
        awaitWaiting(odd);
        // Both past the latch, each waiting for the other's lock.
        awaitCondition("dead-a and dead-b each waiting for the other's lock",
                () -> mx.getThreadInfo(a.getId()).getLockOwnerId() >= 0 && mx.getThreadInfo(b.getId()).getLockOwnerId() >= 0);

        List<Thread> all = new ArrayList<>(same);
        all.add(odd);
        all.add(a);
        all.add(b);
        ThreadDumps writer = new ThreadDumps("grouped", "test", all.size());
        List<ThreadInfo> infos = new ArrayList<>();
        for (Thread t : all) {
            ThreadInfo info = mx.getThreadInfo(t.getId(), Integer.MAX_VALUE);
            infos.add(info);
            writer.add(info);
        }
        String text = new String(writer.finish(12, 3, -1, mx, null), StandardCharsets.UTF_8);
        assertThat(text).contains("\nR\t" + same.get(0).getId() + "\n");

        ThreadDump dump = ThreadDumpCodec.parse(text, "round trip");
        assertThat(dump.view()).isEqualTo("grouped");
        assertThat(dump.tookNanos()).isEqualTo(12);
        assertThat(dump.stallNanos()).isEqualTo(3);
        assertThat(dump.threads()).hasSize(all.size());
        for (int i = 0; i < all.size(); i++) {
            ThreadInfo info = infos.get(i);
            DumpedThread t = dump.threads().get(i);
            assertThat(t.tid()).isEqualTo(info.getThreadId());
            assertThat(t.name()).isEqualTo(info.getThreadName());
            assertThat(t.state()).isEqualTo(info.getThreadState().name());
            assertThat(t.daemon()).isEqualTo(info.isDaemon());
            assertThat(t.lock()).isEqualTo(info.getLockName() == null ? "" : info.getLockName());
            assertThat(t.lockOwnerTid()).isEqualTo(info.getLockOwnerId());
            assertThat(t.lockOwnerName()).isEqualTo(info.getLockOwnerName() == null ? "" : info.getLockOwnerName());
            assertThat(t.frames()).isEqualTo(frames(info.getStackTrace()));
        }
        assertThat(dump.threads().get(4).frames()).isSameAs(dump.threads().get(0).frames());
        long low = Math.min(a.getId(), b.getId());
        long high = Math.max(a.getId(), b.getId());
        assertThat(dump.deadlocks()).containsExactly(List.of(low, high));
    }

    @Test
    void fullDumpKeepsHeldMonitorsAndSynchronizers() throws Exception {
        Object monitor = new Object();
        ReentrantLock lock = new ReentrantLock();
        Thread holder = start("holder", true, () -> {
            synchronized (monitor) {
                lock.lock();
                try {
                    parkUntilInterrupted();
                } finally {
                    lock.unlock();
                }
            }
        });
        awaitWaiting(holder);
        ThreadInfo info = null;
        for (ThreadInfo i : mx.dumpAllThreads(true, true)) {
            if (i.getThreadId() == holder.getId()) {
                info = i;
            }
        }
        ThreadDumps writer = new ThreadDumps("full", "test", 1);
        writer.add(info);
        ThreadDump dump = ThreadDumpCodec.parse(new String(writer.finish(1, 1, 1, mx, null), StandardCharsets.UTF_8),
                "round trip");
        DumpedThread t = dump.thread(holder.getId());
        assertThat(t.frames()).isEqualTo(frames(info.getStackTrace()));
        assertThat(t.lockedMonitors()).containsExactly(new DumpedThread.LockedMonitor(
                info.getLockedMonitors()[0].getLockedStackDepth(), info.getLockedMonitors()[0].toString()));
        assertThat(t.synchronizers()).containsExactly(info.getLockedSynchronizers()[0].toString());
    }

    @Test
    void repeatedGroupedDumpKeepsTheStacksOfThreadsThatDidNotRunAndReadsTheOthers() throws Exception {
        StackMemo memo = new StackMemo();
        assumeTrue(memo.reuses(), "this JVM's thread CPU clock cannot show that a thread ran: nothing is reused");
        List<Thread> idle = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            idle.add(start("idle-" + i, true, () -> parkInFirstPlace(new AtomicBoolean())));
        }
        AtomicBoolean go = new AtomicBoolean();
        Thread mover = start("mover", true, () -> {
            parkInFirstPlace(go);
            parkUntilInterrupted();
        });
        Thread renamed = start("before-rename", true, () -> parkInFirstPlace(new AtomicBoolean()));
        List<Thread> all = new ArrayList<>(idle);
        all.add(mover);
        all.add(renamed);
        awaitWaiting(all.toArray(new Thread[0]));
        Path dir = Files.createTempDirectory("stack-memo");
        try {
            ThreadDump first = groupedDump(dir, memo);
            ThreadDump second = groupedDump(dir, memo);
            assertThat(first.stacksReused()).isZero();
            assertThat(second.stacksReused()).isGreaterThanOrEqualTo(all.size());
            assertThat(second.method()).contains("on a repeat only for the threads that ran since the previous dump");
            for (Thread t : all) {
                assertThat(second.thread(t.getId()).frames()).isEqualTo(first.thread(t.getId()).frames());
            }

            go.set(true);
            LockSupport.unpark(mover);
            awaitCondition("mover parked in its second place", () -> mover.getState() == Thread.State.WAITING
                    && !frames(mx.getThreadInfo(mover.getId(), Integer.MAX_VALUE).getStackTrace()).toString()
                            .contains("parkInFirstPlace"));
            renamed.setName("after-rename"); // by another thread: the renamed one does not run
            ThreadDump third = groupedDump(dir, memo);

            assertThat(third.stacksRead()).isPositive();
            assertThat(third.stacksReused()).isGreaterThanOrEqualTo(idle.size() + 1);
            for (Thread t : all) {
                assertThat(third.thread(t.getId()).frames()).as(t.getName())
                        .isEqualTo(frames(mx.getThreadInfo(t.getId(), Integer.MAX_VALUE).getStackTrace()));
            }
            assertThat(third.thread(mover.getId()).frames().toString()).doesNotContain("parkInFirstPlace")
                    .contains("parkUntilInterrupted");
            assertThat(third.thread(renamed.getId()).name()).isEqualTo("after-rename");
            assertThat(third.thread(renamed.getId()).frames()).isEqualTo(first.thread(renamed.getId()).frames());
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    /** The agent's grouped dump with stacks from {@code getThreadInfo} (JDK 17's path on any JDK), read back. */
    private static ThreadDump groupedDump(Path dir, StackMemo memo) throws Exception {
        byte[] reply = new GroupedThreadDump(dir, 4, memo, false).take();
        return ThreadDumpCodec.parse(new String(reply, StandardCharsets.UTF_8), "grouped dump");
    }

    private static List<Frame> frames(StackTraceElement[] stack) {
        List<Frame> frames = new ArrayList<>();
        for (StackTraceElement e : stack) {
            frames.add(new Frame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber()));
        }
        return frames;
    }

    private Thread start(String name, boolean daemon, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(daemon);
        t.start();
        started.add(t);
        return t;
    }

    private static void awaitWaiting(Thread... threads) throws InterruptedException {
        for (Thread t : threads) {
            awaitCondition(t.getName() + " waiting",
                    () -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING);
        }
    }

    /** Polls a condition about other threads (they have no event to wait for) until a deadline. */
    private static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 30 s waiting for " + what);
            }
            Thread.sleep(1);
        }
    }

    private static void parkUntilInterrupted() {
        while (!Thread.currentThread().isInterrupted()) {
            LockSupport.park();
        }
    }

    private static void parkInFirstPlace(AtomicBoolean go) {
        while (!go.get() && !Thread.currentThread().isInterrupted()) {
            LockSupport.park();
        }
    }

    private static void sleepUntilInterrupted() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            // done
        }
    }

    private static void holdThenWait(ReentrantLock mine, ReentrantLock theirs, CountDownLatch bothHold) {
        mine.lock();
        try {
            bothHold.countDown();
            bothHold.await();
            theirs.lockInterruptibly();
            theirs.unlock();
        } catch (InterruptedException e) {
            // the test is over
        } finally {
            mine.unlock();
        }
    }
}
