package profcon.agent.threads;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * How much the grouped thread dump allocates in the target: N parked threads, then the agent's
 * {@link GroupedThreadDump#take()} run several times on this thread, each measured with
 * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes} (the VM allocates the
 * {@code ThreadInfo}s and stack traces on behalf of the calling thread, so they count) and the
 * number of collections it saw. Not a test: run it with {@code -Xlog:gc*} to see what a young GC
 * during a dump copies (e.g. with {@code -Xmn8m} to force some). Args: {@code THREADS [RUNS]}.
 */
public final class DumpAllocationBench {
    private DumpAllocationBench() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (int i = 1; i <= threads; i++) {
            Thread t = new Thread(null, LockSupport::park, "parked-" + i, 256 * 1024);
            t.setDaemon(true);
            t.start();
        }
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        Path dir = Files.createTempDirectory("dump-alloc");
        System.out.printf(Locale.ROOT, "JDK %s, %d parked threads%n", Runtime.version(), threads);
        StackMemo memo = new StackMemo(); // one per session: runs after the first reuse unchanged stacks
        for (int r = 0; r < runs; r++) {
            long gcs = collections();
            long before = mx.getThreadAllocatedBytes(self);
            long start = System.nanoTime();
            byte[] reply = new GroupedThreadDump(dir, GroupedThreadDump.DEFAULT_CHUNK, memo).take();
            long took = System.nanoTime() - start;
            long allocated = mx.getThreadAllocatedBytes(self) - before;
            System.out.printf(Locale.ROOT, "run %d: allocated %,d bytes (%.0f per thread), reply %,d bytes, "
                    + "took %.1f ms, collections during it %d%n", r + 1, allocated, (double) allocated / threads,
                    reply.length, took / 1e6, collections() - gcs);
        }
        Files.deleteIfExists(dir);
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }
}
