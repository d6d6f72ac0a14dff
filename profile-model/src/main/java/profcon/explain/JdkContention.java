package profcon.explain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Contention inside the JDK: the lock is PrintStream's (System.out) or a logging framework's, not the application's. */
final class JdkContention implements Rule {
    /** Locks of the JDK's output and of logging libraries, that applications take without writing a lock. */
    static final Pattern JDK_LOCK = Pattern.compile("monitor of (java\\.io\\..*|java\\.util\\.logging\\..*"
            + "|ch\\.qos\\.logback\\..*|org\\.apache\\.logging\\..*|org\\.slf4j\\..*)");

    @Override
    public String id() {
        return "jdk-contention";
    }

    @Override
    public String name() {
        return "contention inside the JDK (output stream or logging lock)";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.LOCK);
    }

    static boolean isJdkLock(String lockClass) {
        return JDK_LOCK.matcher(lockClass).matches();
    }

    @Override
    public Verdict judge(Evidence e) {
        LockFacts f = LockFacts.of(e);
        if (!f.contended() || !isJdkLock(f.lockClass())) {
            return Verdict.silent();
        }
        String what = f.lockClass().contains("PrintStream") ? "the JDK's PrintStream lock (System.out/err)"
                : "a lock inside " + f.lockClass().substring("monitor of ".length());
        String evidence = String.format(Locale.ROOT, "%s: the lock is %s, reached from %s; every print or log call "
                + "on the hot path takes it", f.sentence(), what, f.top().shortName());
        return Verdict.found(new Finding(id(), name(), evidence, f.top().function(), f.top().location(),
                Confidence.HIGH, "peek " + f.top().shortName(), "lock", f.topWaiting() * 1.2, LockContention.ID));
    }
}
