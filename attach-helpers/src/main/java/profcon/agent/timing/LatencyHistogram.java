package profcon.agent.timing;

/**
 * The durations of one method's calls in a fixed 8 KB: exact count, sum, minimum and maximum, and
 * log-linear buckets (16 per power of two) for percentiles, which are then within about 3 % of the
 * true value, whatever the number of calls.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 4;
    private static final int SUB = 1 << SUB_BITS;
    private final long[] buckets = new long[64 * SUB];
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max;

    void add(long nanos) {
        long v = Math.max(0, nanos);
        buckets[index(v)]++;
        count++;
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
    }

    /** Bucket of {@code v}: values below 16 ns have their own bucket; above, 16 buckets per power of two. */
    static int index(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) (v >>> (exponent - SUB_BITS)) & (SUB - 1);
        return (exponent - SUB_BITS + 1) * SUB + sub;
    }

    /** The middle of bucket {@code i}: the value its calls are reported at. */
    static long middle(int i) {
        if (i < SUB) {
            return i;
        }
        int exponent = i / SUB + SUB_BITS - 1;
        long low = (1L << exponent) | ((long) (i % SUB) << (exponent - SUB_BITS));
        return low + (1L << (exponent - SUB_BITS)) / 2;
    }

    /** The duration {@code fraction} of the calls took at most (0.5 for the median), inside [min, max]. */
    long percentile(double fraction) {
        long rank = Math.max(1, (long) Math.ceil(fraction * count));
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= rank) {
                return Math.max(min, Math.min(max, middle(i)));
            }
        }
        return max;
    }

    MethodLatency summary(String method) {
        return new MethodLatency(method, count, sum, count == 0 ? 0 : min, percentile(0.5), percentile(0.9),
                percentile(0.99), max);
    }
}
