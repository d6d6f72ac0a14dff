package profcon.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads a process's thread count, CPU time and thread states from Linux's /proc. */
final class ProcFs {
    private ProcFs() {
    }

    /** The {@code Threads:} line of {@code /proc/<pid>/status}. */
    static int threads(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith("Threads:"))
                    .mapToInt(l -> Integer.parseInt(l.substring("Threads:".length()).trim()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Threads: line for " + pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** User plus system CPU time of the whole process, in clock ticks (usually 1/100 s). */
    static long cpuTicks(long pid) {
        String[] fields = statFields(Path.of("/proc", Long.toString(pid), "stat"));
        // Fields after the command name: state is [0], utime [11], stime [12].
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** How many of the process's threads are in state R: running or waiting for a core. */
    static long runnableThreads(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.map(task -> statFields(task.resolve("stat")))
                    .filter(fields -> fields.length > 0 && fields[0].equals("R"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kernel's names of the process's threads (the JVM sets them, cut to 15 characters). */
    static List<String> threadNames(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.map(task -> readOrEmpty(task.resolve("comm")).trim()).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] statFields(Path stat) {
        String line = readOrEmpty(stat); // empty for a thread that ended while we listed them
        if (line.isEmpty()) {
            return new String[0];
        }
        // The command name is in parentheses and may contain spaces: split after its end.
        return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
    }
}
