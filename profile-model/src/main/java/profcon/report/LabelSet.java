package profcon.report;

import java.util.List;
import java.util.Map;

/** A sample's string and numeric labels compared by content, to handle each distinct label set once. */
record LabelSet(Map<String, List<String>> labels, Map<String, List<Long>> numLabels) {
}
