package profcon.threads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the agent's thread dump line format (see the agent's {@code DumpText}) into a {@link ThreadDump};
 * a JDK JSON dump after a {@code J} line is merged in (stacks, virtual threads). Version 2 adds
 * {@code R<TAB>tid} ("this thread's frames are those of thread tid, earlier in the dump") in place
 * of a repeated stack's {@code F} lines, and {@code L<TAB>tid<TAB>key<TAB>value...} lines (a thread's
 * application labels, applied after the JSON merge so virtual threads get theirs); version 1 dumps
 * (saved earlier) read as before.
 */
public final class ThreadDumpCodec {
    public static final String MAGIC = "# profcon thread dump v2";
    /** The first version: every stack written out in {@code F} lines. */
    public static final String MAGIC_V1 = "# profcon thread dump v1";

    private ThreadDumpCodec() {
    }

    public static ThreadDump parse(String text, String source) throws ThreadDumpFormatException {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !(lines[0].equals(MAGIC) || lines[0].equals(MAGIC_V1))) {
            throw new ThreadDumpFormatException("reading " + source + ": not a profcon thread dump (no '" + MAGIC
                    + "' line)");
        }
        Map<String, String> header = new LinkedHashMap<>();
        List<DumpedThread> threads = new ArrayList<>();
        List<List<Long>> deadlocks = new ArrayList<>();
        Map<Long, List<Frame>> stacks = new HashMap<>(); // each thread's frames, for R lines
        Map<Long, Map<String, String>> labels = new HashMap<>(); // L lines, applied once every thread is known
        Builder current = null;
        String json = null;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            if (lines[i].equals("J")) {
                json = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
                break;
            }
            String[] f = fields(lines[i]);
            try {
                switch (f[0]) {
                    case "T" -> {
                        if (current != null) {
                            threads.add(current.build(stacks));
                        }
                        current = new Builder(f);
                    }
                    case "F" -> current.frame(new Frame(f[1], f[2], f[3], Integer.parseInt(f[4])));
                    case "R" -> current.sameFramesAs(Long.parseLong(f[1]), stacks);
                    case "M" -> current.monitors.add(new DumpedThread.LockedMonitor(Integer.parseInt(f[1]), f[2]));
                    case "S" -> current.synchronizers.add(f[1]);
                    case "L" -> labels.put(Long.parseLong(f[1]), pairs(f));
                    case "D" -> deadlocks.add(ids(f));
                    case "N" -> header.merge("note", f[1], (a, b) -> a + "\n" + b);
                    default -> header.put(f[0], f.length > 1 ? f[1] : "");
                }
            } catch (RuntimeException e) {
                throw new ThreadDumpFormatException("reading " + source + ": line " + (i + 1) + " is malformed ("
                        + e.getMessage() + ")");
            }
        }
        if (current != null) {
            threads.add(current.build(stacks));
        }
        if (json != null) {
            try {
                threads = JsonThreads.merge(threads, json);
            } catch (RuntimeException e) {
                throw new ThreadDumpFormatException("reading " + source + ": the JDK's JSON thread dump is malformed ("
                        + e.getMessage() + ")");
            }
        }
        return new ThreadDump(header, labelled(threads, labels), deadlocks);
    }

    /** {@code L<TAB>tid<TAB>k<TAB>v...}: the pairs after the tid. */
    private static Map<String, String> pairs(String[] f) {
        if (f.length % 2 != 0) {
            throw new IllegalArgumentException("a labels line has a key without a value");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 2; i < f.length; i += 2) {
            pairs.put(f[i], f[i + 1]);
        }
        return pairs;
    }

    /** The threads with their labels; a thread that ended between the dump and the labels' read has none to get. */
    private static List<DumpedThread> labelled(List<DumpedThread> threads, Map<Long, Map<String, String>> labels) {
        if (labels.isEmpty()) {
            return threads;
        }
        List<DumpedThread> out = new ArrayList<>(threads.size());
        for (DumpedThread t : threads) {
            Map<String, String> own = labels.get(t.tid());
            out.add(own == null ? t : t.withLabels(own));
        }
        return out;
    }

    private static List<Long> ids(String[] f) {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i < f.length; i++) {
            ids.add(Long.parseLong(f[i]));
        }
        return ids;
    }

    private static String[] fields(String line) {
        String[] raw = line.split("\t", -1);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = unescape(raw[i]);
        }
        return raw;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                b.append(switch (e) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A thread being read: its T line (checked as soon as it is read), then its frames (F lines,
     * or one R line naming an earlier thread with the same stack, whose list it then shares) and locks.
     */
    private static final class Builder {
        final String[] t;
        final long tid;
        final long carrier;
        final long owner;
        final List<Frame> frames = new ArrayList<>();
        List<Frame> shared;
        final List<DumpedThread.LockedMonitor> monitors = new ArrayList<>();
        final List<String> synchronizers = new ArrayList<>();

        Builder(String[] t) {
            if (t.length < 9) {
                throw new IllegalArgumentException("a thread line has 9 fields, this one " + t.length);
            }
            this.t = t;
            this.tid = Long.parseLong(t[1]);
            this.carrier = Long.parseLong(t[5]);
            this.owner = Long.parseLong(t[7]);
        }

        void frame(Frame f) {
            if (shared != null) {
                throw new IllegalArgumentException("a frame after the thread's R line");
            }
            frames.add(f);
        }

        void sameFramesAs(long other, Map<Long, List<Frame>> stacks) {
            List<Frame> theirs = stacks.get(other);
            if (theirs == null || shared != null || !frames.isEmpty()) {
                throw new IllegalArgumentException(theirs == null ? "R refers to thread " + other
                        + ", which has no stack earlier in the dump" : "a second stack for thread " + tid);
            }
            shared = theirs;
        }

        DumpedThread build(Map<Long, List<Frame>> stacks) {
            DumpedThread built = new DumpedThread(tid, t[2], t[3], t[4].contains("v"), t[4].contains("d"), carrier, t[6],
                    owner, t[8], shared != null ? shared : frames, monitors, synchronizers);
            if (!built.frames().isEmpty()) {
                stacks.put(tid, built.frames()); // immutable: threads with the same stack share one list
            }
            return built;
        }
    }
}
