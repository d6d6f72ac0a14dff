package profcon.sched;

/** A cgroup's CFS bandwidth counters ({@code cpu.stat}): enforcement periods, how many throttled, for how long. */
public record Throttling(long periods, long throttledPeriods, long throttledNanos) {
    /** What happened between {@code earlier} and this reading. */
    public Throttling minus(Throttling earlier) {
        return new Throttling(periods - earlier.periods, throttledPeriods - earlier.throttledPeriods,
                throttledNanos - earlier.throttledNanos);
    }

    /** The counters from {@code cpu.stat}'s text: v1 counts {@code throttled_time} in ns, v2 {@code throttled_usec}. */
    static Throttling parse(String cpuStat) {
        ProcStatus f = ProcStatus.parse(cpuStat.replace(' ', ':'));
        long nanos = f.fields().containsKey("throttled_usec") ? f.number("throttled_usec") * 1000
                : f.number("throttled_time");
        return new Throttling(f.number("nr_periods"), f.number("nr_throttled"), nanos);
    }
}
