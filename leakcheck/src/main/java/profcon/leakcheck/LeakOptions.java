package profcon.leakcheck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import profcon.threads.DumpedThread;
import profcon.threads.ThreadQuery;

/**
 * How a check runs: how long to wait for threads that are still finishing (the linger), which
 * threads are not leaks (the built-in list unless turned off, plus the caller's rules), and how
 * many frames each leaked stack shows. Immutable; each {@code withX} returns a new one.
 */
public final class LeakOptions {
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(300);

    private final Duration linger;
    private final List<IgnoreRule> rules;
    private final boolean builtins;
    private final int frames;

    private LeakOptions(Duration linger, List<IgnoreRule> rules, boolean builtins, int frames) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative: " + linger);
        }
        this.linger = linger;
        this.rules = List.copyOf(rules);
        this.builtins = builtins;
        this.frames = frames;
    }

    /** A 300 ms linger, the built-in ignore list, 12 frames per stack (as {@code goroutines}). */
    public static LeakOptions defaults() {
        return new LeakOptions(DEFAULT_LINGER, List.of(), true, ThreadQuery.DEFAULT_FRAMES);
    }

    public LeakOptions withLinger(Duration linger) {
        return new LeakOptions(linger, rules, builtins, frames);
    }

    public LeakOptions ignoring(IgnoreRule rule) {
        List<IgnoreRule> more = new ArrayList<>(rules);
        more.add(rule);
        return new LeakOptions(linger, more, builtins, frames);
    }

    public LeakOptions ignoringTopFunction(String function) {
        return ignoring(IgnoreRule.topFunction(function));
    }

    public LeakOptions ignoringAnyFunction(String function) {
        return ignoring(IgnoreRule.anyFunction(function));
    }

    public LeakOptions ignoringNames(String regex) {
        return ignoring(IgnoreRule.name(regex));
    }

    /** Counts the JVM's and the tools' own threads as leaks too (see {@link BuiltinIgnores}). */
    public LeakOptions withoutBuiltins() {
        return new LeakOptions(linger, rules, false, frames);
    }

    /** At most {@code frames} frames per leaked stack in the failure; 0 for all. */
    public LeakOptions withFrames(int frames) {
        return new LeakOptions(linger, rules, builtins, frames);
    }

    public Duration linger() {
        return linger;
    }

    /** False when the built-in ignore list is off. */
    public boolean builtinIgnores() {
        return builtins;
    }

    public int frames() {
        return frames;
    }

    /** True when a rule (the caller's, or a built-in one) says this thread is not a leak. */
    public boolean ignores(DumpedThread t) {
        return rules.stream().anyMatch(r -> r.matches().test(t))
                || builtins && BuiltinIgnores.RULES.stream().anyMatch(r -> r.matches().test(t));
    }

    /** The caller's rules, for the failure message. */
    public List<IgnoreRule> rules() {
        return rules;
    }
}
