package profcon.agent.threads;

import java.io.IOException;
import java.lang.management.LockInfo;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import profcon.agent.channel.Wire;

/**
 * Writes a thread dump in profcon's line format (read back by {@code profcon.threads.ThreadDumpCodec}):
 * {@code key<TAB>value} header lines, then per thread a {@code T} line followed by its stack, either
 * as {@code F} (frame) lines or as one {@code R<TAB>tid} line ("the same frames as thread tid",
 * written earlier in the dump), then its {@code M} (locked monitor) and {@code S} (owned
 * synchronizer) lines; then {@code L} lines ({@code L<TAB>tid<TAB>key<TAB>value...}: a thread's
 * application labels, virtual threads included), {@code D} (deadlock cycle) and {@code N} (note)
 * lines, more header lines (what is known only at the end, e.g. how long the dump took), and
 * optionally a {@code J} line followed by the JDK's JSON thread dump to the end. Tabs, newlines
 * and backslashes in values are escaped, so thread names cannot break the format.
 *
 * <p>It runs in the target while the dump is being taken, so it allocates next to nothing: UTF-8
 * goes straight from the JDK's objects into one growing byte array (no String, no list, no boxed
 * number per thread), and identical stacks are found by comparing bytes already written, so no
 * stack is kept alive to compare with. Garbage made in the target can trigger a young GC, which
 * with thousands of threads to scan is a pause of tens of milliseconds.
 */
final class DumpText {
    static final String MAGIC = "# profcon thread dump v2";
    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private byte[] out;
    private int size;
    private final Stacks stacks = new Stacks();
    private long lastStack;

    /**
     * Sized for {@code threads} threads of which most share their stack with another one (a
     * {@code T} line and an {@code R} line); it grows by half when that is too little.
     */
    DumpText(int threads) {
        out = new byte[16 * 1024 + threads * 48];
        ascii(MAGIC);
        put('\n');
    }

    DumpText header(String key, String value) {
        ascii(key);
        put('\t');
        text(value);
        put('\n');
        return this;
    }

    DumpText header(String key, long value) {
        ascii(key);
        put('\t');
        number(value);
        put('\n');
        return this;
    }

    /**
     * One thread: its {@code T} line, its stack (shared with an earlier thread when identical),
     * and, if {@code heldLocks} ({@code info} was asked for them), the monitors and synchronizers
     * it holds. (Each getter of those clones an array, even an empty one: 32 bytes per thread
     * not spent when there is nothing to read.)
     */
    DumpText thread(ThreadInfo info, boolean heldLocks) {
        threadLine(info);
        stack(info.getThreadId(), info.getStackTrace());
        if (!heldLocks) {
            return this;
        }
        for (MonitorInfo m : info.getLockedMonitors()) {
            ascii("M\t");
            number(m.getLockedStackDepth());
            put('\t');
            lock(m);
            put('\n');
        }
        for (LockInfo s : info.getLockedSynchronizers()) {
            ascii("S\t");
            lock(s);
            put('\n');
        }
        return this;
    }

    /**
     * One thread whose stack is known already: its {@code T} line, then the frame lines at
     * {@code from[start, start + length)} (a previous dump's reply), shared like any other stack.
     */
    DumpText thread(ThreadInfo info, byte[] from, int start, int length) {
        threadLine(info);
        int at = size;
        if (size + length > out.length) {
            out = Arrays.copyOf(out, Math.max(size + length, out.length + (out.length >> 1) + 64));
        }
        System.arraycopy(from, start, out, size, length);
        size += length;
        share(info.getThreadId(), at);
        return this;
    }

    /** Where the frame lines of the thread written last are, as {@code start << 32 | length} (0: none). */
    long lastStack() {
        return lastStack;
    }

    DumpText deadlocks(List<long[]> cycles) {
        for (long[] cycle : cycles) {
            put('D');
            for (long tid : cycle) {
                put('\t');
                number(tid);
            }
            put('\n');
        }
        return this;
    }

    /** An {@code L} line: the thread's application labels, as key, value fields. */
    DumpText labels(long tid, String[] pairs) {
        put('L');
        put('\t');
        number(tid);
        for (String field : pairs) {
            put('\t');
            text(field);
        }
        put('\n');
        return this;
    }

    DumpText note(String text) {
        return header("N", text);
    }

