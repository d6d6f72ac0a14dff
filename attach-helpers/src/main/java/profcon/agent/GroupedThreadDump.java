package profcon.agent;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The dump behind {@code goroutines}: every thread's state, lock and stack, taken without one
 * global safepoint over all threads.
 *
 * <p>States and locks come from {@code getThreadInfo(ids, 0)}, which needs no safepoint. On JDK
 * 21+ stacks come from the JDK's JSON dump (per-thread handshakes; virtual threads included).
 * On older JDKs stacks come from {@code getThreadInfo(chunk, MAX)}: a safepoint per chunk of
 * threads, so the target stops many times briefly instead of once for the whole dump.
 *
 * <p>Each chunk's {@code ThreadInfo}s are written into the reply at once and dropped, so the dump
 * keeps almost nothing alive, and writes them without making garbage of its own (see
 * {@link DumpText}): what it allocates is about what the JDK allocates to report the threads.
 */
final class GroupedThreadDump {
    // Small chunks: on JDK 17 finding each thread by id in a chunk is linear in the thread count, so a
    // chunk of 128 at 10,000 threads held a safepoint 10-35 ms; 32 keeps each one to a few ms.
    static final int DEFAULT_CHUNK = 32;
    // States only (no safepoint): the chunk bounds how many ThreadInfos are alive at once.
    private static final int STATES_CHUNK = 256;
    private final Path dir;
    private final int chunk;
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();

    GroupedThreadDump(Path dir, int chunk) {
        this.dir = dir;
        this.chunk = chunk;
    }

    byte[] take() throws IOException {
        StallProbe probe = StallProbe.start();
        long start = System.nanoTime();
        boolean json = JsonThreadDump.available();
        Path file = null;
        ThreadDumps dump;
        long stall;
        try {
            long[] ids = mx.getAllThreadIds();
            if (json) {
                dump = new ThreadDumps("grouped", "HotSpotDiagnosticMXBean.dumpThreads(JSON) for stacks (per-thread "
                        + "handshakes, no global safepoint) + getThreadInfo(ids, 0) for states (no safepoint)",
                        ids.length);
                inChunks(ids, STATES_CHUNK, 0, dump);
                file = JsonThreadDump.take(dir);
            } else {
                dump = new ThreadDumps("grouped", "getThreadInfo(ids, MAX) in chunks of " + chunk + " threads (one "
                        + "short safepoint per chunk, no global dump)", ids.length);
                inChunks(ids, chunk, Integer.MAX_VALUE, dump);
            }
        } finally {
            stall = probe.stop();
        }
        try {
            return dump.finish(System.nanoTime() - start, stall, -1, mx, file);
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** {@code getThreadInfo(part, depth)} over {@code ids} by {@code step}, each thread written at once. */
    private void inChunks(long[] ids, int step, int depth, ThreadDumps dump) {
        long[] part = new long[Math.min(step, ids.length)];
        for (int from = 0; from < ids.length; from += step) {
            if (ids.length - from < part.length) {
                part = Arrays.copyOfRange(ids, from, ids.length);
            } else {
                System.arraycopy(ids, from, part, 0, part.length);
            }
            for (ThreadInfo info : mx.getThreadInfo(part, depth)) {
                dump.add(info);
            }
        }
    }
}
