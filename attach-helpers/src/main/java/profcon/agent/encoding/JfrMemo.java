package profcon.agent.encoding;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * What many JFR events of one profile share, converted once. A recording's stack traces and
 * threads are constant-pool entries: the parser hands out the same {@link RecordedStackTrace} or
 * {@link RecordedThread} object for every event that refers to it, so they are looked up here by
 * identity instead of re-reading every frame of every event (at tens of thousands of park events
 * a second, that re-reading was most of the agent's CPU).
 *
 * <p>Bounded: each map is emptied when it reaches {@link #MAX_ENTRIES}, so neither a stream of
 * ever-new stacks nor a long recording's succession of constant pools can grow it without limit:
 * at JFR's depth of 64 frames the converted stacks take at most about 2 MB, plus the JFR objects
 * they keep alive after the parser has moved to a new chunk. Past the bound, events still count;
 * they only cost what they cost before the memo. One memo serves one profile, and so one recipe
 * and one way of shaping stacks.
 */
public final class JfrMemo {
    static final int MAX_ENTRIES = 1024;
    private static final String[] PROFCON_THREAD = new String[0];
    private final Map<RecordedStackTrace, StackProfile.Stack> stacks = new IdentityHashMap<>();
    private final Map<RecordedThread, String[]> threads = new IdentityHashMap<>();
    private long hits;
    private long misses;

    /** The event's stack (leaf first, shaped by {@code shape}, e.g. trimmed of park plumbing). */
    public StackProfile.Stack stack(RecordedEvent event, UnaryOperator<List<StackProfile.Frame>> shape) {
        RecordedStackTrace trace = event.getStackTrace();
        if (trace == null) {
            return StackProfile.Stack.EMPTY;
        }
        StackProfile.Stack s = stacks.get(trace);
        if (s == null) {
            misses++;
            if (stacks.size() >= MAX_ENTRIES) {
                stacks.clear();
            }
            s = new StackProfile.Stack(List.copyOf(shape.apply(JfrStacks.frames(event))), JfrStacks.leafNative(trace));
            stacks.put(trace, s);
        } else {
            hits++;
        }
        return s;
    }

    /**
     * Label pairs naming the thread in the event's {@code field} (its name, pool and kind), or null
     * for the agent's own threads and JFR's, which no profile should show.
     */
    public String[] threadLabels(RecordedEvent event, String field) {
        RecordedThread thread = event.hasField(field) ? (RecordedThread) event.getValue(field) : event.getThread();
        if (thread == null) {
            return JfrStacks.threadLabels((RecordedThread) null);
        }
        String[] labels = threads.get(thread);
        if (labels == null) {
            if (threads.size() >= MAX_ENTRIES) {
                threads.clear();
            }
            labels = JfrStacks.isProfconThread(thread.getJavaName()) ? PROFCON_THREAD : JfrStacks.threadLabels(thread);
            threads.put(thread, labels);
        }
        return labels == PROFCON_THREAD ? null : labels;
    }

    /** Stack lookups answered from the memo, and those that had to read the frames: for tests and {@code info}. */
    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }
}
