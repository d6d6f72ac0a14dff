package profcon.attach;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What Linux's {@code /proc} says about a process: the files {@link ProcessHandle} reads there, read
 * directly. Initialising ProcessHandle builds its reaper's thread pool and spins two lambdas in the
 * JDK, a tenth of the attach's CPU in the console. Where {@code /proc} cannot tell (another OS, a
 * process of another user) the answer is empty, and the caller asks ProcessHandle.
 */
final class ProcFiles {
    private static final Path PROC = Path.of("/proc");

    private ProcFiles() {
    }

    /** The executable of {@code pid}, as ProcessHandle's {@code info().command()} gives it on Linux. */
    static Optional<String> command(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(dir(pid).resolve("exe")).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The arguments {@code pid} was started with, the command left out, as {@code info().arguments()} gives them. */
    static Optional<List<String>> arguments(long pid) {
        try {
            String cmdline = new String(Files.readAllBytes(dir(pid).resolve("cmdline")), Charset.defaultCharset());
            if (cmdline.isEmpty()) {
                return Optional.empty(); // a zombie, or a kernel thread: nothing to read here
            }
            List<String> words = Arrays.asList(cmdline.split("\0"));
            return Optional.of(words.subList(1, words.size()));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** This process's pid, from the link {@code /proc/self}; from ProcessHandle where there is none. */
    static long currentPid() {
        try {
            return Long.parseLong(Files.readSymbolicLink(PROC.resolve("self")).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException | NumberFormatException e) {
            return ProcessHandle.current().pid();
        }
    }

    private static Path dir(long pid) {
        return PROC.resolve(Long.toString(pid));
    }
}
