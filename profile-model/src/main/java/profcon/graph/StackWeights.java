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
        for (WSample s : w.samples()) {
            long v = value.applyAsLong(s.values());
            if (v == 0) {
                continue;
            }
            weight[s.stack.index] += v;
            if (meanDiv != null) {
                div[s.stack.index] += meanDiv.applyAsLong(s.values());
            }
        }
        return new StackWeights(weight, div);
    }
}
