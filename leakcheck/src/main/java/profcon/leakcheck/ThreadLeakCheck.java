package profcon.leakcheck;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import profcon.leakcheck.CheckThreadLeaks.Scope;

/**
 * The JUnit 5 extension: {@code @ExtendWith(ThreadLeakCheck.class)} checks each test with the
 * default options; {@link CheckThreadLeaks} sets options and scope. A test (or class) that leaves
 * threads behind fails with the leaked threads grouped by stack.
 */
public final class ThreadLeakCheck implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ThreadLeakCheck.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (checksClass(context)) {
            start(context, Scope.CLASS);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (checksClass(context)) {
            finish(context, context.getRequiredTestClass().getName());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (scope(context) == Scope.TEST) {
            start(context, Scope.TEST);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (scope(context) == Scope.TEST) {
            finish(context, context.getRequiredTestClass().getName() + "#" + context.getRequiredTestMethod().getName()
                    + "()");
        }
    }

    private static void start(ExtensionContext context, Scope scope) {
        ParallelGuard.refuseUnsafe(context, scope);
        CheckWindow window = CheckWindow.open();
        context.getStore(NAMESPACE).put(CheckWindow.class, window);
        context.getStore(NAMESPACE).put(ThreadSnapshot.class, ThreadLeaks.snapshot());
    }

    private static void finish(ExtensionContext context, String what) {
        CheckWindow window = context.getStore(NAMESPACE).remove(CheckWindow.class, CheckWindow.class);
        ThreadSnapshot before = context.getStore(NAMESPACE).remove(ThreadSnapshot.class, ThreadSnapshot.class);
        if (window == null || before == null) {
            return; // start failed (and said why), or the test was skipped before it
        }
        window.close(what);
        ThreadLeaks.verifySince(before.with(ParallelGuard.testEngineWorkers()), options(context), what);
    }

    /** Class scope checks only a top-level class: a {@code @Nested} class runs inside its outer class's check. */
    private static boolean checksClass(ExtensionContext context) {
        return scope(context) == Scope.CLASS && !context.getRequiredTestClass().isAnnotationPresent(Nested.class);
    }

    private static Scope scope(ExtensionContext context) {
        return classAnnotation(context.getRequiredTestClass()).map(CheckThreadLeaks::scope).orElse(Scope.TEST);
    }

    /** The method's annotation, else the class's (or an enclosing class's), else the defaults. */
    static LeakOptions options(ExtensionContext context) {
        Optional<CheckThreadLeaks> onMethod = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, CheckThreadLeaks.class));
        return onMethod.or(() -> classAnnotation(context.getRequiredTestClass())).map(ThreadLeakCheck::options)
                .orElse(LeakOptions.defaults());
    }

    private static Optional<CheckThreadLeaks> classAnnotation(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<CheckThreadLeaks> found = AnnotationSupport.findAnnotation(c, CheckThreadLeaks.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static LeakOptions options(CheckThreadLeaks a) {
        LeakOptions options = LeakOptions.defaults().withLinger(Durations.parse(a.linger()));
        for (String f : a.ignoreTopFunctions()) {
            options = options.ignoringTopFunction(f);
        }
        for (String f : a.ignoreAnyFunctions()) {
            options = options.ignoringAnyFunction(f);
        }
        for (String regex : a.ignoreNames()) {
            options = options.ignoringNames(regex);
        }
        return a.builtinIgnores() ? options : options.withoutBuiltins();
    }
}
