package profcon.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code tags} report in pprof's current layout: per label key, its total and each value's share. */
final class TagsReport {
    private TagsReport() {
    }

    static void write(ReportContext c, PrintWriter out) {
        Map<String, Map<String, Long>> tagMap = new TreeMap<>();
        Map<String, Long> keyTotals = new HashMap<>();
        for (Map.Entry<LabelSet, long[]> set : valuePerLabelSet(c).entrySet()) {
            long v = set.getValue()[0];
            set.getKey().labels().forEach((key, vals) -> add(tagMap, keyTotals, key, vals, v));
            for (Map.Entry<String, List<Long>> e : set.getKey().numLabels().entrySet()) {
                String unit = c.numLabelUnits.getOrDefault(e.getKey(), "");
                List<String> vals = e.getValue().stream()
                        .map(n -> Measurement.scaledLabel(n, unit, c.outputUnit)).toList();
                add(tagMap, keyTotals, e.getKey(), vals, v);
            }
        }
        for (Map.Entry<String, Map<String, Long>> e : tagMap.entrySet()) {
            writeKey(c, out, e.getKey(), keyTotals.get(e.getKey()), e.getValue());
        }
    }

    /** Sums the sample value per distinct label set: a million samples usually carry few. */
    private static Map<LabelSet, long[]> valuePerLabelSet(ReportContext c) {
        Map<LabelSet, long[]> sums = new HashMap<>();
        for (int k = 0, n = c.work.size(); k < n; k++) {
            long v = c.value.applyAsLong(c.work.values(k));
            sums.computeIfAbsent(new LabelSet(c.work.labels(k), c.work.numLabels(k)), ls -> new long[1])[0] += v;
        }
        return sums;
    }

    private static void add(Map<String, Map<String, Long>> tagMap, Map<String, Long> totals, String key,
                            List<String> vals, long v) {
        Map<String, Long> m = tagMap.computeIfAbsent(key, k -> new HashMap<>());
        for (String val : vals) {
            m.merge(val, v, Long::sum);
        }
        totals.merge(key, v, Long::sum);
    }

    private static void writeKey(ReportContext c, PrintWriter out, String key, long keyTotal, Map<String, Long> tags) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(tags.entrySet());
        sorted.sort((a, b) -> Math.abs(a.getValue()) != Math.abs(b.getValue())
                ? Long.compare(Math.abs(b.getValue()), Math.abs(a.getValue())) : a.getKey().compareTo(b.getKey()));
        String header = " Total " + c.formatValue(keyTotal) + " of " + c.formatValue(c.total);
        if (c.total > 0) {
            header += " (" + Measurement.percentage(keyTotal, c.total) + ")";
        }
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, Long> t : sorted) {
            String pct = c.total > 0 ? " (" + Measurement.percentage(t.getValue(), c.total) + ")" : "";
            values.add(c.formatValue(t.getValue()) + pct + ":");
        }
        // Right-aligned columns as Go's tabwriter (padding 1) lays them out.
        int col0 = Math.max(width(key + ":"), 1) + 1;
        int col1 = values.stream().mapToInt(TagsReport::width).max().orElse(0) + 1;
        out.print(GoFormat.padLeft(key + ":", col0) + header + "\n");
        for (int i = 0; i < sorted.size(); i++) {
            out.print(GoFormat.padLeft(" ", col0) + GoFormat.padLeft(values.get(i), col1) + " "
                    + sorted.get(i).getKey() + "\n");
        }
        out.print("\n");
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
