package profcon.pprof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples as decoded, before their ids are resolved (locations usually come after samples in
 * a file): a few flat arrays of primitives, each distinct stack and label set kept once. A million
 * samples over ten thousand stacks then cost about 30 MB instead of one object graph per sample.
 */
final class RawSamples {
    /** No labels. */
    static final int NONE = -1;

    private final Map<LongList, Integer> stackIndex = new HashMap<>();
    private final List<LongList> stacks = new ArrayList<>();
    private final Map<LongList, Integer> labelIndex = new HashMap<>();
    private final List<LongList> labelSets = new ArrayList<>();
    private final LongList values = new LongList();
    private int[] stackOf = new int[16];
    private int[] labelsOf = new int[16];
    private int[] valueCount = new int[16];
    private int size;

    /** Adds one sample; the lists are copied when new, so callers may reuse them. */
    void add(LongList locationIds, LongList sampleValues, LongList labels) {
        if (size == stackOf.length) {
            stackOf = Arrays.copyOf(stackOf, size * 2);
            labelsOf = Arrays.copyOf(labelsOf, size * 2);
            valueCount = Arrays.copyOf(valueCount, size * 2);
        }
        stackOf[size] = intern(locationIds, stackIndex, stacks);
        labelsOf[size] = labels.size() == 0 ? NONE : intern(labels, labelIndex, labelSets);
        valueCount[size] = sampleValues.size();
        for (int i = 0; i < sampleValues.size(); i++) {
            values.add(sampleValues.get(i));
        }
        size++;
    }

    private static int intern(LongList list, Map<LongList, Integer> index, List<LongList> distinct) {
        Integer known = index.get(list);
        if (known != null) {
            return known;
        }
        LongList copy = list.copy();
        index.put(copy, distinct.size());
        distinct.add(copy);
        return distinct.size() - 1;
    }

    int size() {
        return size;
    }

    int stackCount() {
        return stacks.size();
    }

    int labelSetCount() {
        return labelSets.size();
    }

    /** Index of sample {@code i}'s stack among {@link #stack(int)}. */
    int stackOf(int i) {
        return stackOf[i];
    }

    LongList stack(int index) {
        return stacks.get(index);
    }

    /** Index of sample {@code i}'s label set, or {@link #NONE}. */
    int labelsOf(int i) {
        return labelsOf[i];
    }

    /** A label set: (key, str, num, num_unit) string indices and numbers, four per label. */
    LongList labelSet(int index) {
        return labelSets.get(index);
    }

    int valueCount(int i) {
        return valueCount[i];
    }

    /** Copies sample values out in order: {@code from} is where sample {@code i}'s start (the sum of earlier counts). */
    long[] values(int from, int count) {
        return values.slice(from, count);
    }
}
