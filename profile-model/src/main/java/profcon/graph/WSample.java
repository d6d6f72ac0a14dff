package profcon.graph;

import java.util.List;
import java.util.Map;
import profcon.model.Sample;

/** A report's view of one sample: its (possibly filtered) stack and labels over the loaded sample's values. */
public final class WSample {
    Stack stack;
    final Sample sample;
    Map<String, List<String>> labels;
    Map<String, List<Long>> numLabels;
    Map<String, List<String>> numUnits;

    WSample(Stack stack, Sample sample) {
        this.stack = stack;
        this.sample = sample;
        this.labels = sample.labels();
        this.numLabels = sample.numLabels();
        this.numUnits = sample.numUnits();
    }

    public Stack stack() {
        return stack;
    }

    public void setStack(Stack s) {
        stack = s;
    }

    public long[] values() {
        return sample.values();
    }

    public Map<String, List<String>> labels() {
        return labels;
    }

    public Map<String, List<Long>> numLabels() {
        return numLabels;
    }

    public Map<String, List<String>> numUnits() {
        return numUnits;
    }

    public void setLabels(Map<String, List<String>> l, Map<String, List<Long>> n, Map<String, List<String>> u) {
        labels = l;
        numLabels = n;
        numUnits = u;
    }
}
