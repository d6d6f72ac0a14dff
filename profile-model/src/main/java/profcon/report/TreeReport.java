package profcon.report;

import java.io.PrintWriter;
import profcon.graph.Edge;
import profcon.graph.Node;

/** The {@code tree} report (and {@code peek}, restricted to nodes matching a regexp): callers, node, callees. */
final class TreeReport {
    static final String SEPARATOR = "----------------------------------------------------------+-------------";
    private static final String LEGEND =
            "      flat  flat%   sum%        cum   cum%   calls calls% + context \t \t ";

    private TreeReport() {
    }

    static void write(ReportContext c, PrintWriter out) {
        // peek prints only the nodes matching its regexp: only their edges are needed.
        ReportContext.Trimmed t = c.newTrimmedGraph(
                info -> c.symbol == null || c.symbol.matcher(info.printableName()).find());
        c.selectOutputUnit(t.graph());
        out.print(String.join("\n", Labels.reportLabels(c, t, false)) + "\n");
        out.print(SEPARATOR + "\n" + LEGEND + "\n");
        long flatSum = 0;
        for (Node n : t.graph().nodes()) {
            String name = n.info().printableName();
            if (c.symbol != null && !c.symbol.matcher(name).find()) {
                continue;
            }
            long flat = n.flatValue(), cum = n.cumValue();
            out.print(SEPARATOR + "\n");
            for (Edge in : Node.sorted(n.in())) {
                edge(c, out, in, in.src(), cum);
            }
            flatSum += flat;
            out.print(GoFormat.padLeft(c.formatValue(flat), 10) + " " + Measurement.percentage(flat, c.total) + " "
                    + Measurement.percentage(flatSum, c.total) + " " + GoFormat.padLeft(c.formatValue(cum), 10)
                    + " " + Measurement.percentage(cum, c.total) + "                | " + name + "\n");
            for (Edge o : Node.sorted(n.out())) {
                edge(c, out, o, o.dest(), cum);
            }
        }
        if (!t.graph().nodes().isEmpty()) {
            out.print(SEPARATOR + "\n");
        }
    }

    private static void edge(ReportContext c, PrintWriter out, Edge e, Node other, long cum) {
        out.print(GoFormat.padLeft(c.formatValue(e.weight()), 50) + " " + Measurement.percentage(e.weight(), cum)
                + " |   " + other.info().printableName() + (e.inline() ? " (inline)" : "") + "\n");
    }
}
