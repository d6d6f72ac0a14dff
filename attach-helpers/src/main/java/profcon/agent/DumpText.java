package profcon.agent;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * Writes a thread dump in profcon's line format (read back by {@code profcon.threads.ThreadDumpCodec}):
 * a header of {@code key<TAB>value} lines, then per thread a {@code T} line followed by its
 * {@code F} (frame), {@code M} (locked monitor) and {@code S} (owned synchronizer) lines, then
 * {@code D} (deadlock cycle) and {@code N} (note) lines, and optionally a {@code J} line followed by
 * the JDK's JSON thread dump to the end. Tabs, newlines and backslashes in
 * values are escaped, so thread names cannot break the format.
 */
final class DumpText {
    static final String MAGIC = "# profcon thread dump v1";
    // UTF-8 straight into one pre-sized array: no StringBuilder growth, no String, no second
    // encoding copy. Garbage made in the target can trigger a young GC, itself a pause.
    private byte[] out;
    private int size;

    DumpText(int threads) {
        out = new byte[4096 + threads * 512];
        ascii(MAGIC);
        put('\n');
    }

    DumpText header(String key, Object value) {
        return line(key, String.valueOf(value));
    }

    DumpText threads(Collection<ThreadRecord> threads) {
        for (ThreadRecord t : threads) {
            line("T", Long.toString(t.tid), t.name, t.state, (t.virtual ? "v" : "") + (t.daemon ? "d" : ""),
                    Long.toString(t.carrierTid), t.lock, Long.toString(t.lockOwnerTid), t.lockOwnerName);
            for (StackTraceElement f : t.frames) {
                line("F", f.getClassName(), f.getMethodName(), f.getFileName() == null ? "" : f.getFileName(),
                        Integer.toString(f.getLineNumber()));
            }
            for (String m : t.lockedMonitors) {
                int tab = m.indexOf('\t');
                line("M", m.substring(0, tab), m.substring(tab + 1));
            }
            for (String s : t.synchronizers) {
                line("S", s);
            }
        }
        return this;
    }

    DumpText deadlocks(List<long[]> cycles) {
        for (long[] cycle : cycles) {
            String[] ids = new String[cycle.length];
            for (int i = 0; i < cycle.length; i++) {
                ids[i] = Long.toString(cycle[i]);
            }
            line("D", ids);
        }
        return this;
    }

    DumpText note(String text) {
        return line("N", text);
    }

    /** The text, a {@code J} line, then the JDK's JSON dump as is (the console merges it). */
    byte[] json(byte[] json) {
        ascii("J\n");
        byte[] all = java.util.Arrays.copyOf(out, size + json.length);
        System.arraycopy(json, 0, all, size, json.length);
        return all;
    }

    byte[] toBytes() {
        return java.util.Arrays.copyOf(out, size);
    }

    private DumpText line(String key, String... values) {
        ascii(key);
        for (String v : values) {
            put('\t');
            escape(v == null ? "" : v);
        }
        put('\n');
        return this;
    }

    private void escape(String v) {
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
                    } else {
                        // rare (non-ASCII names): encode the rest of the value, surrogate pairs included
                        escapeSlow(v.substring(i));
                        return;
                    }
                }
            }
        }
    }

    private void escapeSlow(String rest) {
        String escaped = rest.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        for (byte b : escaped.getBytes(StandardCharsets.UTF_8)) {
            put((char) (b & 0xff));
        }
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put(s.charAt(i));
        }
    }

    private void put(char byteValue) {
        if (size == out.length) {
            out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        out[size++] = (byte) byteValue;
    }
}
