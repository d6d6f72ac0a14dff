package profcon.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What a process holds, read from outside: open files, listening sockets, threads, classes, heap. */
public final class Proc {
    private static final Pattern THREAD_NAME = Pattern.compile("(?m)^\"([^\"]*)\" #\\d+"); // Java threads carry "#id"
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private Proc() {
    }

    /** Open file descriptors by target; sockets, pipes and anonymous inodes lose their inode number. */
    static Map<String, Integer> fds(long pid) {
        Map<String, Integer> fds = new TreeMap<>();
        for (String target : fdTargets(pid)) {
            fds.merge(target.replaceAll(":\\[\\d+]$", ""), 1, Integer::sum);
        }
        return fds;
    }

    /** What {@code after} holds that {@code before} did not, with the extra count. */
    static Map<String, Integer> added(Map<String, Integer> before, Map<String, Integer> after) {
        Map<String, Integer> added = new TreeMap<>();
        after.forEach((k, n) -> {
            int extra = n - before.getOrDefault(k, 0);
            if (extra > 0) {
                added.put(k, extra);
            }
        });
        return added;
    }

    private static List<String> fdTargets(long pid) {
        List<String> targets = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    targets.add(Files.readSymbolicLink(fd).toString());
                } catch (NoSuchFileException closedMeanwhile) {
                    // the descriptor was closed while we listed them
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return targets;
    }

    /**
     * The TCP and UDP sockets the process has that accept traffic from the network: TCP sockets
     * in state LISTEN and UDP sockets that are not connected, as "tcp6 :::8080".
     */
    static Set<String> listeningSockets(long pid) {
        Set<String> inodes = new TreeSet<>();
        for (String target : fdTargets(pid)) {
            if (target.startsWith("socket:[")) {
                inodes.add(target.substring(8, target.length() - 1));
            }
        }
        Set<String> listening = new TreeSet<>();
        for (String proto : List.of("tcp", "tcp6", "udp", "udp6")) {
            String state = proto.startsWith("tcp") ? "0A" : "07"; // LISTEN; UDP "closed" = unconnected
            for (String line : lines(Path.of("/proc", Long.toString(pid), "net", proto))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals(state) && inodes.contains(f[9])) {
                    listening.add(proto + " " + f[1]);
                }
            }
        }
        return listening;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code Threads:} line of {@code /proc/<pid>/status}: every thread, Java or not. */
    static int threadCount(long pid) {
        return lines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("Threads:"))
                .mapToInt(l -> Integer.parseInt(l.substring(8).trim()))
                .findFirst().orElseThrow();
    }

    /**
     * The names of the target's Java threads, from {@code jcmd Thread.print}; the JVM's internal
     * threads (GC workers, which G1 starts on demand, compiler threads) are left out.
     */
    static Set<String> javaThreadNames(String home, long pid) {
        Set<String> names = new TreeSet<>();
        Matcher m = THREAD_NAME.matcher(jcmd(home, pid, "Thread.print"));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Classes loaded and not unloaded, from the JVM's performance counters. */
    static long liveClasses(String home, long pid) {
        String counters = jcmd(home, pid, "PerfCounter.print");
        return counter(counters, "java.cls.loadedClasses") - counter(counters, "java.cls.unloadedClasses");
    }

    private static long counter(String counters, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "=(\\d+)").matcher(counters);
        if (!m.find()) {
            throw new AssertionError("no counter " + name + " in:\n" + counters);
        }
        return Long.parseLong(m.group(1));
    }

    /** Heap in use right after a full GC, in KB. */
    static long heapAfterGcKb(String home, long pid) {
        jcmd(home, pid, "GC.run");
        String info = jcmd(home, pid, "GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        if (!m.find()) {
            throw new AssertionError("no heap figure in:\n" + info);
        }
        return Long.parseLong(m.group(1));
    }

    /** The output of {@code jcmd PID COMMAND} (jcmd joins a command's words itself). */
    public static String jcmd(String home, long pid, String command) {
        try {
            Process p = new ProcessBuilder(Path.of(home, "bin", "jcmd").toString(), Long.toString(pid), command)
                    .redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
