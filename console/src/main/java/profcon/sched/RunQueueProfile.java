package profcon.sched;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import profcon.model.Function;
import profcon.model.Line;
import profcon.model.Location;
import profcon.model.Mapping;
import profcon.model.Profile;
import profcon.model.Sample;
import profcon.model.ValueType;
import profcon.threads.Frame;

/**
 * A {@code sched} window as a pprof profile: one sample per thread, valued by its run-queue wait
 * ({@code runqueue/nanoseconds}, the default) and its CPU time ({@code cpu/nanoseconds}), on the
 * stack the thread had at the end of the window, labelled {@code thread}, {@code pool} and
 * {@code thread_kind}; so {@code top} names where starved threads were. A thread without a Java
 * stack (the JVM's own) gets one frame naming its kind and pool.
 */
public final class RunQueueProfile {
    private RunQueueProfile() {
    }

    /** {@code stacks}: each native thread's frames, leaf first, where the JVM gave one. */
    public static Profile of(SchedResult r, Map<Long, List<Frame>> stacks, long timeNanos) {
        Mapping jvm = new Mapping(1, 0, 0, 0, "[jvm]", "", true, true, true, false);
        Map<String, Function> functions = new LinkedHashMap<>();
        Map<Frame, Location> locations = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        for (SchedThread t : r.threads()) {
            if (t.cpuNanos() == 0 && t.waitNanos() == 0) {
                continue;
            }
            List<Frame> frames = stacks.getOrDefault(t.tid(), List.of());
            if (frames.isEmpty()) {
                frames = List.of(new Frame("", "[" + t.kind() + " thread " + t.pool() + "]", "", -1));
            }
            List<Location> stack = new ArrayList<>();
            for (Frame f : frames) {
                stack.add(locations.computeIfAbsent(f, k -> location(f, functions, locations.size() + 1, jvm)));
            }
            samples.add(new Sample(stack, new long[] {t.waitNanos(), t.cpuNanos()}, labels(t), Map.of(), Map.of()));
        }
        ValueType runqueue = new ValueType("runqueue", "nanoseconds");
        return new Profile(List.of(runqueue, new ValueType("cpu", "nanoseconds")), "runqueue", samples, List.of(jvm),
                List.copyOf(locations.values()), List.copyOf(functions.values()), "", "", timeNanos, r.windowNanos(),
                runqueue, 1, List.of("profcon sched: run-queue wait and CPU time per thread from /proc, on each "
                        + "thread's stack at the end of the window"), "");
    }

    private static Location location(Frame f, Map<String, Function> functions, long id, Mapping jvm) {
        Function fn = functions.computeIfAbsent(f.function(), name -> new Function(functions.size() + 1, name, name,
                f.file(), 0));
        return new Location(id, jvm, 0, List.of(new Line(fn, Math.max(0, f.line()), 0)), false);
    }

    private static Map<String, List<String>> labels(SchedThread t) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        labels.put("thread", List.of(t.name()));
        labels.put("pool", List.of(t.pool()));
        labels.put("thread_kind", List.of(t.kind()));
        return labels;
    }
}
