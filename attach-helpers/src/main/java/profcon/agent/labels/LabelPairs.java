package profcon.agent.labels;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The labels library's one-string form of a label set, {@code k1=v1;k2=v2}, read into key/value pairs. */
public final class LabelPairs {
    private static final String[] NONE = new String[0];

    private LabelPairs() {
    }

    /** {@code k1=v1;k2=v2} with {@code %25 %3D %3B} escapes, as the labels library writes it, to key/value pairs. */
    public static String[] decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return NONE;
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : encoded.split(";", -1)) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                pairs.add(unescape(pair.substring(0, eq)));
                pairs.add(unescape(pair.substring(eq + 1)));
            }
        }
        return pairs.toArray(String[]::new);
    }

    /** The pairs back in the one-string form, escaping {@code % = ;} as the library does. */
    public static String encode(String[] pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            out.append(out.length() == 0 ? "" : ";").append(escape(pairs[i])).append('=').append(escape(pairs[i + 1]));
        }
        return out.toString();
    }

    /** Threads' labels as UTF-8 lines {@code tid k1=v1;k2=v2}: the {@code labels} request's reply. */
    public static byte[] lines(Map<Long, String[]> byThread) {
        StringBuilder out = new StringBuilder();
        byThread.forEach((tid, pairs) -> out.append(tid).append(' ').append(encode(pairs)).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code labels} reply read back: thread id to its key/value pairs. */
    public static Map<Long, String[]> parseLines(byte[] reply) {
        Map<Long, String[]> out = new HashMap<>();
        for (String line : new String(reply, StandardCharsets.UTF_8).split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                out.put(Long.parseLong(line.substring(0, space)), decode(line.substring(space + 1)));
            }
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("%", "%25").replace("=", "%3D").replace(";", "%3B").replace("\n", "%0A"); // one line per thread
    }

    private static String unescape(String s) {
        return s.indexOf('%') < 0 ? s : s.replace("%3B", ";").replace("%3D", "=").replace("%0A", "\n").replace("%25", "%");
    }
}
