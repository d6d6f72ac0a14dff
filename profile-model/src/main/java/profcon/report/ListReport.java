package profcon.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import profcon.graph.Graph;
import profcon.graph.Node;

/**
 * The {@code list} report: annotated source of every function matching a regexp. When a source file
 * cannot be found it says so in one line and still lists the lines that carry samples.
 */
final class ListReport {
    private static final int MARGIN = 5;

    private ListReport() {
    }

    static void write(ReportContext c, PrintWriter out) throws ReportException {
        Graph g = c.newGraph();
        Map<String, List<Node>> byFunction = new LinkedHashMap<>();
        List<Node> functions = new ArrayList<>();
        for (Node n : g.nodes()) {
            if (c.symbol.matcher(n.info().name()).find()) {
                List<Node> ns = byFunction.computeIfAbsent(n.info().name(), k -> new ArrayList<>());
                if (ns.isEmpty()) {
                    functions.add(n);
                }
                ns.add(n);
            }
        }
        if (functions.isEmpty()) {
            throw new ReportException("no matches found for regexp: " + c.symbol.pattern());
        }
        functions.sort(Graph.NAME_ORDER);
        SourceReader reader = new SourceReader(c.sourcePath(), c.settings.get("trim_path"));
        out.print("Total: " + c.formatValue(c.total) + "\n");
        for (Node fn : functions) {
            writeFunction(c, out, reader, fn.info().name(), byFunction.get(fn.info().name()));
        }
    }

    private static void writeFunction(ReportContext c, PrintWriter out, SourceReader reader, String name,
                                      List<Node> nodes) {
        Map<String, List<Node>> byFile = new HashMap<>();
        List<Node> files = new ArrayList<>();
        for (Node n : nodes) {
            if (!n.info().file().isEmpty()) {
                List<Node> ns = byFile.computeIfAbsent(n.info().file(), k -> new ArrayList<>());
                if (ns.isEmpty()) {
                    files.add(n);
                }
                ns.add(n);
            }
        }
        if (files.isEmpty()) {
            out.print("No source information for " + name + "\n");
            return;
        }
        files.sort(Graph.FILE_ORDER);
        for (Node f : files) {
            writeFile(c, out, reader, name, f.info().file(), byFile.get(f.info().file()));
        }
    }

    private static void writeFile(ReportContext c, PrintWriter out, SourceReader reader, String name, String file,
                                  List<Node> fns) {
        long flat = 0, cum = 0;
        for (Node n : fns) {
            flat += n.flatValue();
            cum += n.cumValue();
        }
        out.print("ROUTINE ======================== " + name + " in " + file + "\n");
        out.print(GoFormat.padLeft(c.formatValue(flat), 10) + " " + GoFormat.padLeft(c.formatValue(cum), 10)
                + " (flat, cum) " + Measurement.percentage(cum, c.total) + " of Total\n");
        Map<Integer, long[]> perLine = perLine(fns);
        int[] range = lineRange(fns);
        List<String[]> rows = new ArrayList<>();
        for (int lineno = range[0]; lineno <= range[1]; lineno++) {
            String text = reader.line(file, name, lineno);
            if (text == null) {
                break;
            }
            rows.add(new String[] {Integer.toString(lineno), text});
        }
        String error = reader.error(file);
        if (error != null) {
            out.print(" Error: " + error + " (listing only the lines with samples)\n");
            perLine.forEach((line, v) -> rows.add(new String[] {Integer.toString(line), ""}));
            rows.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
        }
        for (String[] row : rows) {
            long[] v = perLine.getOrDefault(Integer.parseInt(row[0]), new long[2]);
            out.print(GoFormat.padLeft(valueOrDot(c, v[0]), 10) + " " + GoFormat.padLeft(valueOrDot(c, v[1]), 10)
                    + " " + GoFormat.padLeft(row[0], 6) + ":" + row[1] + "\n");
        }
    }

    private static Map<Integer, long[]> perLine(List<Node> fns) {
        Map<Integer, long[]> m = new java.util.TreeMap<>();
        for (Node n : fns) {
            long[] v = m.computeIfAbsent(n.info().lineno(), k -> new long[2]);
            v[0] += n.flatValue();
            v[1] += n.cumValue();
        }
        return m;
    }

    /** pprof's getSourceFromFile range: from the function start (or 5 lines before) to 5 lines after. */
    private static int[] lineRange(List<Node> unordered) {
        // pprof starts from whichever node its map yields first; the lowest line is a stable choice.
        List<Node> fns = new ArrayList<>(unordered);
        fns.sort(java.util.Comparator.comparingInt(n -> n.info().lineno()));
        Node first = fns.get(0);
        int start = first.info().startLine() != 0 ? first.info().startLine() : first.info().lineno() - MARGIN;
        int end = first.info().lineno() + MARGIN;
        for (Node n : fns) {
            int lineno = n.info().lineno();
            int nodeStart = n.info().startLine() != 0 ? n.info().startLine() : lineno - MARGIN;
            int nodeEnd = lineno + MARGIN;
            // pprof's own "else if": a node that widens the start does not widen the end.
            if (nodeStart < start) {
                start = nodeStart;
            } else if (nodeEnd > end) {
                end = nodeEnd;
            }
        }
        return new int[] {Math.max(start, 1), end};
    }

    private static String valueOrDot(ReportContext c, long v) {
        return v == 0 ? "." : c.formatValue(v);
    }
}
