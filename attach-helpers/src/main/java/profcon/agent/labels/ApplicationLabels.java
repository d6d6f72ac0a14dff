package profcon.agent.labels;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The application's profile labels of each thread now, read from outside the threads through the
 * labels library's {@code ProfileLabels.byThread()}: what {@code wall} and {@code goroutines}
 * attach to a thread's stack, so a thread that entered its span before the session still shows them.
 *
 * <p>The agent never loads the application's classes by name (that could load a second copy, or
 * fail): the class is looked for among those already loaded ({@link Instrumentation#getAllLoadedClasses}),
 * in every class loader that has one, and its method called reflectively (it returns only JDK
 * types). Not loaded means no thread has labels yet. The lookup scans every loaded class, so it
 * is made once per session (again, at most every {@link #RETRY_NANOS}, while nothing is found) and
 * forgotten when the session ends, so the agent keeps no application class alive after a detach.
 */
public final class ApplicationLabels {
    static final String CLASS = "profcon.labels.ProfileLabels";
    static final long RETRY_NANOS = 10_000_000_000L;
    private static Instrumentation instrumentation;
    private static List<Method> readers = List.of();
    private static long lookedUpAt;
    private static long lookupNanos = -1;

    private ApplicationLabels() {
    }

    /** The agent's {@link Instrumentation}, given by {@code agentmain}/{@code premain}; without it there are no labels. */
    public static synchronized void use(Instrumentation inst) {
        instrumentation = inst;
    }

    /** Thread id to its labels as key/value pairs, for the threads that have labels now; empty when none. */
    public static Map<Long, String[]> now() {
        List<Method> from = readers();
        if (from.isEmpty()) {
            return Map.of();
        }
        Map<Long, String[]> out = new HashMap<>();
        for (Method read : from) {
            for (Map.Entry<?, ?> e : invoke(read).entrySet()) {
                // one registry per class loader that loaded the library: a thread labelled in two gets both sets
                out.merge((Long) e.getKey(), LabelPairs.decode((String) e.getValue()), ApplicationLabels::concat);
            }
        }
        return out;
    }

    /** Whether the application has loaded the labels library (with {@code byThread}) in some class loader. */
    public static boolean loaded() {
        return !readers().isEmpty();
    }

    /** What the last lookup found and cost, for a profile's comments and a dump's header. */
    public static synchronized String describe() {
        if (lookupNanos < 0) {
            return "labels: not looked up (no Instrumentation)";
        }
        return String.format(java.util.Locale.ROOT, "labels: %s, found in %.1f ms among the loaded classes",
                readers.isEmpty() ? "no " + CLASS + " loaded" : readers.size() + " " + CLASS, lookupNanos / 1e6);
    }

    /** The session has ended: drops the application's classes, and the next session looks again. */
    public static synchronized void forget() {
        readers = List.of();
        lookedUpAt = 0;
        lookupNanos = -1;
    }

    private static synchronized List<Method> readers() {
        boolean stale = readers.isEmpty() && (lookupNanos < 0 || System.nanoTime() - lookedUpAt > RETRY_NANOS);
        if (instrumentation != null && stale) {
            long start = System.nanoTime();
            readers = lookup(instrumentation.getAllLoadedClasses());
            lookedUpAt = System.nanoTime();
            lookupNanos = lookedUpAt - start;
        }
        return readers;
    }

    /** {@code byThread} of every loaded {@value #CLASS} that has one (an older library has not: no labels from it). */
    static List<Method> lookup(Class<?>[] loaded) {
        List<Method> found = new ArrayList<>(1);
        for (Class<?> c : loaded) {
            if (c.getName().equals(CLASS)) {
                try {
                    found.add(c.getMethod("byThread"));
                } catch (NoSuchMethodException e) {
                    // a labels library from before byThread: its threads' labels reach only JFR-made kinds
                }
            }
        }
        return Collections.unmodifiableList(found);
    }

    private static Map<?, ?> invoke(Method read) {
        try {
            return (Map<?, ?>) read.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not accessible (a named module that does not export it) or failing: that loader has no labels to give
            return Map.of();
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
