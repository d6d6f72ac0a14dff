package profcon.leakcheck;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * What one per-test check costs with N live threads parked on a latch: a snapshot before and a
 * verification after (nothing leaked, so no linger), as the extension does around each test.
 * Usage: {@code LeakCheckBench platform|virtual THREADS ROUNDS}; scripts/bench-leakcheck.sh runs it.
 */
public final class LeakCheckBench {
    private LeakCheckBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean virtual = args[0].equals("virtual");
        int threads = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            start(virtual, "parked-" + i, () -> Leaker.holdUntilReleased(release));
        }
        LeakOptions options = LeakOptions.defaults().withLinger(Duration.ZERO);
        long[] nanos = new long[rounds];
        for (int r = -3; r < rounds; r++) { // three rounds to warm up
            long start = System.nanoTime();
            ThreadLeaks.verifySince(ThreadLeaks.snapshot(), options, "bench");
            if (r >= 0) {
                nanos[r] = System.nanoTime() - start;
            }
        }
        release.countDown();
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "JDK %-8s %-8s threads %,7d: per-test check median %8.1f ms, max %8.1f ms (%d rounds)%n",
                Runtime.version().feature(), args[0], threads, nanos[rounds / 2] / 1e6, nanos[rounds - 1] / 1e6, rounds);
    }

    private static void start(boolean virtual, String name, Runnable body) throws Exception {
        if (virtual) {
            Method start = Thread.class.getMethod("startVirtualThread", Runnable.class);
            start.invoke(null, body);
            return;
        }
        Thread t = new Thread(null, body, name, 256 * 1024);
        t.setDaemon(true);
        t.start();
    }
}
