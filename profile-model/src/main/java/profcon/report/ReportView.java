package profcon.report;

import java.util.List;
import profcon.graph.GraphOptions;
import profcon.graph.WorkProfile;
import profcon.model.Profile;

/**
 * A profile prepared as every report sees it (base subtracted, filters and sample_index applied),
 * for renderers outside this package such as the flame graph, so they cannot drift from {@code top}.
 */
public final class ReportView {
    private final ReportContext c;

    private ReportView(ReportContext c) {
        this.c = c;
    }

    /** Prepares {@code profile} with {@code settings} exactly as the graph reports do (no trimming is applied). */
    public static ReportView prepare(Profile profile, Settings settings) throws ReportException {
        return new ReportView(ReportContext.prepare("web", profile, settings, null));
    }

    /** "Focus expression matched no samples" and the like, as pprof warns before a report. */
    public List<String> warnings() {
        return List.copyOf(c.warnings);
    }

    /** The filtered working copy: its stacks are what the report shows. */
    public WorkProfile work() {
        return c.work;
    }

    /** The chosen sample value (sample_index) of kept sample {@code k}; negative for a subtracted base. */
    public long value(int k) {
        return c.value.applyAsLong(c.work.values(k));
    }

    /** What mean=true divides by for kept sample {@code k} (its first value, the count); 0 when mean is off. */
    public long meanDivisor(int k) {
        return c.meanDiv == null ? 0 : c.meanDiv.applyAsLong(c.work.values(k));
    }

    /** How locations become nodes (granularity, inlines), as for {@code top}. */
    public GraphOptions graphOptions() {
        return c.graphOptions();
    }

    /** The total that percentages are relative to (the base's total for diff_base). */
    public long total() {
        return c.total;
    }

    /** The reported sample type, e.g. {@code cpu} or {@code mean_delay}. */
    public String sampleType() {
        return c.sampleType;
    }

    /** The unit of the sample values, e.g. {@code nanoseconds}. */
    public String sampleUnit() {
        return c.sampleUnit;
    }

    /** The factor every value is multiplied by before display (1/divide_by). */
    public double ratio() {
        return c.ratio;
    }

    /** Whether values are per-sample means (mean=true). */
    public boolean mean() {
        return c.meanDiv != null;
    }

    /** Whether the profile had a base subtracted (base or diff_base): values are deltas and may be negative. */
    public boolean isDiff() {
        return !c.settings.get("diff_base").isEmpty() || !c.settings.get("base").isEmpty();
    }

    /** A value as the text reports print it, honouring divide_by and unit. */
    public String formatValue(long v) {
        return c.formatValue(v);
    }

    /** The active filters as pprof lists them in report headers ({@code focus=Cache}...). */
    public List<String> activeFilters() {
        return c.activeFilters();
    }
}
