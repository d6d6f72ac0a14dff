package profcon.threads;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Threads with one identical stack, the unit of the grouped view, with what they have in common. */
public record StackGroup(List<Frame> frames, List<DumpedThread> threads) {
    public StackGroup {
        frames = List.copyOf(frames);
        threads = List.copyOf(threads);
    }

    /** Groups threads by identical stack: most populous first, then by leaf frame, for a stable order. */
    public static List<StackGroup> of(List<DumpedThread> threads) {
        Map<List<Frame>, List<DumpedThread>> byStack = new LinkedHashMap<>();
        for (DumpedThread t : threads) {
            byStack.computeIfAbsent(t.frames(), k -> new ArrayList<>()).add(t);
        }
        List<StackGroup> groups = new ArrayList<>();
        byStack.forEach((frames, members) -> groups.add(new StackGroup(frames, members)));
        groups.sort(Comparator.comparingInt((StackGroup g) -> -g.count()).thenComparing(StackGroup::sortKey));
        return groups;
    }

    public int count() {
        return threads.size();
    }

    /** State name to number of threads in it, by name. */
    public Map<String, Integer> states() {
        Map<String, Integer> states = new TreeMap<>();
        threads.forEach(t -> states.merge(t.state(), 1, Integer::sum));
        return states;
    }

    public long virtualCount() {
        return threads.stream().filter(DumpedThread::virtual).count();
    }

    /** The lock classes waited for, to the number of distinct objects of each. */
    public Map<String, Long> lockClasses() {
        Map<String, java.util.Set<String>> objects = new TreeMap<>();
        for (DumpedThread t : threads) {
            if (!t.lock().isEmpty()) {
                objects.computeIfAbsent(t.lockClass(), k -> new java.util.TreeSet<>()).add(t.lock());
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        objects.forEach((k, v) -> counts.put(k, (long) v.size()));
        return counts;
    }

    /** Owner name (with tid) to the number of this group's threads waiting for a lock it holds. */
    public Map<String, Integer> owners() {
        Map<String, Integer> owners = new TreeMap<>();
        for (DumpedThread t : threads) {
            if (t.lockOwnerTid() >= 0) {
                owners.merge("\"" + t.lockOwnerName() + "\" (tid " + t.lockOwnerTid() + ")", 1, Integer::sum);
            }
        }
        return owners;
    }

    /** Each distinct set of application labels ({@code k=v k=v}, "" for none) to its number of threads, in text order. */
    public Map<String, Integer> labelSets() {
        Map<String, Integer> sets = new TreeMap<>();
        threads.forEach(t -> sets.merge(t.labelText(), 1, Integer::sum));
        return sets;
    }

    public List<String> names() {
        return threads.stream().map(DumpedThread::name).toList();
    }

    private String sortKey() {
        return frames.isEmpty() ? "" : frames.toString();
    }
}
