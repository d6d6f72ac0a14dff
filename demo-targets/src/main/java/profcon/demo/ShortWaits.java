package profcon.demo;

/**
 * Case 2, empty lock profile: contention on {@code Stats.add} is real, but each hold lasts
 * microseconds, so every wait stays far below JFR's default 20 ms monitor-enter threshold.
 *
 * <p>Options: {@code --threads=8}, {@code --work-us=50} outside the lock, {@code --hold-us=40}
 * inside it.
 */
public final class ShortWaits {
    private ShortWaits() {
    }

    public static void main(String[] argv) {
        Target.run("ShortWaits", argv, ShortWaits::start);
    }

    static void start(Args args) {
        int threads = args.positive("threads", 8);
        long workNanos = args.integer("work-us", 50) * 1000L;
        Stats stats = new Stats(args.integer("hold-us", 40) * 1000L);
        for (int i = 1; i <= threads; i++) {
            long seed = i;
            Threads.start("request-" + i, () -> serveForever(stats, workNanos, seed));
        }
    }

    static void serveForever(Stats stats, long workNanos, long seed) {
        long x = seed;
        while (true) {
            long deadline = System.nanoTime() + workNanos;
            do {
                for (int i = 0; i < 64; i++) {
                    x = (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
                }
            } while (System.nanoTime() < deadline);
            stats.add(x);
        }
    }

    /** Running statistics behind one monitor, each update short. */
    static final class Stats {
        private final long holdNanos;
        private long count;
        private long sum;

        Stats(long holdNanos) {
            this.holdNanos = holdNanos;
        }

        synchronized void add(long value) {
            long deadline = System.nanoTime() + holdNanos;
            do {
                count++;
                sum += value ^ count;
            } while (System.nanoTime() < deadline);
        }
    }
}
