package profcon.demo;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A Loom service's queue: many virtual threads that each pause a moment (a 1 ms sleep standing for
 * a downstream call), then take one shared lock for a short critical section. The lock is the
 * bottleneck, yet JFR records only the sleeps for virtual threads: without sampling, a block
 * profile blames the sleep and never names the lock.
 *
 * <p>Options: {@code --threads=400} virtual threads, {@code --lock=reentrant} (a {@code ReentrantLock})
 * or {@code monitor} ({@code synchronized}), {@code --hold-us=200} inside the lock,
 * {@code --sleep-ms=1} between turns. Needs JDK 21+.
 */
public final class LoomQueue {
    private LoomQueue() {
    }

    public static void main(String[] argv) {
        Target.run("LoomQueue", argv, LoomQueue::start);
    }

    static void start(Args args) {
        Threads.requireVirtual();
        int threads = args.positive("threads", 400);
        String kind = args.string("lock", "reentrant");
        long holdNanos = args.integer("hold-us", 200) * 1000L;
        long sleepMillis = args.integer("sleep-ms", 1);
        Ledger ledger = switch (kind) {
            case "reentrant" -> new LockedLedger(holdNanos);
            case "monitor" -> new SynchronizedLedger(holdNanos);
            default -> throw new IllegalArgumentException("--lock must be reentrant or monitor, got " + kind);
        };
        Threads.keepAlive();
        for (int i = 1; i <= threads; i++) {
            Threads.startVirtual("handler-" + i, () -> serveForever(ledger, sleepMillis));
        }
    }

    static void serveForever(Ledger ledger, long sleepMillis) {
        try {
            while (true) {
                Thread.sleep(sleepMillis);
                ledger.post();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The shared state every request updates. */
    interface Ledger {
        void post();
    }

    /** Guarded by a ReentrantLock: virtual threads park in ReentrantLock.lock. */
    static final class LockedLedger implements Ledger {
        private final ReentrantLock lock = new ReentrantLock();
        private final long holdNanos;
        private long entries;

        LockedLedger(long holdNanos) {
            this.holdNanos = holdNanos;
        }

        @Override
        public void post() {
            lock.lock();
            try {
                entries = Spin.until(System.nanoTime() + holdNanos, entries);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Guarded by its monitor: on JDK 24+ virtual threads block in it without pinning. */
    static final class SynchronizedLedger implements Ledger {
        private final long holdNanos;
        private long entries;

        SynchronizedLedger(long holdNanos) {
            this.holdNanos = holdNanos;
        }

        @Override
        public synchronized void post() {
            entries = Spin.until(System.nanoTime() + holdNanos, entries);
        }
    }

    /** Work that takes a set time whatever the machine. */
    static final class Spin {
        private Spin() {
        }

        static long until(long deadline, long x) {
            do {
                x = (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
            } while (System.nanoTime() < deadline);
            return x;
        }
    }
}
