package profcon.pprof;

import java.util.Arrays;

/** A growable list of primitive longs, so decoding a million samples does not box a million arrays. */
final class LongList {
    private long[] items = new long[4];
    private int size;

    void add(long value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, Math.max(4, size * 2));
        }
        items[size++] = value;
    }

    int size() {
        return size;
    }

    long get(int i) {
        return items[i];
    }

    void set(int i, long value) {
        items[i] = value;
    }

    long[] toArray() {
        return Arrays.copyOf(items, size);
    }

    long[] slice(int from, int count) {
        return Arrays.copyOfRange(items, from, from + count);
    }

    void clear() {
        size = 0;
    }

    /** An exactly sized copy, to keep while this list is reused. */
    LongList copy() {
        LongList c = new LongList();
        c.items = toArray();
        c.size = size;
        return c;
    }

    /** Content equality, so decoded id lists can be interned (lists are not changed after decoding). */
    @Override
    public boolean equals(Object o) {
        return o instanceof LongList l && Arrays.equals(items, 0, size, l.items, 0, l.size);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) {
            h = 31 * h + Long.hashCode(items[i]);
        }
        return h;
    }
}
