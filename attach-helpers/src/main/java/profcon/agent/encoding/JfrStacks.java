package profcon.agent.encoding;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import profcon.agent.labels.FrameLabels;

/** Reads stacks and thread labels out of JFR events, the same way live and from a .jfr file. */
public final class JfrStacks {
    private static final StackProfile.Frame TRUNCATED = new StackProfile.Frame("[truncated]", "", 0);
    private static final Method IS_VIRTUAL = isVirtualMethod();

    private JfrStacks() {
    }

    /** Whether the stack's leaf frame is a native method (a thread in, or entering, native code). */
    static boolean leafNative(RecordedStackTrace trace) {
        List<RecordedFrame> frames = trace.getFrames();
        RecordedMethod leaf = frames.isEmpty() ? null : frames.get(0).getMethod();
        return leaf != null && java.lang.reflect.Modifier.isNative(leaf.getModifiers());
    }

    /**
     * The event's stack, leaf first; empty when the event has none. Label frames (a virtual
     * thread's labels, see {@link FrameLabels}) are left out: they become labels, not frames.
     */
    public static List<StackProfile.Frame> frames(RecordedEvent event) {
        RecordedStackTrace trace = event.getStackTrace();
        if (trace == null) {
            return List.of();
        }
        List<RecordedFrame> recorded = trace.getFrames();
        List<StackProfile.Frame> frames = new ArrayList<>(recorded.size() + 1);
        for (RecordedFrame f : recorded) {
            RecordedMethod m = f.getMethod();
            String type = m == null || m.getType() == null ? "[unknown]" : stableClassName(m.getType().getName());
            if (FrameLabels.isFrame(type)) {
                continue;
            }
            String name = m == null ? "" : m.getName();
            frames.add(isNativeSymbol(f.getType(), type) ? new StackProfile.Frame(nativeName(name, type), "", 0)
                    : new StackProfile.Frame(type, name, Math.max(0, f.getLineNumber())));
        }
        if (trace.isTruncated()) {
            frames.add(TRUNCATED);
        }
        return frames;
    }

    /**
     * True for a frame of C or C++ code, as async-profiler records them: frame type "C++" or
     * "Kernel", or "Native" with a library (libz.so.1, libjvm.so) where a Java frame has its class.
     * JFR's own native frames are Java native methods, with a Java class: they stay Java frames.
     */
    static boolean isNativeSymbol(String frameType, String owner) {
        return "C++".equals(frameType) || "Kernel".equals(frameType) || ("Native".equals(frameType)
                && (owner.isEmpty() || owner.endsWith(".so") || owner.contains(".so.") || owner.endsWith(".dylib")));
    }

    /**
     * {@code deflate_slow [libz.so.1]}: the symbol, then the library it is in, as perf and pprof
     * show C frames; {@code [libz.so.1.2.13]} for code async-profiler found no symbol for.
     */
    static String nativeName(String symbol, String library) {
        if (library.isEmpty() && symbol.indexOf('/') >= 0) {
            return "[" + symbol.substring(symbol.lastIndexOf('/') + 1) + "]"; // no symbol found: only its library's path
        }
        return symbol + " [" + (library.isEmpty() ? "native" : library) + "]";
    }

    /**
     * A lambda's hidden class name without its address and hash ({@code Foo$$Lambda$2+0x0000...}
     * or {@code Foo$$Lambda/0x...} becomes {@code Foo$$Lambda}): the address changes every run,
     * and profiles of two runs must line up frame for frame.
     */
    static String stableClassName(String name) {
        int lambda = name.indexOf("$$Lambda");
        return lambda < 0 ? name : name.substring(0, lambda + "$$Lambda".length());
    }

    /**
     * True for the agent's own threads, JFR's ("JFR Periodic Tasks", "JFR Recorder Thread"...) and
     * async-profiler's ("Async-profiler Timer"), which no profile should show: they are the
     * profiler's cost, not the target's.
     */
    static boolean isProfconThread(String javaName) {
        return javaName != null && (javaName.startsWith("profcon-") || javaName.startsWith("JFR ")
                || javaName.startsWith("Async-profiler "));
    }

    /** Label pairs naming a thread: its name, its pool, and whether it is virtual. */
    public static String[] threadLabels(RecordedThread thread) {
        if (thread == null) {
            return new String[] {"thread", "", "pool", "", "thread_kind", ""};
        }
        String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
        return new String[] {"thread", name, "pool", ThreadNames.pool(name), "thread_kind", kind(thread)};
    }

    private static String kind(RecordedThread thread) {
        if (IS_VIRTUAL == null) {
            return "platform";
        }
        try {
            return Boolean.TRUE.equals(IS_VIRTUAL.invoke(thread)) ? "virtual" : "platform";
        } catch (ReflectiveOperationException e) {
            return "platform";
        }
    }

    // RecordedThread.isVirtual() exists from JDK 21; the agent is compiled for 17.
    private static Method isVirtualMethod() {
        try {
            return RecordedThread.class.getMethod("isVirtual");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Joins label arrays. */
    public static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
