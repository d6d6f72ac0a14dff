package profcon.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import profcon.model.Location;

/** Finds the shared {@link Stack} for a sample's location list by location ids, without allocating per sample. */
final class StackInterner {
    private final Map<Long, WLoc> byId;
    private final WorkProfile owner;
    private final List<Stack> stacks = new ArrayList<>();
    private Stack[] table = new Stack[1 << 10];
    private int[] hashes = new int[1 << 10];

    StackInterner(Map<Long, WLoc> byId, WorkProfile owner) {
        this.byId = byId;
        this.owner = owner;
    }

    // Samples often share one location list (a converter or reader that interns stacks): then one
    // identity lookup finds the stack without touching the locations.
    private final java.util.IdentityHashMap<List<Location>, Stack> byList = new java.util.IdentityHashMap<>();
    private List<Location> lastList;
    private Stack lastStack;

    Stack intern(List<Location> locations) {
        if (locations == lastList) {
            return lastStack;
        }
        Stack s = byList.get(locations);
        if (s == null) {
            s = internByIds(locations);
            byList.put(locations, s);
        }
        lastList = locations;
        lastStack = s;
        return s;
    }

    private Stack internByIds(List<Location> locations) {
        int h = hash(locations);
        int mask = table.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            Stack s = table[i];
            if (s == null) {
                return insert(i, h, locations);
            }
            if (hashes[i] == h && sameIds(s, locations)) {
                return s;
            }
        }
    }

    private Stack insert(int slot, int h, List<Location> locations) {
        WLoc[] locs = new WLoc[locations.size()];
        for (int i = 0; i < locs.length; i++) {
            Location l = locations.get(i);
            WLoc w = byId.get(l.id());
            if (w == null) {
                w = owner.newLoc(l);
                byId.put(l.id(), w);
            }
            locs[i] = w;
        }
        Stack s = new Stack(locs);
        s.index = stacks.size();
        stacks.add(s);
        table[slot] = s;
        hashes[slot] = h;
        if (stacks.size() * 2 > table.length) {
            grow();
        }
        return s;
    }

    private void grow() {
        Stack[] old = table;
        int[] oldHashes = hashes;
        table = new Stack[old.length * 2];
        hashes = new int[old.length * 2];
        int mask = table.length - 1;
        for (int j = 0; j < old.length; j++) {
            if (old[j] != null) {
                int i = oldHashes[j] & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = old[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    private static int hash(List<Location> locations) {
        long h = 1;
        for (int i = 0, n = locations.size(); i < n; i++) {
            h = h * 31 + locations.get(i).id();
        }
        int x = (int) (h ^ (h >>> 32));
        return x ^ (x >>> 16);
    }

    private static boolean sameIds(Stack s, List<Location> locations) {
        if (s.locs.length != locations.size()) {
            return false;
        }
        for (int i = 0; i < s.locs.length; i++) {
            if (s.locs[i].id != locations.get(i).id()) {
                return false;
            }
        }
        return true;
    }

    List<Stack> stacks() {
        return stacks;
    }
}
