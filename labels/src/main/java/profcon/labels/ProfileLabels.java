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
 * {@link ThreadLocal} read and a volatile write; nothing is encoded or recorded. Each thread's labels
 * are also published where a sampler on another thread reads them ({@link #byThread}), so samples
 * of a thread that entered its span before profiling started still carry them. On a virtual thread
 * the work also runs inside a frame named after its labels (a hidden class, invisible in exception
 * stack traces), so a sampler of the carrier threads (async-profiler) finds them on its stacks.
 */
public final class ProfileLabels {
    // The thread's own published slot: reading and changing labels never touches the shared registry.
    private static final ThreadLocal<ThreadRegistry.Slot> CURRENT = ThreadLocal.withInitial(ThreadRegistry::register);

    private ProfileLabels() {
    }

    /** This thread's labels now (empty outside any labelled span); an unmodifiable, sorted map. */
    public static Map<String, String> current() {
        return CURRENT.get().labels().map();
    }

    /**
     * For profilers: the labels of every live thread that has some now, by thread id
     * ({@code Thread.getId()}, virtual threads included), each encoded as in the JFR events
     * ({@code k1=v1;k2=v2}, {@code %}, {@code =} and {@code ;} escaped as {@code %25 %3D %3B}).
     * Only JDK types, so a profiler's agent calls it reflectively without sharing a class with the
     * application. Read without stopping any thread: a label change racing with the read is seen
     * either before or after.
     */
    public static Map<Long, String> byThread() {
        return ThreadRegistry.read();
    }

    /** Runs {@code work} with {@code labels} added to this thread's (the inner value wins a key), then restores them. */
    public static void run(Map<String, String> labels, Runnable work) {
        LabelSet outer = CURRENT.get().labels();
        runWith(outer, outer.with(labels), work);
    }

    /** As {@link #run}, returning the work's result and passing on its exception. */
    public static <T> T call(Map<String, String> labels, Callable<T> work) throws Exception {
        LabelSet outer = CURRENT.get().labels();
        return callWith(outer, outer.with(labels), work);
    }

    /** A task that runs {@code task} with the labels this thread has now, on whatever thread runs it. */
    public static Runnable wrap(Runnable task) {
        LabelSet captured = CURRENT.get().labels();
        return () -> runWith(CURRENT.get().labels(), captured, task);
    }

    /** As {@link #wrap(Runnable)} for a task with a result. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        LabelSet captured = CURRENT.get().labels();
        return () -> callWith(CURRENT.get().labels(), captured, task);
    }

    private static void runWith(LabelSet outer, LabelSet inner, Runnable work) {
        enter(inner);
        try {
            LabelFrame frame = frame(inner);
            if (frame == null) {
                work.run();
            } else {
                frame.run(work);
            }
        } finally {
            exit(outer);
        }
    }

    @SuppressWarnings("unchecked") // the frame returns what work.call() returned
    private static <T> T callWith(LabelSet outer, LabelSet inner, Callable<T> work) throws Exception {
        enter(inner);
        try {
            LabelFrame frame = frame(inner);
            return frame == null ? work.call() : (T) frame.call(work);
        } finally {
            exit(outer);
        }
    }

    /** On a virtual thread, the frame naming {@code labels}: its samples on a carrier thread carry them. */
    private static LabelFrame frame(LabelSet labels) {
        return VirtualThreads.is(Thread.currentThread()) ? labels.frame() : null;
    }

    private static void enter(LabelSet inner) {
        CURRENT.get().labels(inner);
        LabelsBegin event = new LabelsBegin();
        if (event.isEnabled()) { // encode only when a recording wants the event
            event.labels = inner.encoded();
            event.commit();
        }
    }

    private static void exit(LabelSet outer) {
        CURRENT.get().labels(outer);
        LabelsEnd event = new LabelsEnd();
        if (event.isEnabled()) {
            event.labels = outer.encoded();
            event.commit();
        }
    }
}
