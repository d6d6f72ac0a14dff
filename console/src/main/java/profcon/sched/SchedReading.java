package profcon.sched;

import java.util.Map;

/**
 * Everything {@code sched} reads at one instant, outside the target: every thread's counters,
 * the machine's load and the cgroup's throttling (null without a CPU cgroup). Two of them make a
 * window; a recording can take one at each interval.
 */
public record SchedReading(long nanoTime, Map<Long, TaskStat> tasks, MachineTimes machine, Throttling throttling) {
    public SchedReading {
        tasks = Map.copyOf(tasks);
    }
}
