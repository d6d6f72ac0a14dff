package profcon.agent.threads;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import profcon.agent.protocol.Reply;

/**
 * Estimates how long an operation that stops the whole target will stop it, before it runs.
 *
 * <p>Once such an operation has run in this session, its measured cost per unit (per platform
 * thread for thread dumps, per byte of used heap for heap operations) is scaled to the target's
 * size now (for heap operations the stall the probe thread measured, since the call also
 * includes work outside the pause). Before that: a full thread dump is estimated from a calibration on this target,
 * {@code getThreadInfo(ids, true, false)} on 1 and on up to 64 threads (each a very short
 * safepoint), giving a fixed cost and a per-thread cost, plus a heap-walk term for the ownable
 * synchronizers; heap operations from the bytes in use at rates measured on profcon's test machine.
 */
final class PauseModel {
    /** What can be estimated, and the default cost per unit (ns per thread, or ns per heap byte). */
    enum Kind {
        FULL(0), HEAPDUMP(2.0), HISTOGRAM(1.0);

        final double defaultNsPerUnit;

        Kind(double defaultNsPerUnit) {
            this.defaultNsPerUnit = defaultNsPerUnit;
        }
    }

    /** Fixed part of a heap operation's pause (safepoint, thread roots, set-up), before any was measured. */
    static final double HEAP_FIXED_NS = 50e6;
    /** Heap walked to find ownable synchronizers, in ns per used byte (about 1 GB/s). */
    static final double HEAP_WALK_NS_PER_BYTE = 1.0;
    private static final int SAMPLE = 64;
    private final Map<Kind, double[]> observed = new EnumMap<>(Kind.class);

    synchronized void observed(Kind kind, long units, long nanos) {
        if (units > 0) {
            observed.put(kind, new double[] {units, nanos});
        }
    }

    /** The estimate, the platform threads and heap used it scales with, and how it was made. */
    synchronized Reply.Estimate estimate(Kind kind) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long platform = mx.getThreadCount();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long units = kind == Kind.FULL ? platform : heap;
        double[] seen = observed.get(kind);
        double ns;
        String how;
        if (seen != null) {
            ns = seen[1] / seen[0] * units;
            how = String.format(Locale.ROOT, "scaled from the %s measured in this session (%.1f ms for %,d %s)",
                    name(kind), seen[1] / 1e6, (long) seen[0], kind == Kind.FULL ? "threads" : "heap bytes");
        } else if (kind == Kind.FULL) {
            double[] fit = calibrate(mx);
            ns = fit[0] + fit[1] * platform + HEAP_WALK_NS_PER_BYTE * heap;
            how = String.format(Locale.ROOT, "calibrated now: %.2f ms + %.1f us x %,d threads (stack walks) + "
                    + "%,d MB heap walked at 1 GB/s (locked synchronizers)", fit[0] / 1e6, fit[1] / 1e3, platform,
                    heap >> 20);
        } else {
            ns = HEAP_FIXED_NS + kind.defaultNsPerUnit * heap;
            how = String.format(Locale.ROOT, "50 ms + %,d MB heap in use at %.0f MB/s (rates measured on profcon's "
                    + "test machine; refined after the first %s)", heap >> 20, 1e3 / kind.defaultNsPerUnit, name(kind));
        }
        return new Reply.Estimate(platform, heap, (long) ns, how);
    }

    private static String name(Kind kind) {
        return switch (kind) {
            case FULL -> "full thread dump";
            case HEAPDUMP -> "heap dump";
            case HISTOGRAM -> "class histogram";
        };
    }

    /** {fixed ns, ns per thread}: the best of three timings of a 1-thread and an up-to-64-thread stack dump. */
    private static double[] calibrate(ThreadMXBean mx) {
        long[] all = mx.getAllThreadIds();
        long[] sample = java.util.Arrays.copyOf(all, Math.min(SAMPLE, all.length));
        long one = Long.MAX_VALUE;
        long many = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            one = Math.min(one, time(mx, new long[] {sample[0]}));
            many = Math.min(many, time(mx, sample));
        }
        double perThread = sample.length > 1 ? Math.max(0, (double) (many - one) / (sample.length - 1)) : one;
        return new double[] {Math.max(0, one - perThread), perThread};
    }

    private static long time(ThreadMXBean mx, long[] ids) {
        long start = System.nanoTime();
        mx.getThreadInfo(ids, true, false);
        return System.nanoTime() - start;
    }
}
