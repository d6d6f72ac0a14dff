package profcon.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report entry: one distinct {@link NodeInfo} with flat and cumulative weight and its edges. */
public final class Node {
    final NodeInfo info;
    long flat;
    long flatDiv;
    long cum;
    long cumDiv;
    final Map<Node, Edge> in = new LinkedHashMap<>();
    final Map<Node, Edge> out = new LinkedHashMap<>();
    int mark = -1;
    int id;
    boolean wantsEdges;

    Node(NodeInfo info) {
        this.info = info;
    }

    public NodeInfo info() {
        return info;
    }

    /** Flat weight, divided by the mean divisor when there is one. */
    public long flatValue() {
        return flatDiv == 0 ? flat : flat / flatDiv;
    }

    /** Cumulative weight, divided by the mean divisor when there is one. */
    public long cumValue() {
        return cumDiv == 0 ? cum : cum / cumDiv;
    }

    public long rawFlat() {
        return flat;
    }

    public long rawCum() {
        return cum;
    }

    public Map<Node, Edge> in() {
        return in;
    }

    public Map<Node, Edge> out() {
        return out;
    }

    /** Edges by decreasing weight, then source and destination names, as pprof's EdgeMap.Sort. */
    public static List<Edge> sorted(Map<Node, Edge> edges) {
        List<Edge> list = new ArrayList<>(edges.values());
        list.sort(EDGE_ORDER);
        return list;
    }

    private static final Comparator<Edge> EDGE_ORDER = (a, b) -> {
        if (a.weight != b.weight) {
            return Long.compare(Math.abs(b.weight), Math.abs(a.weight));
        }
        int c = a.src.info.printableName().compareTo(b.src.info.printableName());
        return c != 0 ? c : a.dest.info.printableName().compareTo(b.dest.info.printableName());
    };

    @Override
    public String toString() {
        return info + "[flat=" + flat + " cum=" + cum + "]";
    }
}
