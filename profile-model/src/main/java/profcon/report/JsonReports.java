package profcon.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import profcon.graph.Edge;
import profcon.graph.Graph;
import profcon.graph.GraphOptions;
import profcon.graph.Node;
import profcon.graph.Stack;
import profcon.graph.WLoc;
import profcon.model.Profile;

/**
 * Reports as JSON for machines ({@code --json}): {@code top} (see {@link TopRows}), {@code traces}
 * (every sample: value, labels, stack leaf first), {@code tags} (per key, each value's total),
 * {@code peek}/{@code tree} (nodes with their callers and callees), {@code list} (the sampled
 * lines of the matching functions), {@code comments} and {@code options}. The same filters and
 * sample index as the text reports; values in the sample type's own unit.
 */
public final class JsonReports {
    private JsonReports() {
    }

    /** Writes report {@code name} with {@code args} (as the console takes them) as one JSON object. */
    public static void write(String name, List<String> args, Profile profile, Settings settings, PrintWriter out)
            throws ReportException {
        List<String> split = Reports.splitNumberSuffix(name);
        List<String> rest = new ArrayList<>(split.subList(1, split.size()));
        rest.addAll(args);
        ReportSpec spec = Reports.spec(split.get(0)).orElseThrow(() -> Reports.unknown(split.get(0), rest));
        Reports.json(spec, rest, profile, settings, out);
    }

    static void top(ReportRequest r, PrintWriter out) throws ReportException {
        out.println(TopRows.json(TopRows.of(r.profile(), r.settings(), List.of())));
    }

    static void comments(ReportRequest r, PrintWriter out) {
        out.println(comments(r.profile()));
    }

    static void options(ReportRequest r, PrintWriter out) {
        out.println(options(r.settings()));
    }

    static void traces(ReportRequest r, PrintWriter out) throws ReportException {
        out.println(traces(context(r)));
    }

    static void tags(ReportRequest r, PrintWriter out) throws ReportException {
        out.println(tags(context(r)));
    }

    static void lines(ReportRequest r, PrintWriter out) throws ReportException {
        out.println(lines(context(r)));
    }

    /** Nodes (all, or those peek's regexp matches) with flat, cum, and weighted callers and callees. */
    static void graph(ReportRequest r, PrintWriter out) throws ReportException {
        out.println(graph(r.spec().name(), context(r)));
    }

    private static ReportContext context(ReportRequest r) throws ReportException {
        Pattern symbol = r.arg() == null ? null : Reports.compileRegex("argument", r.arg());
        // JSON lists the sampled lines themselves, whatever granularity is set.
        Settings s = r.spec().name().equals("list") ? r.settings().set("granularity", "lines") : r.settings();
        return ReportContext.prepare(r.spec().name(), r.profile(), s, symbol);
    }

    private static String graph(String report, ReportContext c) {
        ReportContext.Trimmed t = c.newTrimmedGraph(info -> c.symbol == null || c.symbol.matcher(info.printableName()).find());
        StringBuilder b = header(report, c).append(",\"nodes\":[");
        int i = 0;
        for (Node n : t.graph().nodes()) {
            if (c.symbol != null && !c.symbol.matcher(n.info().printableName()).find()) {
                continue;
            }
            b.append(i++ == 0 ? "" : ",").append("{\"name\":").append(TopRows.quote(n.info().printableName()))
                    .append(",\"flat\":").append(n.flatValue()).append(",\"cum\":").append(n.cumValue())
                    .append(",\"callers\":").append(edges(n.in(), true)).append(",\"callees\":")
                    .append(edges(n.out(), false)).append('}');
        }
        return b.append("]}").toString();
    }

    private static String edges(Map<Node, Edge> edges, boolean callers) {
        StringBuilder b = new StringBuilder("[");
        for (Edge e : Node.sorted(edges)) {
            Node other = callers ? e.src() : e.dest();
            b.append(b.length() == 1 ? "" : ",").append("{\"name\":").append(TopRows.quote(other.info().printableName()))
                    .append(",\"weight\":").append(e.weight()).append('}');
        }
        return b.append(']').toString();
    }

    /** list: every sampled line of the matching functions, with flat and cum. */
    private static String lines(ReportContext c) throws ReportException {
        ReportContext.Trimmed t = c.newTrimmedGraph(info -> c.symbol.matcher(info.name()).find());
        StringBuilder b = header("list", c).append(",\"lines\":[");
        int i = 0;
        for (Node n : t.graph().nodes()) {
            if (!c.symbol.matcher(n.info().name()).find()) {
                continue;
            }
            b.append(i++ == 0 ? "" : ",").append("{\"function\":").append(TopRows.quote(n.info().name()))
                    .append(",\"file\":").append(TopRows.quote(n.info().file())).append(",\"line\":")
                    .append(n.info().lineno()).append(",\"flat\":").append(n.flatValue()).append(",\"cum\":")
                    .append(n.cumValue()).append('}');
        }
        if (i == 0) {
            throw new ReportException("no matches found for regexp: " + c.symbol.pattern());
        }
        return b.append("]}").toString();
    }

    private static String comments(Profile profile) {
        StringBuilder b = new StringBuilder("{\"report\":\"comments\",\"comments\":[");
        for (int i = 0; i < profile.comments().size(); i++) {
            b.append(i == 0 ? "" : ",").append(TopRows.quote(profile.comments().get(i)));
        }
        return b.append("]}").toString();
    }

    private static String options(Settings settings) {
        StringBuilder b = new StringBuilder("{\"report\":\"options\",\"options\":{");
        int i = 0;
        for (String name : settings.names()) {
            b.append(i++ == 0 ? "" : ",").append(TopRows.quote(name)).append(':')
                    .append(TopRows.quote(String.valueOf(settings.get(name))));
        }
        return b.append("}}").toString();
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
