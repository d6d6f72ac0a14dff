package profcon.explain;

import java.util.List;

/** The shapes explain judges, and those it cannot judge yet: the one table of bug shapes. */
public final class Rules {
    /** A shape no rule judges yet, and why (the data it needs is not collected yet). */
    public record NotJudged(String id, String name, String why) {
    }

    private static final List<Rule> ALL = List.of(new DeadlockRule(), new LockContention(), new ReaderStarvation(),
            new WriteLockForReads(), new LockCoarsening(), new JdkContention(), new EmptyLockProfile(),
            new LockingFrequency(), new ThroughputWall(), new SleepDominatesBlock(), new CpuHotSpot(),
            new NativeDetour(), new ThreadLeak(), new ManyThreadsNoWork(), new StopTheWorldPauses());

    // Data, not stubs: each becomes a Rule when its input is collected (an Input and one file each).
    private static final List<NotJudged> NOT_YET = List.of(
            new NotJudged("cpu-saturation", "CPU saturation / run-queue wait (tail latency, scheduler latency)",
                    "needs each thread's run-queue wait from /proc (sched), which explain does not collect yet; "
                            + "'profile wall' shows runnable threads far above the cores"),
            new NotJudged("virtual-thread-pinning", "virtual-thread pinning",
                    "needs jdk.VirtualThreadPinned, which explain does not collect yet (and JFR shows no lock or "
                            + "park waits of virtual threads at all)"));

    private Rules() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static List<NotJudged> notJudgedYet() {
        return NOT_YET;
    }
}
