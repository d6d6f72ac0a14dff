package profcon.report;

import java.io.PrintWriter;
import profcon.graph.Edge;
import profcon.graph.Node;

/** The {@code top}/{@code text} report: one row per node with flat, flat%, sum%, cum and cum%. */
final class TextReport {
    private TextReport() {
    }

    static void write(ReportContext c, PrintWriter out) {
        ReportContext.Trimmed t = c.newTrimmedGraph(info -> true);
        c.selectOutputUnit(t.graph());
        out.print(String.join("\n", Labels.reportLabels(c, t, false)) + "\n");
        out.print(String.format(java.util.Locale.ROOT, "%10s %5s%% %5s%% %10s %5s%%\n", "flat", "flat", "sum", "cum", "cum"));
        long flatSum = 0;
        for (Node n : t.graph().nodes()) {
            long flat = n.flatValue(), cum = n.cumValue();
            flatSum += flat;
            out.print(GoFormat.padLeft(c.formatValue(flat), 10) + " " + Measurement.percentage(flat, c.total) + " "
                    + Measurement.percentage(flatSum, c.total) + " " + GoFormat.padLeft(c.formatValue(cum), 10)
                    + " " + Measurement.percentage(cum, c.total) + "  " + name(n) + "\n");
        }
    }

    /** The printable name, marked "(inline)" or "(partial-inline)" by how the node is reached. */
    private static String name(Node n) {
        boolean inline = false, noInline = false;
        for (Edge e : n.in().values()) {
            if (e.inline()) {
                inline = true;
            } else {
                noInline = true;
            }
        }
        String name = n.info().printableName();
        if (!inline) {
            return name;
        }
        return name + (noInline ? " (partial-inline)" : " (inline)");
    }
}
