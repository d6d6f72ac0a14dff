package profcon.demo;

import java.util.HashMap;
import java.util.Map;

/**
 * Case 1, mystery slowdown: request threads serialise on {@code Metrics.record}, which is
 * {@code synchronized} and does a map lookup plus a histogram update while holding the monitor.
 *
 * <p>Options: {@code --threads=8} request threads, {@code --work-us=500} of request work outside
 * the lock, {@code --hold-us=3000} spent in the histogram update inside it, {@code --virtual}
 * (JDK 21+) to run each request on a virtual thread, as a Loom service does: JFR then has no
 * monitor-enter event for the waits, and profcon samples them.
 */
public final class MysterySlowdown {
    private MysterySlowdown() {
    }

    public static void main(String[] argv) {
        Target.run("MysterySlowdown", argv, MysterySlowdown::start);
    }

    static void start(Args args) {
        int threads = args.positive("threads", 8);
        long workNanos = args.integer("work-us", 500) * 1000L;
        Metrics metrics = new Metrics(args.integer("hold-us", 3000) * 1000L);
        boolean virtual = args.flag("virtual");
        if (virtual) {
            Threads.requireVirtual();
            Threads.keepAlive();
        }
        for (int i = 1; i <= threads; i++) {
            Request request = new Request(metrics, workNanos, i);
            if (virtual) {
                Threads.startVirtual("request-" + i, request::serveForever);
            } else {
                Threads.start("request-" + i, request::serveForever);
            }
        }
    }

    /** One request thread's loop: do the work, then record its latency. */
    static final class Request {
        private static final String[] ENDPOINTS = {"GET /items", "GET /cart", "POST /order"};
        private final Metrics metrics;
        private final long workNanos;
        private long state;

        Request(Metrics metrics, long workNanos, long seed) {
            this.metrics = metrics;
            this.workNanos = workNanos;
            this.state = seed;
        }

        void serveForever() {
            for (long n = 0; ; n++) {
                long start = System.nanoTime();
                state = handle(state);
                metrics.record(ENDPOINTS[(int) (n % ENDPOINTS.length)], System.nanoTime() - start);
            }
        }

        private long handle(long x) {
            long deadline = System.nanoTime() + workNanos;
            do {
                for (int i = 0; i < 256; i++) {
                    x = (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
                }
            } while (System.nanoTime() < deadline);
            return x;
        }
    }

    /** Per-endpoint latency histograms behind one monitor: the defect. */
    static final class Metrics {
        private final Map<String, Histogram> histograms = new HashMap<>();
        private final long updateNanos;

        Metrics(long updateNanos) {
            this.updateNanos = updateNanos;
        }

        synchronized void record(String name, long value) {
            histograms.computeIfAbsent(name, n -> new Histogram(updateNanos)).update(value);
        }
    }

    /** A latency histogram that recomputes its p99 on every update, which is what makes it slow. */
    static final class Histogram {
        private final long[] counts = new long[2048];
        // The update's cost is a parameter so the lock's hold time does not depend on the machine.
        private final long updateNanos;
        private long total;
        long p99;

        Histogram(long updateNanos) {
            this.updateNanos = updateNanos;
        }

        void update(long nanos) {
            counts[Math.min(counts.length - 1, (int) (nanos / 10_000))]++;
            total++;
            long deadline = System.nanoTime() + updateNanos;
            do {
                p99 = quantile(0.99);
            } while (System.nanoTime() < deadline);
        }

        private long quantile(double q) {
            long rank = (long) Math.ceil(q * total);
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return i * 10_000L;
                }
            }
            return counts.length * 10_000L;
        }
    }
}
