package profcon.leakcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails each test (or, with {@code scope = CLASS}, the class as a whole, goleak's VerifyTestMain)
 * that leaves threads behind. On a test method, its options replace the class's for that test.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ThreadLeakCheck.class)
public @interface CheckThreadLeaks {
    /** What one check covers. */
    enum Scope {
        /** Each test: snapshot before it, verify after its {@code @AfterEach} methods. */
        TEST,
        /** The class: snapshot before its {@code @BeforeAll}, verify after its {@code @AfterAll}. */
        CLASS
    }

    Scope scope() default Scope.TEST;

    /** How long to wait for threads still finishing: {@code 300ms}, {@code 2s}, {@code 0ms}. */
    String linger() default "300ms";

    /** Functions ({@code package.Class.method}) that, on top of a thread's stack, make it not a leak. */
    String[] ignoreTopFunctions() default {};

    /** Functions that, anywhere in a thread's stack, make it not a leak. */
    String[] ignoreAnyFunctions() default {};

    /** Regular expressions over whole thread names that make a thread not a leak. */
    String[] ignoreNames() default {};

    /** False to count the JVM's and the tools' own lazily started threads as leaks too. */
    boolean builtinIgnores() default true;
}