    /**
     * A {@code J} line, then the file (the JDK's JSON dump) as is, read straight into this
     * buffer: no array of its own, no second copy. The reply is then exactly this buffer.
     */
    DumpText json(Path file) throws IOException {
        ascii("J\n");
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = in.size();
            if (length > Wire.MAX_FRAME - size) {
                throw new IOException("the JSON thread dump is too big to send (" + length + " bytes)");
            }
            if (size + length > out.length) {
                out = Arrays.copyOf(out, size + (int) length);
            }
            ByteBuffer into = ByteBuffer.wrap(out, size, (int) length);
            while (into.hasRemaining() && in.read(into) >= 0) {
                // read until the file's end
            }
            size = into.position();
        }
        return this;
    }

    /** The text written so far: this buffer itself when it is full, otherwise a trimmed copy. */
    byte[] toBytes() {
        return size == out.length ? out : Arrays.copyOf(out, size);
    }

    /**
     * Writes the frames as {@code F} lines, then looks for the same bytes written for an earlier
     * thread: if found, takes them back and writes {@code R<TAB>thatTid} instead.
     */
    private void stack(long tid, StackTraceElement[] frames) {
        int start = size;
        for (StackTraceElement f : frames) {
            ascii("F\t");
            text(f.getClassName());
            put('\t');
            text(f.getMethodName());
            put('\t');
            text(f.getFileName());
            put('\t');
            number(f.getLineNumber());
            put('\n');
        }
        share(tid, start);
    }

    /**
     * The frame lines from {@code start} to the end were just written: if the same bytes were
     * written for an earlier thread, takes them back and writes {@code R<TAB>thatTid} instead.
     */
    private void share(long tid, int start) {
        lastStack = 0;
        if (size == start) {
            return;
        }
        int same = stacks.findOrAdd(out, start, size, tid);
        if (same < 0) {
            lastStack = (long) start << 32 | (size - start);
            return;
        }
        lastStack = (long) stacks.starts[same] << 32 | stacks.lengths[same];
        size = start;
        ascii("R\t");
        number(stacks.tids[same]);
        put('\n');
    }

    private void threadLine(ThreadInfo info) {
        ascii("T\t");
        number(info.getThreadId());
        put('\t');
        text(info.getThreadName());
        put('\t');
        ascii(info.getThreadState().name());
        put('\t');
        if (info.isDaemon()) {
            put('d');
        }
        ascii("\t-1\t"); // carrier: platform threads have none
        LockInfo lock = info.getLockInfo();
        if (lock != null) {
            lock(lock);
        }
        put('\t');
        number(info.getLockOwnerId());
        put('\t');
        text(info.getLockOwnerName());
        put('\n');
    }

    /** {@code class@identityHash}, as {@link LockInfo#toString()} without its String. */
    private void lock(LockInfo lock) {
        text(lock.getClassName());
        put('@');
        int hash = lock.getIdentityHashCode();
        int shift = 28;
        while (shift > 0 && (hash >>> shift & 0xf) == 0) {
            shift -= 4;
        }
        for (; shift >= 0; shift -= 4) {
            put((char) DIGITS[hash >>> shift & 0xf]);
        }
    }

    private void number(long value) {
        if (value < 0) {
            put('-');
            if (value == Long.MIN_VALUE) {
                ascii("9223372036854775808");
                return;
            }
            value = -value;
        }
        long scale = 1;
        while (scale <= value / 10) {
            scale *= 10;
        }
        for (; scale > 0; scale /= 10) {
            put((char) ('0' + value / scale % 10));
        }
    }

    /** A value, escaped and encoded as UTF-8 (an unpaired surrogate becomes '?', as String.getBytes does). */
    private void text(String v) {
        if (v == null) {
            return;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> ascii("\\\\");
                case '\t' -> ascii("\\t");
                case '\n' -> ascii("\\n");
                case '\r' -> ascii("\\r");
                default -> {
                    if (c < 0x80) {
                        put(c);
                    } else if (c < 0x800) {
                        put((char) (0xc0 | c >> 6));
                        put((char) (0x80 | c & 0x3f));
                    } else if (!Character.isSurrogate(c)) {
                        put((char) (0xe0 | c >> 12));
                        put((char) (0x80 | c >> 6 & 0x3f));
                        put((char) (0x80 | c & 0x3f));
                    } else if (Character.isHighSurrogate(c) && i + 1 < v.length()
                            && Character.isLowSurrogate(v.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, v.charAt(++i));
                        put((char) (0xf0 | cp >> 18));
                        put((char) (0x80 | cp >> 12 & 0x3f));
                        put((char) (0x80 | cp >> 6 & 0x3f));
                        put((char) (0x80 | cp & 0x3f));
                    } else {
                        put('?');
                    }
                }
            }
        }
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put(s.charAt(i));
        }
    }

    private void put(char byteValue) {
        if (size == out.length) {
            out = Arrays.copyOf(out, out.length + (out.length >> 1) + 64);
        }
        out[size++] = (byte) byteValue;
    }

    /**
     * The distinct stacks written so far, by where their bytes are in the buffer: a hash table of
     * (hash, start, length, tid) in plain arrays, so the dump keeps no frame object alive to
     * compare with; a candidate is confirmed by comparing the bytes.
     */
    private static final class Stacks {
        private int[] hashes = new int[256];
        private int[] starts = new int[256];
        private int[] lengths = new int[256];
        private long[] tids = new long[256];
        private int count;

        /** The slot of an earlier thread's stack whose bytes equal {@code buf[from, to)}, or -1 after recording these. */
        int findOrAdd(byte[] buf, int from, int to, long tid) {
            int hash = 1;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + buf[i];
            }
            hash = hash == 0 ? 1 : hash; // 0 marks a free slot
            int mask = hashes.length - 1;
            for (int at = spread(hash) & mask; hashes[at] != 0; at = (at + 1) & mask) {
                if (hashes[at] == hash && lengths[at] == to - from
                        && Arrays.equals(buf, starts[at], starts[at] + lengths[at], buf, from, to)) {
                    return at;
                }
            }
            if (2 * (count + 1) > hashes.length) {
                grow();
            }
            insert(hash, from, to - from, tid);
            return -1;
        }

        private void insert(int hash, int start, int length, long tid) {
            int mask = hashes.length - 1;
            int at = spread(hash) & mask;
            while (hashes[at] != 0) {
                at = (at + 1) & mask;
            }
            hashes[at] = hash;
            starts[at] = start;
            lengths[at] = length;
            tids[at] = tid;
            count++;
        }

        private void grow() {
            int[] oldHashes = hashes;
            int[] oldStarts = starts;
            int[] oldLengths = lengths;
            long[] oldTids = tids;
            hashes = new int[oldHashes.length * 2];
            starts = new int[hashes.length];
            lengths = new int[hashes.length];
            tids = new long[hashes.length];
            count = 0;
            for (int i = 0; i < oldHashes.length; i++) {
                if (oldHashes[i] != 0) {
                    insert(oldHashes[i], oldStarts[i], oldLengths[i], oldTids[i]);
                }
            }
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }
}
