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
    private static final String SEPARATOR = "-----------+-------------------------------------------------------";

    private TracesReport() {
    }

    static void write(ReportContext c, PrintWriter out) {
        out.print(String.join("\n", Labels.profileLabels(c)) + "\n");
        GraphOptions o = new GraphOptions(c.granularity, false, false, SourceReader::cleanPath);
        Node[][] locNodes = Graph.createNodes(c.work, o, null, new HashMap<>());
        // Many samples share a stack: render each distinct stack once.
        String[] rendered = new String[c.work.stacks().size()];
        Map<LabelSet, String> blocks = new HashMap<>();
        for (int k = 0, n = c.work.size(); k < n; k++) {
            Stack st = c.work.stack(k);
            if (rendered[index(st)] == null) {
                rendered[index(st)] = render(st, locNodes);
            }
            String stack = rendered[index(st)];
            if (stack.isEmpty()) {
                continue;
            }
            out.print(SEPARATOR + "\n");
            LabelSet set = new LabelSet(c.work.labels(k), c.work.numLabels(k));
            out.print(blocks.computeIfAbsent(set, ls -> labelBlock(ls, c)));
            long[] values = c.work.values(k);
            long v = c.value.applyAsLong(values);
            long d = c.meanDiv == null ? 0 : c.meanDiv.applyAsLong(values);
            out.print(GoFormat.padLeft(c.formatValue(d != 0 ? v / d : v), 10));
            out.print(stack);
        }
        out.print(SEPARATOR + "\n");
    }

    private static int index(Stack s) {
        return s.index();
    }

    /** The stack lines; the first lacks the value column, which the caller prints. */
    private static String render(Stack st, Node[][] locNodes) {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (WLoc l : st.locs()) {
            Node[] nodes = locNodes[l.index()];
            for (int i = 0; i < nodes.length; i++) {
                String inline = i != nodes.length - 1 ? " (inline)" : "";
                b.append(first ? "" : " ".repeat(10)).append("   ")
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
