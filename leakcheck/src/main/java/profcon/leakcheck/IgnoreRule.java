package profcon.leakcheck;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import profcon.threads.DumpedThread;
import profcon.threads.Frame;

/**
 * One reason not to count a thread as leaked, as goleak's options: by the function on top of its
 * stack, by any function in its stack, or by its name. Functions are {@code package.Class.method}
 * (nested classes with {@code $}), as {@code goroutines} prints them.
 */
public record IgnoreRule(String description, Predicate<DumpedThread> matches) {
    /** Threads whose top frame is {@code function}, e.g. {@code java.lang.Thread.sleep}. */
    public static IgnoreRule topFunction(String function) {
        return new IgnoreRule("top function " + function,
                t -> !t.frames().isEmpty() && t.frames().get(0).function().equals(function));
    }

    /** Threads with {@code function} anywhere in their stack, e.g. {@code com.acme.Poller.run}. */
    public static IgnoreRule anyFunction(String function) {
        return new IgnoreRule("any function " + function,
                t -> t.frames().stream().map(Frame::function).anyMatch(function::equals));
    }

    /** Threads whose whole name matches {@code regex}, e.g. {@code grpc-default-worker-.*}. */
    public static IgnoreRule name(String regex) {
        Pattern p = Pattern.compile(regex);
        return new IgnoreRule("name /" + regex + "/", t -> p.matcher(t.name()).matches());
    }

    /** Both: a thread with this name running this function somewhere in its stack. */
    static IgnoreRule nameAndFunction(String regex, String function) {
        IgnoreRule byName = name(regex);
        IgnoreRule byFunction = anyFunction(function);
        return new IgnoreRule(byName.description() + " in " + function,
                t -> byName.matches().test(t) && byFunction.matches().test(t));
    }
}
