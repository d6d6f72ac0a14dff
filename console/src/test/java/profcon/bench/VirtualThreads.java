package profcon.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Virtual threads for the benchmark's workload, through reflection: the tests compile for Java 17. */
final class VirtualThreads {
    private VirtualThreads() {
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()}. */
    static ExecutorService perTask() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("--virtual=1 needs a JDK 21+ target: " + e);
        }
    }

    /** Starts a named virtual thread. */
    static Thread start(String name, Runnable body) {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> type = Class.forName("java.lang.Thread$Builder");
            Object named = type.getMethod("name", String.class).invoke(builder, name);
            return (Thread) type.getMethod("start", Runnable.class).invoke(named, body);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("--virtual=1 needs a JDK 21+ target: " + e);
        }
    }
}
