package profcon.agent.threads;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;

/**
 * The stacks of the session's previous grouped dump, for the threads that have not run since
 * (JDK 17-20, where every stack read is a safepoint and allocates the stack in the target's heap).
 *
 * <p>A thread's stack can only change while the thread runs, and a thread that runs uses CPU:
 * with the same CPU time (read before its stack was read, and again now) it has not run in
 * between, so its stack then is its stack now. The wait and block counts must match too (a
 * second guard: every park, wait, sleep or contended monitor entry adds one to them). Only
 * trusted where the thread CPU clock counts nanoseconds of scheduler time (Linux, unless
 * {@code -XX:-UseLinuxPosixThreadCPUClocks} makes it count ticks); elsewhere no stack is ever
 * reused.
 *
 * <p>What it keeps: the previous reply (the stacks' bytes are read back from it, no copy; up to
 * {@link #MAX_KEPT_REPLY}) and one row per thread in plain arrays (about 45 bytes a thread),
 * found by thread id in an open-addressing table; two sets of rows, used in turn, so a dump of
 * as many threads as the last allocates none.
 */
final class StackMemo {
    /** Largest reply kept between dumps (10,000 parked threads make 0.4 MB; distinct deep stacks far more). */
    static final int MAX_KEPT_REPLY = 16 << 20;
    private final boolean trusted;
    private byte[] reply = new byte[0];
    private Rows rows = new Rows(0);
    private Rows spare = new Rows(0); // the rows before: written over by the next dump, not allocated again

    StackMemo() {
        this(preciseCpuClock());
    }

    StackMemo(boolean trusted) {
        this.trusted = trusted;
    }

    /** False where the CPU clock cannot be trusted to show that a thread ran: then nothing is ever reused. */
    boolean reuses() {
        return trusted;
    }

    /** True if nothing is known yet (or nothing may be reused): every stack must be read. */
    boolean empty() {
        return !trusted || rows.count == 0;
    }

    /**
     * Where this thread's stack is in {@link #reply()} as {@code start << 32 | length}, if the
     * thread has not run since it was read (its CPU time {@code cpuNs}, read after {@code info},
     * and its counts and state as then); -1 if it must be read again.
     */
    long unchanged(ThreadInfo info, long cpuNs) {
        if (empty() || cpuNs < 0) {
            return -1;
        }
        int row = rows.find(info.getThreadId());
        if (row < 0 || rows.cpu[row] != cpuNs || rows.counts[row] != counts(info)
                || rows.state[row] != info.getThreadState().ordinal()) {
            return -1;
        }
        return rows.stack[row];
    }

    byte[] reply() {
        return reply;
    }

    /** Rows for the dump being taken (the spare ones, emptied, when big enough); {@link #replace} makes them the memo. */
    Rows next(int threads) {
        if (!trusted) {
            return new Rows(0);
        }
        if (spare.tid.length >= threads && spare.tid.length <= 2 * threads + 64) {
            spare.clear();
            return spare;
        }
        return new Rows(threads + threads / 8);
    }

    /**
     * The dump just sent and its rows; the previous rows become the spare ones, the previous reply
     * is dropped. A reply over {@link #MAX_KEPT_REPLY} is not kept (nor anything else): the next
     * dump reads every stack rather than have the target hold that much for it.
     */
    void replace(byte[] reply, Rows rows) {
        if (!trusted || rows == this.rows) {
            return;
        }
        if (reply.length > MAX_KEPT_REPLY) {
            this.reply = new byte[0];
            this.rows = new Rows(0);
            this.spare = new Rows(0);
            return;
        }
        this.reply = reply;
        this.spare = this.rows;
        this.rows = rows;
    }

    /** Both counts only grow, so their sum is unchanged exactly when both are. */
    static long counts(ThreadInfo info) {
        return info.getWaitedCount() + info.getBlockedCount();
    }

    private static boolean preciseCpuClock() {
        var mx = ManagementFactory.getThreadMXBean();
        if (!System.getProperty("os.name", "").startsWith("Linux") || !mx.isThreadCpuTimeSupported()
                || !mx.isThreadCpuTimeEnabled()) {
            return false; // elsewhere the clock may count in scheduler ticks
        }
        try {
            var hotspot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return Boolean.parseBoolean(hotspot.getVMOption("UseLinuxPosixThreadCPUClocks").getValue());
        } catch (IllegalArgumentException e) {
            return true; // the option is gone (JDK 22+): the per-thread POSIX clock is the only one
        }
    }

    /** One row per thread: id, CPU time, counts and state when its stack was read, where its stack is in the reply. */
    static final class Rows {
        private final long[] tid;
        private final long[] cpu;
        private final long[] counts;
        private final byte[] state;
        private final long[] stack;
        private final int[] table; // row + 1 by thread id, 0 = free
        private int count;

        private Rows(int capacity) {
            tid = new long[capacity];
            cpu = new long[capacity];
            counts = new long[capacity];
            state = new byte[capacity];
            stack = new long[capacity];
            table = new int[capacity == 0 ? 1 : Integer.highestOneBit(capacity) << 2];
        }

        /**
         * Records a thread written to the reply, its frame lines at {@code stackAt} ({@code start << 32 |
         * length}); not recorded when the rows are full (threads started meanwhile).
         */
        void add(ThreadInfo info, long cpuNs, long stackAt) {
            if (count == tid.length || cpuNs < 0) {
                return;
            }
            int row = count++;
            tid[row] = info.getThreadId();
            cpu[row] = cpuNs;
            counts[row] = counts(info);
            state[row] = (byte) info.getThreadState().ordinal();
            stack[row] = stackAt;
            int mask = table.length - 1;
            int at = slot(tid[row], mask);
            while (table[at] != 0) {
                at = (at + 1) & mask;
            }
            table[at] = row + 1;
        }

        private void clear() {
            count = 0;
            Arrays.fill(table, 0);
        }

        private int find(long id) {
            int mask = table.length - 1;
            for (int at = slot(id, mask); table[at] != 0; at = (at + 1) & mask) {
                int row = table[at] - 1;
                if (tid[row] == id) {
                    return row;
                }
            }
            return -1;
        }

        private static int slot(long id, int mask) {
            long h = id * 0x9E3779B97F4A7C15L;
            return (int) (h ^ h >>> 32) & mask;
        }
    }
}
