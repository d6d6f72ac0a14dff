package profcon.graph;

import java.util.Arrays;

/** One distinct call stack (leaf first) shared by every sample that has it; reports work per stack, not per sample. */
public final class Stack {
    final WLoc[] locs;
    int index;

    Stack(WLoc[] locs) {
        this.locs = locs;
    }

    /** The locations, leaf first; do not modify the array. */
    public WLoc[] locs() {
        return locs;
    }

    /** Position in {@link WorkProfile#stacks()}. */
    public int index() {
        return index;
    }

    public int size() {
        return locs.length;
    }

    public WLoc get(int i) {
        return locs[i];
    }

    /** A stack with other locations. */
    public Stack with(WLoc[] newLocs) {
        return Arrays.equals(newLocs, locs) ? this : new Stack(newLocs);
    }
}
