package profcon.agent.threads;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.JMException;
import javax.management.ObjectName;
import profcon.agent.protocol.Reply;

/**
 * The two heap operations that stop the target: an HPROF heap dump (written by the target into the
 * session directory; the console moves it where the user asked) and a class histogram (through
 * the DiagnosticCommand MBean, as {@code jcmd GC.class_histogram}). Both are timed and probed.
 */
final class HeapOperations {
    private static final AtomicInteger FILES = new AtomicInteger();
    private final Path dir;
    private final PauseModel model;

    HeapOperations(Path dir, PauseModel model) {
        this.dir = dir;
        this.model = model;
    }

    /** Writes the dump; says where, and what it cost. */
    Reply.HeapDump heapDump(boolean liveOnly) throws IOException {
        Path file = dir.resolve("heap-" + FILES.incrementAndGet() + ".hprof");
        long heap = used();
        StallProbe probe = StallProbe.start();
        long start = System.nanoTime();
        long stall;
        try {
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpHeap(file.toString(), liveOnly);
        } finally {
            stall = probe.stop();
        }
        long call = System.nanoTime() - start;
        model.observed(PauseModel.Kind.HEAPDUMP, heap, stall);
        return new Reply.HeapDump(file, liveOnly, call, stall);
    }

    /** The histogram text, and what it cost. */
    Reply.Histogram histogram(boolean all) {
        long heap = used();
        StallProbe probe = StallProbe.start();
        long start = System.nanoTime();
        String text;
        long stall;
        try {
            Object result = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {all ? new String[] {"-all"} : new String[0]},
                    new String[] {String[].class.getName()});
            text = String.valueOf(result);
        } catch (JMException e) {
            throw new IllegalStateException("class histogram failed: " + e.getMessage());
        } finally {
            stall = probe.stop();
        }
        long call = System.nanoTime() - start;
        model.observed(PauseModel.Kind.HISTOGRAM, heap, stall);
        return new Reply.Histogram(!all, call, stall, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static long used() {
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }
}
