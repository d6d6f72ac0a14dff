package profcon.safety;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition by polling it: things in another process end asynchronously. */
public final class Poll {
    private Poll() {
    }

    public static void until(Duration timeout, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
