package profcon.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import profcon.agent.encoding.ThreadNames;

/** One thread's facts while a trace file is read, in epoch nanoseconds: turned into a {@link TraceThread} once the window is known. */
final class ThreadTrack {
    /** A span before the window is known. */
    record Raw(long start, long end, ThreadState state, String detail, List<String> stack) {
    }

    private String name;
    private final long javaId;
    private long osId;
    private final boolean virtual;
    long started = -1;
    long ended = -1;
    private final List<Raw> spans = new ArrayList<>();
    // cpu samples by time, with their stacks: RUNNING spans, unless the sched readings give the thread's CPU time
    private final TreeMap<Long, List<String>> samples = new TreeMap<>();
    private boolean sched;

    ThreadTrack(String name, long javaId, long osId, boolean virtual) {
        this.name = name;
        this.javaId = javaId;
        this.osId = osId;
        this.virtual = virtual;
    }

    void add(Raw span) {
        spans.add(span);
    }

    void sample(long at, List<String> stack) {
        samples.put(at, stack);
    }

    /**
     * One sched reading: the run-queue wait, then the CPU time, from the interval's start. The
     * kernel's CPU time replaces the cpu samples' guess (JFR's sampler is starved too when threads
     * wait for a CPU); the running span keeps the stack of a sample inside the interval.
     */
    void sched(long from, long to, long waitNanos, long cpuNanos) {
        sched = true;
        long wait = Math.min(waitNanos, to - from);
        if (wait > 0) {
            spans.add(new Raw(from, from + wait, ThreadState.RUNQUEUE, "", List.of()));
        }
        long cpu = Math.min(cpuNanos, to - from - wait);
        if (cpu > 0) {
            Map.Entry<Long, List<String>> sample = samples.ceilingEntry(from);
            List<String> stack = sample == null || sample.getKey() > to ? List.of() : sample.getValue();
            spans.add(new Raw(from + wait, from + wait + cpu, ThreadState.RUNNING, "", stack));
        }
    }

    /** A better name and the OS id, when a later event knows them. */
    void learn(String javaName, long os) {
        if ((name == null || name.isEmpty()) && javaName != null) {
            name = javaName;
        }
        if (osId == 0) {
            osId = os;
        }
    }

    /**
     * The thread relative to {@code origin}, spans clipped to {@code [0, length]} and sorted, and
     * touching spans of one state and detail merged (consecutive cpu samples become one run).
     */
    TraceThread toThread(long origin, long length, long sampleNanos) {
        if (!sched) {
            samples.forEach((at, stack) -> spans.add(new Raw(at, at + sampleNanos, ThreadState.RUNNING, "", stack)));
        }
        spans.sort(Comparator.comparingLong(Raw::start));
        List<TraceSpan> out = new ArrayList<>();
        for (Raw r : spans) {
            long s = Math.max(0, Math.min(length, r.start() - origin));
            long e = Math.max(s, Math.min(length, r.end() - origin));
            if (e == s) {
                continue; // wholly outside the window
            }
            TraceSpan last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.state() == r.state() && last.detail().equals(r.detail()) && s <= last.endNanos()) {
                out.set(out.size() - 1, new TraceSpan(last.startNanos(), Math.max(e, last.endNanos()), last.state(),
                        last.detail(), last.stack()));
            } else {
                out.add(new TraceSpan(s, e, r.state(), r.detail(), r.stack()));
            }
        }
        String shown = name == null || name.isEmpty() ? (virtual ? "virtual#" + javaId : "tid " + osId) : name;
        boolean unnamed = name == null || name.isEmpty();
        String group = unnamed ? (virtual ? "virtual threads" : "unnamed threads") : ThreadNames.pool(shown);
        return new TraceThread(shown, group, javaId, osId, virtual, relative(started, origin, length),
                relative(ended, origin, length), out);
    }

    private static long relative(long at, long origin, long length) {
        return at < 0 ? -1 : Math.max(0, Math.min(length, at - origin));
    }
}
