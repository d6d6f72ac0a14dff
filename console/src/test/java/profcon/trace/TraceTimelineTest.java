package profcon.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Buckets and glyphs: the state with the most thread time wins, idle unless half a bucket is known, busiest group first. */
class TraceTimelineTest {
    private static final long MS = 1_000_000L;

    @Test
    void eachBucketShowsTheStateThatTookMostOfItsThreadTime() {
        TraceThread worker = thread("worker-1", "worker", span(0, 30, ThreadState.RUNQUEUE), span(30, 40, ThreadState.RUNNING),
                span(40, 100, ThreadState.RUNNING));
        Trace trace = new Trace("t", Instant.EPOCH, 100 * MS, List.of(worker), List.of());

        TraceTimeline.Row row = TraceTimeline.rows(trace, 4).get(0);

        assertThat(row.glyphs()).isEqualTo("r###");
        assertThat(row.stateNanos()[ThreadState.RUNQUEUE.ordinal()]).isEqualTo(30 * MS);
    }

    @Test
    void aBucketStaysIdleUnlessHalfOfItIsKnownAndTiesGoByPrecedence() {
        TraceThread t = thread("a", "pool", span(0, 10, ThreadState.WAIT), span(50, 75, ThreadState.LOCK),
                span(75, 100, ThreadState.RUNNING));
        Trace trace = new Trace("t", Instant.EPOCH, 100 * MS, List.of(t), List.of());

        assertThat(TraceTimeline.rows(trace, 2).get(0).glyphs()).isEqualTo(".L");
    }

    @Test
    void aLongPauseStopsEveryGroupAndTheBusiestGroupComesFirst() {
        TraceThread quiet = thread("q", "quiet", span(0, 100, ThreadState.SLEEP));
        TraceThread busy1 = thread("b1", "busy", span(0, 100, ThreadState.RUNNING));
        TraceThread busy2 = thread("b2", "busy", span(0, 100, ThreadState.RUNNING));
        Trace trace = new Trace("t", Instant.EPOCH, 100 * MS, List.of(quiet, busy1, busy2),
                List.of(new TracePause(50 * MS, 100 * MS, "gc", "G1 Young: Allocation Failure")));

        List<TraceTimeline.Row> rows = TraceTimeline.rows(trace, 2);

        assertThat(rows).extracting(TraceTimeline.Row::group).containsExactly("busy", "quiet");
        // equal times: the pause takes precedence over running and sleeping
        assertThat(rows).extracting(TraceTimeline.Row::glyphs).containsExactly("#P", "sP");
    }

    private static TraceThread thread(String name, String group, TraceSpan... spans) {
        return new TraceThread(name, group, 1, 100, false, -1, -1, List.of(spans));
    }

    private static TraceSpan span(long fromMs, long toMs, ThreadState state) {
        return new TraceSpan(fromMs * MS, toMs * MS, state, "", List.of());
    }
}
