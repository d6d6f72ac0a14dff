package profcon.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import profcon.graph.Graph;
import profcon.graph.GraphOptions;
import profcon.graph.Node;
import profcon.graph.Stack;
import profcon.graph.WLoc;
import profcon.model.Profile;

/**
 * Reports as JSON for machines ({@code --json}): {@code top} (see {@link TopRows}), {@code traces}
 * (every sample: value, labels, stack leaf first) and {@code tags} (per key, each value's total).
 * The same filters and sample index as the text reports; values in the sample type's own unit.
 */
public final class JsonReports {
    private JsonReports() {
    }

    /** True when {@code report} (a name or alias) has a JSON form. */
    public static boolean supports(String report) {
        return Reports.spec(report).map(s -> List.of("top", "traces", "tags").contains(s.name())).orElse(false);
    }

    /** Writes report {@code name} with {@code args} (as the console takes them) as one JSON object. */
    public static void write(String name, List<String> args, Profile profile, Settings settings, PrintWriter out)
            throws ReportException {
        String report = Reports.spec(name).map(ReportSpec::name).orElse(name);
        if (report.equals("top")) {
            out.println(TopRows.json(TopRows.of(profile, settings, args)));
            return;
        }
        Settings s = Reports.commandSettings(report, new ArrayList<>(args), settings);
        ReportContext c = ReportContext.prepare(report, profile, s, null);
        out.println(report.equals("traces") ? traces(c) : tags(c));
    }

    private static String traces(ReportContext c) {
        GraphOptions o = new GraphOptions(c.granularity, false, false, SourceReader::cleanPath);
        Node[][] locNodes = Graph.createNodes(c.work, o, null, new HashMap<>());
        String[] stacks = new String[c.work.stacks().size()];
        StringBuilder b = header("traces", c).append(",\"samples\":[");
        for (int k = 0, n = c.work.size(); k < n; k++) {
            int si = c.work.stackIndex(k);
            if (stacks[si] == null) {
                stacks[si] = stack(c.work.stacks().get(si), locNodes);
            }
            b.append(k == 0 ? "" : ",").append("{\"value\":").append(c.value.applyAsLong(c.work.values(k)))
                    .append(",\"labels\":").append(labels(c.work.labels(k))).append(",\"stack\":")
                    .append(stacks[si]).append('}');
        }
        return b.append("]}").toString();
    }

    private static String tags(ReportContext c) {
        Map<String, Map<String, Long>> totals = new TreeMap<>();
        for (int k = 0, n = c.work.size(); k < n; k++) {
            long v = c.value.applyAsLong(c.work.values(k));
            for (Map.Entry<String, List<String>> label : c.work.labels(k).entrySet()) {
                Map<String, Long> values = totals.computeIfAbsent(label.getKey(), key -> new TreeMap<>());
                label.getValue().forEach(value -> values.merge(value, v, Long::sum));
            }
        }
        StringBuilder b = header("tags", c).append(",\"tags\":{");
        int i = 0;
        for (Map.Entry<String, Map<String, Long>> key : totals.entrySet()) {
            b.append(i++ == 0 ? "" : ",").append(TopRows.quote(key.getKey())).append(":{");
            int j = 0;
            for (Map.Entry<String, Long> value : key.getValue().entrySet()) {
                b.append(j++ == 0 ? "" : ",").append(TopRows.quote(value.getKey())).append(':').append(value.getValue());
            }
            b.append('}');
        }
        return b.append("}}").toString();
    }

    private static StringBuilder header(String report, ReportContext c) {
        StringBuilder b = new StringBuilder(1024).append("{\"report\":\"").append(report).append("\",\"sample_type\":")
                .append(TopRows.quote(c.sampleType)).append(",\"unit\":").append(TopRows.quote(c.sampleUnit))
                .append(",\"total\":").append(c.total).append(",\"active_filters\":[");
        List<String> filters = c.activeFilters();
        for (int i = 0; i < filters.size(); i++) {
            b.append(i == 0 ? "" : ",").append(TopRows.quote(filters.get(i)));
        }
        return b.append(']');
    }

    private static String stack(Stack st, Node[][] locNodes) {
        StringBuilder b = new StringBuilder("[");
        for (WLoc l : st.locs()) {
            for (Node node : locNodes[l.index()]) {
                b.append(b.length() == 1 ? "" : ",").append(TopRows.quote(node.info().printableName()));
            }
        }
        return b.append(']').toString();
    }

    private static String labels(Map<String, List<String>> labels) {
        StringBuilder b = new StringBuilder("{");
        new TreeMap<>(labels).forEach((k, vs) -> {
            b.append(b.length() == 1 ? "" : ",").append(TopRows.quote(k)).append(":[");
            for (int i = 0; i < vs.size(); i++) {
                b.append(i == 0 ? "" : ",").append(TopRows.quote(vs.get(i)));
            }
            b.append(']');
        });
        return b.append('}').toString();
    }
}
