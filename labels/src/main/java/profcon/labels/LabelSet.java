package profcon.labels;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** An immutable set of labels and its one-string form for JFR, encoded once and only when asked. */
final class LabelSet {
    static final LabelSet EMPTY = new LabelSet(Collections.emptySortedMap());
    /** Separates pairs in the encoded form; escaped inside keys and values, so it never appears there. */
    static final char PAIR = ';';

    private final Map<String, String> map;
    private String encoded;
    private LabelFrame frame;

    private LabelSet(Map<String, String> map) {
        this.map = map;
    }

    Map<String, String> map() {
        return map;
    }

    /** These labels with {@code more} added; a key in {@code more} replaces the same key here. */
    LabelSet with(Map<String, String> more) {
        TreeMap<String, String> merged = new TreeMap<>(map);
        for (Map.Entry<String, String> e : more.entrySet()) {
            merged.put(checkKey(e.getKey()), java.util.Objects.requireNonNull(e.getValue(),
                    () -> "label " + e.getKey() + " has a null value"));
        }
        return new LabelSet(Collections.unmodifiableSortedMap(merged));
    }

    private static String checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a label key must be a non-empty string");
        }
        return key;
    }

    /** {@code k1=v1;k2=v2}, with {@code %}, {@code =} and {@code ;} in keys and values written {@code %25 %3D %3B}. */
    String encoded() {
        String e = encoded;
        if (e == null) {
            StringBuilder b = new StringBuilder();
            for (Map.Entry<String, String> pair : map.entrySet()) {
                if (b.length() > 0) {
                    b.append(PAIR);
                }
                escape(pair.getKey(), b).append('=');
                escape(pair.getValue(), b);
            }
            e = b.toString();
            encoded = e; // a benign race: every thread computes the same string
        }
        return e;
    }

    /** The frame this set's work runs in on a virtual thread ({@link LabelFrames}); null when it has none. */
    LabelFrame frame() {
        LabelFrame f = frame;
        if (f == null) {
            f = LabelFrames.of(this);
            frame = f; // a benign race, as for encoded(): every thread finds the same frame
        }
        return f == LabelFrames.NONE ? null : f;
    }

    private static StringBuilder escape(String s, StringBuilder b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '%' -> b.append("%25");
                case '=' -> b.append("%3D");
                case PAIR -> b.append("%3B");
                default -> b.append(c);
            }
        }
        return b;
    }
}
