package profcon.leakcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.sun.management.HotSpotDiagnosticMXBean;
import profcon.threads.DumpedThread;
import profcon.threads.Frame;
import profcon.threads.JsonThreads;

/**
 * The threads of this JVM with their stacks: on JDK 21+ from the JDK's JSON thread dump, which
 * lists virtual threads too (no global safepoint); on 17-20 from {@link Thread#getAllStackTraces()},
 * which lists platform threads only, the only kind there is before 21 outside preview.
 */
final class LiveThreads {
    private static final Method DUMP_THREADS = dumpThreadsMethod();

    private LiveThreads() {
    }

    /** True when snapshots see virtual threads (JDK 21+). */
    static boolean seesVirtualThreads() {
        return DUMP_THREADS != null;
    }

    static List<DumpedThread> read() {
        return DUMP_THREADS == null ? fromStackTraces() : JsonThreads.read(jsonDump());
    }

    /** The ids of the live threads, without reading (on 17-20: without taking) their stacks. */
    static Set<Long> ids() {
        if (DUMP_THREADS != null) {
            return JsonThreads.tids(jsonDump());
        }
        Set<Long> ids = new HashSet<>();
        for (Thread t : platformThreads()) {
            ids.add(threadId(t));
        }
        return ids;
    }

    /**
     * The ids of the virtual-thread scheduler's carrier threads ({@code jdk.internal.misc.CarrierThread}),
     * idle or carrying: a carried virtual thread is listed on its own. No stacks are taken.
     */
    static Set<Long> carrierIds() {
        Set<Long> ids = new HashSet<>();
        for (Thread t : platformThreads()) {
            if (t.getClass().getName().equals("jdk.internal.misc.CarrierThread")) {
                ids.add(threadId(t));
            }
        }
        return ids;
    }

    /** Every live platform thread, from the root thread group: no stacks, no safepoint. */
    static Thread[] platformThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        return Arrays.copyOf(threads, root.enumerate(threads, true));
    }

    private static List<DumpedThread> fromStackTraces() {
        List<DumpedThread> threads = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            threads.add(new DumpedThread(threadId(t), t.getName(), t.getState().name(), false, t.isDaemon(), -1, "",
                    -1, "", frames(e.getValue()), List.of(), List.of()));
        }
        return threads;
    }

    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
    static long threadId(Thread t) {
        return t.getId();
    }

    private static List<Frame> frames(StackTraceElement[] stack) {
        List<Frame> frames = new ArrayList<>(stack.length);
        for (StackTraceElement e : stack) {
            frames.add(new Frame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber()));
        }
        return frames;
    }

    /** The dump goes to a temp file (the only place the JDK writes it), read back and deleted. */
    private static String jsonDump() {
        Path file = null;
        try {
            Path dir = Files.createTempDirectory("profcon-leakcheck");
            file = dir.resolve("threads.json");
            DUMP_THREADS.invoke(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class), file.toString(),
                    jsonFormat());
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("profcon-leakcheck: cannot dump this JVM's threads to a temp file", e);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("profcon-leakcheck: HotSpotDiagnosticMXBean.dumpThreads failed", e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException e) {
            // a temp file left behind must not fail the test; the OS cleans its temp directory
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object jsonFormat() {
        return Enum.valueOf((Class) DUMP_THREADS.getParameterTypes()[1], "JSON");
    }

    /** {@code dumpThreads(String, ThreadDumpFormat)}, JDK 21+; null before (compiled for 17, so found by name). */
    private static Method dumpThreadsMethod() {
        try {
            Class<?> format = Class.forName("com.sun.management.HotSpotDiagnosticMXBean$ThreadDumpFormat");
            return HotSpotDiagnosticMXBean.class.getMethod("dumpThreads", String.class, format);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return null;
        }
    }
}
