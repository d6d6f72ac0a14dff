package profcon.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import profcon.graph.Graph;
import profcon.graph.GraphOptions;
import profcon.graph.Node;
import profcon.graph.Stack;
import profcon.graph.WLoc;

/** The {@code traces} report: every sample with its labels, value and stack, as pprof prints them. */
final class TracesReport {
    private static final String INDENT = " ".repeat(13);
    private static final String SEPARATOR = "-----------+-------------------------------------------------------";

    private TracesReport() {
    }

    static void write(ReportContext c, PrintWriter out) {
        out.print(String.join("\n", Labels.profileLabels(c)) + "\n");
        GraphOptions o = new GraphOptions(c.granularity, false, false, SourceReader::cleanPath);
        Node[][] locNodes = Graph.createNodes(c.work, o, null, new HashMap<>());
        // Many samples share a stack: render each distinct stack once.
        String[] rendered = new String[c.work.stacks().size()];
        LabelBlocks labels = new LabelBlocks(c);
        ValueColumn valueColumn = new ValueColumn(c);
        for (int k = 0, n = c.work.size(); k < n; k++) {
            int si = c.work.stackIndex(k);
            if (rendered[si] == null) {
                rendered[si] = render(c.work.stacks().get(si), locNodes);
            }
            String stack = rendered[si];
            if (stack.isEmpty()) {
                continue;
            }
            out.print(SEPARATOR + "\n");
            out.print(labels.block(c.work.labels(k), c.work.numLabels(k)));
            long[] values = c.work.values(k);
            long v = c.value.applyAsLong(values);
            long d = c.meanDiv == null ? 0 : c.meanDiv.applyAsLong(values);
            out.print(valueColumn.of(d != 0 ? v / d : v));
            out.print(stack);
        }
        out.print(SEPARATOR + "\n");
    }

    /** The padded value column, remembered for the last value: consecutive samples often repeat it. */
    private static final class ValueColumn {
        private final ReportContext c;
        private long last;
        private String text;

        ValueColumn(ReportContext c) {
            this.c = c;
        }

        String of(long v) {
            if (text == null || v != last) {
                text = GoFormat.padLeft(c.formatValue(v), 10);
                last = v;
            }
            return text;
        }
    }

    /** The label lines of each distinct label set; loaders share label maps, so identity is tried first. */
    private static final class LabelBlocks {
        private final ReportContext c;
        private final Map<LabelSet, String> byContent = new HashMap<>();
        private Map<String, List<String>> lastLabels;
        private Map<String, List<Long>> lastNums;
        private String lastBlock;

        LabelBlocks(ReportContext c) {
            this.c = c;
        }

        private final Map<Map<String, List<String>>, String> byIdentity = new java.util.IdentityHashMap<>();

        String block(Map<String, List<String>> labels, Map<String, List<Long>> nums) {
            if (labels != lastLabels || nums != lastNums) {
                lastBlock = nums.isEmpty() ? byIdentity.computeIfAbsent(labels, l -> byContent(l, nums))
                        : byContent(labels, nums);
                lastLabels = labels;
                lastNums = nums;
            }
            return lastBlock;
        }

        private String byContent(Map<String, List<String>> labels, Map<String, List<Long>> nums) {
            return byContent.computeIfAbsent(new LabelSet(labels, nums), ls -> labelBlock(ls, c));
        }
    }

    /** The stack lines; the first lacks the value column, which the caller prints. */
    private static String render(Stack st, Node[][] locNodes) {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (WLoc l : st.locs()) {
            Node[] nodes = locNodes[l.index()];
            for (int i = 0; i < nodes.length; i++) {
                String inline = i != nodes.length - 1 ? " (inline)" : "";
                b.append(first ? "   " : INDENT)
                        .append(nodes[i].info().printableName()).append(inline).append('\n');
                first = false;
            }
        }
        return b.toString();
    }

    private static String labelBlock(LabelSet s, ReportContext c) {
        if (s.labels().isEmpty() && s.numLabels().isEmpty()) {
            return "";
        }
        List<String> labels = new ArrayList<>();
        s.labels().forEach((k, vs) -> labels.add(GoFormat.padLeft(k, 10) + ":  " + String.join(" ", vs) + "\n"));
        Collections.sort(labels);
        List<String> nums = new ArrayList<>();
        for (Map.Entry<String, List<Long>> e : s.numLabels().entrySet()) {
            String unit = c.numLabelUnits.getOrDefault(e.getKey(), "");
            List<String> vals = e.getValue().stream().map(v -> Measurement.label(v, unit)).toList();
            nums.add(GoFormat.padLeft(e.getKey(), 10) + ":  " + String.join(" ", vals) + "\n");
        }
        Collections.sort(nums);
        return String.join("", labels) + String.join("", nums);
    }
}
