package profcon.demo;

/**
 * Case 10, phantom contention: request threads log every request with
 * {@code System.out.println}, so they contend on the JDK's {@code PrintStream} monitor, a lock
 * nobody in the program wrote.
 *
 * <p>Options: {@code --threads=16}, {@code --iterations=20000} of work per request. Logging
 * starts only after the {@code READY} line, which is therefore the first line on stdout.
 */
public final class PhantomContention {
    private PhantomContention() {
    }

    public static void main(String[] argv) {
        Target.run("PhantomContention", argv, PhantomContention::start);
    }

    static void start(Args args) {
        int threads = args.positive("threads", 16);
        int iterations = args.positive("iterations", 20_000);
        for (int i = 1; i <= threads; i++) {
            Handler handler = new Handler(i, iterations);
            Threads.start("request-" + i, () -> handler.serveForever());
        }
    }

    /** Serves requests and logs each one on stdout. */
    static final class Handler {
        private final int id;
        private final int iterations;

        Handler(int id, int iterations) {
            this.id = id;
            this.iterations = iterations;
        }

        void serveForever() {
            Target.awaitReadyLine();
            long x = id;
            for (long n = 0; ; n++) {
                x = handle(x);
                System.out.println("request-" + id + " served request " + n + " checksum " + x);
            }
        }

        private long handle(long x) {
            for (int i = 0; i < iterations; i++) {
                x = (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
            }
            return x;
        }
    }
}
