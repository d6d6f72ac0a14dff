package profcon.threads;

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

/**
 * A thread dump as a pprof profile of type {@code goroutine/count}, as Go's goroutine profile:
 * one sample per (stack, state, labels) with the number of threads, labelled {@code state},
 * {@code thread_kind} and the threads' application labels, so {@code top}, {@code peek}, {@code traces} and {@code go tool pprof} read it.
 */
public final class GoroutineProfile {
    private GoroutineProfile() {
    }

    public static Profile of(ThreadDump dump) {
        Mapping jvm = new Mapping(1, 0, 0, 0, "[jvm]", "", true, true, true, false);
        Map<String, Function> functions = new LinkedHashMap<>();
        Map<Frame, Location> locations = new LinkedHashMap<>();
        Map<List<Object>, long[]> counts = new LinkedHashMap<>();
        Map<List<Object>, List<Location>> stacks = new LinkedHashMap<>();
        for (DumpedThread t : dump.threads()) {
            List<Object> key = List.of(t.frames(), t.state(), t.virtual(), t.labels());
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            stacks.computeIfAbsent(key, k -> locations(t.frames(), functions, locations, jvm));
        }
        List<Sample> samples = new ArrayList<>();
        counts.forEach((key, count) -> samples.add(new Sample(stacks.get(key), count, labels(key), Map.of(),
                Map.of())));
        ValueType type = new ValueType("goroutine", "count");
        return new Profile(List.of(type), "goroutine", samples, List.of(jvm), List.copyOf(locations.values()),
                List.copyOf(functions.values()), "", "", dump.timeMillis() * 1_000_000L, 0, type, 1,
                List.of("profcon thread dump: " + dump.method()), "");
    }

    /** profcon's labels of a (stack, state, kind, labels) key, then the application's as they are. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> labels(List<Object> key) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        labels.put("state", List.of((String) key.get(1)));
        labels.put("thread_kind", List.of((Boolean) key.get(2) ? "virtual" : "platform"));
        ((Map<String, String>) key.get(3)).forEach((k, v) -> labels.merge(k, List.of(v), GoroutineProfile::both));
        return java.util.Collections.unmodifiableMap(labels);
    }

    /** A user label with the key of one of profcon's becomes its second value, as in the other kinds. */
    private static List<String> both(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static List<Location> locations(List<Frame> frames, Map<String, Function> functions,
                                            Map<Frame, Location> locations, Mapping jvm) {
        List<Location> stack = new ArrayList<>();
        for (Frame f : frames) {
            stack.add(locations.computeIfAbsent(f, k -> {
                Function fn = functions.computeIfAbsent(f.function(), name -> new Function(functions.size() + 1,
                        name, name, f.file(), 0));
                return new Location(locations.size() + 1, jvm, 0, List.of(new Line(fn, Math.max(0, f.line()), 0)),
                        false);
            }));
        }
        return stack;
    }
}
