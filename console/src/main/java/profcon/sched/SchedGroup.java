package profcon.sched;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Threads summed as one row of the {@code sched} report: a pool of one kind (the names a pool
 * holds, compressed as the thread views do), or a single thread.
 */
public record SchedGroup(String name, String kind, List<SchedThread> threads, long cpuNanos, long waitNanos,
                         long slices, long involuntary) {
    /** The groups of {@code threads}, busiest first: the most run-queue wait, then the most CPU. */
    static List<SchedGroup> of(List<SchedThread> threads, boolean byThread) {
        Map<List<String>, List<SchedThread>> byKey = new LinkedHashMap<>();
        for (SchedThread t : threads) {
            List<String> key = byThread ? List.of(t.name() + " (" + t.tid() + ")", t.kind()) : List.of(t.pool(), t.kind());
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
        }
        List<SchedGroup> groups = new ArrayList<>();
        byKey.forEach((key, members) -> groups.add(sum(key.get(0), key.get(1), members)));
        groups.sort(Comparator.comparingLong(SchedGroup::waitNanos).reversed()
                .thenComparing(Comparator.comparingLong(SchedGroup::cpuNanos).reversed())
                .thenComparing(SchedGroup::name));
        return groups;
    }

    private static SchedGroup sum(String name, String kind, List<SchedThread> members) {
        long cpu = 0;
        long wait = 0;
        long slices = 0;
        long involuntary = 0;
        for (SchedThread t : members) {
            cpu += t.cpuNanos();
            wait += t.waitNanos();
            slices += t.slices();
            involuntary += t.involuntary();
        }
        return new SchedGroup(name, kind, List.copyOf(members), cpu, wait, slices, involuntary);
    }

    /** The mean run-queue wait each time a thread of the group was scheduled in, in nanoseconds. */
    public long meanWaitNanos() {
        return slices == 0 ? 0 : waitNanos / slices;
    }

    /** True when no thread of the group ran or waited for a CPU in the window. */
    public boolean idle() {
        return cpuNanos == 0 && waitNanos == 0;
    }
}
