package profcon.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import profcon.model.Location;
import profcon.model.Profile;
import profcon.model.Sample;

/**
 * A per-report working copy of a profile: its own locations and distinct stacks, so filters can
 * drop lines and frames without touching the loaded (immutable) profile.
 */
public final class WorkProfile {
    private final Profile profile;
    private final List<WLoc> locs = new ArrayList<>();
    private List<WSample> samples;
    private List<Stack> stacks;

    /** Copies {@code profile}; identical stacks are shared so later work is per distinct stack. */
    public WorkProfile(Profile profile) {
        this.profile = profile;
        Map<Long, WLoc> byId = new HashMap<>();
        for (Location l : profile.locations()) {
            byId.computeIfAbsent(l.id(), id -> newLoc(l));
        }
        StackInterner interner = new StackInterner(byId, this);
        samples = new ArrayList<>(profile.samples().size());
        for (Sample s : profile.samples()) {
            samples.add(new WSample(interner.intern(s.locations()), s));
        }
        stacks = interner.stacks();
    }

    WLoc newLoc(Location l) {
        WLoc w = new WLoc(locs.size(), l);
        locs.add(w);
        return w;
    }

    public Profile profile() {
        return profile;
    }

    public List<WLoc> locations() {
        return locs;
    }

    public List<WSample> samples() {
        return samples;
    }

    /** The distinct stacks still used by some sample, each with its {@code index}. */
    public List<Stack> stacks() {
        return stacks;
    }

    public void setSamples(List<WSample> kept) {
        samples = kept;
        reindex();
    }

    /** Replaces every sample's stack by {@code f(stack)} (null drops the sample), once per distinct stack. */
    public void mapStacks(UnaryOperator<Stack> f) {
        Map<Stack, Stack> memo = new IdentityHashMap<>();
        List<WSample> kept = new ArrayList<>(samples.size());
        for (WSample s : samples) {
            Stack mapped = memo.computeIfAbsent(s.stack, st -> {
                Stack m = f.apply(st);
                return m == null ? NONE : m;
            });
            if (mapped != NONE) {
                s.stack = mapped;
                kept.add(s);
            }
        }
        setSamples(kept);
    }

    private static final Stack NONE = new Stack(new WLoc[0]);

    private void reindex() {
        Map<Stack, Boolean> seen = new IdentityHashMap<>();
        List<Stack> live = new ArrayList<>();
        for (WSample s : samples) {
            if (seen.put(s.stack, Boolean.TRUE) == null) {
                s.stack.index = live.size();
                live.add(s.stack);
            }
        }
        stacks = live;
    }
}
