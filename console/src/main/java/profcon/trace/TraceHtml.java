package profcon.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import profcon.flame.Html;

/**
 * Renders a trace as one self-contained, interactive timeline page (threads down, time across,
 * states coloured, pauses banded): inline CSS, script and data, nothing fetched. Pure: the same trace
 * always gives the same bytes.
 */
public final class TraceHtml {
    private TraceHtml() {
    }

    /** Writes the page of {@code trace}, titled after {@code source} (a file name, "trace of pid 42"). */
    public static void write(Trace trace, String source, Writer out) throws IOException {
        String title = "profcon: timeline of " + source;
        Map<String, String> parts = Map.of(
                "title", Html.escape(title),
                "info", TimelineHeader.html(trace),
                "css", resource("timeline.css"),
                "js", resource("timeline.js"),
                "selftest", resource("timeline-selftest.js"),
                "data", TimelineJson.of(trace));
        out.write(Html.fill(resource("timeline.html"), parts));
        out.flush();
    }

    private static String resource(String name) {
        try (InputStream in = TraceHtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource profcon/trace/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
