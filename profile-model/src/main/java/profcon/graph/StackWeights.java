package profcon.graph;

import java.util.List;
import java.util.function.ToLongFunction;

/** The weight (and mean divisor) of each distinct stack, summed over its samples once per report. */
public record StackWeights(long[] weight, long[] divisor) {
    /** Sums {@code value} (and {@code meanDiv}, may be null) per stack; zero-weight samples count for nothing. */
    public static StackWeights of(WorkProfile w, ToLongFunction<long[]> value, ToLongFunction<long[]> meanDiv) {
        List<Stack> stacks = w.stacks();
        long[] weight = new long[stacks.size()];
        long[] div = new long[stacks.size()];
        for (int k = 0, n = w.size(); k < n; k++) {
            long[] values = w.values(k);
            long v = value.applyAsLong(values);
            if (v == 0) {
                continue;
            }
            int si = w.stackIndex(k);
            weight[si] += v;
            if (meanDiv != null) {
                div[si] += meanDiv.applyAsLong(values);
            }
        }
        return new StackWeights(weight, div);
    }
}
