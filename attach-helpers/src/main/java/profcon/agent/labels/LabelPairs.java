package profcon.agent.labels;

import java.util.ArrayList;
import java.util.List;

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

    private static String unescape(String s) {
        return s.indexOf('%') < 0 ? s : s.replace("%3B", ";").replace("%3D", "=").replace("%25", "%");
    }
}
