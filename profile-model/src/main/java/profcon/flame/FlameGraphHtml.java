package profcon.flame;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import profcon.model.Profile;
import profcon.report.Measurement;
import profcon.report.ReportException;
import profcon.report.ReportView;
import profcon.report.Settings;

/**
 * Renders a profile as one self-contained, interactive flame graph page: inline CSS, script and
 * data, nothing fetched. Pure: the same profile and settings always give the same bytes.
 */
public final class FlameGraphHtml {
    private FlameGraphHtml() {
    }

    /**
     * Renders {@code profile} filtered by {@code settings} as {@code top} would be, titled after
     * {@code source} (a file name, "live cpu profile of pid 42"). Returns the filter warnings
     * ("Focus expression matched no samples"), which the page shows too.
     */
    public static List<String> write(Profile profile, Settings settings, String source, Writer out)
            throws ReportException, IOException {
        ReportView view = ReportView.prepare(profile, settings);
        write(view, source, out);
        return view.warnings();
    }

    /** Renders a prepared view. */
    public static void write(ReportView view, String source, Writer out) throws IOException {
        FlameNode root = FlameTree.of(view);
        String title = "profcon: " + view.sampleType() + " flame graph of " + source;
        Map<String, String> parts = Map.of(
                "title", Html.escape(title),
                "info", FlameHeader.html(view, root),
                "css", resource("flame.css"),
                "js", resource("flame.js"),
                "data", data(view, root));
        out.write(Html.fill(resource("flame.html"), parts));
        out.flush();
    }

    private static String data(ReportView view, FlameNode root) throws IOException {
        StringWriter json = new StringWriter();
        json.write("{\"type\":");
        FlameJson.string(view.sampleType(), json);
        json.write(",\"unit\":" + unitJson(view.sampleUnit(), view.ratio()));
        json.write(",\"total\":" + view.total() + ",\"diff\":" + view.isDiff() + ",\"mean\":" + view.mean());
        json.write(",\"root\":\n");
        FlameJson.write(root, view.isDiff(), json);
        json.write("}");
        return json.toString();
    }

    /**
     * How the page prints values: the unit family it auto-scales in (as pprof's "auto" unit does)
     * and the factor from a sample value to that family's base unit (ns, B), divide_by included.
     */
    static String unitJson(String unit, double ratio) {
        String family = "count";
        double factor = 1;
        if (Measurement.isKnownUnit(unit)) {
            Measurement.Scaled ns = Measurement.scale(1, unit, "ns");
            Measurement.Scaled bytes = Measurement.scale(1, unit, "B");
            if (ns.unit().equals("ns")) {
                family = "time";
                factor = ns.value();
            } else if (bytes.unit().equals("B")) {
                family = "bytes";
                factor = bytes.value();
            }
        }
        return String.format(Locale.ROOT, "{\"family\":\"%s\",\"factor\":%s}", family, number(factor * ratio));
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String resource(String name) {
        try (InputStream in = FlameGraphHtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource profcon/flame/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
