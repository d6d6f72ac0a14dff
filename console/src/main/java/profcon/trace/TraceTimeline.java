package profcon.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trace cut into time buckets per thread group: how much thread time each state took in each
 * bucket, and the glyph of the state that took the most. A bucket stays {@code .} unless the group's
 * threads together spent at least half a bucket in known states, so one short event does not paint it.
 */
public final class TraceTimeline {
    /** One group's row: its threads, each state's time over the window, and one glyph per bucket. */
    public record Row(String group, List<TraceThread> threads, long[] stateNanos, String glyphs) {
        /** The group's own time in every state but idle and paused (pauses stop every group alike): the rows' order. */
        public long busyNanos() {
            long busy = 0;
            for (ThreadState s : ThreadState.values()) {
                busy += s == ThreadState.IDLE || s == ThreadState.PAUSED ? 0 : stateNanos[s.ordinal()];
            }
            return busy;
        }
    }

    private TraceTimeline() {
    }

    /** Every group's row, busiest first (then by name), over {@code width} buckets. */
    public static List<Row> rows(Trace trace, int width) {
        Map<String, List<TraceThread>> groups = new LinkedHashMap<>();
        trace.threads().forEach(t -> groups.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t));
        List<Row> rows = new ArrayList<>();
        groups.forEach((group, threads) -> rows.add(row(trace, group, threads, width)));
        rows.sort(Comparator.comparingLong(Row::busyNanos).reversed().thenComparing(Row::group));
        return rows;
    }

    private static Row row(Trace trace, String group, List<TraceThread> threads, int width) {
        long[][] buckets = new long[width][ThreadState.values().length];
        long[] totals = new long[ThreadState.values().length];
        for (TraceThread t : threads) {
            for (TraceSpan s : t.spans()) {
                spread(buckets, totals, trace.lengthNanos(), s.startNanos(), s.endNanos(), s.state(), 1);
            }
        }
        for (TracePause p : trace.pauses()) {
            spread(buckets, totals, trace.lengthNanos(), p.startNanos(), p.endNanos(), ThreadState.PAUSED,
                    threads.size());
        }
        StringBuilder glyphs = new StringBuilder(width);
        double bucketNanos = trace.lengthNanos() / (double) width;
        for (long[] b : buckets) {
            glyphs.append(dominant(b, bucketNanos).glyph());
        }
        return new Row(group, List.copyOf(threads), totals, glyphs.toString());
    }

    /** Adds {@code [start, end)} times {@code weight} to the buckets it overlaps and to the totals. */
    private static void spread(long[][] buckets, long[] totals, long length, long start, long end, ThreadState state,
                               int weight) {
        if (length <= 0 || end <= start) {
            return;
        }
        int width = buckets.length;
        int first = (int) Math.min(width - 1, start * width / length);
        int last = (int) Math.min(width - 1, (end - 1) * width / length);
        for (int i = first; i <= last; i++) {
            long from = Math.max(start, i * length / width);
            long to = Math.min(end, (i + 1) * length / width);
            buckets[i][state.ordinal()] += Math.max(0, to - from) * weight;
        }
        totals[state.ordinal()] += (end - start) * weight;
    }

    /** The state with the most time; ties go to the earlier state in {@link ThreadState}'s order. */
    private static ThreadState dominant(long[] bucket, double bucketNanos) {
        ThreadState best = ThreadState.IDLE;
        long known = 0;
        for (ThreadState s : ThreadState.values()) {
            if (s == ThreadState.IDLE) {
                continue;
            }
            known += bucket[s.ordinal()];
            if (bucket[s.ordinal()] > (best == ThreadState.IDLE ? 0 : bucket[best.ordinal()])) {
                best = s;
            }
        }
        return known * 2 >= bucketNanos ? best : ThreadState.IDLE;
    }
}
