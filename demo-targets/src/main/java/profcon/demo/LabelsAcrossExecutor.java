package profcon.demo;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import profcon.labels.ProfileLabels;

/**
 * Case 13, labels don't appear: request threads know the endpoint, but the CPU work runs on an
 * executor's threads, so a label set on the request thread is not on the work's samples.
 * {@link #submit} labels the request thread with {@link ProfileLabels#run} and carries the
 * label into the pool with {@link ProfileLabels#wrap}.
 *
 * <p>Options: {@code --requests=2} request threads, {@code --workers=1} executor threads,
 * {@code --iterations=1000000} of work per cost unit ({@code /checkout} costs 3 units,
 * {@code /search} 2, {@code /health} 1), {@code --no-wrap} to submit without {@code wrap}: the
 * request thread is labelled but the pool's samples are not, which is the defect the case shows.
 * {@code --stuck=N} adds N requests to {@code /export} that enter their labelled span
 * ({@code tenant=acme}, {@code globex}, {@code acme}...) before the ready line and never leave it
 * (waiting for a report that never comes): the on-call question "which tenant's requests are
 * stuck?", asked of spans no profiling session saw begin; {@code --stuck-virtual} runs them on
 * virtual threads (JDK 21+). {@code --batch} adds a batch job labelled {@code job=reindex} before
 * the ready line that never leaves its span: it computes, then sleeps 20 ms, in a loop, so its CPU
 * samples and its sleeps are in a span no session saw begin.
 */
public final class LabelsAcrossExecutor {
    static final String[] ENDPOINTS = {"/checkout", "/search", "/health"};
    static final int[] COST = {3, 2, 1};
    static final String[] TENANTS = {"acme", "globex"};

    private final ExecutorService executor;
    private final boolean wrap;

    LabelsAcrossExecutor(ExecutorService executor, boolean wrap) {
        this.executor = executor;
        this.wrap = wrap;
    }

    public static void main(String[] argv) {
        Target.run("LabelsAcrossExecutor", argv, LabelsAcrossExecutor::start);
    }

    static void start(Args args) throws InterruptedException {
        int requests = args.positive("requests", 2);
        int workers = args.positive("workers", 1);
        int iterations = args.positive("iterations", 1_000_000);
        LabelsAcrossExecutor frontend = new LabelsAcrossExecutor(Executors.newFixedThreadPool(workers),
                !args.flag("no-wrap"));
        for (int i = 1; i <= requests; i++) {
            int first = i;
            Threads.start("request-" + i, () -> frontend.serveForever(first, iterations));
        }
        startStuck(args.integer("stuck", 0), args.flag("stuck-virtual"));
        if (args.flag("batch")) {
            startBatch(iterations);
        }
    }

    /** A job inside one labelled span for its whole life, in it before this returns. */
    static void startBatch(int iterations) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        Handler reindex = new Handler("reindex", iterations);
        Threads.start("batch-reindex", () -> ProfileLabels.run(Map.of("job", "reindex"), () -> {
            inside.countDown();
            reindex.runForever();
        }));
        inside.await();
    }

    /** {@code n} export requests, each inside its labelled span before this returns, and stuck there. */
    static void startStuck(int n, boolean virtual) throws InterruptedException {
        if (virtual) {
            Threads.requireVirtual();
        }
        CountDownLatch inside = new CountDownLatch(n);
        CountDownLatch never = new CountDownLatch(1);
        for (int i = 1; i <= n; i++) {
            Map<String, String> labels = Map.of("endpoint", "/export", "tenant", TENANTS[(i - 1) % TENANTS.length]);
            Threads.start("export-" + i, () -> ProfileLabels.run(labels, () -> Export.awaitReport(inside, never)),
                    virtual);
        }
        inside.await();
    }

    /** The export whose report never arrives. */
    static final class Export {
        static void awaitReport(CountDownLatch inside, CountDownLatch report) {
            inside.countDown();
            try {
                report.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void serveForever(int first, int iterations) {
        try {
            for (int n = first; ; n++) {
                int endpoint = n % ENDPOINTS.length;
                Handler handler = new Handler(ENDPOINTS[endpoint], COST[endpoint] * iterations);
                submit(ENDPOINTS[endpoint], handler::work).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("request work failed", e.getCause());
        }
    }

    /**
     * Hands a request's work to the executor, labelled {@code endpoint=<endpoint>} on this thread
     * and, through {@link ProfileLabels#wrap}, on the executor thread that runs it.
     */
    Future<?> submit(String endpoint, Runnable work) {
        AtomicReference<Future<?>> submitted = new AtomicReference<>();
        ProfileLabels.run(Map.of("endpoint", endpoint),
                () -> submitted.set(executor.submit(wrap ? ProfileLabels.wrap(work) : work)));
        return submitted.get();
    }

    /** The CPU work for one request; its cost depends on the endpoint. */
    static final class Handler {
        private final String endpoint;
        private final int iterations;
        long result;

        Handler(String endpoint, int iterations) {
            this.endpoint = endpoint;
            this.iterations = iterations;
        }

        /** Work, then a 20 ms pause, until interrupted: a batch job's rhythm. */
        void runForever() {
            try {
                while (true) {
                    work();
                    Thread.sleep(20); // the job's pause between chunks, visible in the block profile
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void work() {
            long x = endpoint.hashCode();
            for (int i = 0; i < iterations; i++) {
                x = (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
            }
            result = x;
        }
    }
}
