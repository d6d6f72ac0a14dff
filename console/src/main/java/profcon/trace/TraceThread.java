package profcon.trace;

import java.util.List;

/**
 * One thread of a trace with its spans in time order. {@code group} is the pool name profcon groups
 * threads by (as {@code sched} and {@code goroutines} do); {@code osId} is the native id (0 when
 * unknown); {@code startedNanos}/{@code endedNanos} are -1 when the thread started before or ended
 * after the window.
 */
public record TraceThread(String name, String group, long javaId, long osId, boolean virtual,
        long startedNanos, long endedNanos, List<TraceSpan> spans) {
    public TraceThread {
        spans = List.copyOf(spans);
    }
}
