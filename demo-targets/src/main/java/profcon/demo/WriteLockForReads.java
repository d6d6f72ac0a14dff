package profcon.demo;

import java.util.HashMap;
import java.util.Map;

/**
 * Write lock for reads: {@code Cache.get} only reads, yet takes the cache's monitor, so readers
 * exclude each other; the lock profile's {@code list Cache.get} points at the
 * {@code synchronized} line.
 *
 * <p>Options: {@code --readers=8}, {@code --hold-us=2000} that {@code get} spends reading the
 * entry under the lock, {@code --work-us=200} of work per read outside it.
 */
public final class WriteLockForReads {
    private WriteLockForReads() {
    }

    public static void main(String[] argv) {
        Target.run("WriteLockForReads", argv, WriteLockForReads::start);
    }

    static void start(Args args) {
        int readers = args.positive("readers", 8);
        long holdNanos = args.integer("hold-us", 2000) * 1000L;
        long workNanos = args.integer("work-us", 200) * 1000L;
        Cache cache = new Cache(holdNanos);
        for (int i = 1; i <= readers; i++) {
            long seed = i;
            Threads.start("reader-" + i, () -> readForever(cache, workNanos, seed));
        }
    }

    static void readForever(Cache cache, long workNanos, long seed) {
        long x = seed;
        while (true) {
            x += cache.get((int) Math.floorMod(x, (long) Cache.KEYS));
            long deadline = System.nanoTime() + workNanos;
            do {
                for (int i = 0; i < 64; i++) {
                    x = (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
                }
            } while (System.nanoTime() < deadline);
        }
    }

    /** A cache of arrays, filled once and only read afterwards. */
    static final class Cache {
        static final int KEYS = 64;
        private final Map<Integer, long[]> entries = new HashMap<>();
        private final long holdNanos;

        Cache(long holdNanos) {
            this.holdNanos = holdNanos;
            for (int key = 0; key < KEYS; key++) {
                entries.put(key, new long[1024]);
            }
        }

        /** Returns a checksum of the entry; reading it takes time, as a real entry copy would. */
        long get(int key) {
            synchronized (this) { // the defect: an exclusive lock around a pure read
                long[] entry = entries.get(key);
                long sum = 0;
                long deadline = System.nanoTime() + holdNanos;
                do {
                    for (long v : entry) {
                        sum = sum * 31 + v;
                    }
                } while (System.nanoTime() < deadline);
                return sum;
            }
        }
    }
}
