package profcon.agent.vwait;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import profcon.agent.encoding.StackProfile;

/**
 * The waiting virtual threads of this JVM now, read from {@code HotSpotDiagnosticMXBean.dumpThreads(file,
 * JSON)} (JDK 21+), which walks each thread with its own handshake, never a global safepoint. The
 * JDK can only write a file: it goes into the session directory and is deleted once read.
 * Reached through reflection because the agent is compiled for Java 17.
 */
final class VirtualThreadDump {
    /** Frames already parsed from their text: most stacks repeat from one dump to the next. */
    private static final int MAX_FRAMES = 8192;
    private final Map<String, StackProfile.Frame> frames = new HashMap<>();
    private final Path file;
    private final Method dump;
    private final Object bean;
    private final Object json;

    VirtualThreadDump(Path dir) {
        this.file = dir.resolve("vwaits-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".json");
        try {
            Class<?> type = Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
            Class<?> format = Class.forName("com.sun.management.HotSpotDiagnosticMXBean$ThreadDumpFormat");
            bean = ManagementFactory.getPlatformMXBean(type.asSubclass(java.lang.management.PlatformManagedObject.class));
            dump = type.getMethod("dumpThreads", String.class, format);
            json = format.getField("JSON").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM has no HotSpotDiagnosticMXBean.dumpThreads: " + e);
        }
    }

    /** True on JVMs whose thread dump lists virtual threads. */
    static boolean available() {
        return Runtime.version().feature() >= 21;
    }

    /** The virtual threads that are not running now (parked, blocked, waiting, sleeping). */
    List<VirtualWaiter> take() throws IOException {
        try {
            Files.deleteIfExists(file); // dumpThreads refuses to overwrite
            dump.invoke(bean, file.toString(), json);
            return waiters(DumpJson.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (InvocationTargetException e) {
            throw new IOException("dumpThreads failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @SuppressWarnings("unchecked")
    private List<VirtualWaiter> waiters(Object root) {
        Map<String, Object> dump = (Map<String, Object>) ((Map<String, Object>) root).get("threadDump");
        List<VirtualWaiter> out = new ArrayList<>();
        for (Object c : (List<Object>) dump.get("threadContainers")) {
            for (Object t : (List<Object>) ((Map<String, Object>) c).get("threads")) {
                VirtualWaiter w = waiter((Map<String, Object>) t);
                if (w != null) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private VirtualWaiter waiter(Map<String, Object> t) {
        if (!"true".equals(t.get("virtual"))) {
            return null;
        }
        Thread.State state = Thread.State.valueOf((String) t.get("state"));
        if (state == Thread.State.RUNNABLE || state == Thread.State.NEW || state == Thread.State.TERMINATED) {
            return null;
        }
        Object blocker = t.get("parkBlocker");
        String parkBlocker = blocker instanceof Map<?, ?> m ? classOf((String) m.get("object")) : null;
        List<StackProfile.Frame> stack = new ArrayList<>();
        for (Object line : (List<Object>) t.get("stack")) {
            stack.add(frame((String) line));
        }
        return new VirtualWaiter(Long.parseLong((String) t.get("tid")), (String) t.get("name"), state, parkBlocker,
                classOf((String) t.get("blockedOn")), classOf((String) t.get("waitingOn")), stack);
    }

    /** "java.lang.Object@31d7b7bf" to "java.lang.Object". */
    static String classOf(String objectText) {
        if (objectText == null) {
            return null;
        }
        int at = objectText.lastIndexOf('@');
        return at < 0 ? objectText : objectText.substring(0, at);
    }

    private StackProfile.Frame frame(String line) {
        StackProfile.Frame f = frames.get(line);
        if (f == null) {
            if (frames.size() >= MAX_FRAMES) {
                frames.clear();
            }
            f = parseFrame(line);
            frames.put(line, f);
        }
        return f;
    }

    /** A {@code StackTraceElement.toString()}: "java.base/java.lang.Thread.sleep(Thread.java:540)", loader and module optional. */
    static StackProfile.Frame parseFrame(String line) {
        int paren = line.indexOf('(');
        String qualified = paren < 0 ? line : line.substring(0, paren);
        qualified = qualified.substring(qualified.lastIndexOf('/') + 1);
        int dot = qualified.lastIndexOf('.');
        String className = dot < 0 ? "" : qualified.substring(0, dot);
        String method = qualified.substring(dot + 1);
        int colon = line.lastIndexOf(':');
        int close = line.lastIndexOf(')');
        int lineNumber = 0;
        if (paren >= 0 && colon > paren && close > colon) {
            try {
                lineNumber = Integer.parseInt(line.substring(colon + 1, close));
            } catch (NumberFormatException e) {
                lineNumber = 0; // "Native Method", "Unknown Source"
            }
        }
        return new StackProfile.Frame(className, method, lineNumber);
    }
}
