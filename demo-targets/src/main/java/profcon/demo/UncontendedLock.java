package profcon.demo;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Case 6, misleading CPU profile: each worker takes its own, never contended
 * {@code ReentrantLock} millions of times a second, so lock and unlock frames look hot in the
 * CPU profile while the lock profile stays near empty.
 *
 * <p>Options: {@code --threads=1} workers, each with its own counter and lock.
 */
public final class UncontendedLock {
    private UncontendedLock() {
    }

    public static void main(String[] argv) {
        Target.run("UncontendedLock", argv, UncontendedLock::start);
    }

    static void start(Args args) {
        int threads = args.positive("threads", 1);
        for (int i = 1; i <= threads; i++) {
            Counter counter = new Counter();
            Threads.start("worker-" + i, () -> countForever(counter));
        }
    }

    static void countForever(Counter counter) {
        while (true) {
            counter.increment();
        }
    }

    /** A counter guarded by a lock that only one thread ever takes. */
    static final class Counter {
        private final ReentrantLock lock = new ReentrantLock();
        private long count;

        void increment() {
            lock.lock();
            try {
                count++;
            } finally {
                lock.unlock();
            }
        }
    }
}
