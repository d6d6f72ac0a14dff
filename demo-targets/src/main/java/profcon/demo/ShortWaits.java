package profcon.demo;

/**
 * Case 2, empty lock profile: contention on {@code Stats.add} is real, but each hold lasts
 * tens of microseconds and the threads mostly wait on (simulated) I/O, so cores are free, the
 * holder is rarely preempted, and every wait stays far below JFR's default 20 ms
 * monitor-enter threshold.
 *
 * <p>Options: {@code --threads=8}, {@code --io-ms=1} of simulated I/O (a sleep) per request,
 * {@code --work-us=50} of work outside the lock, {@code --hold-us=50} inside it.
 */
public final class ShortWaits {
    private ShortWaits() {
    }

    public static void main(String[] argv) {
        Target.run("ShortWaits", argv, ShortWaits::start);
    }

    static void start(Args args) {
        int threads = args.positive("threads", 8);
        long ioMillis = args.integer("io-ms", 1);
        long workNanos = args.integer("work-us", 50) * 1000L;
        Stats stats = new Stats(args.integer("hold-us", 50) * 1000L);
        for (int i = 1; i <= threads; i++) {
            Request request = new Request(stats, ioMillis, workNanos, i);
            Threads.start("request-" + i, request::serveForever);
        }
    }

    /** One request thread: wait for I/O, compute a little, add to the shared statistics. */
    static final class Request {
        private final Stats stats;
        private final long ioMillis;
        private final long workNanos;
        private long state;

        Request(Stats stats, long ioMillis, long workNanos, long seed) {
            this.stats = stats;
            this.ioMillis = ioMillis;
            this.workNanos = workNanos;
            this.state = seed;
        }

        void serveForever() {
            try {
                while (true) {
                    // A sleep, not a park, so the block profile holds only the lock's waits.
                    Thread.sleep(ioMillis);
                    state = handle(state);
                    stats.add(state);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private long handle(long x) {
            long deadline = System.nanoTime() + workNanos;
            do {
                for (int i = 0; i < 64; i++) {
                    x = (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
                }
            } while (System.nanoTime() < deadline);
            return x;
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
