package profcon.agent.threads;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
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
 * threads, so the target stops many times briefly instead of once for the whole dump; and only
 * for the threads that have run since the session's previous dump ({@link StackMemo}): the
 * others' stacks cannot have changed and are copied from that dump, so a repeated dump of a
 * mostly idle target needs next to no safepoint and allocates no stack.
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
    private final StackMemo memo;
    private final boolean jsonStacks;
    private final com.sun.management.ThreadMXBean mx =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private int read; // stacks read for this dump
    private int reused; // stacks kept from the previous one

    GroupedThreadDump(Path dir, int chunk, StackMemo memo) {
        this(dir, chunk, memo, JsonThreadDump.available());
    }

    /** {@code jsonStacks} false: stacks from {@code getThreadInfo} on any JDK (tests of that path). */
    GroupedThreadDump(Path dir, int chunk, StackMemo memo, boolean jsonStacks) {
        this.dir = dir;
        this.chunk = chunk;
        this.memo = memo;
        this.jsonStacks = jsonStacks;
    }

    byte[] take() throws IOException {
        StallProbe probe = StallProbe.start();
        long start = System.nanoTime();
        Path file = null;
        ThreadDumps dump;
        StackMemo.Rows rows = null;
        long stall;
        try {
            long[] ids = mx.getAllThreadIds();
            if (jsonStacks) {
                dump = new ThreadDumps("grouped", "HotSpotDiagnosticMXBean.dumpThreads(JSON) for stacks (per-thread "
                        + "handshakes, no global safepoint) + getThreadInfo(ids, 0) for states (no safepoint)",
                        ids.length);
                inChunks(ids, STATES_CHUNK, 0, dump);
                file = JsonThreadDump.take(dir);
            } else {
                dump = new ThreadDumps("grouped", "getThreadInfo(ids, MAX) in chunks of " + chunk + " threads (one "
                        + "short safepoint per chunk, no global dump)" + (memo.reuses() ? "; on a repeat only for "
                        + "the threads that ran since the previous dump, the others' stacks kept from it (same CPU "
                        + "time and wait counts)" : ""), ids.length);
                rows = memo.next(ids.length);
                long[] changed = memo.empty() ? ids : reuseUnchanged(ids, dump, rows);
                readStacks(changed, dump, rows);
                dump.stacks(read, reused);
            }
        } finally {
            stall = probe.stop();
        }
        dump.labels();
        try {
            byte[] reply = dump.finish(System.nanoTime() - start, stall, -1, mx, file);
            if (rows != null) {
                memo.replace(reply, rows);
            }
            return reply;
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** {@code getThreadInfo(part, depth)} over {@code ids} by {@code step}, each thread written at once. */
    private void inChunks(long[] ids, int step, int depth, ThreadDumps dump) {
        long[] buffer = new long[Math.min(step, ids.length)];
        for (int from = 0; from < ids.length; from += buffer.length) {
            for (ThreadInfo info : mx.getThreadInfo(part(ids, from, buffer), depth)) {
                dump.add(info);
            }
        }
    }

    /**
     * States of all threads (no safepoint), and the CPU time of each read after its state: the
     * threads the memo knows unchanged are written with their stacks from the previous dump.
     * Returns the others, whose stacks must be read.
     */
    private long[] reuseUnchanged(long[] ids, ThreadDumps dump, StackMemo.Rows rows) {
        long[] changed = new long[ids.length];
        int n = 0;
        long[] buffer = new long[Math.min(STATES_CHUNK, ids.length)];
        for (int from = 0; from < ids.length; from += buffer.length) {
            long[] part = part(ids, from, buffer);
            ThreadInfo[] infos = mx.getThreadInfo(part, 0);
            long[] cpu = mx.getThreadCpuTime(part);
            for (int i = 0; i < infos.length; i++) {
                ThreadInfo info = infos[i];
                if (info != null && ThreadDumps.isAgents(info)) {
                    dump.add(info); // counted only: no stack of the agent's to read
                    continue;
                }
                long stack = info == null ? -1 : memo.unchanged(info, cpu[i]);
                if (stack < 0) {
                    changed[n++] = part[i];
                    continue;
                }
                long written = dump.add(info, memo.reply(), stack);
                if (written >= 0) {
                    rows.add(info, cpu[i], written);
                    reused++;
                }
            }
        }
        return Arrays.copyOf(changed, n);
    }

    /** Stacks in chunks (a short safepoint each), each thread's CPU time read before its stack. */
    private void readStacks(long[] ids, ThreadDumps dump, StackMemo.Rows rows) {
        long[] buffer = new long[Math.min(chunk, ids.length)];
        for (int from = 0; from < ids.length; from += buffer.length) {
            long[] part = part(ids, from, buffer);
            long[] cpu = mx.getThreadCpuTime(part);
            ThreadInfo[] infos = mx.getThreadInfo(part, Integer.MAX_VALUE);
            for (int i = 0; i < infos.length; i++) {
                long written = dump.add(infos[i]);
                if (written >= 0) {
                    rows.add(infos[i], cpu[i], written);
                    read++;
                }
            }
        }
    }

    /** The ids from {@code from} in {@code buffer}; the last part, if shorter, in an array of its own. */
    private static long[] part(long[] ids, int from, long[] buffer) {
        if (ids.length - from < buffer.length) {
            return Arrays.copyOfRange(ids, from, ids.length);
        }
        System.arraycopy(ids, from, buffer, 0, buffer.length);
        return buffer;
    }
}
