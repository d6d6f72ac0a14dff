package profcon.agent.encoding;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns thread names into pool names: {@code pool-3-thread-7} is {@code pool-3}, {@code request-12} is {@code request}. */
public final class ThreadNames {
    private static final Pattern EXECUTOR = Pattern.compile("^(pool-\\d+)-thread-\\d+$");
    private static final Pattern FORK_JOIN = Pattern.compile("^(ForkJoinPool(?:\\.commonPool|-\\d+))-worker-\\d+$");
    private static final Pattern NUMBERED = Pattern.compile("^(.*?[^-_#\\s\\d])[-_#\\s]*\\d+$");

    private ThreadNames() {
    }

    /** The pool a thread belongs to by its name; the name itself when it carries no number. */
    public static String pool(String threadName) {
        if (threadName == null || threadName.isEmpty()) {
            return "";
        }
        for (Pattern p : new Pattern[] {EXECUTOR, FORK_JOIN, NUMBERED}) {
            Matcher m = p.matcher(threadName);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return threadName;
    }
}
