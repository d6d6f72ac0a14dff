package profcon.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import profcon.model.Function;
import profcon.model.Line;

/** pprof's call graph of a profile (internal/graph): nodes with flat/cum weights and weighted edges. */
public final class Graph {
    private final List<Node> nodes;

    private Graph(List<Node> nodes) {
        this.nodes = nodes;
    }

    public List<Node> nodes() {
        return nodes;
    }

    /**
     * Builds the graph over every stack; with {@code kept} non-null, other nodes are skipped (edges
     * become residual). Edges are only recorded when one end satisfies {@code edgesFor} (null: no
     * edges), since trimming steps that rebuild the graph only need node weights.
     */
    public static Graph build(WorkProfile w, StackWeights sw, GraphOptions o, Set<NodeInfo> kept,
                              Predicate<NodeInfo> edgesFor) {
        Map<NodeInfo, Node> nodeMap = new LinkedHashMap<>();
        Node[][] locNodes = nodes(w.nodeInfos(o), kept, nodeMap);
        int id = 0;
        for (Node n : nodeMap.values()) {
            n.id = id++;
            n.wantsEdges = edgesFor != null && edgesFor.test(n.info);
        }
        EdgeTable edges = new EdgeTable();
        List<Stack> stacks = w.stacks();
        for (int si = 0; si < stacks.size(); si++) {
            long weight = sw.weight()[si];
            if (weight != 0) {
                addStack(stacks.get(si), weight, sw.divisor()[si], locNodes, edges, si);
            }
        }
        edges.link();
        List<Node> selected = new ArrayList<>(nodeMap.size());
        for (Node n : nodeMap.values()) {
            if ((n.cum != 0 || n.flat != 0) && !(o.dropNegative() && isNegative(n))) {
                selected.add(n);
            }
        }
        return new Graph(selected);
    }

    private static void addStack(Stack stack, long weight, long div, Node[][] locNodes, EdgeTable edges,
                                 int stamp) {
        Node parent = null;
        boolean residual = false;
        for (int i = stack.locs.length - 1; i >= 0; i--) {
            Node[] ln = locNodes[stack.locs[i].index];
            for (int ni = ln.length - 1; ni >= 0; ni--) {
                Node n = ln[ni];
                if (n == null) {
                    residual = true;
                    continue;
                }
                if (n.mark != stamp) {
                    n.mark = stamp;
                    n.cum += weight;
                    n.cumDiv += div;
                }
                if (parent != null && n != parent && (parent.wantsEdges || n.wantsEdges)) {
                    edges.add(parent, n, weight, residual, ni != ln.length - 1, stamp);
                }
                parent = n;
                residual = false;
            }
        }
        if (parent != null && !residual) {
            parent.flat += weight;
            parent.flatDiv += div;
        }
    }

    /** The nodes of every location (one per line, callee first); null where a node is not kept. */
    public static Node[][] createNodes(WorkProfile w, GraphOptions o, Set<NodeInfo> kept,
                                       Map<NodeInfo, Node> nodeMap) {
        return nodes(nodeInfos(w, o), kept, nodeMap);
    }

    private static Node[][] nodes(NodeInfo[][] infos, Set<NodeInfo> kept, Map<NodeInfo, Node> nodeMap) {
        Node[][] result = new Node[infos.length][];
        for (int l = 0; l < infos.length; l++) {
            Node[] nodes = new Node[infos[l].length];
            for (int i = 0; i < nodes.length; i++) {
                NodeInfo info = infos[l][i];
                if (kept == null || kept.contains(info)) {
                    nodes[i] = nodeMap.computeIfAbsent(info, Node::new);
                }
            }
            result[l] = nodes;
        }
        return result;
    }

    /** The node info of each line of each location (indexed like {@link WorkProfile#locations()}). */
    static NodeInfo[][] nodeInfos(WorkProfile w, GraphOptions o) {
        List<WLoc> locs = w.locations();
        NodeInfo[][] result = new NodeInfo[locs.size()][];
        for (WLoc l : locs) {
            List<Line> lines = effectiveLines(l, o.granularity());
            NodeInfo[] infos = new NodeInfo[lines.size()];
            for (int i = 0; i < infos.length; i++) {
                infos[i] = nodeInfo(l, lines.get(i), o);
            }
            result[l.index] = infos;
        }
        return result;
    }

