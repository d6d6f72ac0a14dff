package profcon.demo;

/**
 * A JVM drowning in its own work (issue #15): many threads that never stop computing, so every
 * CPU is busy and anyone sharing those CPUs (a console in the same session or container) gets a
 * thin slice of them.
 *
 * <p>Options: {@code --threads=96} spinning threads. Unlike {@code TailLatency} there are no
 * requests: each thread stays in {@link Spinner#burn} for ever, so a CPU profile's top frame is
 * known.
 */
public final class Saturated {
    private Saturated() {
    }

    public static void main(String[] argv) {
        Target.run("Saturated", argv, Saturated::start);
    }

    static void start(Args args) {
        int threads = args.positive("threads", 96);
        for (int i = 1; i <= threads; i++) {
            Spinner spinner = new Spinner(i);
            Threads.startSmall("spinner-" + i, spinner::spinForever);
        }
    }

    /** One CPU-bound thread: a hash chain it never leaves. */
    static final class Spinner {
        static volatile long sink;
        private long state;

        Spinner(long seed) {
            this.state = seed;
        }

        void spinForever() {
            // Spinning threads would starve main before it prints the ready line.
            Target.awaitReadyLine();
            while (true) {
                state = burn(state);
                sink = state;
            }
        }

        // Bounded rounds per call, so the thread passes a safepoint poll on every return.
        long burn(long x) {
            for (int i = 0; i < 100_000; i++) {
                x = (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
            }
            return x;
        }
    }
}
