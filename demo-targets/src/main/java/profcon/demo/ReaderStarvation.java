package profcon.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Case 5, reader starvation: a bulk writer builds a fresh map while holding the write lock of a
 * {@code ReentrantReadWriteLock}, so every reader parks in {@code Cache.get} for the whole build.
 *
 * <p>Options: {@code --readers=4}, {@code --hold-ms=200} that {@code Cache.bulkSet} holds the
 * write lock, {@code --period-ms=500} between bulk loads, {@code --think-ms=2} between reads,
 * {@code --entries=10000} per load, {@code --virtual} (JDK 21+) to run the writer and the readers on
 * virtual threads, where JFR has no park event for the readers' waits and profcon samples them.
 */
public final class ReaderStarvation {
    private ReaderStarvation() {
    }

    public static void main(String[] argv) {
        Target.run("ReaderStarvation", argv, ReaderStarvation::start);
    }

    static void start(Args args) {
        int readers = args.positive("readers", 4);
        long holdMillis = args.positive("hold-ms", 200);
        long periodMillis = Math.max(holdMillis, args.positive("period-ms", 500));
        long thinkMillis = args.integer("think-ms", 2);
        int entries = args.positive("entries", 10_000);
        boolean virtual = args.flag("virtual");
        if (virtual) {
            Threads.requireVirtual();
            Threads.keepAlive();
        }
        Cache cache = new Cache();
        cache.bulkSet(entries, 0);
        startThread("writer", () -> writeForever(cache, entries, holdMillis, periodMillis), virtual);
        for (int i = 1; i <= readers; i++) {
            long seed = i;
            startThread("reader-" + i, () -> readForever(cache, entries, thinkMillis, seed), virtual);
        }
    }

    private static void startThread(String name, Runnable body, boolean virtual) {
        if (virtual) {
            Threads.startVirtual(name, body);
        } else {
            Threads.start(name, body);
        }
    }

    static void writeForever(Cache cache, int entries, long holdMillis, long periodMillis) {
        try {
            while (true) {
                Thread.sleep(periodMillis - holdMillis);
                cache.bulkSet(entries, holdMillis * 1_000_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void readForever(Cache cache, int entries, long thinkMillis, long seed) {
        long x = seed;
        try {
            while (true) {
                x = (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
                Long value = cache.get((int) Math.floorMod(x, (long) entries));
                x += value == null ? 0 : value;
                // Think time is a sleep so the readers' block profile holds only the lock waits.
                Thread.sleep(thinkMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A read-mostly cache whose bulk reload happens inside the write lock: the defect. */
    static final class Cache {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private Map<Integer, Long> map = new HashMap<>();

        Long get(int key) {
            lock.readLock().lock();
            try {
                return map.get(key);
            } finally {
                lock.readLock().unlock();
            }
        }

        /** Rebuilds every entry under the write lock, spreading {@code buildNanos} over them. */
        void bulkSet(int entries, long buildNanos) {
            lock.writeLock().lock();
            try {
                long start = System.nanoTime();
                Map<Integer, Long> fresh = new HashMap<>();
                for (int key = 0; key < entries; key++) {
                    fresh.put(key, load(key, start + buildNanos * (key + 1) / entries));
                }
                map = fresh;
            } finally {
                lock.writeLock().unlock();
            }
        }

        private static long load(int key, long deadline) {
            long x = key;
            do {
                for (int i = 0; i < 64; i++) {
                    x = (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
                }
            } while (System.nanoTime() < deadline);
            return x;
        }
    }
}
