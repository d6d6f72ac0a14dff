package profcon.demo;

/**
 * Case 4, tail latency: far more CPU-bound worker threads than cores, so each request spends
 * most of its time runnable but waiting for a core.
 *
 * <p>Options: {@code --threads=400}, {@code --iterations=200000} of hashing per request,
 * {@code --virtual} (JDK 21+) to run the workers as virtual threads.
 */
public final class TailLatency {
    private TailLatency() {
    }

    public static void main(String[] argv) {
        Target.run("TailLatency", argv, TailLatency::start);
    }

    static void start(Args args) {
        int threads = args.positive("threads", 400);
        int iterations = args.positive("iterations", 200_000);
        boolean virtual = args.flag("virtual");
        if (virtual) {
            Threads.requireVirtual();
        }
        for (int i = 1; i <= threads; i++) {
            Worker worker = new Worker(iterations, i);
            Threads.start("worker-" + i, worker::serveForever, virtual);
        }
    }

    /** Handles requests back to back; each is a fixed amount of CPU work, not a fixed time. */
    static final class Worker {
        private final int iterations;
        private long state;

        Worker(int iterations, long seed) {
            this.iterations = iterations;
            this.state = seed;
        }

        void serveForever() {
            // Hundreds of spinning threads would starve main before it prints the ready line.
            Target.awaitReadyLine();
            while (true) {
                state = handle(state);
            }
        }

        long handle(long x) {
            for (int i = 0; i < iterations; i++) {
                x = (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
            }
            return x;
        }
    }
}
