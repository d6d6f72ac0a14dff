package profcon.agent.timing;

import java.lang.annotation.Annotation;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Executable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import profcon.agent.profile.MethodFilter;

/**
 * The loaded methods a method filter names, counted before JFR instruments any: a filter that
 * matches more than {@link #MAX_METHODS} is refused, since every call of a traced method records
 * an event. Classes that load later are instrumented by JFR as they load and are not counted.
 */
public final class MethodMatches {
    /** Enough for a service's endpoints or a few whole classes; not a package (docs/timing.md). */
    public static final int MAX_METHODS = 200;
    private static Instrumentation instrumentation;

    private MethodMatches() {
    }

    /** The agent's {@link Instrumentation}, given by {@code agentmain}: the loaded classes come from it. */
    public static synchronized void use(Instrumentation inst) {
        instrumentation = inst;
    }

    /** The methods {@code filter} matches now, checked against the bound; IllegalArgumentException past it. */
    public static synchronized List<String> checked(MethodFilter filter) {
        if (instrumentation == null) {
            throw new IllegalStateException("timing needs the agent's instrumentation to check what the filter matches");
        }
        return checked(filter, instrumentation.getAllLoadedClasses());
    }

    static List<String> checked(MethodFilter filter, Class<?>[] loaded) {
        List<String> matched = of(filter, loaded);
        if (matched.size() > MAX_METHODS) {
            throw new IllegalArgumentException("refused: '" + filter + "' matches " + matched.size()
                    + " loaded methods (at most " + MAX_METHODS + " may be traced): name classes or Class::method");
        }
        return matched;
    }

    /** The methods among {@code loaded} that {@code filter} names, as {@code Class::method}, sorted, without repeats. */
    static List<String> of(MethodFilter filter, Class<?>[] loaded) {
        TreeSet<String> matched = new TreeSet<>();
        for (Class<?> c : loaded) {
            for (MethodFilter.Part part : filter.parts()) {
                try {
                    add(part, c, matched);
                } catch (LinkageError | SecurityException e) {
                    // a class whose methods cannot be listed (a missing dependency): JFR cannot time it either
                }
            }
        }
        return new ArrayList<>(matched);
    }

    private static void add(MethodFilter.Part part, Class<?> c, TreeSet<String> matched) {
        if (part.annotation() != null) {
            if (c.getClassLoader() != null && !c.isAnnotation()) { // JDK classes do not carry an application's annotations
                boolean whole = annotated(c.getDeclaredAnnotations(), part.annotation());
                for (Executable e : executables(c)) {
                    if (whole || annotated(e.getDeclaredAnnotations(), part.annotation())) {
                        matched.add(name(c, e));
                    }
                }
            }
        } else if (c.getName().equals(part.className())) {
            for (Executable e : executables(c)) {
                if (part.methodName() == null || part.methodName().equals(methodName(e))) {
                    matched.add(name(c, e));
                }
            }
        }
    }

    private static List<Executable> executables(Class<?> c) {
        List<Executable> all = new ArrayList<>(List.of(c.getDeclaredMethods()));
        all.addAll(List.of(c.getDeclaredConstructors()));
        return all;
    }

    private static boolean annotated(Annotation[] annotations, String name) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String methodName(Executable e) {
        return e instanceof java.lang.reflect.Constructor ? "<init>" : e.getName();
    }

    private static String name(Class<?> c, Executable e) {
        return c.getName() + "::" + methodName(e);
    }
}
