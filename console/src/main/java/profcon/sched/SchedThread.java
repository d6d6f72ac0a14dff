package profcon.sched;

/**
 * One thread over a {@code sched} window: its name (the JVM's exact name, or the kernel's 15
 * characters for a thread the JVM does not list), its kind ({@code java}, {@code jvm} for the JVM's
 * own threads, {@code agent} for profcon's), its pool, and what the scheduler gave it: nanoseconds
 * on a CPU and waiting on a run queue, times scheduled in, voluntary and involuntary switches.
 * {@code started} when it began inside the window (all its time counts).
 */
public record SchedThread(long tid, String name, String kind, String pool, long cpuNanos, long waitNanos,
                          long slices, long voluntary, long involuntary, boolean started) {
}
