package profcon.graph;

/** A caller-to-callee edge with its weight; residual edges jump over removed nodes. */
public final class Edge {
    final Node src;
    final Node dest;
    long weight;
    boolean residual;
    boolean inline;

    Edge(Node src, Node dest, long weight, boolean residual, boolean inline) {
        this.src = src;
        this.dest = dest;
        this.weight = weight;
        this.residual = residual;
        this.inline = inline;
    }

    public Node src() {
        return src;
    }

    public Node dest() {
        return dest;
    }

    public long weight() {
        return weight;
    }

    public boolean inline() {
        return inline;
    }
}
