package profcon.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates edges of a graph under construction in flat arrays keyed by (caller, callee) node
 * numbers: a million-frame build does primitive probes instead of map lookups, and the edge
 * objects are made once at the end.
 */
final class EdgeTable {
    private long[] keys = new long[1 << 12];
    private int[] slots = new int[1 << 12];
    private final List<Node> src = new ArrayList<>();
    private final List<Node> dest = new ArrayList<>();
    private long[] weight = new long[256];
    private byte[] flags = new byte[256];
    private int[] mark = new int[256];
    private int size;

    private static final byte RESIDUAL = 1, INLINE = 2;

    /** pprof's AddToEdge, skipped when the pair was already seen in the current stack ({@code stamp}). */
    void add(Node from, Node to, long w, boolean residual, boolean inline, int stamp) {
        long key = ((long) from.id << 32) | (to.id & 0xffffffffL);
        int e = find(key);
        if (e < 0) {
            e = insert(key, from, to);
            flags[e] = (byte) ((residual ? RESIDUAL : 0) | (inline ? INLINE : 0));
            weight[e] = w;
            mark[e] = stamp;
            return;
        }
        if (mark[e] == stamp) {
            return;
        }
        mark[e] = stamp;
        weight[e] += w;
        if (residual) {
            flags[e] |= RESIDUAL;
        }
        if (!inline) {
            flags[e] &= ~INLINE;
        }
    }

    private int find(long key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == 0) {
                return -1;
            }
            if (keys[i] == key) {
                return slots[i] - 1;
            }
        }
    }

    private int insert(long key, Node from, Node to) {
        if ((size + 1) * 2 > keys.length) {
            rehash();
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        slots[i] = size + 1;
        if (size == weight.length) {
            weight = java.util.Arrays.copyOf(weight, size * 2);
            flags = java.util.Arrays.copyOf(flags, size * 2);
            mark = java.util.Arrays.copyOf(mark, size * 2);
        }
        src.add(from);
        dest.add(to);
        return size++;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldSlots[j] != 0) {
                int i = mix(oldKeys[j]) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                slots[i] = oldSlots[j];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /** Creates the edges in first-seen order and links them into the nodes' in/out maps. */
    void link() {
        for (int e = 0; e < size; e++) {
            Node from = src.get(e), to = dest.get(e);
            Edge edge = new Edge(from, to, weight[e], (flags[e] & RESIDUAL) != 0, (flags[e] & INLINE) != 0);
            from.out.put(to, edge);
            to.in.put(from, edge);
        }
    }
}
