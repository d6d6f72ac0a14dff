package profcon.leakcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ExecutionMode;
import profcon.leakcheck.CheckThreadLeaks.Scope;

/**
 * JUnit's parallel execution and leak checks: a per-test check needs nothing else to run beside
 * its test, a per-class check needs classes to run one at a time (their methods may run in
 * parallel). Refuses the other combinations up front, and knows JUnit's own worker threads.
 */
final class ParallelGuard {
    private ParallelGuard() {
    }

    static void refuseUnsafe(ExtensionContext context, Scope scope) {
        if (!parameter(context, "junit.jupiter.execution.parallel.enabled", "false").equals("true")) {
            return;
        }
        if (scope == Scope.TEST) {
            throw new ExtensionConfigurationException("profcon-leakcheck: per-test checks cannot run with "
                    + "junit.jupiter.execution.parallel.enabled=true (another test's threads would count as this "
                    + "test's leaks); use @CheckThreadLeaks(scope = CLASS) with classes run one at a time");
        }
        String classes = parameter(context, "junit.jupiter.execution.parallel.mode.classes.default",
                parameter(context, "junit.jupiter.execution.parallel.mode.default", "same_thread"));
        if (classes.equals("concurrent") || context.getExecutionMode() == ExecutionMode.CONCURRENT) {
            throw new ExtensionConfigurationException("profcon-leakcheck: per-class checks need classes run one at "
                    + "a time (junit.jupiter.execution.parallel.mode.classes.default=same_thread, and no "
                    + "@Execution(CONCURRENT) on the class); " + context.getRequiredTestClass().getName()
                    + " runs concurrently with other classes");
        }
    }

    /**
     * The thread ids of the pool running this JUnit callback, when it is a fork-join pool: JUnit's
     * parallel executor starts its workers as tests need them, and keeps them.
     */
    static List<Long> testEngineWorkers() {
        if (!(Thread.currentThread() instanceof ForkJoinWorkerThread me)) {
            return List.of();
        }
        ForkJoinPool pool = me.getPool();
        List<Long> ids = new ArrayList<>();
        for (Thread t : LiveThreads.platformThreads()) {
            if (t instanceof ForkJoinWorkerThread w && w.getPool() == pool) {
                ids.add(LiveThreads.threadId(t));
            }
        }
        return ids;
    }

    private static String parameter(ExtensionContext context, String key, String otherwise) {
        return context.getConfigurationParameter(key).map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse(otherwise);
    }
}
