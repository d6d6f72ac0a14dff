package profcon.report;

import java.util.Locale;

/** JSON string literals for the JSON reports and the flame graph page. */
public final class JsonText {
    private JsonText() {
    }

    /**
     * A JSON string literal. Besides JSON's own escapes, {@code <}, {@code >} and {@code &} are
     * escaped so no frame name (C++ templates, lambdas) can close a script element it sits in.
     */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&' || ch == '\u2028' || ch == '\u2029') {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
