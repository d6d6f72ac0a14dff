package profcon.model;

import java.util.List;
import java.util.Map;

/**
 * One sample: a stack (leaf first), one value per sample type, and labels.
 *
 * <p>{@code values} is an array for speed on million-sample profiles; treat it as read-only.
 * String labels map a key to its values; numeric labels map a key to its numbers, and
 * {@code numUnits} gives the unit of each number ("" when the producer named none).
 */
public record Sample(List<Location> locations, long[] values, Map<String, List<String>> labels,
                     Map<String, List<Long>> numLabels, Map<String, List<String>> numUnits) {
    public Sample {
        locations = List.copyOf(locations);
        labels = labels == null ? Map.of() : labels;
        numLabels = numLabels == null ? Map.of() : numLabels;
        numUnits = numUnits == null ? Map.of() : numUnits;
    }

    public Sample(List<Location> locations, long[] values) {
        this(locations, values, Map.of(), Map.of(), Map.of());
    }

    /** The first string value of a label, or null. */
    public String label(String key) {
        List<String> values = labels.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A copy of this sample with other values. */
    public Sample withValues(long[] newValues) {
        return new Sample(locations, newValues, labels, numLabels, numUnits);
    }
}
