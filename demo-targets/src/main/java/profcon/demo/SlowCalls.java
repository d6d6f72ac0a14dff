package profcon.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * "Which call is slow": a {@code requests} thread calls {@link #handle} in a loop; every
 * {@code --slow-every=100}th call comes through {@link #auditedRequest} and takes {@code --slow-ms=20}
 * longer, the others through {@link #fastRequest} take a few microseconds. {@code --pace-us=100}
 * parks between calls (0: as fast as it can, for the overhead bench).
 *
 * <p>{@code --truth=FILE} appends every 50 ms a line {@code EPOCH_MILLIS CALLS}: the calls of
 * {@code handle} made so far, the count a timing window is checked against.
 */
public final class SlowCalls {
    private static final long TRUTH_INTERVAL_MS = 50;
    private static final AtomicLong CALLS = new AtomicLong();
    private static long sink;

    private SlowCalls() {
    }

    public static void main(String[] argv) {
        Target.run("SlowCalls", argv, SlowCalls::start);
    }

    static void start(Args args) throws IOException {
        int slowEvery = args.positive("slow-every", 100);
        int slowMs = args.positive("slow-ms", 20);
        int paceMicros = args.integer("pace-us", 100);
        String truth = args.string("truth", null);
        if (truth != null) {
            startTruth(Path.of(truth));
        }
        Threads.start("requests", () -> serve(slowEvery, slowMs, paceMicros));
    }

    static void serve(int slowEvery, int slowMs, int paceMicros) {
        for (long i = 1; !Thread.currentThread().isInterrupted(); i++) {
            if (i % slowEvery == 0) {
                auditedRequest(i, slowMs);
            } else {
                fastRequest(i);
            }
            if (paceMicros > 0) {
                LockSupport.parkNanos(paceMicros * 1_000L);
            }
        }
    }

    static void fastRequest(long i) {
        handle(i, 0);
    }

    static void auditedRequest(long i, int slowMs) {
        handle(i, slowMs);
    }

    /** The method timed: a little work, plus a wait of {@code slowMs} on the audited path. */
    static void handle(long i, int slowMs) {
        long h = i;
        for (int k = 0; k < 200; k++) {
            h = h * 31 + k;
        }
        sink += h;
        if (slowMs > 0) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(slowMs);
            for (long left; (left = deadline - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(left); // may return early: park again for what is left
            }
        }
        CALLS.incrementAndGet();
    }

    private static void startTruth(Path file) throws IOException {
        PrintStream out = new PrintStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING), true);
        Threads.start("truth", () -> {
            while (!Thread.currentThread().isInterrupted()) {
                out.printf("%d %d%n", System.currentTimeMillis(), CALLS.get());
                try {
                    TimeUnit.MILLISECONDS.sleep(TRUTH_INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }
}
