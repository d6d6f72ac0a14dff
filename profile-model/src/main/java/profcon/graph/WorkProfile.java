package profcon.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import profcon.model.Profile;
import profcon.model.Sample;

/**
 * A per-report working copy of a profile: its own locations and distinct stacks, and the kept
 * samples as arrays (no object per sample), so filters can drop lines, frames, samples and labels
 * without touching the loaded (immutable) profile. Samples are addressed by position {@code k}.
 */
public final class WorkProfile {
    private final Profile profile;
    private final List<WLoc> locs;
    private List<Stack> stacks;
    private int[] live;
    private int[] stackOf;
    private Map<String, List<String>>[] labels;
    private Map<String, List<Long>>[] numLabels;
    private Map<String, List<String>>[] numUnits;

    /** Copies {@code profile}; the stack index is shared with other reports on the same profile. */
    public WorkProfile(Profile profile) {
        this.profile = profile;
        StackIndex index = StackIndex.of(profile);
        locs = new ArrayList<>(index.locations.length);
        for (int i = 0; i < index.locations.length; i++) {
            locs.add(new WLoc(i, index.locations[i]));
        }
        stacks = new ArrayList<>(index.stacks.length);
        for (int[] s : index.stacks) {
            WLoc[] w = new WLoc[s.length];
            for (int i = 0; i < s.length; i++) {
                w[i] = locs.get(s[i]);
            }
            Stack st = new Stack(w);
            st.index = stacks.size();
            stacks.add(st);
        }
        live = new int[index.sampleStack.length];
        Arrays.setAll(live, i -> i);
        stackOf = index.sampleStack.clone();
    }

    private GraphOptions infosFor;
    private NodeInfo[][] infos;

    /** Node infos per location line, kept while the options (and the locations) stay the same. */
    NodeInfo[][] nodeInfos(GraphOptions o) {
        if (infos == null || !o.equals(infosFor)) {
            infos = Graph.nodeInfos(this, o);
            infosFor = o;
        }
        return infos;
    }

    public Profile profile() {
        return profile;
    }

    public List<WLoc> locations() {
        return locs;
    }

    /** The distinct stacks, each with its {@code index}; some may no longer be used by any sample. */
    public List<Stack> stacks() {
        return stacks;
    }

    /** How many samples are kept. */
    public int size() {
        return live.length;
    }

    public Sample sample(int k) {
        return profile.samples().get(live[k]);
    }

    public long[] values(int k) {
        return sample(k).values();
    }

    public Stack stack(int k) {
        return stacks.get(stackOf[k]);
    }

    public int stackIndex(int k) {
        return stackOf[k];
    }

    public Map<String, List<String>> labels(int k) {
        return labels != null ? labels[k] : sample(k).labels();
    }

    public Map<String, List<Long>> numLabels(int k) {
        return numLabels != null ? numLabels[k] : sample(k).numLabels();
    }

    public Map<String, List<String>> numUnits(int k) {
        return numUnits != null ? numUnits[k] : sample(k).numUnits();
    }

    /** Replaces the labels of sample {@code k}. */
    @SuppressWarnings("unchecked")
    public void setLabels(int k, Map<String, List<String>> l, Map<String, List<Long>> n, Map<String, List<String>> u) {
        if (labels == null) {
            labels = new Map[live.length];
            numLabels = new Map[live.length];
            numUnits = new Map[live.length];
            for (int i = 0; i < live.length; i++) {
                labels[i] = sample(i).labels();
                numLabels[i] = sample(i).numLabels();
                numUnits[i] = sample(i).numUnits();
            }
        }
        labels[k] = l;
        numLabels[k] = n;
        numUnits[k] = u;
    }

    /** Replaces every stack by {@code f(stack)}, once per distinct stack; null drops its samples. */
    public void mapStacks(UnaryOperator<Stack> f) {
        List<Stack> mapped = new ArrayList<>(stacks.size());
        int[] newIndex = new int[stacks.size()];
        for (Stack s : stacks) {
            Stack m = f.apply(s);
            newIndex[s.index] = m == null ? -1 : mapped.size();
            if (m != null) {
                mapped.add(m);
            }
        }
        for (int i = 0; i < mapped.size(); i++) {
            mapped.get(i).index = i;
        }
        stacks = mapped;
        for (int k = 0; k < stackOf.length; k++) {
            stackOf[k] = newIndex[stackOf[k]];
        }
        retain(k -> stackOf[k] >= 0);
    }

    /** Keeps only the samples {@code keep} accepts (by position). */
    public void retain(IntPredicate keep) {
        int n = 0;
        for (int k = 0; k < live.length; k++) {
            if (keep.test(k)) {
                live[n] = live[k];
                stackOf[n] = stackOf[k];
                if (labels != null) {
                    labels[n] = labels[k];
                    numLabels[n] = numLabels[k];
                    numUnits[n] = numUnits[k];
                }
                n++;
            }
        }
        if (n != live.length) {
            live = Arrays.copyOf(live, n);
            stackOf = Arrays.copyOf(stackOf, n);
            if (labels != null) {
                labels = Arrays.copyOf(labels, n);
                numLabels = Arrays.copyOf(numLabels, n);
                numUnits = Arrays.copyOf(numUnits, n);
            }
        }
    }
}
