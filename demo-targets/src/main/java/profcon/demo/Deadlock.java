package profcon.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A classic lock-order deadlock: {@code transfer-1} locks account A then B, {@code transfer-2}
 * locks B then A. {@code READY} is printed only once the JVM itself reports the deadlock.
 *
 * <p>Options: {@code --lock=monitor|juc} ({@code synchronized} or {@code ReentrantLock}).
 */
public final class Deadlock {
    private static final long DETECT_TIMEOUT_SECONDS = 10;

    private Deadlock() {
    }

    public static void main(String[] argv) {
        Target.run("Deadlock", argv, Deadlock::start);
    }

    static void start(Args args) throws InterruptedException {
        boolean monitor = args.choice("lock", "monitor", "juc").equals("monitor");
        Account a = new Account("A");
        Account b = new Account("B");
        // Both threads hold their first lock before either asks for its second: no luck needed.
        CountDownLatch bothHoldFirst = new CountDownLatch(2);
        Threads.start("transfer-1", () -> transfer(a, b, monitor, bothHoldFirst));
        Threads.start("transfer-2", () -> transfer(b, a, monitor, bothHoldFirst));
        awaitDeadlock();
    }

    static void transfer(Account from, Account to, boolean monitor, CountDownLatch bothHoldFirst) {
        if (monitor) {
            from.transferMonitor(to, 10, bothHoldFirst);
        } else {
            from.transferJuc(to, 10, bothHoldFirst);
        }
    }

    private static void awaitDeadlock() throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DETECT_TIMEOUT_SECONDS);
        while (threads.findDeadlockedThreads() == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no deadlock detected in " + DETECT_TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(5);
        }
    }

    /** A bank account with both kinds of lock; a transfer locks the source, then the target. */
    static final class Account {
        final String name;
        final ReentrantLock lock = new ReentrantLock();
        long balance = 100;

        Account(String name) {
            this.name = name;
        }

        void transferMonitor(Account to, long amount, CountDownLatch bothHoldFirst) {
            synchronized (this) {
                meet(bothHoldFirst);
                synchronized (to) {
                    move(to, amount);
                }
            }
        }

        void transferJuc(Account to, long amount, CountDownLatch bothHoldFirst) {
            lock.lock();
            try {
                meet(bothHoldFirst);
                to.lock.lock();
                try {
                    move(to, amount);
                } finally {
                    to.lock.unlock();
                }
            } finally {
                lock.unlock();
            }
        }

        private void move(Account to, long amount) {
            balance -= amount;
            to.balance += amount;
        }

        private static void meet(CountDownLatch bothHoldFirst) {
            bothHoldFirst.countDown();
            try {
                bothHoldFirst.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
