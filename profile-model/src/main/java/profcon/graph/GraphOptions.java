package profcon.graph;

import java.util.function.UnaryOperator;

/**
 * How to build a graph: node granularity, whether to keep binary names and start lines (source
 * listings), whether to drop negative nodes, and how to clean file names.
 */
public record GraphOptions(Granularity granularity, boolean objNames, boolean dropNegative,
                           UnaryOperator<String> files) {
}
