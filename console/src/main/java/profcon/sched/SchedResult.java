package profcon.sched;

import java.util.List;

/**
 * What {@code sched} measured over one window: the CPUs the target may use, the machine's load at
 * both ends and how busy it was, the cgroup's throttling in the window (null without a CPU
 * cgroup), every thread alive at the end, and how many threads ended inside the window (their
 * time after the first reading is lost with them, so it is not counted).
 */
public record SchedResult(long windowNanos, CpuBudget budget, double load1Start, double load1End, int machineCpus,
                          double machineBusy, Throttling throttling, List<SchedThread> threads, int endedThreads) {
    public SchedResult {
        threads = List.copyOf(threads);
    }

    /** The threads in groups: by pool and kind, or one group per thread with {@code byThread}. */
    public List<SchedGroup> groups(boolean byThread) {
        return SchedGroup.of(threads, byThread);
    }

    /** The window in seconds, the unit of every rate. */
    public double seconds() {
        return windowNanos / 1e9;
    }
}
