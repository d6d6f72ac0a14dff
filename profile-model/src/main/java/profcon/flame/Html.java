package profcon.flame;

import java.util.Map;

/** The two bits of HTML text handling the pages need (the flame graph, the trace timeline): escaping text and filling the template. */
public final class Html {
    private Html() {
    }

    /** Text safe in element content and in double-quoted attributes. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Replaces each {@code {{name}}} of {@code template} by its part, in one pass over the
     * template only, so a part that happens to contain {@code {{js}}} (a frame name can) stays as it is.
     */
    public static String fill(String template, Map<String, String> parts) {
        StringBuilder b = new StringBuilder(template.length() + 4096);
        int from = 0;
        for (int open = template.indexOf("{{"); open >= 0; open = template.indexOf("{{", from)) {
            int close = template.indexOf("}}", open);
            String part = close < 0 ? null : parts.get(template.substring(open + 2, close));
            if (part == null) {
                throw new IllegalStateException("template placeholder without a part at " + open);
            }
            b.append(template, from, open).append(part);
            from = close + 2;
        }
        return b.append(template, from, template.length()).toString();
    }
}
