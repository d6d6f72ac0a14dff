package profcon.flame;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** One frame of the flame graph: a function at one call path, with its weights and its callees. */
public final class FlameNode {
    private final String name;
    // Callees by name: a sorted map keeps the output (and so the golden file) independent of sample order.
    private final Map<String, FlameNode> children = new TreeMap<>();
    private long self;
    private long selfDiv;
    private long total;
    private long totalDiv;
    private long width;

    FlameNode(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Weight of the samples whose leaf is this frame (pprof's flat, on this call path). */
    public long self() {
        return selfDiv == 0 ? self : self / selfDiv;
    }

    /** Weight of the samples through this frame (pprof's cum, on this call path); a delta in a diff. */
    public long total() {
        return totalDiv == 0 ? total : total / totalDiv;
    }

    /**
     * How wide the frame is drawn: the sum of the magnitudes of the raw weights through it. Equals
     * {@link #total()} for ordinary profiles; in a diff it counts growth and shrinkage both, so a
     * frame that vanished from the base still has room, and children never outgrow their parent.
     */
    public long width() {
        return width;
    }

    /** The raw (undivided) signed weight through this frame: the delta whose sign a diff colours. */
    public long rawTotal() {
        return total;
    }

    /** Callees, sorted by name. */
    public Collection<FlameNode> children() {
        return children.values();
    }

    FlameNode child(String childName) {
        return children.computeIfAbsent(childName, FlameNode::new);
    }

    void addTotal(long weight, long magnitude, long div) {
        total += weight;
        totalDiv += div;
        width += magnitude;
    }

    void addSelf(long weight, long div) {
        self += weight;
        selfDiv += div;
    }
}
