package profcon.labels;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Profiler labels for the JVM, after Go's {@code pprof.Do}: work run through {@link #run} or
 * {@link #call} carries key/value labels, and profcon attaches them to every sample taken on the
 * thread meanwhile ({@code tags}, {@code tagfocus=endpoint=/checkout}).
 *
 * <p>Labels belong to a thread. To carry them to the thread that does the work (an executor's),
 * {@link #wrap} the task where it is submitted: it captures the submitter's labels at that moment.
 *
 * <p>How profcon sees them: each change of a thread's labels commits a small JFR event
 * ({@code profcon.LabelsBegin} on entry, {@code profcon.LabelsEnd} on exit, each holding the
 * thread's whole label set from then on). When no recording enables those events the cost is a
 * {@link ThreadLocal} swap; nothing is encoded or recorded.
 */
public final class ProfileLabels {
    private static final ThreadLocal<LabelSet> CURRENT = ThreadLocal.withInitial(() -> LabelSet.EMPTY);

    private ProfileLabels() {
    }

    /** This thread's labels now (empty outside any labelled span); an unmodifiable, sorted map. */
    public static Map<String, String> current() {
        return CURRENT.get().map();
    }

    /** Runs {@code work} with {@code labels} added to this thread's (the inner value wins a key), then restores them. */
    public static void run(Map<String, String> labels, Runnable work) {
        LabelSet outer = CURRENT.get();
        runWith(outer, outer.with(labels), work);
    }

    /** As {@link #run}, returning the work's result and passing on its exception. */
    public static <T> T call(Map<String, String> labels, Callable<T> work) throws Exception {
        LabelSet outer = CURRENT.get();
        return callWith(outer, outer.with(labels), work);
    }

    /** A task that runs {@code task} with the labels this thread has now, on whatever thread runs it. */
    public static Runnable wrap(Runnable task) {
        LabelSet captured = CURRENT.get();
        return () -> runWith(CURRENT.get(), captured, task);
    }

    /** As {@link #wrap(Runnable)} for a task with a result. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        LabelSet captured = CURRENT.get();
        return () -> callWith(CURRENT.get(), captured, task);
    }

    private static void runWith(LabelSet outer, LabelSet inner, Runnable work) {
        enter(inner);
        try {
            work.run();
        } finally {
            exit(outer);
        }
    }

    private static <T> T callWith(LabelSet outer, LabelSet inner, Callable<T> work) throws Exception {
        enter(inner);
        try {
            return work.call();
        } finally {
            exit(outer);
        }
    }

    private static void enter(LabelSet inner) {
        CURRENT.set(inner);
        LabelsBegin event = new LabelsBegin();
        if (event.isEnabled()) { // encode only when a recording wants the event
            event.labels = inner.encoded();
            event.commit();
        }
    }

    private static void exit(LabelSet outer) {
        CURRENT.set(outer);
        LabelsEnd event = new LabelsEnd();
        if (event.isEnabled()) {
            event.labels = outer.encoded();
            event.commit();
        }
    }
}
