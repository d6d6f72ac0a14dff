package profcon.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import profcon.graph.Filters;
import profcon.graph.Granularity;
import profcon.graph.Graph;
import profcon.graph.GraphOptions;
import profcon.graph.Node;
import profcon.graph.NodeInfo;
import profcon.graph.StackWeights;
import profcon.graph.WorkProfile;
import profcon.model.Profile;
import profcon.model.ValueType;

/**
 * One report's inputs, prepared as pprof's driver does (generateRawReport): a filtered working copy
 * of the profile, the sample value to report, the total for percentages and the effective options.
 */
final class ReportContext {
    final String command;
    final Profile profile;
    final WorkProfile work;
    final Settings settings;
    final List<String> warnings = new ArrayList<>();
    final Map<String, String> numLabelUnits;
    final Pattern symbol;
    String sampleType;
    String sampleUnit;
    ToLongFunction<long[]> value;
    ToLongFunction<long[]> meanDiv;
    String outputUnit;
    double ratio;
    long total;
    int nodeCount;
    double nodeFraction;
    double edgeFraction;
    Granularity granularity;
    private StackWeights weights;

    private ReportContext(String command, Profile loaded, Settings settings, Pattern symbol) {
        this.command = command;
        // Label frames come before filtering, so filters can match them (as in pprof).
        this.profile = LabelFrames.add(loaded, settings.get("tagroot"), settings.get("tagleaf"),
                settings.get("unit"), warnings);
        this.settings = settings;
        this.symbol = symbol;
        this.work = new WorkProfile(profile);
        this.numLabelUnits = ProfileOps.numLabelUnits(profile);
    }

    /** Prepares report {@code command} (pprof's name) over {@code loaded} with {@code s}. */
    static ReportContext prepare(String command, Profile loaded, Settings s, Pattern symbol) throws ReportException {
        Profile p = withBase(loaded, s);
        if (p.sampleTypes().isEmpty()) {
            throw new ReportException("profile has no samples");
        }
        ReportContext c = new ReportContext(command, p, s, symbol);
        c.applyCommandOverrides();
        boolean relative = s.boolValue("relative_percentages");
        if (relative) {
            c.applyFocus();
        }
        c.chooseSampleValue();
        c.total = c.computeTotal();
        if (!relative) {
            c.applyFocus();
        }
        return c;
    }

    private static Profile withBase(Profile p, Settings s) throws ReportException {
        String diffBase = s.get("diff_base");
        String base = s.get("base");
        if (!diffBase.isEmpty()) {
            return ProfileOps.subtractBase(p, s.baseProfile("diff_base"), true, s.boolValue("normalize"));
        }
        if (!base.isEmpty()) {
            return ProfileOps.subtractBase(p, s.baseProfile("base"), false, s.boolValue("normalize"));
        }
        return p;
    }

    private void applyCommandOverrides() {
        boolean trim = settings.boolValue("trim");
        String gran = settings.get("granularity");
        boolean noInlines = settings.boolValue("noinlines");
        nodeCount = settings.intValue("nodecount");
        switch (command) {
            case "peek" -> trim = false;
            case "list" -> {
                trim = false;
                gran = "lines";
            }
            case "text", "top" -> nodeCount = nodeCount == -1 ? 0 : nodeCount;
            default -> nodeCount = nodeCount == -1 ? 80 : nodeCount;
        }
        nodeFraction = settings.floatValue("nodefraction");
        edgeFraction = settings.floatValue("edgefraction");
        if (!trim) {
            nodeCount = 0;
            nodeFraction = 0;
            edgeFraction = 0;
        }
        granularity = Granularity.of(gran, noInlines);
    }

    private void chooseSampleValue() throws ReportException {
        int index = ProfileOps.sampleIndex(profile, settings.get("sample_index"));
        value = v -> index < v.length ? v[index] : 0;
        ValueType t = profile.sampleTypes().get(index);
        sampleType = t.type();
        sampleUnit = t.unit();
        if (settings.boolValue("mean")) {
            meanDiv = v -> v.length > 0 ? v[0] : 0;
            sampleType = "mean_" + sampleType;
        }
        double divideBy = settings.floatValue("divide_by");
        if (divideBy == 0) {
            throw new ReportException("zero divisor specified");
        }
        ratio = 1 / divideBy;
        outputUnit = settings.get("unit");
    }

