package profcon.demo;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Unnamed virtual threads queued on one {@code ReentrantLock} held forever by a platform
 * {@code lock-holder}: what a server on virtual threads looks like when its one lock is stuck.
 * Each stack starts with seven JDK frames (park, AQS acquire, lock) before the application's
 * {@code Orders.take}.
 *
 * <p>Options: {@code --threads=300}. JDK 21+.
 */
public final class UnnamedVirtualLock {
    private UnnamedVirtualLock() {
    }

    public static void main(String[] argv) {
        Target.run("UnnamedVirtualLock", argv, UnnamedVirtualLock::start);
    }

    static void start(Args args) throws InterruptedException {
        int threads = args.positive("threads", 300);
        Threads.requireVirtual();
        Orders orders = new Orders();
        CountDownLatch held = new CountDownLatch(1);
        Threads.start("lock-holder", () -> orders.holdForever(held));
        held.await();
        for (int i = 0; i < threads; i++) {
            startUnnamedVirtual(orders::take);
        }
    }

    /** {@code Thread.startVirtualThread}, found by name: this module compiles for 17. */
    private static void startUnnamedVirtual(Runnable body) {
        try {
            Thread.class.getMethod("startVirtualThread", Runnable.class).invoke(null, body);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot start a virtual thread", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start a virtual thread", e);
        }
    }

    /** The order book and its one lock. */
    static final class Orders {
        private final ReentrantLock lock = new ReentrantLock();

        void holdForever(CountDownLatch held) {
            lock.lock();
            held.countDown();
            try {
                while (true) {
                    Thread.sleep(60_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        }

        void take() {
            lock.lock(); // never acquired while the holder has it
            lock.unlock();
        }
    }
}
