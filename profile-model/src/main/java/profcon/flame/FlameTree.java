package profcon.flame;

import java.util.HashMap;
import java.util.List;
import profcon.graph.Graph;
import profcon.graph.Node;
import profcon.graph.Stack;
import profcon.report.ReportView;

/** Merges the filtered stacks of a report view into one call tree, root first, as a flame graph draws it. */
public final class FlameTree {
    /** pprof's name for the frame that every stack starts from. */
    public static final String ROOT = "root";

    private FlameTree() {
    }

    /**
     * Builds the tree of {@code view}: frames are named as {@code top} names its nodes (same
     * granularity, inlined calls expanded), so a frame's flat summed over its call paths is top's flat.
     */
    public static FlameNode of(ReportView view) {
        // Sums per distinct stack first, so a million samples sharing a few stacks walk each path once.
        List<Stack> stacks = view.work().stacks();
        long[] weight = new long[stacks.size()];
        long[] width = new long[stacks.size()];
        long[] div = new long[stacks.size()];
        for (int k = 0; k < view.work().size(); k++) {
            long v = view.value(k);
            int si = view.work().stackIndex(k);
            weight[si] += v;
            width[si] += Math.abs(v);
            div[si] += v == 0 ? 0 : view.meanDivisor(k);
        }
        // The same location-to-node mapping the graph reports use, so names and inlining agree with top.
        Node[][] locNodes = Graph.createNodes(view.work(), view.graphOptions(), null, new HashMap<>());
        FlameNode root = new FlameNode(ROOT);
        for (int si = 0; si < stacks.size(); si++) {
            if (width[si] != 0) {
                addPath(root, stacks.get(si), locNodes, weight[si], width[si], div[si]);
            }
        }
        return root;
    }

    private static void addPath(FlameNode root, Stack stack, Node[][] locNodes, long weight, long width, long div) {
        root.addTotal(weight, width, div);
        FlameNode n = root;
        for (int i = stack.size() - 1; i >= 0; i--) {
            Node[] lines = locNodes[stack.get(i).index()];
            // Lines are callee first: the caller of an inlined chain comes first from the root.
            for (int li = lines.length - 1; li >= 0; li--) {
                n = n.child(lines[li].info().printableName());
                n.addTotal(weight, width, div);
            }
        }
        n.addSelf(weight, div);
    }
}
