package profcon.attach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What can be learned about a local process without attaching to it: whether it exists,
 * whether it is a JVM (it maps libjvm), and which Java it runs. Attaching to a process that is
 * not a JVM would send it SIGQUIT, which kills most programs: this is checked first.
 */
public record JvmProcess(long pid, String command, boolean isJvm, String javaHome) {

    /** Looks the process up; empty when no process has this pid. */
    public static Optional<JvmProcess> of(long pid) {
        // a readable executable link proves a live process of this user: ProcessHandle is not needed
        String command = ProcFiles.command(pid).orElse(null);
        if (command == null) {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || !handle.get().isAlive()) {
                return Optional.empty();
            }
            command = handle.get().info().command().orElse("");
        }
        return Optional.of(new JvmProcess(pid, command, mapsLibjvm(pid, command), javaHome(command)));
    }

    /** The Java feature version of the target's runtime ("17", "25"), or "" when unknown. */
    public String javaVersion() {
        if (javaHome.isEmpty()) {
            return "";
        }
        try {
            for (String line : Files.readAllLines(Path.of(javaHome, "release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return v.startsWith("1.") ? v.substring(2, 3) : v.split("[.+-]")[0];
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return "";
    }

    /** The arguments the process was started with, as the OS reports them; empty when unknown. */
    public List<String> arguments() {
        return ProcFiles.arguments(pid).orElseGet(
                () -> ProcessHandle.of(pid).flatMap(h -> h.info().arguments()).map(List::of).orElse(List.of()));
    }

    private static boolean mapsLibjvm(long pid, String command) {
        Path maps = Path.of("/proc", Long.toString(pid), "maps");
        try {
            return Files.readString(maps).contains("/libjvm.so");
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux) or not readable: judge by the executable's name instead.
            return command.endsWith("/java") || command.endsWith("/java.exe");
        }
    }

    private static String javaHome(String command) {
        Path exe = Path.of(command.isEmpty() ? "/" : command);
        Path bin = exe.getParent();
        if (bin == null || bin.getParent() == null) {
            return "";
        }
        Path home = bin.getParent();
        return Files.exists(home.resolve("release")) ? home.toString() : "";
    }
}
