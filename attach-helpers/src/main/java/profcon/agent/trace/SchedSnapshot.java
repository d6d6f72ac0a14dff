package profcon.agent.trace;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import jdk.jfr.Timestamp;

/**
 * One native thread's scheduling over one interval of a trace, as the console read it from Linux's
 * {@code /proc} and handed to the agent: committed into the target's own trace recording, so the
 * .jfr file carries the run-queue waits next to the JVM's events. Disabled unless a trace enables it.
 */
@Name(SchedSnapshot.NAME)
@Label("profcon sched snapshot")
@Description("A thread's CPU time, run-queue wait and context switches over one interval (Linux /proc, read by profcon's console)")
@Category("profcon")
@Enabled(false)
@StackTrace(false)
final class SchedSnapshot extends Event {
    static final String NAME = "profcon.SchedSnapshot";

    @Label("OS Thread Id")
    long osThreadId;

    @Label("Thread Name")
    @Description("The JVM's name of the thread when the console knew it, else the kernel's (15 characters)")
    String threadName;

    @Label("Read At")
    @Description("When the console read /proc: the end of the interval (the event's own time is when the agent got it)")
    @Timestamp
    long readAt;

    @Label("Interval")
    @Timespan
    long intervalNanos;

    @Label("CPU Time")
    @Timespan
    long cpuNanos;

    @Label("Run Queue Wait")
    @Timespan
    long runQueueNanos;

    @Label("Voluntary Switches")
    long voluntarySwitches;

    @Label("Involuntary Switches")
    long involuntarySwitches;
}
