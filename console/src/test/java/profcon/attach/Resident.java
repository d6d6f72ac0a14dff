package profcon.attach;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What stays resident in a target after a full GC, read from outside with {@code jcmd}: live
 * classes, metaspace in use, and the class loaders of profcon agent builds.
 */
record Resident(long classes, long metaspaceKb, int agentLoaders) {
    /** The class of the loaders the bootstrap makes, as {@code VM.classloader_stats} names it. */
    static final String BUILD_LOADER = "profcon.agent.boot.BuildLoader";
    private static final Pattern METASPACE_USED = Pattern.compile("(?m)^\\s*Both:.*?([\\d.]+) KB \\(\\s*\\d+%\\) used");

    /** Runs a full GC (classes unload only then) and reads the figures. */
    static Resident of(String home, long pid) {
        jcmd(home, pid, "GC.run");
        String counters = jcmd(home, pid, "PerfCounter.print");
        long classes = counter(counters, "java.cls.loadedClasses") - counter(counters, "java.cls.unloadedClasses");
        return new Resident(classes, metaspaceKb(jcmd(home, pid, "VM.metaspace scale=KB")),
                agentLoaders(jcmd(home, pid, "VM.classloader_stats")));
    }

    /** The number of live loaders of profcon agent builds: rows of {@code VM.classloader_stats} of their class. */
    static int agentLoaders(String classLoaderStats) {
        return (int) classLoaderStats.lines().filter(l -> l.trim().endsWith(BUILD_LOADER)).count();
    }

    private static long metaspaceKb(String metaspace) {
        Matcher m = METASPACE_USED.matcher(metaspace);
        if (!m.find()) {
            throw new AssertionError("no metaspace figure in:\n" + metaspace);
        }
        return Math.round(Double.parseDouble(m.group(1)));
    }

    private static long counter(String counters, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "=(\\d+)").matcher(counters);
        if (!m.find()) {
            throw new AssertionError("no counter " + name + " in:\n" + counters);
        }
        return Long.parseLong(m.group(1));
    }

    static String jcmd(String home, long pid, String command) {
        return profcon.safety.Proc.jcmd(home, pid, command);
    }
}
