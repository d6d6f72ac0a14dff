package profcon.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import profcon.graph.Graph;
import profcon.graph.Node;
import profcon.graph.WLoc;
import profcon.model.Mapping;
import profcon.model.Profile;

/** The header lines of reports: pprof's ProfileLabels and reportLabels. */
final class Labels {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MMM d, yyyy 'at' h:mma (zzz)", Locale.ROOT);

    private Labels() {
    }

    /** File, build id, visible comments, type, time and duration of the profile. */
    static List<String> profileLabels(ReportContext c) {
        List<String> label = new ArrayList<>();
        Profile p = c.profile;
        if (!p.mappings().isEmpty()) {
            Mapping m = p.mappings().get(0);
            if (!m.file().isEmpty()) {
                label.add("File: " + baseName(m.file()));
            }
            if (!m.buildId().isEmpty()) {
                label.add("Build ID: " + m.buildId());
            }
        }
        for (String comment : p.comments()) {
            if (!comment.startsWith("#")) {
                label.add(comment);
            }
        }
        if (!c.sampleType.isEmpty()) {
            label.add("Type: " + c.sampleType);
        }
        if (p.timeNanos() != 0) {
            String t = TIME.format(Instant.ofEpochSecond(0, p.timeNanos()).atZone(ZoneId.systemDefault()));
            label.add("Time: " + t.replace("AM (", "am (").replace("PM (", "pm ("));
        }
        if (p.durationNanos() != 0) {
            label.add(durationLabel(c));
        }
        return label;
    }

    private static String durationLabel(ReportContext c) {
        String duration = Measurement.label(c.profile.durationNanos(), "nanoseconds");
        Measurement.Scaled nanos = Measurement.scale(c.total, c.sampleUnit, "nanoseconds");
        String ratio = "";
        if (nanos.unit().equals("ns") && nanos.value() != 0) {
            ratio = "(" + Measurement.percentage((long) nanos.value(), c.profile.durationNanos()) + ")";
        }
        return "Duration: " + duration + ", Total samples = " + c.formatValue(c.total) + " " + ratio;
    }

    /** The header of graph reports: profile labels (unless compact), filters, totals and what was dropped. */
    static List<String> reportLabels(ReportContext c, ReportContext.Trimmed t, boolean fullHeaders) {
        List<String> label = new ArrayList<>();
        if (fullHeaders || !c.settings.boolValue("compact_labels")) {
            label.addAll(profileLabels(c));
        }
        Graph g = t.graph();
        long flatSum = 0;
        for (Node n : g.nodes()) {
            flatSum += n.flatValue();
        }
        List<String> filters = c.activeFilters();
        if (!filters.isEmpty()) {
            label.add("Active filters:");
            for (String f : filters) {
                label.add("   " + (f.length() > 80 ? f.substring(0, 80) + "…" : f));
            }
        }
        label.add("Showing nodes accounting for " + c.formatValue(flatSum) + ", "
                + Measurement.percentage(flatSum, c.total).trim() + " of " + c.formatValue(c.total) + " total");
        if (c.total != 0) {
            addDropped(c, t, g.nodes().size(), label);
        }
        return label;
    }

    private static void addDropped(ReportContext c, ReportContext.Trimmed t, int nodeCount, List<String> label) {
        if (t.droppedNodes() > 0) {
            label.add(dropped(t.droppedNodes(), "node", "cum",
                    c.formatValue(Math.abs((long) (c.total * c.nodeFraction)))));
        }
        if (t.droppedEdges() > 0) {
            label.add(dropped(t.droppedEdges(), "edge", "freq",
                    c.formatValue(Math.abs((long) (c.total * c.edgeFraction)))));
        }
        if (nodeCount > 0 && nodeCount < t.origCount()) {
            label.add("Showing top " + nodeCount + " nodes out of " + t.origCount());
        }
    }

    private static String dropped(int d, String n, String l, String f) {
        return "Dropped " + d + " " + (d > 1 ? n + "s" : n) + " (" + l + " <= " + f + ")";
    }

    static String baseName(String path) {
        return WLoc.baseName(path);
    }
}
