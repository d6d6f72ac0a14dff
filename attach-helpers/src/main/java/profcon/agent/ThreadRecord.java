package profcon.agent;

import java.util.ArrayList;
import java.util.List;

/** One thread as a dump saw it, from whichever JDK source: what {@link DumpText} writes per thread. */
final class ThreadRecord {
    long tid;
    String name = "";
    String state = "UNKNOWN";
    boolean virtual;
    boolean daemon;
    long carrierTid = -1;
    String lock = "";
    long lockOwnerTid = -1;
    String lockOwnerName = "";
    final List<StackTraceElement> frames = new ArrayList<>();
    /** "depth\tlock" for each monitor the thread holds (full dumps, and JDK 21+ JSON dumps). */
    final List<String> lockedMonitors = new ArrayList<>();
    /** Ownable synchronizers (j.u.c. locks) held: full dumps only. */
    final List<String> synchronizers = new ArrayList<>();
}