    private static List<Line> effectiveLines(WLoc l, Granularity g) {
        List<Line> lines = l.lines;
        if (!g.inlines() && lines.size() > 1) {
            lines = lines.subList(lines.size() - 1, lines.size());
        }
        if (lines.isEmpty()) {
            List<Line> empty = new ArrayList<>(1);
            empty.add(null);
            return empty;
        }
        return lines;
    }

    static NodeInfo nodeInfo(WLoc l, Line line, GraphOptions o) {
        Granularity g = o.granularity();
        long address = g.address() ? l.address : 0;
        String objfile = l.objfile();
        if (line == null || line.function() == null) {
            return new NodeInfo("", "", address, "", 0, 0, objfile);
        }
        Function f = line.function();
        String file = g.filename() && !f.filename().isEmpty() ? o.files().apply(f.filename()) : "";
        return new NodeInfo(g.function() ? f.name() : "", g.function() ? f.systemName() : "", address, file,
                o.objNames() ? (int) f.startLine() : 0, g.lineNumber() ? (int) line.line() : 0,
                o.objNames() ? objfile : "");
    }

    private static boolean isNegative(Node n) {
        return n.flat < 0 || (n.flat == 0 && n.cum < 0);
    }

    /** Sum of flat values (pprof's Nodes.Sum, first result). */
    public long flatSum() {
        long s = 0;
        for (Node n : nodes) {
            s += n.flat;
        }
        return s;
    }

    /** The infos of nodes whose |cum| reaches {@code cutoff}. */
    public Set<NodeInfo> discardLowFrequencyNodes(long cutoff) {
        return nodeSet(nodes, cutoff);
    }

    private static Set<NodeInfo> nodeSet(List<Node> ns, long cutoff) {
        Set<NodeInfo> kept = new HashSet<>();
        for (Node n : ns) {
            if (Math.abs(n.cum) >= cutoff) {
                kept.add(n.info);
            }
        }
        return kept;
    }

    /** The first {@code max} nodes in the current order. */
    public Set<NodeInfo> selectTopNodes(int max) {
        return nodeSet(nodes.subList(0, Math.min(max, nodes.size())), 0);
    }

    /** Removes edges lighter than {@code cutoff}; returns how many. */
    public int trimLowFrequencyEdges(long cutoff) {
        int dropped = 0;
        for (Node n : nodes) {
            for (Iterator<Edge> it = n.in.values().iterator(); it.hasNext(); ) {
                Edge e = it.next();
                if (Math.abs(e.weight) < cutoff) {
                    it.remove();
                    e.src.out.remove(n);
                    dropped++;
                }
            }
        }
        return dropped;
    }

    /** Sorts by flat (or cum) weight, then name, as pprof's FlatNameOrder / CumNameOrder. */
    public void sortNodes(boolean cum) {
        nodes.sort(cum ? CUM_ORDER : FLAT_ORDER);
    }

    static final Comparator<Node> FLAT_ORDER = (l, r) -> {
        if (Math.abs(l.flat) != Math.abs(r.flat)) {
            return Long.compare(Math.abs(r.flat), Math.abs(l.flat));
        }
        int c = l.info.printableName().compareTo(r.info.printableName());
        if (c != 0) {
            return c;
        }
        if (Math.abs(l.cum) != Math.abs(r.cum)) {
            return Long.compare(Math.abs(r.cum), Math.abs(l.cum));
        }
        return l.info.goString().compareTo(r.info.goString());
    };

    static final Comparator<Node> CUM_ORDER = (l, r) -> {
        if (Math.abs(l.cum) != Math.abs(r.cum)) {
            return Long.compare(Math.abs(r.cum), Math.abs(l.cum));
        }
        int c = l.info.printableName().compareTo(r.info.printableName());
        if (c != 0) {
            return c;
        }
        if (Math.abs(l.flat) != Math.abs(r.flat)) {
            return Long.compare(Math.abs(r.flat), Math.abs(l.flat));
        }
        return l.info.goString().compareTo(r.info.goString());
    };

    /** Sorts by function name (pprof's NameOrder). */
    public static final Comparator<Node> NAME_ORDER = Comparator.comparing((Node n) -> n.info.name)
            .thenComparing(n -> n.info.goString());

    /** Sorts by file, then start line (pprof's FileOrder). */
    public static final Comparator<Node> FILE_ORDER = Comparator.comparing((Node n) -> n.info.file)
            .thenComparingInt(n -> n.info.startLine).thenComparing(n -> n.info.goString());
}
