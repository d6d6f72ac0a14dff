package profcon.demo;

import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Case 14, sleep dominates the block profile: clients retry a flaky call with
 * {@code Thread.sleep} backoff, so the block profile's top is {@code Thread.sleep}; the real
 * blocking, waits for one of few connections in {@code Client.tryFetch}, is underneath it (the
 * defaults keep one or two clients waiting for the connection on average, so it shows on a quiet
 * machine too).
 *
 * <p>Options: {@code --clients=8}, {@code --connections=1} permits of the connection pool,
 * {@code --failure-rate=0.7} of calls that fail, {@code --call-ms=5} of work per call,
 * {@code --max-backoff-ms=160} (backoff starts at 10 ms and doubles).
 */
public final class SleepyRetry {
    private SleepyRetry() {
    }

    public static void main(String[] argv) {
        Target.run("SleepyRetry", argv, SleepyRetry::start);
    }

    static void start(Args args) {
        int clients = args.positive("clients", 8);
        Semaphore connections = new Semaphore(args.positive("connections", 1));
        double failureRate = args.fraction("failure-rate", 0.7);
        long callNanos = args.integer("call-ms", 5) * 1_000_000L;
        long maxBackoff = args.positive("max-backoff-ms", 160);
        for (int i = 1; i <= clients; i++) {
            Client client = new Client(connections, failureRate, callNanos, maxBackoff);
            Threads.start("client-" + i, client::fetchForever);
        }
    }

    /** Calls a flaky backend through a small connection pool and backs off by sleeping. */
    static final class Client {
        private static final long FIRST_BACKOFF_MS = 10;
        private final Semaphore connections;
        private final double failureRate;
        private final long callNanos;
        private final long maxBackoffMillis;
        long state = 1;

        Client(Semaphore connections, double failureRate, long callNanos, long maxBackoffMillis) {
            this.connections = connections;
            this.failureRate = failureRate;
            this.callNanos = callNanos;
            this.maxBackoffMillis = maxBackoffMillis;
        }

        void fetchForever() {
            try {
                while (true) {
                    fetchWithRetry();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void fetchWithRetry() throws InterruptedException {
            long backoff = FIRST_BACKOFF_MS;
            while (!tryFetch()) {
                Thread.sleep(backoff);
                backoff = Math.min(maxBackoffMillis, backoff * 2);
            }
        }

        boolean tryFetch() throws InterruptedException {
            connections.acquire();
            try {
                long x = state;
                long deadline = System.nanoTime() + callNanos;
                do {
                    for (int i = 0; i < 64; i++) {
                        x = (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
                    }
                } while (System.nanoTime() < deadline);
                state = x;
                return ThreadLocalRandom.current().nextDouble() >= failureRate;
            } finally {
                connections.release();
            }
        }
    }
}
