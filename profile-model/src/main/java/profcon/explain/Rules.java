package profcon.explain;

import java.util.List;

/** The shapes explain judges: the one table of bug shapes. */
public final class Rules {
    /** A shape a window could not judge, and why (the data it needs is missing from it). */
    public record NotJudged(String id, String name, String why) {
    }

    private static final List<Rule> ALL = List.of(new DeadlockRule(), new LockContention(), new ReaderStarvation(),
            new WriteLockForReads(), new LockCoarsening(), new JdkContention(), new EmptyLockProfile(),
            new LockingFrequency(), new ThroughputWall(), new SleepDominatesBlock(), new CpuHotSpot(),
            new NativeDetour(), new ThreadLeak(), new ManyThreadsNoWork(), new StopTheWorldPauses(), new CpuSaturation(),
            new CpuThrottled(), new VirtualThreadPinning());

    private Rules() {
    }

    public static List<Rule> all() {
        return ALL;
    }
}
