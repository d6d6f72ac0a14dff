package profcon.report;

import java.util.ArrayList;
import java.util.List;
import profcon.model.Profile;
import profcon.graph.Node;

/**
 * The {@code top} report as data: the same graph, filters and node selection as the text
 * table, for the runbook API and {@code --json}. Values are in the sample type's own unit.
 */
public final class TopRows {
    /** One row of top: a function (or file, line... by granularity) with its flat and cum values. */
    public record Row(String name, long flat, long cum) {
    }

    /** The whole table: what it measures, the total it is a share of, the filters in force, and the rows. */
    public record Table(String sampleType, String unit, long total, List<String> activeFilters, List<Row> rows) {
    }

    private TopRows() {
    }

    /** Computes top with {@code args} as the console's {@code top} takes them ({@code 10}, {@code -cum}, {@code focus=x}). */
    public static Table of(Profile profile, Settings settings, List<String> args) throws ReportException {
        Settings s = Reports.topSettings(args, settings);
        ReportContext c = ReportContext.prepare("top", profile, s, null);
        ReportContext.Trimmed t = c.newTrimmedGraph(info -> true);
        List<Row> rows = new ArrayList<>();
        for (Node n : t.graph().nodes()) {
            rows.add(new Row(n.info().printableName(), n.flatValue(), n.cumValue()));
        }
        return new Table(c.sampleType, c.sampleUnit, c.total, c.activeFilters(), rows);
    }

    /** The table as one JSON object. */
    public static String json(Table t) {
        StringBuilder b = new StringBuilder(256);
        b.append("{\"report\":\"top\",\"sample_type\":").append(quote(t.sampleType()))
                .append(",\"unit\":").append(quote(t.unit())).append(",\"total\":").append(t.total())
                .append(",\"active_filters\":[");
        for (int i = 0; i < t.activeFilters().size(); i++) {
            b.append(i == 0 ? "" : ",").append(quote(t.activeFilters().get(i)));
        }
        b.append("],\"rows\":[");
        for (int i = 0; i < t.rows().size(); i++) {
            Row r = t.rows().get(i);
            b.append(i == 0 ? "" : ",").append("{\"name\":").append(quote(r.name())).append(",\"flat\":")
                    .append(r.flat()).append(",\"cum\":").append(r.cum()).append('}');
        }
        return b.append("]}").toString();
    }

    static String quote(String s) {
        return JsonText.quote(s);
    }
}
