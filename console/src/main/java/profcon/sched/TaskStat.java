package profcon.sched;

/**
 * One native thread's scheduler counters at an instant, from {@code /proc/PID/task/TID}: time on a
 * CPU and waiting on a run queue ({@code schedstat}), how often it was scheduled in, and its
 * voluntary and involuntary context switches ({@code status}); {@code comm} is the kernel's name,
 * cut to 15 characters.
 */
public record TaskStat(long tid, String comm, long cpuNanos, long waitNanos, long slices, long voluntary,
                       long involuntary) {
    /** The counters from the text of {@code schedstat} and {@code status}; IllegalArgumentException when malformed. */
    public static TaskStat parse(long tid, String comm, String schedstat, String status) {
        String[] f = schedstat.trim().split("\\s+");
        if (f.length < 3) {
            throw new IllegalArgumentException("task " + tid + ": schedstat has " + f.length + " fields, expected 3: '"
                    + schedstat.trim() + "'");
        }
        ProcStatus s = ProcStatus.parse(status);
        return new TaskStat(tid, comm.strip(), Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                s.number("voluntary_ctxt_switches"), s.number("nonvoluntary_ctxt_switches"));
    }

    /** What happened between {@code earlier} and this reading of the same thread. */
    public TaskStat minus(TaskStat earlier) {
        return new TaskStat(tid, comm, cpuNanos - earlier.cpuNanos, waitNanos - earlier.waitNanos,
                slices - earlier.slices, voluntary - earlier.voluntary, involuntary - earlier.involuntary);
    }
}