    private long computeTotal() {
        long total = 0, div = 0, diffTotal = 0, diffDiv = 0;
        for (int k = 0, n = work.size(); k < n; k++) {
            long[] values = work.values(k);
            long v = Math.abs(value.applyAsLong(values));
            long d = meanDiv == null ? 0 : meanDiv.applyAsLong(values);
            total += v;
            div += d;
            if (isDiffBase(work.labels(k))) {
                diffTotal += v;
                diffDiv += d;
            }
        }
        if (diffTotal > 0) {
            total = diffTotal;
            div = diffDiv;
        }
        return div != 0 ? total / div : total;
    }

    private static boolean isDiffBase(Map<String, List<String>> labels) {
        List<String> v = labels.isEmpty() ? null : labels.get(ProfileOps.BASE_LABEL);
        return v != null && v.contains("true");
    }

    private void applyFocus() throws ReportException {
        Pattern focus = regex("focus"), ignore = regex("ignore"), hide = regex("hide"), show = regex("show");
        Pattern showFrom = regex("show_from"), pruneFrom = regex("prune_from");
        var tagFocus = TagFilter.compile("tagfocus", settings.get("tagfocus"), numLabelUnits, warnings);
        var tagIgnore = TagFilter.compile("tagignore", settings.get("tagignore"), numLabelUnits, warnings);
        Pattern tagShow = regex("tagshow"), tagHide = regex("taghide");
        Filters.NameMatches m = Filters.byName(work, focus, ignore, hide, show);
        warn(focus == null || m.focus(), "Focus");
        warn(ignore == null || m.ignore(), "Ignore");
        warn(hide == null || m.hide(), "Hide");
        warn(show == null || m.show(), "Show");
        if (showFrom != null) {
            warn(Filters.showFrom(work, showFrom), "ShowFrom");
        }
        if (tagFocus != null || tagIgnore != null) {
            Filters.TagMatches t = Filters.byTag(work, tagFocus, tagIgnore);
            warn(tagFocus == null || t.focus(), "TagFocus");
            warn(tagIgnore == null || t.ignore(), "TagIgnore");
        }
        if (tagShow != null || tagHide != null) {
            boolean[] tm = Filters.tagsByName(work, tagShow, tagHide);
            warn(tagShow == null || tm[0], "TagShow");
            warn(tagHide == null || tm[1], "TagHide");
        }
        if (pruneFrom != null) {
            Filters.pruneFrom(work, pruneFrom, ProfileOps::simplifyFunc);
        }
    }

    private Pattern regex(String name) throws ReportException {
        String v = settings.get(name);
        return v.isEmpty() ? null : Reports.compileRegex(name, v);
    }

    private void warn(boolean matched, String option) {
        if (!matched) {
            warnings.add(option + " expression matched no samples");
        }
    }

    /** The active filters as pprof lists them in report headers. */
    List<String> activeFilters() {
        List<String> filters = new ArrayList<>();
        for (String k : List.of("focus", "ignore", "hide", "show", "show_from", "tagfocus", "tagignore",
                "tagshow", "taghide")) {
            if (!settings.get(k).isEmpty()) {
                filters.add(k + "=" + settings.get(k));
            }
        }
        return filters;
    }

    String formatValue(long v) {
        // Formatting is exact (BigDecimal) and so not cheap; reports over a million samples repeat values.
        if (formatted.size() > 4096) {
            formatted.clear();
        }
        return formatted.computeIfAbsent(v, this::format);
    }

    private final Map<Long, String> formatted = new java.util.HashMap<>();

    private String format(long v) {
        if (ratio > 0 && ratio != 1) {
            v = (long) (v * ratio);
        }
        return Measurement.scaledLabel(v, sampleUnit, outputUnit);
    }

    StackWeights weights() {
        if (weights == null) {
            weights = StackWeights.of(work, value, meanDiv);
        }
        return weights;
    }

