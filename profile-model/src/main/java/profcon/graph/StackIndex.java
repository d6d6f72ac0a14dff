package profcon.graph;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import profcon.model.Location;
import profcon.model.Profile;
import profcon.model.Sample;

/**
 * The distinct stacks of a loaded profile and which one each sample has. Depends only on the
 * (immutable) profile, so it is computed once and reused by every report on that profile.
 */
final class StackIndex {
    final Location[] locations;
    final int[][] stacks;
    final int[] sampleStack;

    private static SoftReference<Profile> lastProfile = new SoftReference<>(null);
    private static StackIndex lastIndex;

    private StackIndex(Location[] locations, int[][] stacks, int[] sampleStack) {
        this.locations = locations;
        this.stacks = stacks;
        this.sampleStack = sampleStack;
    }

    /** The index of {@code p}; the last one computed is kept for the next report on the same profile. */
    static synchronized StackIndex of(Profile p) {
        if (lastProfile.get() == p && lastIndex != null) {
            return lastIndex;
        }
        StackIndex index = build(p);
        lastProfile = new SoftReference<>(p);
        lastIndex = index;
        return index;
    }

    private static StackIndex build(Profile p) {
        Map<Long, Integer> byId = new HashMap<>();
        List<Location> locations = new ArrayList<>(p.locations());
        for (int i = 0; i < locations.size(); i++) {
            byId.putIfAbsent(locations.get(i).id(), i);
        }
        Interner interner = new Interner(byId, locations);
        int[] sampleStack = new int[p.samples().size()];
        int i = 0;
        for (Sample s : p.samples()) {
            sampleStack[i++] = interner.intern(s.locations());
        }
        return new StackIndex(locations.toArray(new Location[0]), interner.stacks.toArray(new int[0][]),
                sampleStack);
    }

    /** Finds a stack's number by location ids; samples sharing one list instance cost one identity lookup. */
    private static final class Interner {
        private final Map<Long, Integer> byId;
        private final List<Location> locations;
        private final List<int[]> stacks = new ArrayList<>();
        private final IdentityHashMap<List<Location>, Integer> byList = new IdentityHashMap<>();
        private int[] table = new int[1 << 10];
        private int[] hashes = new int[1 << 10];
        private List<Location> lastList;
        private int lastStack;

        Interner(Map<Long, Integer> byId, List<Location> locations) {
            this.byId = byId;
            this.locations = locations;
        }

        int intern(List<Location> list) {
            if (list != lastList) {
                Integer known = byList.get(list);
                lastStack = known != null ? known : internByIds(list);
                if (known == null) {
                    byList.put(list, lastStack);
                }
                lastList = list;
            }
            return lastStack;
        }

        private int internByIds(List<Location> list) {
            int h = hash(list);
            int mask = table.length - 1;
            for (int i = h & mask; ; i = (i + 1) & mask) {
                if (table[i] == 0) {
                    return insert(i, h, list);
                }
                if (hashes[i] == h && sameIds(stacks.get(table[i] - 1), list)) {
                    return table[i] - 1;
                }
            }
        }

        private int insert(int slot, int h, List<Location> list) {
            int[] stack = new int[list.size()];
            for (int i = 0; i < stack.length; i++) {
                Location l = list.get(i);
                Integer at = byId.get(l.id());
                if (at == null) {
                    at = locations.size();
                    locations.add(l);
                    byId.put(l.id(), at);
                }
                stack[i] = at;
            }
            stacks.add(stack);
            table[slot] = stacks.size();
            hashes[slot] = h;
            if (stacks.size() * 2 > table.length) {
                grow();
            }
            return stacks.size() - 1;
        }

        private void grow() {
            int[] oldTable = table, oldHashes = hashes;
            table = new int[oldTable.length * 2];
            hashes = new int[oldTable.length * 2];
            int mask = table.length - 1;
            for (int j = 0; j < oldTable.length; j++) {
                if (oldTable[j] != 0) {
                    int i = oldHashes[j] & mask;
                    while (table[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    table[i] = oldTable[j];
                    hashes[i] = oldHashes[j];
                }
            }
        }

        private static int hash(List<Location> list) {
            long h = 1;
            for (int i = 0, n = list.size(); i < n; i++) {
                h = h * 31 + list.get(i).id();
            }
            int x = (int) (h ^ (h >>> 32));
            return x ^ (x >>> 16);
        }

        private boolean sameIds(int[] stack, List<Location> list) {
            if (stack.length != list.size()) {
                return false;
            }
            for (int i = 0; i < stack.length; i++) {
                if (locations.get(stack[i]).id() != list.get(i).id()) {
                    return false;
                }
            }
            return true;
        }
    }
}
