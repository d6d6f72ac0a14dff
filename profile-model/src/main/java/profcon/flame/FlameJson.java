package profcon.flame;

import java.io.IOException;
import java.io.Writer;
import profcon.report.JsonText;

/** Writes a flame tree as JSON (name, self, total, width when it differs, color, children), safe inside a script element. */
final class FlameJson {
    private final Writer out;
    private final boolean diff;

    private FlameJson(Writer out, boolean diff) {
        this.out = out;
        this.diff = diff;
    }

    /** Writes {@code root} and its descendants; {@code diff} colours frames by their delta instead of their package. */
    static void write(FlameNode root, boolean diff, Writer out) throws IOException {
        new FlameJson(out, diff).node(root);
    }

    private void node(FlameNode n) throws IOException {
        out.write("{\"name\":");
        string(n.name(), out);
        out.write(",\"self\":" + n.self() + ",\"total\":" + n.total());
        // Only diffs and means draw a frame wider than its value: everything else saves the bytes.
        if (n.width() != n.total()) {
            out.write(",\"width\":" + n.width());
        }
        out.write(",\"color\":\"" + color(n) + "\"");
        if (!n.children().isEmpty()) {
            out.write(",\"children\":[");
            String sep = "";
            for (FlameNode c : n.children()) {
                out.write(sep);
                node(c);
                sep = ",\n";
            }
            out.write("]");
        }
        out.write("}");
    }

    private String color(FlameNode n) {
        if (n.name().equals(FlameTree.ROOT)) {
            return FlameColors.NEUTRAL;
        }
        return diff ? FlameColors.forDelta(n.rawTotal(), n.width()) : FlameColors.forPackage(n.name());
    }

    /** A JSON string literal that cannot close the script element it sits in (see {@link JsonText}). */
    static void string(String s, Writer out) throws IOException {
        out.write(JsonText.quote(s));
    }
}
