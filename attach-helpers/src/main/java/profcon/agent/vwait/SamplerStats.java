package profcon.agent.vwait;

import java.util.Locale;

/** What the virtual-thread sampler's dumps cost and found, and whether it lowered its rate: for the profile's comments. */
final class SamplerStats {
    private int dumps;
    private long cpuNanos;
    private long maxCostNanos;
    private int maxWaiting;
    private int lowered;
    private long longestWaitNanos;

    synchronized void dump(long costNanos, int waiting, long loweredWaitNanos) {
        dumps++;
        cpuNanos += costNanos;
        maxCostNanos = Math.max(maxCostNanos, costNanos);
        maxWaiting = Math.max(maxWaiting, waiting);
        if (loweredWaitNanos > 0) {
            lowered++;
            longestWaitNanos = Math.max(longestWaitNanos, loweredWaitNanos);
        }
    }

    /** {@code elapsedNanos}: how long the sampler ran, for its share of one core. */
    synchronized String describe(double budget, long elapsedNanos) {
        String s = String.format(Locale.ROOT, "%d dumps, up to %,d waiting virtual threads, %.1f ms CPU per dump "
                + "(max %.1f ms), %.2f%% of one core", dumps, maxWaiting, dumps == 0 ? 0.0 : cpuNanos / 1e6 / dumps,
                maxCostNanos / 1e6, elapsedNanos <= 0 ? 0.0 : 100.0 * cpuNanos / elapsedNanos);
        if (lowered == 0) {
            return s;
        }
        return s + String.format(Locale.ROOT, "; rate lowered after %d of them to stay under %.0f%% of one core "
                + "(up to %.0f ms between dumps)", lowered, budget * 100, longestWaitNanos / 1e6);
    }
}
