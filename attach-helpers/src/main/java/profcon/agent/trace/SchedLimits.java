package profcon.agent.trace;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * The CPUs the target could use over a trace's window and how much its cgroup throttled it, as the
 * console read them: one per trace, next to the {@link SchedSnapshot}s (or saying why there are none).
 */
@Name(SchedLimits.NAME)
@Label("profcon sched window")
@Description("The CPUs allowed, the cgroup quota and throttling over a profcon trace's window")
@Category("profcon")
@Enabled(false)
@StackTrace(false)
final class SchedLimits extends Event {
    static final String NAME = "profcon.SchedWindow";

    @Label("Sched Available")
    boolean available;

    @Label("Note")
    String note;

    @Label("Interval")
    @Timespan
    long intervalNanos;

    @Label("CPUs Allowed")
    String cpusAllowed;

    @Label("CPU Count")
    int cpuCount;

    @Label("Quota CPUs")
    double quotaCpus;

    @Label("Throttled Periods")
    long throttledPeriods;

    @Label("Throttled Time")
    @Timespan
    long throttledNanos;
}
