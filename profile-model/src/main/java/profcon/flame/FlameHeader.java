package profcon.flame;

import java.util.ArrayList;
import java.util.List;
import profcon.report.Measurement;
import profcon.report.ReportView;

/** The page's header line: sample type, total, what the filters leave, the filters themselves, and the diff legend. */
final class FlameHeader {
    private FlameHeader() {
    }

    /** The header as HTML spans, one per fact. */
    static String html(ReportView view, FlameNode root) {
        List<String> facts = new ArrayList<>();
        facts.add("Type: " + view.sampleType());
        facts.add("Total: " + view.formatValue(view.total()));
        if (root.total() != view.total() || !view.activeFilters().isEmpty()) {
            facts.add("Shown: " + view.formatValue(root.total()) + " ("
                    + Measurement.percentage(root.total(), view.total()).trim() + ")");
        }
        if (!view.activeFilters().isEmpty()) {
            facts.add("Active filters: " + String.join(" ", view.activeFilters()));
        }
        if (view.isDiff()) {
            facts.add("Diff: red frames grew, blue frames shrank; width counts both profiles");
        }
        facts.addAll(view.warnings());
        if (root.width() == 0) {
            facts.add("No samples to show");
        }
        StringBuilder b = new StringBuilder();
        for (String fact : facts) {
            b.append("<span>").append(Html.escape(fact)).append("</span>");
        }
        return b.toString();
    }
}
