package profcon.agent;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dump behind {@code goroutines}: every thread's state, lock and stack, taken without one
 * global safepoint over all threads.
 *
 * <p>States and locks come from {@code getThreadInfo(ids, 0)}, which needs no safepoint. On JDK
 * 21+ stacks come from the JDK's JSON dump (per-thread handshakes; virtual threads included).
 * On older JDKs stacks come from {@code getThreadInfo(chunk, MAX)}: a safepoint per chunk of
 * threads, so the target stops many times briefly instead of once for the whole dump.
 */
final class GroupedThreadDump {
    // Small chunks: on JDK 17 finding each thread by id in a chunk is linear in the thread count, so a
    // chunk of 128 at 10,000 threads held a safepoint 10-35 ms; 32 keeps each one to a few ms.
    static final int DEFAULT_CHUNK = 32;
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
        Map<Long, ThreadRecord> threads;
        String method;
        byte[] json = null;
        long stall;
        try {
            if (JsonThreadDump.available()) {
                threads = states();
                json = JsonThreadDump.takeBytes(dir);
                method = "HotSpotDiagnosticMXBean.dumpThreads(JSON) for stacks (per-thread handshakes, no global "
                        + "safepoint) + getThreadInfo(ids, 0) for states (no safepoint)";
            } else {
                threads = viaChunks();
                method = "getThreadInfo(ids, MAX) in chunks of " + chunk + " threads (one short safepoint per chunk, "
                        + "no global dump)";
            }
        } finally {
            stall = probe.stop();
        }
        long took = System.nanoTime() - start;
        return ThreadDumps.text("grouped", method, threads, took, stall, -1, mx, json);
    }

    /** Platform threads' states and locks, no stacks: {@code getThreadInfo(ids, 0)} takes no safepoint. */
    private Map<Long, ThreadRecord> states() {
        Map<Long, ThreadRecord> threads = new LinkedHashMap<>();
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds(), 0)) {
            if (info != null) {
                threads.put(info.getThreadId(), ThreadRecords.from(info));
            }
        }
        return threads;
    }

    private Map<Long, ThreadRecord> viaChunks() {
        long[] ids = mx.getAllThreadIds();
        Map<Long, ThreadRecord> threads = new LinkedHashMap<>();
        for (int from = 0; from < ids.length; from += chunk) {
            long[] part = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + chunk));
            for (ThreadInfo info : mx.getThreadInfo(part, Integer.MAX_VALUE)) {
                if (info != null) {
                    threads.put(info.getThreadId(), ThreadRecords.from(info));
                }
            }
        }
        return threads;
    }
}
