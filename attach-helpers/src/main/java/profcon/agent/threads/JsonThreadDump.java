package profcon.agent.threads;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK 21+ thread dump of {@code HotSpotDiagnosticMXBean.dumpThreads(file, JSON)}: every
 * thread, virtual ones included, stack by stack without a global safepoint. It can only write
 * a file, so the file goes into the session directory the console gave the agent, is copied
 * into the reply and deleted at once. Reached through reflection because the agent is compiled
 * for Java 17.
 */
final class JsonThreadDump {
    private static final AtomicInteger FILES = new AtomicInteger();

    private JsonThreadDump() {
    }

    static boolean available() {
        return Runtime.version().feature() >= 21;
    }

    /**
     * Writes the dump into a new file of {@code dir} and returns it; the caller reads it into its
     * reply (the console parses it, so the target never builds a parsed tree, whose garbage would
     * bring a young GC, itself a pause with thousands of thread stacks to scan) and deletes it.
     */
    static Path take(Path dir) throws IOException {
        Path file = dir.resolve("threads-" + FILES.incrementAndGet() + ".json");
        try {
            write(file);
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void write(Path file) throws IOException {
        try {
            Class<?> bean = Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
            Class<? extends Enum> format = (Class<? extends Enum>) Class.forName(
                    "com.sun.management.HotSpotDiagnosticMXBean$ThreadDumpFormat");
            Object mx = ManagementFactory.getPlatformMXBean((Class) bean);
            Method dump = bean.getMethod("dumpThreads", String.class, format);
            dump.invoke(mx, file.toString(), Enum.valueOf(format, "JSON"));
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException("dumpThreads failed: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM has no HotSpotDiagnosticMXBean.dumpThreads: " + e);
        }
    }
}
