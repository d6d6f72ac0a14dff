package profcon.trace;

import java.util.List;

/**
 * One stretch of a thread's time in one state. Times are nanoseconds since the trace's start;
 * {@code detail} says what the state was about (the lock's class, the sleep, the socket, the pause's
 * cause; empty when nothing more is known) and {@code stack} is the thread's stack, innermost frame
 * first, each frame as {@code Class.method:line} (empty when the source had none).
 */
public record TraceSpan(long startNanos, long endNanos, ThreadState state, String detail, List<String> stack) {
    public TraceSpan {
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("span ends before it starts: " + startNanos + ".." + endNanos);
        }
        stack = List.copyOf(stack);
    }

    public long lengthNanos() {
        return endNanos - startNanos;
    }
}
