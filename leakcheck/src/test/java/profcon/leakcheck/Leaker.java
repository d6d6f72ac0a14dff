package profcon.leakcheck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Starts threads that stay until released, for the suites under test to leak; the outer test releases and joins them. */
final class Leaker {
    private static final List<Thread> STARTED = new ArrayList<>();
    private static CountDownLatch release = new CountDownLatch(1);

    private Leaker() {
    }

    /** {@code count} daemon platform threads named {@code prefix1..count}, parked in {@link #holdUntilReleased}. */
    static synchronized void platform(String prefix, int count) {
        CountDownLatch latch = release;
        for (int i = 1; i <= count; i++) {
            Thread t = new Thread(() -> holdUntilReleased(latch), prefix + i);
            t.setDaemon(true);
            t.start();
            STARTED.add(t);
            awaitParked(t);
        }
    }

    /** One platform thread parked in {@link #otherPlace}: a second stack. */
    static synchronized void platformElsewhere(String name) {
        CountDownLatch latch = release;
        Thread t = new Thread(() -> otherPlace(latch), name);
        t.setDaemon(true);
        t.start();
        STARTED.add(t);
        awaitParked(t);
    }

    /** One unnamed virtual thread (JDK 21+; found by name, as this code compiles for 17). */
    static synchronized void virtual() throws Exception {
        CountDownLatch latch = release;
        Method start = Thread.class.getMethod("startVirtualThread", Runnable.class);
        Thread t = (Thread) start.invoke(null, (Runnable) () -> holdUntilReleased(latch));
        STARTED.add(t);
        awaitParked(t);
    }

    /** Returns once {@code t} waits on the latch, so that a check sees the whole stack. */
    private static void awaitParked(Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (t.getState() != Thread.State.WAITING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(t + " did not park within 60 s");
            }
            Thread.onSpinWait();
        }
    }

    static void holdUntilReleased(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void otherPlace(CountDownLatch latch) {
        holdUntilReleased(latch);
    }

    /** Lets every thread started so far end, and waits until they have. */
    static synchronized void releaseAll() throws InterruptedException {
        release.countDown();
        for (Thread t : STARTED) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        STARTED.clear();
        release = new CountDownLatch(1);
    }
}
