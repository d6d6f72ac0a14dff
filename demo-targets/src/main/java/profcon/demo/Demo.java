package profcon.demo;

/**
 * The built-in demo for profcon's quick start: worker threads spend their CPU in
 * {@code Demo.hotLoop} and then meet on the contended {@code synchronized Counter.increment}.
 *
 * <p>Options: {@code --threads=3}, {@code --iterations=2000000} per {@code hotLoop} call,
 * {@code --counter-iterations=1000000} of work inside {@code increment}.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] argv) {
        Target.run("Demo", argv, Demo::start);
    }

    static void start(Args args) {
        int threads = args.positive("threads", 3);
        int iterations = args.positive("iterations", 2_000_000);
        Counter counter = new Counter(args.positive("counter-iterations", 1_000_000));
        for (int i = 1; i <= threads; i++) {
            long seed = i;
            Threads.start("worker-" + i, () -> workForever(counter, iterations, seed));
        }
    }

    static void workForever(Counter counter, int iterations, long seed) {
        long x = seed;
        while (true) {
            x = hotLoop(x, iterations);
            counter.increment(x);
        }
    }

    /** Pure CPU: a 64-bit mixing hash applied over and over; the result is used, so it stays. */
    static long hotLoop(long seed, int iterations) {
        long x = seed;
        for (int i = 0; i < iterations; i++) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            x += i;
        }
        return x;
    }

    /** A shared tally with a small digest table, updated under one monitor. */
    static final class Counter {
        private final long[] digest = new long[64];
        private final int iterations;
        private long count;

        Counter(int iterations) {
            this.iterations = iterations;
        }

        synchronized void increment(long value) {
            count++;
            long x = value;
            for (int i = 0; i < iterations; i++) {
                x = x * 31 + digest[i & 63];
                digest[i & 63] = x;
            }
        }
    }
}