    /** Graph options for this report; binary names are kept only for source listings. */
    GraphOptions graphOptions() {
        String trim = settings.get("trim_path");
        String search = sourcePath();
        return new GraphOptions(granularity, command.equals("list"), settings.boolValue("drop_negative"),
                f -> SourceReader.cleanPath(SourceReader.trimPath(f, trim, search)));
    }

    String sourcePath() {
        String sp = settings.get("source_path");
        return sp.isEmpty() ? System.getProperty("user.dir") : sp;
    }

    /** The untrimmed graph of the whole (filtered) profile, without edges (source listings need none). */
    Graph newGraph() {
        return Graph.build(work, weights(), graphOptions(), null, null);
    }

    /** A graph trimmed as pprof's newTrimmedGraph does, with the counts its header reports. */
    record Trimmed(Graph graph, int origCount, int droppedNodes, int droppedEdges) {
    }

    /**
     * pprof's newTrimmedGraph. pprof rebuilds the graph after each trimming step; here the steps that
     * only need node weights build no edges, and edges are built once, for the graph that is shown.
     */
    Trimmed newTrimmedGraph(Predicate<NodeInfo> edgesFor) {
        GraphOptions o = graphOptions();
        Graph g = Graph.build(work, weights(), o, null, null);
        Set<NodeInfo> kept = null;
        long totalValue = g.flatSum();
        long nodeCutoff = Math.abs((long) (totalValue * nodeFraction));
        long edgeCutoff = Math.abs((long) (totalValue * edgeFraction));
        int dropped = 0;
        if (nodeCutoff > 0) {
            Set<NodeInfo> above = g.discardLowFrequencyNodes(nodeCutoff);
            if (above.size() != g.nodes().size()) {
                dropped = g.nodes().size() - above.size();
                kept = above;
                g = Graph.build(work, weights(), o, kept, null);
            }
        }
        int origCount = g.nodes().size();
        boolean cum = settings.get("sort").equals("cum");
        g.sortNodes(cum);
        boolean trimmedBeforeSelection = false;
        if (nodeCount > 0) {
            Set<NodeInfo> top = g.selectTopNodes(nodeCount);
            if (top.size() != g.nodes().size()) {
                kept = top;
            } else {
                trimmedBeforeSelection = true;
            }
        }
        g = Graph.build(work, weights(), o, kept, edgesFor);
        g.sortNodes(cum);
        if (trimmedBeforeSelection) {
            // pprof trimmed this very graph's edges before selecting nodes: its final trim finds none.
            g.trimLowFrequencyEdges(edgeCutoff);
        }
        int droppedEdges = g.trimLowFrequencyEdges(edgeCutoff);
        return new Trimmed(g, origCount, dropped, droppedEdges);
    }

    /** pprof's selectOutputUnit: for "minimum", one unit readable for both the smallest value and the total. */
    void selectOutputUnit(Graph g) {
        if (!outputUnit.equals("minimum") || g.nodes().isEmpty()) {
            return;
        }
        long minValue = 0;
        for (Node n : g.nodes()) {
            long nodeMin = Math.abs(n.flatValue());
            if (nodeMin == 0) {
                nodeMin = Math.abs(n.cumValue());
            }
            if (nodeMin > 0 && (minValue == 0 || nodeMin < minValue)) {
                minValue = nodeMin;
            }
        }
        long maxValue = total;
        if (minValue == 0) {
            minValue = maxValue;
        }
        if (ratio > 0 && ratio != 1) {
            minValue = (long) (minValue * ratio);
            maxValue = (long) (maxValue * ratio);
        }
        String minUnit = Measurement.scale(minValue, sampleUnit, "minimum").unit();
        String maxUnit = Measurement.scale(maxValue, sampleUnit, "minimum").unit();
        String unit = minUnit;
        if (!minUnit.equals(maxUnit) && minValue * 100 < maxValue) {
            unit = Measurement.scale(100 * minValue, sampleUnit, "minimum").unit();
        }
        outputUnit = unit.isEmpty() ? sampleUnit : unit;
        formatted.clear();
    }
}
