package profcon.agent;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.ObjectName;
import profcon.agent.protocol.Request;

/**
 * The async-profiler the console started in this JVM ({@code native-guard}), stopped from here should
 * the console vanish before it stops it: without this a killed console left it sampling until its
 * own timeout, the window plus 60 s. The console sets the guard before it starts the profiler (so a
 * console killed in between is covered too); the stop runs only on a library this JVM has loaded by
 * then, so the guard can never load new native code.
 */
final class NativeProfilerGuard {
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
    private volatile String library;

    /** Guards the library at {@code path}, or clears the guard for {@link Request.NativeGuard#NONE}. */
    void set(String path) {
        if (Request.NativeGuard.NONE.equals(path)) {
            library = null;
            return;
        }
        if (!Files.isRegularFile(Path.of(path))) {
            throw new IllegalArgumentException("native-guard: " + path + " is no library file");
        }
        library = path;
    }

    boolean isSet() {
        return library != null;
    }

    /**
     * Stops the guarded profiler, once; nothing when the console stopped it first, or when the library
     * was never loaded here (the console vanished before its start). True when a stop was sent.
     */
    boolean stopIfSet() {
        String path = library;
        library = null;
        if (path == null || !loadedHere(path)) {
            return false;
        }
        try {
            // JVMTI.agent_load runs the loaded library's Agent_OnAttach again, as the console's own stop does.
            // The options are quoted: the command's parser would read "stop,loglevel=NONE" as a key=value option.
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND), "jvmtiAgentLoad",
                    new Object[] {new String[] {path, "\"stop,loglevel=NONE\""}}, new String[] {String[].class.getName()});
        } catch (JMException | RuntimeException e) {
            // the profiler's own timeout still ends it
        }
        return true;
    }

    /** True when {@code path} is mapped into this process (Linux's /proc/self/maps; elsewhere never). */
    private static boolean loadedHere(String path) {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.anyMatch(line -> line.endsWith(" " + path));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
